/**
 * `npm run bench:load [-- --duration 60 --connections 20 --pages 400]`: a real
 * `papergraph serve` on 127.0.0.1 over a generated corpus (SQLite), loaded by autocannon
 * with a mix of front-page, person, search and paginated queries; prints throughput,
 * latency and errors, and the server's memory: after a warm-up (the same mix for a quarter of
 * the duration: V8 grows its heap to the load's working size first), every 10 s during the
 * run, and after it. Then the front-page query alone, side by side with a hand-written single
 * SQL query that returns the same JSON, and the ratio; and `{ __typename }`, which runs no
 * resolver and reads nothing: the most any query can get from the server's HTTP and GraphQL
 * layers. The rate limit is off. The response cache is off, so every request runs its query,
 * but for one more front-page run on a second server with the cache as `serve` has it by
 * default (each request then reads the data version and is answered from the cache before
 * yoga, src/server/cached-answers.ts).
 */
import fs from "node:fs";
import { spawn } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { projectRoot, seedsDir } from "../src/lib/paths.ts";
import { generatePages } from "../test/support/generated-corpus.ts";
import { postQuery, runCli, startServer } from "../test/support/cli.ts";

const { values } = parseArgs({
  options: { duration: { type: "string", default: "60" }, connections: { type: "string", default: "20" }, pages: { type: "string", default: "400" } },
});
const duration = Number(values.duration);
const connections = Number(values.connections);
const pageCount = Number(values.pages);

const folder = fs.mkdtempSync(path.join(os.tmpdir(), "papergraph-load-"));
const archive = path.join(folder, "taiyuan-daily");
for (const page of generatePages(pageCount, { seed: 11 })) {
  fs.mkdirSync(path.join(archive, page.date), { recursive: true });
  fs.writeFileSync(path.join(archive, page.date, `page-${String(page.pageNumber).padStart(2, "0")}.txt`), page.text);
}
fs.copyFileSync(path.join(seedsDir, "taiyuan-daily", "publication.json"), path.join(archive, "publication.json"));
const file = path.join(folder, "load.db");
const env = { DATABASE_URL: `file:${file}`, RESPONSE_CACHE_TTL: "0", RATE_LIMIT: "0", NODE_ENV: "production", LOG_FORMAT: "json" };
const ingest = await runCli(["ingest", archive, "--json"], { env });
if (ingest.code !== 0) throw new Error(ingest.stderr);
console.log(`corpus: ${pageCount} generated pages, ${JSON.parse(ingest.stdout).articles} articles`);

