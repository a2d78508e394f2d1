import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { postQuery, startServer } from "../support/cli.ts";
import { admin, databaseUrl, postgresReachable } from "../support/postgres.ts";
import { SAMPLE_HEADLINES } from "../support/sample.ts";

// Each test starts two or more server processes: seconds each on a busy 2-core machine.
const SERVERS_TIMEOUT = 120_000;

const withPostgres = await postgresReachable();
const folder = fs.mkdtempSync(path.join(os.tmpdir(), "papergraph-same-"));
const pgName = `papergraph_same_${process.pid}_${Date.now()}`;
afterAll(async () => {
  fs.rmSync(folder, { recursive: true, force: true });
  if (withPostgres) await admin([`DROP DATABASE IF EXISTS ${pgName} WITH (FORCE)`]);
});

// One set of questions an archive user asks, touching every type and list of the API.
const QUERIES = {
  frontPage: `{ issue(publication: "taiyuan-daily", date: "2022-06-03") { id date publication { id slug name region province }
    pages { id number text articles { id position kicker headline subheadline source dispatch dateline eventDate paragraphs span { start end }
      credits { id role label person { id name } span { start end } }
      mentions { id title normalisedTitle person { id name } span { start end } titleSpan { start end } }
      photos { id caption photographer { name } span { start end } }
      continuation { id toPageNumber marker resolved to { id } } continuedFrom { id } continuedFromPage } } } }`,
  people: `{ people(first: 100) { totalCount edges { cursor node { id name titles { title normalisedTitle printedTitles firstSeen lastSeen count } } } pageInfo { hasNextPage endCursor } } }`,
  person: `{ person(name: "韦韬") { id articles(first: 5) { totalCount edges { cursor node { id headline } } } mentions(first: 5) { totalCount edges { node { title } } } } }`,
  articles: `{ articles(filter: { personName: "殷雪莹", role: REPORTER }, last: 2) { totalCount edges { cursor node { id headline } } pageInfo { hasPreviousPage startCursor } } }`,
  jumps: `{ page(publication: "taiyuan-daily", date: "2022-06-03", number: 1) { continuationsOut { id from { headline } toPageNumber } continuationsIn { id } photos { id } } }`,
  // Scores differ (BM25 from FTS5 on SQLite, from the text's counts on PostgreSQL); hits, their order, snippets, counts and cursors do not.
  search: `{ names: search(query: "韦韬 汾酒", first: 1) { totalCount method complete pageInfo { hasNextPage endCursor }
      edges { cursor node { article { id } snippets { field text start end highlights { start end } photo { id } } } } }
    folded: search(query: "韋韜", filter: { publication: "taiyuan-daily", source: "本报讯" }) { totalCount edges { node { article { id } snippets { field start end highlights { start end } } } } }
    phrase: search(query: "\\"太忻 一体化\\" 经济") { totalCount edges { node { article { id } } } }
    scan: search(query: "汾") { totalCount method complete edges { node { article { id } } } }
    ranked: search(query: "太忻经济", orderBy: RELEVANCE) { totalCount edges { node { article { id } } } } }`,
};

describe.skipIf(!withPostgres)("on PostgreSQL", () => {
  it("npm start on an empty database migrates, loads the sample and answers as on SQLite", async () => {
    const sqlite = await startServer({ env: { DATABASE_URL: `file:${path.join(folder, "papergraph.db")}` }, args: ["--seed"] });
    const postgres = await startServer({ env: { DATABASE_URL: databaseUrl(pgName) }, args: ["--seed"] });
    try {
      for (const [name, query] of Object.entries(QUERIES)) {
        const [fromSqlite, fromPostgres] = await Promise.all([postQuery(sqlite.url, query), postQuery(postgres.url, query)]);
        expect(fromSqlite.errors, name).toBeUndefined();
        expect(fromPostgres, name).toEqual(fromSqlite);
      }
      const front = await postQuery(postgres.url, QUERIES.frontPage);
      expect(front.data.issue.pages[0].articles.map((article: { headline: string }) => article.headline)).toEqual(SAMPLE_HEADLINES);
    } finally {
      await Promise.all([sqlite.stop(), postgres.stop()]);
    }
    expect(postgres.output()).toContain("loaded the sample editions: 1 pages, 8 articles");
  }, SERVERS_TIMEOUT);
});
