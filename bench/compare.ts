/**
 * `npm run bench:compare [-- --pages 2920 --seconds 5 --rounds 3 --connections 10 --db both]`:
 * the API against hand-written SQL, shape by shape. A generated archive (8 articles a page:
 * 2,920 pages are 23,360 articles) is ingested with `papergraph ingest` into SQLite and/or a
 * PostgreSQL database of its own on 127.0.0.1; a real `papergraph serve` (response cache and
 * rate limit off) answers each shape, and so does bench/compare-sql.ts, a bare node:http server
 * answering the same JSON with one SQL statement. Answers are checked equal first. Then
 * interleaved rounds (API, SQL; SQL, API; …) of a fixed number of seconds each, by autocannon
 * with a bounded duration; prints req/s, p50/p99 (the median round), the API's SQL statements
 * per request (counted in-process on the same database) and the ratio API / SQL.
 *
 * `--keep DIR` keeps the ingested archive for the next run, which reuses it instead of ingesting
 * again: the SQLite file in DIR, and a PostgreSQL database named after DIR's last part.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawn } from "node:child_process";
import { isDeepStrictEqual, parseArgs } from "node:util";
import autocannon from "autocannon";
import pg from "pg";
import { projectRoot, seedsDir } from "../src/lib/paths.ts";
import { openDatabase } from "../src/db/database.ts";
import { createServer } from "../src/server/index.ts";
import { generatePages } from "../test/support/generated-corpus.ts";
import { ftsMatch } from "../src/search/tokens.ts";
import { normaliseForSearch } from "../src/search/normalise.ts";
import { postQuery, runCli, startServer } from "../test/support/cli.ts";

const { values } = parseArgs({
  options: {
    pages: { type: "string", default: "2920" },
    seconds: { type: "string", default: "5" },
    rounds: { type: "string", default: "3" },
    connections: { type: "string", default: "10" },
    db: { type: "string", default: "both" },
    keep: { type: "string" },
    postgres: { type: "string", default: "postgresql://postgres@127.0.0.1:5432" },
  },
});
const pageCount = Number(values.pages);
const seconds = Math.min(60, Number(values.seconds));
const rounds = Math.min(10, Number(values.rounds));
const connections = Number(values.connections);
const kinds = values.db === "both" ? ["sqlite", "postgresql"] : [values.db!];

const kept = values.keep ? path.resolve(values.keep) : null;
if (kept) fs.mkdirSync(kept, { recursive: true });
const folder = kept ?? fs.mkdtempSync(path.join(os.tmpdir(), "papergraph-compare-"));
const archive = path.join(folder, "taiyuan-daily");
const pages = generatePages(pageCount, { seed: 7 });
for (const page of pages) {
  fs.mkdirSync(path.join(archive, page.date), { recursive: true });
  fs.writeFileSync(path.join(archive, page.date, `page-${String(page.pageNumber).padStart(2, "0")}.txt`), page.text);
}
fs.copyFileSync(path.join(seedsDir, "taiyuan-daily", "publication.json"), path.join(archive, "publication.json"));
const date = pages[Math.floor(pages.length / 2)]!.date;

interface Shape {
  name: string;
  query: string;
  variables: Record<string, unknown>;
  /** What the hand-written server needs beyond the variables (the cursor's key). */
  sqlVariables?: Record<string, unknown>;
}

const SHAPES: Shape[] = [
  {
    name: "frontPage",
    query: `query($publication: String!, $date: Date!) { issue(publication: $publication, date: $date) { pages { articles { headline kicker source credits { role person { name } } mentions { title person { name } } } } } }`,
    variables: { publication: "taiyuan-daily", date },
  },
  {
    name: "timeline",
    query: `query($name: String!) { person(name: $name) { mentions(first: 50) { edges { node { title article { headline page { number issue { date } } } } } } } }`,
    variables: { name: "韦韬" },
  },
  {
    name: "newestSecondPage",
    query: `query($after: String) { articles(first: 100, after: $after) { edges { node { id headline page { number issue { date } } } } } }`,
    variables: {},
  },
  {
    // A phrase newest first, as bench:search's "search 4 chars newest".
    name: "search",
    query: `query($query: String!) { search(query: $query, first: 20) { edges { node { article { headline } } } } }`,
    variables: { query: "安全生产" },
    sqlVariables: { match: ftsMatch([normaliseForSearch("安全生产")], null, null), term: normaliseForSearch("安全生产") },
  },
  {
    name: "personArticles",
    query: `query($name: String!) { person(name: $name) { articles(first: 10) { totalCount edges { node { headline issue { date } } } } } }`,
    variables: { name: "王纯" },
  },
];

async function sqlServer(url: string) {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(projectRoot, "bench", "compare-sql.ts"), url], { stdio: ["ignore", "pipe", "inherit"] });
  const port = await new Promise<string>((resolve) => child.stdout.on("data", (chunk: Buffer) => resolve(/port (\d+)/.exec(String(chunk))![1]!)));
  return { url: `http://127.0.0.1:${port}`, stop: () => child.kill("SIGTERM") };
}

function load(url: string, body: string) {
  return autocannon({ url, method: "POST", connections, duration: seconds, headers: { "content-type": "application/json" }, body });
}

const median = (numbers: number[]) => [...numbers].sort((a, b) => a - b)[Math.floor(numbers.length / 2)]!;

/** The API's statements for each shape, counted in-process on the same database. */
async function statementsPerRequest(url: string, shapes: Shape[]): Promise<Map<string, number>> {
  let count = 0;
  const database = await openDatabase({ url, isDefault: false }, { migrate: false, onStatement: () => void count++ });
  const yoga = createServer(database.reader);
  const counts = new Map<string, number>();
  for (const shape of shapes) {
    await yoga.fetch("http://papergraph/graphql", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: shape.query, variables: shape.variables }) });
    count = 0;
    await yoga.fetch("http://papergraph/graphql", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: shape.query, variables: shape.variables }) });
    counts.set(shape.name, count);
  }
  await database.close();
  return counts;
}