const server = await startServer({ env, args: ["--host", "127.0.0.1"] });
const url = server.url.replace("localhost", "127.0.0.1");
const rss = () => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${server.process.pid}/status`, "utf8"))![1]) / 1024;
/** The V8 heap in use, from the server's own /metrics (prom-client's process figures). */
const heapUsed = async () => {
  const metrics = await (await fetch(url.replace("/graphql", "/metrics"))).text();
  return Number(/^nodejs_heap_size_used_bytes (\S+)$/m.exec(metrics)![1]) / 2 ** 20;
};
const memory = async () => `RSS ${rss().toFixed(0)} MB, heap used ${(await heapUsed()).toFixed(0)} MB`;

const date = generatePages(1, { seed: 11 })[0]!.date;
const FRONT_PAGE = `{ page(publication: "taiyuan-daily", date: "${date}", number: 1) { articles { kicker headline subheadline dateline } } }`;
const QUERIES = [
  FRONT_PAGE,
  `{ person(name: "韦韬") { name titles { title count } articles(first: 10) { totalCount edges { node { headline issue { date } } } } } }`,
  `{ search(query: "太忻 经济", first: 10) { totalCount edges { node { article { headline } snippets { field text } } } } }`,
  `{ issues(first: 20) { totalCount edges { cursor node { date pages { number } } } pageInfo { hasNextPage endCursor } } }`,
];
for (const query of QUERIES) {
  const answer = await postQuery(url, query);
  if (answer.errors) throw new Error(`${query}: ${JSON.stringify(answer.errors)}`);
}

const body = (query: string) => JSON.stringify({ query });
async function load(target: string, bodies: string[], seconds: number) {
  let next = 0;
  return autocannon({
    url: target,
    method: "POST",
    connections,
    duration: seconds,
    headers: { "content-type": "application/json" },
    requests: [{ setupRequest: (request) => ({ ...request, body: bodies[next++ % bodies.length]! }) }],
  });
}
const report = (name: string, result: autocannon.Result) =>
  console.log(
    `${name}: ${result.requests.average.toFixed(0)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ` +
      `${result.requests.total} requests, errors ${result.errors}, timeouts ${result.timeouts}, non-2xx ${result.non2xx}`,
  );

console.log(`server memory at rest: ${await memory()}`);
const warmUp = Math.max(5, Math.round(duration / 4));
await load(url, QUERIES.map(body), warmUp);
console.log(`after a ${warmUp} s warm-up: ${await memory()}`);
const samples: string[] = [];
const sampler = setInterval(() => samples.push(rss().toFixed(0)), 10_000);
const mixed = await load(url, QUERIES.map(body), duration);
clearInterval(sampler);
report(`mixed load, ${connections} connections, ${duration} s`, mixed);
// Errors in a 200 answer count too: a sample of each query after the run must be clean.
for (const query of QUERIES) if ((await postQuery(url, query)).errors) console.log(`GraphQL errors after the run: ${query}`);
console.log(`server RSS every 10 s during the run: ${samples.join(", ")} MB`);
console.log(`after the run: ${await memory()}`);

// The front page by hand: one SQL statement that builds the same JSON, served by a process of
// its own, on bare node:http or from inside papergraph's server (yoga and its plugins).
async function sqlServerAt(...args: string[]) {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(projectRoot, "bench", "front-page-sql.ts"), file, date, ...args], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const port = await new Promise<string>((resolve) => child.stdout.on("data", (chunk: Buffer) => resolve(/port (\d+)/.exec(String(chunk))![1]!)));
  const at = `http://127.0.0.1:${port}/graphql`;
  const viaApi = await postQuery(url, FRONT_PAGE);
  const viaSql = await (await fetch(at, { method: "POST", headers: { "content-type": "application/json" }, body: body(FRONT_PAGE) })).json();
  if (JSON.stringify(viaApi.data) !== JSON.stringify(viaSql.data)) throw new Error("the hand-written SQL does not return the same JSON");
  return { url: at, stop: () => child.kill("SIGTERM") };
}
const sqlServer = await sqlServerAt();
const sqlUrl = sqlServer.url;

const side = Math.max(5, Math.round(duration / 4));
const api = await load(url, [body(FRONT_PAGE)], side);
report(`front page via GraphQL, response cache off, ${side} s`, api);
const { RESPONSE_CACHE_TTL: _, ...cachedEnv } = env;
const cachedServer = await startServer({ env: cachedEnv, args: ["--host", "127.0.0.1"] });
const cachedUrl = cachedServer.url.replace("localhost", "127.0.0.1");
if ((await postQuery(cachedUrl, FRONT_PAGE)).extensions?.responseCache?.didCache !== true) throw new Error("the second server does not cache answers");
const cached = await load(cachedUrl, [body(FRONT_PAGE)], side);
report(`front page via GraphQL, response cache on (the default), ${side} s`, cached);
await cachedServer.stop();
const sql = await load(sqlUrl, [body(FRONT_PAGE)], side);
report(`front page via one hand-written SQL query, ${side} s`, sql);
const floor = await load(url, [body("{ __typename }")], side);
report(`{ __typename } via GraphQL, ${side} s`, floor);
const inServer = await sqlServerAt("--in-server");
const sqlInServer = await load(inServer.url, [body(FRONT_PAGE)], side);
report(`front page via the same SQL query answered inside papergraph's server, ${side} s`, sqlInServer);
inServer.stop();
const ratio = (result: autocannon.Result, to = sql) => (result.requests.average / to.requests.average).toFixed(2);
console.log(`ratio GraphQL / SQL, response cache off: ${ratio(api)}; on (the default): ${ratio(cached)} (goal ≥ 0.5)`);
console.log(`ratio { __typename } / SQL: ${ratio(floor)} (the most a query run on every request can reach on this server)`);
console.log(
  `ratio GraphQL / the SQL inside papergraph's server (HTTP and plugins on both sides), response cache off: ${ratio(api, sqlInServer)}; on: ${ratio(cached, sqlInServer)}`,
);

sqlServer.stop();
await server.stop();
fs.rmSync(folder, { recursive: true, force: true });
