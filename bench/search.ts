/**
 * npm run bench:search [-- --articles 100000 --runs 200] [-- --no-postgres | --keep-postgres] [-- --sqlite FILE]
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
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import BetterSqlite3 from "better-sqlite3";
import pg from "pg";
import { openDatabase } from "../src/db/database.ts";
import { PG_SEARCH_TABLE_DDL } from "../src/db/search-table.ts";
import { pgSearchRows } from "../src/search/document.ts";
import { createDatabase } from "../test/support/global-setup.ts";
import { admin, databaseUrl, postgresReachable } from "../test/support/postgres.ts";
import { createServer } from "../src/server/index.ts";
import { openSqliteCorpus } from "./corpus.ts";

const { values } = parseArgs({
  options: {
    articles: { type: "string", default: "100000" },
    runs: { type: "string", default: "100" },
    "no-postgres": { type: "boolean", default: false },
    // Keep the temporary PostgreSQL database (named in the output) for a closer look.
    "keep-postgres": { type: "boolean", default: false },
    sqlite: { type: "string" },
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

if (!values["no-postgres"] && (await postgresReachable())) {
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

/** Copies the archive tables of a SQLite file into a migrated, empty PostgreSQL database, in bulk. */
async function copyToPostgres(file: string, url: string): Promise<void> {
  const source = new BetterSqlite3(file, { readonly: true });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // The GIN indexes are built once after the load: faster than growing them row by row. The
    // co-mention pairs are copied as they are, not recounted mention by mention by the trigger.
    await client.query(`DROP INDEX "ArticleSearchText_doc_idx"; DROP INDEX "ArticleSearchText_long_doc_idx"`);
    await client.query(`ALTER TABLE "Mention" DISABLE TRIGGER USER`);
    const insert = async (table: string, rows: unknown[]) => {
      for (let start = 0; start < rows.length; start += 2_000) {
        await client.query(`INSERT INTO "${table}" SELECT * FROM json_populate_recordset(NULL::"${table}", $1::json)`, [
          JSON.stringify(rows.slice(start, start + 2_000)),
        ]);
      }
    };
    for (const table of ["Publication", "Issue", "Page", "Person", "Article", "Credit", "Mention", "Photo", "Continuation", "ArticleSearch", "CoMention"]) {
      await insert(table, source.prepare(`SELECT * FROM "${table}"`).all());
      if (!["ArticleSearch", "CoMention"].includes(table)) {
        await client.query(`SELECT setval(pg_get_serial_sequence('"${table}"', 'id'), GREATEST(1, (SELECT MAX("id") FROM "${table}")))`);
      }
    }
    await client.query(`ALTER TABLE "Mention" ENABLE TRIGGER USER`);
    const captions = new Map<number, string[]>();
    for (const photo of source.prepare(`SELECT "articleId", "caption" FROM "Photo" WHERE "articleId" IS NOT NULL ORDER BY "position"`).all() as { articleId: number; caption: string }[]) {
      captions.set(photo.articleId, [...(captions.get(photo.articleId) ?? []), photo.caption]);
    }
    const articles = source
      .prepare(
        `SELECT a."id", i."publicationId", a."issueDate", a."pageNumber", a."position", a."kicker", a."headline", a."subheadline", a."body", a."source"
           FROM "Article" a JOIN "Issue" i ON i."id" = a."issueId"`,
      )
      .all() as { id: number; publicationId: number; issueDate: string; pageNumber: number; position: number; kicker: string | null; headline: string | null; subheadline: string | null; body: string; source: string | null }[];
    await insert("ArticleSearchText", articles.flatMap((article) => pgSearchRows({ ...article, articleId: article.id, captions: captions.get(article.id) ?? [] })));
    for (const statement of PG_SEARCH_TABLE_DDL) await client.query(statement);
    await client.query("VACUUM ANALYZE");
  } finally {
    source.close();
    await client.end();
  }
}