console.log(`bench:compare ${new Date().toISOString()}, load average ${os.loadavg().map((n) => n.toFixed(1)).join(" ")} on ${os.cpus().length} cores`);
for (const kind of kinds) {
  let url: string;
  let drop = async () => {};
  let reuse = false;
  if (kind === "postgresql") {
    const name = kept ? `papergraph_compare_${path.basename(kept).replace(/\W/g, "_")}` : `papergraph_compare_${process.pid}`;
    const admin = new pg.Client({ connectionString: `${values.postgres}/postgres` });
    await admin.connect();
    reuse = kept !== null && (await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])).rowCount === 1;
    if (!reuse) await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    url = `${values.postgres}/${name}`;
    if (!kept) drop = async () => {
      const client = new pg.Client({ connectionString: `${values.postgres}/postgres` });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    };
  } else {
    url = `file:${path.join(folder, "compare.db")}`;
    reuse = kept !== null && fs.existsSync(path.join(folder, "compare.db"));
  }
  const env = { DATABASE_URL: url, RESPONSE_CACHE_TTL: "0", RATE_LIMIT: "0", NODE_ENV: "production", LOG_FORMAT: "json" };
  const started = Date.now();
  if (reuse) console.log(`\n${kind}: the archive ingested by an earlier run (--keep ${kept})`);
  else {
    const ingest = await runCli(["ingest", archive, "--json"], { env });
    if (ingest.code !== 0) throw new Error(ingest.stderr);
    console.log(`\n${kind}: ${pageCount} generated pages, ${JSON.parse(ingest.stdout).articles} articles, ingested in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }
  if (kind === "postgresql" && !reuse) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query("ANALYZE");
    await client.end();
  }

  const api = await startServer({ env, args: ["--host", "127.0.0.1"] });
  const apiUrl = api.url.replace("localhost", "127.0.0.1");
  const sql = await sqlServer(url);
  try {
    // The second page starts after the first page's last cursor; the SQL server gets that article's key.
    const first = await postQuery(apiUrl, `{ articles(first: 100) { edges { cursor node { id } } } }`);
    const last = first.data.articles.edges.at(-1);
    const lastId = Number(Buffer.from(last.node.id, "base64").toString().split(":")[1]);
    const key = await (async () => {
      const database = await openDatabase({ url, isDefault: false }, { migrate: false });
      const row = await database.reader.article.findUniqueOrThrow({ where: { id: lastId }, select: { id: true, issueDate: true, pageNumber: true, position: true } });
      await database.close();
      return row;
    })();
    SHAPES[2]!.variables = { after: last.cursor };
    SHAPES[2]!.sqlVariables = { key };

    for (const shape of SHAPES) {
      const viaApi = await postQuery(apiUrl, shape.query, shape.variables);
      const viaSql = await (await fetch(`${sql.url}/${shape.name}`, { method: "POST", body: JSON.stringify({ variables: { ...shape.variables, ...shape.sqlVariables } }) })).json();
      if (viaApi.errors || !isDeepStrictEqual(viaApi.data, viaSql.data)) throw new Error(`${kind} ${shape.name}: the hand-written SQL does not answer the same JSON:\n${JSON.stringify(viaApi).slice(0, 600)}\n${JSON.stringify(viaSql).slice(0, 600)}`);
    }
    const statements = await statementsPerRequest(url, SHAPES);

    const results = new Map<string, { api: autocannon.Result[]; sql: autocannon.Result[] }>(SHAPES.map((shape) => [shape.name, { api: [], sql: [] }]));
    for (let round = 0; round < rounds; round++) {
      for (const shape of SHAPES) {
        const runs = [
          async () => results.get(shape.name)!.api.push(await load(apiUrl, JSON.stringify({ query: shape.query, variables: shape.variables }))),
          async () => results.get(shape.name)!.sql.push(await load(`${sql.url}/${shape.name}`, JSON.stringify({ variables: { ...shape.variables, ...shape.sqlVariables } }))),
        ];
        for (const run of round % 2 === 0 ? runs : runs.reverse()) await run();
      }
    }
    console.log(`${rounds} interleaved rounds of ${seconds} s per side, ${connections} connections, response cache off; medians of the rounds`);
    for (const shape of SHAPES) {
      const { api: apiRuns, sql: sqlRuns } = results.get(shape.name)!;
      const figures = (runs: autocannon.Result[]) => {
        const failed = runs.reduce((sum, run) => sum + run.errors + run.timeouts + run.non2xx, 0);
        return { rps: median(runs.map((run) => run.requests.average)), p50: median(runs.map((run) => run.latency.p50)), p99: median(runs.map((run) => run.latency.p99)), failed };
      };
      const a = figures(apiRuns);
      const s = figures(sqlRuns);
      console.log(
        `${shape.name.padEnd(17)} API ${a.rps.toFixed(0).padStart(5)} req/s p50 ${a.p50} ms p99 ${a.p99} ms, ${statements.get(shape.name)} statements | ` +
          `SQL ${s.rps.toFixed(0).padStart(5)} req/s p50 ${s.p50} ms p99 ${s.p99} ms, 1 statement | ratio ${(a.rps / s.rps).toFixed(2)}` +
          (a.failed + s.failed ? ` | failed requests: API ${a.failed}, SQL ${s.failed}` : ""),
      );
    }
  } finally {
    sql.stop();
    await api.stop();
    await drop();
  }
}
if (!kept) fs.rmSync(folder, { recursive: true, force: true });
