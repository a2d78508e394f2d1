/**
 * npm run bench:search [-- --articles 100000 --runs 200] [-- --no-postgres | --keep-postgres | --postgres URL] [-- --sqlite FILE]
 * p50/p95 latency of search and person queries on a generated corpus (test/support/
 * generated-corpus.ts) in a temporary SQLite file. The corpus is parsed by the parser and
 * written by the same writePageWith as ingest (so the search rows are those ingest writes),
 * 200 pages per transaction to build it faster. Goal: p95 < 50 ms on SQLite.
 *
 * When the PostgreSQL server of the tests is reachable (TEST_DATABASE_URL, default the local
 * one), the same corpus is copied into a temporary database there, rows in bulk (JSON batches
 * through json_populate_recordset, the tsvector rows computed by pgSearchRows as ingest
 * computes them, the GIN indexes built after the load), and the same queries are measured.
 *
 * `--sqlite FILE` keeps the SQLite corpus in FILE, and measures FILE as it is when it already
 * exists: the corpus takes minutes to build, a closer look at one query takes many runs.
 * `--postgres URL` does the same for PostgreSQL: the database is created and filled when it
 * holds no article, else measured as it is (after its pending migrations, as a server opens it).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { openDatabase } from "../src/db/database.ts";
import { createDatabase } from "../test/support/global-setup.ts";
import { admin, databaseUrl, postgresReachable } from "../test/support/postgres.ts";
import { createServer } from "../src/server/index.ts";
import { openSqliteCorpus } from "./corpus.ts";
import { copyToPostgres } from "./pg-corpus.ts";

const { values } = parseArgs({
  options: {
    articles: { type: "string", default: "100000" },
    runs: { type: "string", default: "100" },
    "no-postgres": { type: "boolean", default: false },
    // Keep the temporary PostgreSQL database (named in the output) for a closer look.
    "keep-postgres": { type: "boolean", default: false },
    sqlite: { type: "string" },
    postgres: { type: "string" },
  },
});
const wanted = Number(values.articles);
const runs = Number(values.runs);
const folder = fs.mkdtempSync(path.join(os.tmpdir(), "papergraph-bench-search-"));
const file = values.sqlite ? path.resolve(values.sqlite) : path.join(folder, "bench.db");
let started = performance.now();
const { database, built: wasBuilt } = await openSqliteCorpus(file, wanted);
const articles = await database.reader.article.count();
const pageCount = await database.reader.page.count();
const size = fs.statSync(file).size;
const built = !wasBuilt ? `reused ${file}` : `built in ${((performance.now() - started) / 1000).toFixed(0)} s`;
console.log(`corpus: ${articles} articles in ${pageCount} pages, ${built}, ${(size / 2 ** 20).toFixed(0)} MB`);

const hit = `totalCount edges { node { article { headline issue { date } } snippets { field text highlights { start end } } } }`;
const cases: [string, string][] = [
  ["search 2 chars (name) newest", `{ search(query: "韦韬", first: 20) { ${hit} } }`],
  ["search 2 chars (rare) newest", `{ search(query: "王纯", first: 20) { ${hit} } }`],
  ["search 4 chars newest", `{ search(query: "太忻经济", first: 20) { ${hit} } }`],
  ["search 2 terms AND", `{ search(query: "韦韬 汾酒", first: 20) { ${hit} } }`],
  ["search + date filter", `{ search(query: "安全生产", first: 20, filter: { from: "1995-01-01", to: "1995-12-31" }) { ${hit} } }`],
  ["search common bigram", `{ search(query: "太原", first: 20) { ${hit} } }`],
  ["search by relevance", `{ search(query: "汾酒集团", orderBy: RELEVANCE, first: 20) { ${hit} } }`],
  ["search 1 char (scan)", `{ search(query: "汾", first: 20) { ${hit} method complete } }`],
  ["person titles", `{ person(name: "韦韬") { titles { title firstSeen lastSeen count } } }`],
  ["person articles from/to", `{ person(name: "韦韬") { articles(first: 20, from: "1995-01-01", to: "1995-12-31") { totalCount edges { node { headline } } } } }`],
  ["person coMentioned", `{ person(name: "王纯") { coMentioned(first: 10) { person { name } sharedArticles } } }`],
  ["people pinyinPrefix", `{ people(pinyinPrefix: "wei", first: 20) { totalCount edges { node { name } } } }`],
  ["people by mentions", `{ people(orderBy: MENTIONS, first: 20) { edges { node { name mentionCount } } } }`],
];

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function measure(label: string, reader: typeof database.reader): Promise<void> {
  const yoga = createServer(reader);
  async function run(source: string): Promise<number> {
    const begin = performance.now();
    const response = await yoga.fetch("http://bench/graphql", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: source }),
    });
    const body = (await response.json()) as { errors?: unknown };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return performance.now() - begin;
  }
  console.log(`\n${label}`);
  console.log(`${"query".padEnd(30)} ${"p50 ms".padStart(8)} ${"p95 ms".padStart(8)}   (${runs} runs each, after 3 warm-up)`);
  for (const [name, source] of cases) {
    for (let i = 0; i < 3; i++) await run(source);
    const times: number[] = [];
    for (let i = 0; i < runs; i++) times.push(await run(source));
    times.sort((a, b) => a - b);
    console.log(`${name.padEnd(30)} ${percentile(times, 50).toFixed(1).padStart(8)} ${percentile(times, 95).toFixed(1).padStart(8)}`);
  }
}

await measure(`SQLite (${articles} articles)`, database.reader);

if (values.postgres) {
  const pgDatabase = await openDatabase({ url: values.postgres, isDefault: false }, { onMigrated: () => undefined });
  try {
    if ((await pgDatabase.reader.article.count()) === 0) {
      started = performance.now();
      await copyToPostgres(file, values.postgres);
      console.log(`\nPostgreSQL corpus: copied in ${((performance.now() - started) / 1000).toFixed(0)} s`);
    } else {
      console.log(`\nPostgreSQL corpus: reused ${values.postgres}`);
    }
    await measure(`PostgreSQL (${await pgDatabase.reader.article.count()} articles)`, pgDatabase.reader);
  } finally {
    await pgDatabase.close();
  }
} else if (!values["no-postgres"] && (await postgresReachable())) {
  const name = `papergraph_bench_${process.pid}`;
  await admin([`DROP DATABASE IF EXISTS ${name}`, createDatabase(name)]);
  try {
    const url = databaseUrl(name);
    const pgDatabase = await openDatabase({ url, isDefault: false }, { onMigrated: () => undefined });
    try {
      started = performance.now();
      await copyToPostgres(file, url);
      console.log(`\nPostgreSQL corpus: copied in ${((performance.now() - started) / 1000).toFixed(0)} s`);
      await measure(`PostgreSQL (${await pgDatabase.reader.article.count()} articles)`, pgDatabase.reader);
    } finally {
      await pgDatabase.close();
    }
  } finally {
    if (values["keep-postgres"]) console.log(`kept the PostgreSQL corpus: ${databaseUrl(name)}`);
    else await admin([`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`]);
  }
} else if (!values["no-postgres"]) {
  console.log("\nPostgreSQL not reachable: SQLite only");
}

await database.close();
fs.rmSync(folder, { recursive: true, force: true });
