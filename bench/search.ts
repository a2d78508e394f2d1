/**
 * npm run bench:search [-- --articles 100000 --runs 200]
 * p50/p95 latency of search and person queries on a generated corpus (test/support/
 * generated-corpus.ts) in a temporary SQLite file. The corpus is parsed by the parser and
 * written by the same writePageWith as ingest (so the search rows are those ingest writes),
 * 200 pages per transaction to build it faster. Goal: p95 < 50 ms on SQLite.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { openDatabase } from "../src/db/database.ts";
import { parsePage } from "../src/ingest/parse-page.ts";
import { PARSER_VERSION } from "../src/ingest/version.ts";
import { writePageWith } from "../src/resolvers/write-page.ts";
import { createServer } from "../src/server.ts";
import { generatePages } from "../test/support/generated-corpus.ts";
import { TAIYUAN_DAILY } from "../test/support/sample.ts";

const { values } = parseArgs({ options: { articles: { type: "string", default: "100000" }, runs: { type: "string", default: "100" } } });
const wanted = Number(values.articles);
const runs = Number(values.runs);
const folder = fs.mkdtempSync(path.join(os.tmpdir(), "papergraph-bench-search-"));
const database = await openDatabase({ url: `file:${path.join(folder, "bench.db")}`, isDefault: false }, { onMigrated: () => undefined });

let started = performance.now();
const pages = generatePages(Math.ceil(wanted / 8), { seed: 7, startDate: "1990-01-01" });
const region = { city: TAIYUAN_DAILY.region, province: TAIYUAN_DAILY.province };
for (let start = 0; start < pages.length; start += 200) {
  await database.writer.transaction(async (sql) => {
    for (const page of pages.slice(start, start + 200)) {
      const parsed = parsePage(page.text, { issueDate: page.date, region });
      await writePageWith(sql, { publication: TAIYUAN_DAILY, ...page }, parsed, PARSER_VERSION);
    }
  });
  process.stderr.write(`\rbuilding corpus: ${Math.min(start + 200, pages.length)}/${pages.length} pages`);
}
const articles = await database.reader.article.count();
const buildSeconds = (performance.now() - started) / 1000;
process.stderr.write("\n");
const size = fs.statSync(path.join(folder, "bench.db")).size + (fs.existsSync(path.join(folder, "bench.db-wal")) ? fs.statSync(path.join(folder, "bench.db-wal")).size : 0);
console.log(`corpus: ${articles} articles in ${pages.length} pages, built in ${buildSeconds.toFixed(0)} s, ${(size / 2 ** 20).toFixed(0)} MB`);

const yoga = createServer(database.reader);
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
console.log(`${"query".padEnd(30)} ${"p50 ms".padStart(8)} ${"p95 ms".padStart(8)}   (${runs} runs each, after 3 warm-up)`);
for (const [name, source] of cases) {
  for (let i = 0; i < 3; i++) await run(source);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await run(source));
  times.sort((a, b) => a - b);
  console.log(`${name.padEnd(30)} ${percentile(times, 50).toFixed(1).padStart(8)} ${percentile(times, 95).toFixed(1).padStart(8)}`);
}
started = performance.now();
await database.close();
fs.rmSync(folder, { recursive: true, force: true });
