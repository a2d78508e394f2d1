import BetterSqlite3 from "better-sqlite3";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { sqliteFileOf } from "../../src/db/database-url.ts";
import { ingestPage } from "../../src/loader/ingest-page.ts";
import { searchArticles } from "../../src/resolvers/search/index.ts";
import { createServer } from "../../src/server/index.ts";
import { createTestDatabase, databaseKind } from "../support/database.ts";
import { Prisma } from "../../src/generated/prisma/client.ts";
import { PG_CHUNK_POSITIONS } from "../../src/search/document.ts";
import { generatePages, random } from "../support/generated-corpus.ts";
import { execute, query } from "../support/graphql.ts";
import { SAMPLE_TEXT, TAIYUAN_DAILY, loadSample } from "../support/sample.ts";

// The same tests on both databases: FTS5 on SQLite, a bigram tsvector with GIN on PostgreSQL.
const onSqlite = databaseKind() === "sqlite";

const db = await createTestDatabase();
await loadSample(db.writer);
for (const page of generatePages(260, { seed: 5 })) {
  await ingestPage(db.writer, { publication: TAIYUAN_DAILY, ...page }, `${page.date}/page-0${page.pageNumber}.txt`);
}
const yoga = createServer(db.reader);

/** The IDs of the articles whose fields contain `text`, newest first: what the index must equal. */
async function likeScan(text: string): Promise<number[]> {
  const pattern = `%${text}%`;
  const rows = await db.reader.$queryRaw<{ id: number }[]>`
    SELECT a."id" FROM "Article" a
     WHERE a."kicker" LIKE ${pattern} OR a."headline" LIKE ${pattern} OR a."subheadline" LIKE ${pattern} OR a."body" LIKE ${pattern}
        OR EXISTS (SELECT 1 FROM "Photo" p WHERE p."articleId" = a."id" AND p."caption" LIKE ${pattern})
     ORDER BY a."issueDate" DESC, a."pageNumber", a."position"`;
  return rows.map((row) => Number(row.id));
}

/** A reader that records each raw statement a search sends through it, parameters and all. */
function recordRawQueries() {
  const statements: Prisma.Sql[] = [];
  const queryRaw = db.reader.$queryRaw.bind(db.reader) as (...args: unknown[]) => unknown;
  // A client not made by src/db/client.ts reads through $queryRaw (preparedRows), which this one
  // records; called as a tagged template, or with one Prisma.Sql.
  const reader = Object.create(db.reader) as typeof db.reader;
  reader.$queryRaw = ((strings: TemplateStringsArray | Prisma.Sql, ...values: unknown[]) => {
    statements.push(strings instanceof Prisma.Sql ? strings : Prisma.sql(strings, ...values));
    return queryRaw(strings, ...values);
  }) as never;
  return { statements, reader };
}

/** Every hit of a search, following cursors. */
async function allHits(text: string): Promise<{ ids: number[]; totalCount: number }> {
  const ids: number[] = [];
  let after: string | null = null;
  for (;;) {
    const result = await searchArticles(db.reader, { query: text, orderBy: "NEWEST", first: 100, after });
    ids.push(...result.hits.map((hit) => hit.article.id));
    if (!result.hasNextPage) {
      const count = await result.totalCount();
      expect(count.exact).toBe(true);
      return { ids, totalCount: count.total };
    }
    after = result.hits.at(-1)!.cursor;
  }
}

describe("search over the bigram index", () => {
  it("the corpus holds the sample and at least 2,000 generated articles", async () => {
    expect(await db.reader.article.count()).toBeGreaterThanOrEqual(2_008);
    expect(await db.reader.articleSearch.count()).toBe(await db.reader.article.count());
  });

  // 33 queries, each paged through to its last hit and checked against a scan of every article:
  // over 30 s on PostgreSQL while the machine is shared.
  it("2-, 3- and 4-character queries find exactly the articles a LIKE scan finds, newest first", { timeout: 120_000 }, async () => {
    const next = random(11);
    const bodies = await db.reader.article.findMany({ select: { body: true }, orderBy: { id: "asc" } });
    // Random substrings of bodies, without what is query syntax (spaces, quotes).
    const sampled = Array.from({ length: 24 }, (_, index) => {
      const body = bodies[Math.floor(next() * bodies.length)]!.body.replace(/[\s"“”＂]/g, "");
      const length = 2 + (index % 3);
      const at = Math.floor(next() * (body.length - length));
      return body.slice(at, at + length);
    });
    const queries = ["韦韬", "王纯", "汾酒", "太忻经济", "张新伟", "太原市", "安全生产", "魏民", "摄影", ...sampled];
    for (const text of queries) {
      const expected = await likeScan(text);
      const found = await allHits(text);
      expect({ text, ids: found.ids, totalCount: found.totalCount }).toEqual({ text, ids: expected, totalCount: expected.length });
    }
    expect((await likeScan("韦韬")).length).toBeGreaterThan(100);
  });

  it.runIf(onSqlite)("the query plan reads the FTS5 index and needs no sort for newest first", async () => {
    db.resetStatements();
    await searchArticles(db.reader, { query: "韦韬", orderBy: "NEWEST", first: 20, filter: { from: "2020-01-01", to: "2020-12-31" } });
    const statement = db.statements.find((sql) => sql.includes("MATCH") && sql.includes("ORDER BY"))!;
    const connection = new BetterSqlite3(sqliteFileOf(db.url), { readonly: true });
    try {
      const plan = (connection.prepare(`EXPLAIN QUERY PLAN ${statement}`).all(...statement.split("?").slice(1).map(() => null)) as { detail: string }[]).map((row) => row.detail);
      expect(plan[0]).toMatch(/^SCAN ArticleSearchText VIRTUAL TABLE INDEX/);
      expect(plan.some((detail) => /SEARCH s USING INDEX/.test(detail))).toBe(true);
      expect(plan.join("\n")).not.toMatch(/TEMP B-TREE|SCAN (a|s|Article)\b/);
    } finally {
      connection.close();
    }
  });

  it.runIf(!onSqlite)("the query plans read the GIN index or walk the key index for a page, never the whole table", async () => {
    // The statement as searchArticles sends it, parameters and all, to EXPLAIN it.
    const { statements, reader } = recordRawQueries();
    await db.reader.$executeRawUnsafe(`ANALYZE "ArticleSearchText", "ArticleSearchPhrase"`);
    const cases = [
      ["王纯", null],
      ["太忻经济", null],
      ["韦韬 汾酒", null],
      ["太忻经济", { from: "2020-01-01", to: "2020-01-10" }],
    ] as const;
    for (const [query, filter] of cases) {
      statements.length = 0;
      await (await searchArticles(reader, { query, orderBy: "NEWEST", first: 20, filter })).totalCount();
      const page = statements.find((sql) => sql.sql.includes("@@") && sql.sql.includes("ORDER BY"))!;
      // Before the count, the newest articles are sampled.
      const sample = statements.find((sql) => sql.sql.includes(`AS "sampled"`));
      expect(sample).toBeDefined();
      const count = statements.find((sql) => sql.sql.includes("@@") && sql.sql.includes("COUNT(*)") && sql !== sample)!;
      // A table of 2,000 rows is read faster whole than through an index, and the planner knows it:
      // with sequential scans priced out, the plan shows the index path it takes on an archive.
      const connection = new pg.Client({ connectionString: db.url });
      await connection.connect();
      const explain = async (statement: Prisma.Sql) => {
        const { rows } = await connection.query<{ "QUERY PLAN": string }>(`EXPLAIN ${statement.text}`, statement.values as unknown[]);
        return rows.map((row) => row["QUERY PLAN"]).join("\n");
      };
      let countPlan: string;
      let pagePlan: string;
      let samplePlan: string | null;
      try {
        await connection.query("SET enable_seqscan = off");
        countPlan = await explain(count);
        pagePlan = await explain(page);
        samplePlan = sample ? await explain(sample) : null;
      } finally {
        await connection.end();
      }
      // A page, and the count of the newest COUNT_EXACT_UP_TO + 1 matches: the GIN index (with a
      // date range, the btree on "key" may select the rows instead, or with it: BitmapAnd), or, for a
      // term the planner expects in many articles, the "key" index walked backwards until the page
      // (or the count) is full (Index Scan Backward, under a Limit or a merge join with the texts'
      // key index); the count may walk the texts alone.
      for (const plan of [pagePlan, countPlan]) {
        expect(plan, plan).toMatch(/Bitmap Index Scan on "ArticleSearchText_(doc_idx|pkey)"|Index Scan Backward using "ArticleSearch(Text|Phrase)_pkey"/);
        expect(plan, plan).toMatch(/Bitmap Index Scan on "ArticleSearchText_long_doc_idx"/);
        expect(plan, plan).not.toMatch(/Seq Scan/);
      }
      for (const plan of [countPlan, pagePlan]) expect(plan, plan).not.toMatch(/Seq Scan on "ArticleSearch(Text|Phrase)"/);
      if (samplePlan) {
        expect(samplePlan, samplePlan).toMatch(/Limit[^\n]*\n\s*->\s+Index Scan Backward using "ArticleSearchPhrase_pkey"/);
        expect(samplePlan, samplePlan).not.toMatch(/Seq Scan on "ArticleSearch(Text|Phrase)"/);
      }
    }
  });

  it("space-separated terms are ANDed, and a quoted phrase must occur as typed", async () => {
    const both = await allHits("韦韬 汾酒");
    const expected = (await likeScan("韦韬")).filter(new Set(await likeScan("汾酒")).has, new Set(await likeScan("汾酒")));
    expect(both.ids).toEqual(expected);
    const phrase = await allHits(`"本报讯(记者 殷雪莹"`);
    expect(phrase.ids).toEqual(await likeScan("本报讯(记者 殷雪莹"));
  });

  it("a term across two fields (a headline's end and its body's start) matches only where one field holds it", async () => {
    const articles = await db.reader.article.findMany({ where: { headline: { not: null } }, select: { id: true, headline: true, body: true }, orderBy: { id: "asc" }, take: 50 });
    let across = 0;
    for (const article of articles) {
      const term = `${article.headline!.slice(-2)}${article.body.slice(0, 2)}`;
      if (/[\s"“”＂]/.test(term)) continue;
      const expected = await likeScan(term);
      expect({ term, ids: (await allHits(term)).ids }).toEqual({ term, ids: expected });
      if (!expected.includes(article.id)) across++;
    }
    // Spans that only the two fields together hold: found in neither this article nor elsewhere by chance.
    expect(across).toBeGreaterThan(10);
  });

  it("refuses an empty query, and one of more than 16 terms or 200 characters, as BAD_USER_INPUT", async () => {
    const refusal = async (text: string) => {
      const result = await execute(yoga, `query($q: String!) { search(query: $q) { totalCount } }`, { q: text });
      expect(result.data).toBeNull();
      expect(result.errors).toHaveLength(1);
      expect(result.errors![0]!.extensions).toEqual({ code: "BAD_USER_INPUT" });
      return result.errors![0]!.message;
    };
    expect(await refusal(" \u3000 ")).toBe("The search query has no term: give at least one character.");
    const seventeen = Array.from({ length: 17 }, (_, index) => `汾酒${index}`).join(" ");
    expect(await refusal(seventeen)).toBe("The search query has 17 terms; at most 16 are searched together.");
    expect(await refusal("韦韬".repeat(101))).toBe("The search query has 202 characters; at most 200 are searched.");
    // At the bounds, answered.
    expect((await execute(yoga, `query($q: String!) { search(query: $q) { totalCount } }`, { q: seventeen.split(" ").slice(0, 16).join(" ") })).errors).toBeUndefined();
    expect((await execute(yoga, `query($q: String!) { search(query: $q) { totalCount } }`, { q: "韦韬".repeat(100) })).errors).toBeUndefined();
  });

  it("traditional characters, full-width forms and letter case match the simplified plain text", async () => {
    expect((await allHits("韋韜")).ids).toEqual(await likeScan("韦韬"));
    expect((await allHits("太忻經濟")).ids).toEqual(await likeScan("太忻经济"));
    expect((await allHits("５日")).ids).toEqual(await likeScan("5日"));
  });

  it("one-character terms, alone or beside a longer term, in traditional form too, find what a LIKE scan finds", async () => {
    const both = async (a: string, b: string) => (await likeScan(a)).filter(new Set(await likeScan(b)).has, new Set(await likeScan(b)));
    expect((await allHits("汾")).ids).toEqual(await likeScan("汾"));
    expect((await allHits("韋")).ids).toEqual(await likeScan("韦"));
    expect((await allHits("韋 汾酒")).ids).toEqual(await both("韦", "汾酒"));
    expect((await allHits("市 太忻经济")).ids).toEqual(await both("市", "太忻经济"));
  });

  it("a query of one-character terms scans the newest articles, at most SCAN_LIMIT, and says so", async () => {
    const data = await query(yoga, `{ search(query: "汾", filter: { from: "2022-06-03", to: "2022-06-03" }) { totalCount method complete } }`);
    // 汾酒 in one article, 汾河 in two.
    expect(data.search).toEqual({ totalCount: 3, method: "SCAN", complete: true });
    const wide = await query(yoga, `{ search(query: "市", first: 1) { method complete } }`);
    expect(wide.search).toEqual({ method: "SCAN", complete: true });
    // A page after a cursor is the same list further on, with the same count.
    const ids = (search: any) => search.edges.map((edge: any) => edge.node.article.id);
    const whole = (await query(yoga, `{ search(query: "市", first: 10) { totalCount edges { cursor node { article { id } } } } }`)).search;
    const after = (await query(yoga, `query($after: String) { search(query: "市", first: 3, after: $after) { totalCount edges { node { article { id } } } } }`, { after: whole.edges[1].cursor })).search;
    expect(whole.edges.length).toBe(10);
    expect({ ids: ids(after), totalCount: after.totalCount }).toEqual({ ids: ids(whole).slice(2, 5), totalCount: whole.totalCount });
  });

  it("hits carry snippets whose highlights are offsets into the field's text", async () => {
    const data = await query(
      yoga,
      `{ search(query: "汾酒", filter: { publication: "taiyuan-daily", from: "2022-06-03", to: "2022-06-03" }) {
           totalCount
           edges { node { article { headline body } snippets { field text start end highlights { start end } } } } } }`,
    );
    expect(data.search.totalCount).toBe(1);
    const [hit] = data.search.edges.map((edge: any) => edge.node);
    expect(hit.article.headline).toBe("韦韬与汾酒集团党委书记、董事长袁清茂一行举行工作会谈");
    expect(hit.snippets[0]).toEqual({
      field: "HEADLINE",
      text: "韦韬与汾酒集团党委书记、董事长袁清茂一行举行工作会谈",
      start: 0,
      end: 26,
      highlights: [{ start: 3, end: 5 }],
    });
    for (const snippet of hit.snippets.filter((s: any) => s.field === "BODY")) {
      expect(hit.article.body.slice(snippet.start, snippet.end)).toBe(snippet.text);
      for (const highlight of snippet.highlights) expect(hit.article.body.slice(highlight.start, highlight.end)).toBe("汾酒");
    }
  });

  it("reads no article's body or captions for a page whose snippets are not asked, with the same articles", async () => {
    const hits = (snippets: string) => `{ search(query: "汾酒", first: 30) { edges { cursor node { score article { id headline page { number } } ${snippets} } } } }`;
    db.resetStatements();
    const bare = await query(yoga, hits(""));
    const read = db.statements.join("\n");
    expect(read).not.toMatch(/"body"|`body`|"caption"|`caption`/);
    const full = await query(yoga, hits("snippets { field }"));
    expect(bare.search.edges.length).toBe(30);
    expect(bare.search.edges).toEqual(full.search.edges.map(({ node: { snippets, ...node }, ...edge }: any) => ({ ...edge, node })));
    expect(full.search.edges.every((edge: any) => edge.node.snippets.length > 0)).toBe(true);
    // The article's own photos, when asked, are the request's (read with it, without the snippets).
    const photos = (snippets: string) => `{ search(query: "汾酒", first: 30) { edges { node { article { id photos { caption } } ${snippets} } } } }`;
    const withPhotos = await query(yoga, photos("snippets { field }"));
    expect((await query(yoga, photos(""))).search.edges).toEqual(withPhotos.search.edges.map(({ node: { snippets, ...node } }: any) => ({ node })));
    expect(withPhotos.search.edges.some((edge: any) => edge.node.article.photos.length > 0)).toBe(true);
    // Asked for through a fragment, they are read.
    const fragment = await query(yoga, `{ search(query: "汾酒", first: 3) { edges { node { ...Where } } } } fragment Where on SearchHit { snippets { field } }`);
    expect(fragment.search.edges.every((edge: any) => edge.node.snippets.length > 0)).toBe(true);
  });

  it("pages with cursors, filters by source and orders by relevance", async () => {
    const first = await query(yoga, `{ search(query: "韦韬", first: 3) { totalCount pageInfo { hasNextPage endCursor } edges { node { article { id } } } } }`);
    const second = await query(yoga, `query($after: String) { search(query: "韦韬", first: 3, after: $after) { edges { node { article { id } } } } }`, {
      after: first.search.pageInfo.endCursor,
    });
    const rawId = (id: string) => Number(Buffer.from(id, "base64").toString().split(":").at(-1));
    const paged = [...first.search.edges, ...second.search.edges].map((edge: any) => rawId(edge.node.article.id));
    expect(paged).toEqual((await likeScan("韦韬")).slice(0, 6));
    expect(first.search.totalCount).toBe((await likeScan("韦韬")).length);
    const xinhua = await query(yoga, `{ search(query: "服务业", filter: { source: "新华社" }) { totalCount } }`);
    expect(xinhua.search.totalCount).toBe(1);
    const ranked = await query(yoga, `{ search(query: "太忻经济", orderBy: RELEVANCE, first: 5) { edges { node { score } } } }`);
    const scores = ranked.search.edges.map((edge: any) => edge.node.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it.each(["太忻经济", "韦韬"])("totalCount of %s past its exact limit extrapolates from the share of the archive the newest matches span, and says so", async (term) => {
    const matching = await likeScan(term);
    const exact = matching.length;
    expect(exact).toBeGreaterThan(51);
    // PostgreSQL takes the archive's size from the planner's statistics once there are some.
    if (!onSqlite) await db.reader.$executeRawUnsafe(`ANALYZE "ArticleSearch"`);
    const result = await searchArticles(db.reader, { query: term, orderBy: "NEWEST", first: 1, countExactUpTo: 50 });
    // 51 matches counted: the 51st newest match's key, and how many articles are that new or newer.
    const keys = await db.reader.$queryRaw<{ key: bigint }[]>`
      SELECT s."key" FROM "ArticleSearch" s WHERE s."articleId" IN (${Prisma.join(matching)}) ORDER BY s."key" DESC LIMIT 51`;
    const newer = await db.reader.articleSearch.count({ where: { key: { gte: keys.at(-1)!.key } } });
    const all = await db.reader.articleSearch.count();
    const estimate = await result.totalCount();
    expect(estimate).toEqual({ total: Math.max(51, Math.min(Math.round((51 * all) / newer), all)), exact: false });
    expect(Math.abs(estimate.total - exact) / exact).toBeLessThan(0.25);
    const exactly = await searchArticles(db.reader, { query: term, orderBy: "NEWEST", first: 1 });
    expect(await exactly.totalCount()).toEqual({ total: exact, exact: true });
    const viaApi = await query(yoga, `{ search(query: "${term}", first: 1) { totalCount totalCountExact } }`);
    expect(viaApi.search).toEqual({ totalCount: exact, totalCountExact: true });
  });

  it.runIf(!onSqlite)("on PostgreSQL, a search asked for its count (through a fragment too) counts beside its page, and one not asked does not count", async () => {
    const sent = async (document: string) => {
      db.resetStatements();
      const data = await query(yoga, document);
      const kinds = db.statements.filter((sql) => /WITH c AS|WITH w AS MATERIALIZED/.test(sql)).map((sql) => (/WITH c AS/.test(sql) ? "count" : "page"));
      return { data: data.search, kinds };
    };
    const counted = await sent(`{ search(query: "韦韬", orderBy: RELEVANCE, first: 2) { ...counted edges { node { article { id } } } } }
      fragment counted on SearchConnection { totalCount totalCountExact }`);
    // Both run, in whichever order the two concurrent reads reach the driver.
    expect([...counted.kinds].sort()).toEqual(["count", "page"]);
    expect(counted.data.totalCount).toBe((await likeScan("韦韬")).length);
    const uncounted = await sent(`{ search(query: "韦韬", orderBy: RELEVANCE, first: 2) { edges { node { article { id } } } } }`);
    expect(uncounted.kinds).toEqual(["page"]);
    expect(uncounted.data.edges.map((edge: any) => edge.node.article.id)).toEqual(counted.data.edges.map((edge: any) => edge.node.article.id));
  });

  it.runIf(!onSqlite)("on PostgreSQL, walking the key index and going through GIN find the same newest matches: relevance pages and counts", async () => {
    const answersBy = async (term: string, newestBy: "walk" | "index" | undefined) => {
      const pages: [number, number | null][][] = [];
      let after: string | null = null;
      for (let page = 0; page < 3; page++) {
        const result = await searchArticles(db.reader, { query: term, orderBy: "RELEVANCE", first: 10, after, relevanceWindow: 15, newestBy });
        pages.push(result.hits.map((hit) => [hit.article.id, hit.score]));
        if (!result.hasNextPage) break;
        after = result.hits.at(-1)!.cursor;
      }
      const count = await (await searchArticles(db.reader, { query: term, orderBy: "NEWEST", first: 1, countExactUpTo: 20, newestBy })).totalCount();
      return { pages, count };
    };
    for (const term of ["韦韬", "太忻经济", "汾酒集团", "经济 韦韬"]) {
      const walked = await answersBy(term, "walk");
      expect(walked.pages.flat().length).toBe(30);
      expect(await answersBy(term, "index")).toEqual(walked);
      expect(await answersBy(term, undefined)).toEqual(walked);
    }
    expect((await answersBy("太忻经济", "walk")).count.exact).toBe(false);
  });

  it.runIf(!onSqlite)("on PostgreSQL, the relevance window walks the key index when that reads fewer rows than GIN, judged from the newest articles", async () => {
    await db.reader.$executeRawUnsafe(`ANALYZE "ArticleSearchText", "ArticleSearchPhrase"`);
    const { statements, reader } = recordRawQueries();
    const windowWalks = async (query: string, relevanceWindow: number) => {
      statements.length = 0;
      await searchArticles(reader, { query, orderBy: "RELEVANCE", first: 10, relevanceWindow });
      // The walk's one-chunk branch looks for the terms in the text alone (no `@@`, which GIN would take).
      return /WHERE TRUE AND strpos\(t\."text"/.test(statements.find((statement) => statement.sql.includes("MATERIALIZED"))!.sql);
    };
    // 韦韬 is in about half the articles: the walk reads ~60 rows for 30, GIN all ~1,000.
    expect(await windowWalks("韦韬", 30)).toBe(true);
    // For 2,000 the walk reads the whole table; through GIN each of the half of it that holds both
    // bigrams is also a probe of its text, to count the term for BM25: the walk still reads less.
    expect(await windowWalks("韦韬", 2_000)).toBe(true);
    // A phrase in none of the newest articles: the walk might read the whole table.
    expect(await likeScan("量子计算")).toEqual([]);
    expect(await windowWalks("量子计算", 30)).toBe(false);
  });

  it("RELEVANCE ranks the newest matches of its window (BM25), then reaches every older match newest first", async () => {
    const expected = await likeScan("韦韬");
    expect(expected.length).toBeGreaterThan(60);
    const hits: { id: number; score: number | null }[] = [];
    let after: string | null = null;
    for (;;) {
      const result = await searchArticles(db.reader, { query: "韦韬", orderBy: "RELEVANCE", first: 25, after, relevanceWindow: 30 });
      hits.push(...result.hits.map((hit) => ({ id: hit.article.id, score: hit.score })));
      if (!result.hasNextPage) break;
      after = result.hits.at(-1)!.cursor;
    }
    const ranked = hits.slice(0, 30);
    expect(ranked.every((hit) => hit.score !== null)).toBe(true);
    expect(ranked.map((hit) => hit.score)).toEqual(ranked.map((hit) => hit.score).sort((a, b) => b! - a!));
    expect(ranked.map((hit) => hit.id).sort()).toEqual(expected.slice(0, 30).sort());
    expect(hits.slice(30)).toEqual(expected.slice(30).map((id) => ({ id, score: null })));
  });

  it("RELEVANCE weighs a term as both databases do: in a headline above twice in a body, twice above once", async () => {
    const body = (times: number) => `${"清晨的公园里游人如织，湖面波光粼粼。".repeat(6)}${"今年的莲花节吸引了众多市民。".repeat(times)}${"花开正好，人们驻足拍照。".repeat(3 - times)}`;
    const text = [
      `## 莲花节今日开幕\n\n本报讯 ${body(1)}`,
      `## 夏日游园活动丰富\n\n本报讯 ${body(2)}`,
      `## 市民踏青赏花\n\n本报讯 ${body(1)}`,
    ].join("\n\n");
    const date = "2018-07-01";
    await ingestPage(db.writer, { publication: TAIYUAN_DAILY, date, pageNumber: 2, text }, "relevance.txt");
    const result = await searchArticles(db.reader, { query: "莲花节", orderBy: "RELEVANCE", first: 10, filter: { from: date, to: date } });
    expect(result.hits.map((hit) => hit.article.headline)).toEqual(["莲花节今日开幕", "夏日游园活动丰富", "市民踏青赏花"]);
    expect(result.hits.every((hit) => hit.score! > 0)).toBe(true);
  });

  it("re-ingesting a page replaces its search rows: nothing stale remains", async () => {
    const date = "2022-06-03";
    const changed = SAMPLE_TEXT.replaceAll("汾酒", "竹叶青");
    await ingestPage(db.writer, { publication: TAIYUAN_DAILY, date, pageNumber: 1, text: changed }, "changed.txt");
    const filter = { from: date, to: date };
    const count = async (text: string) => (await (await searchArticles(db.reader, { query: text, orderBy: "NEWEST", first: 1, filter })).totalCount()).total;
    expect(await count("汾酒")).toBe(0);
    expect(await count("竹叶青")).toBe(1);
    expect(await db.reader.articleSearch.count()).toBe(await db.reader.article.count());
    const [rows] = onSqlite
      ? await db.reader.$queryRaw<{ n: number }[]>`SELECT COUNT(*) AS "n" FROM "ArticleSearchText"`
      : await db.reader.$queryRaw<{ n: number }[]>`SELECT COUNT(DISTINCT "key") AS "n" FROM "ArticleSearchText"`;
    expect(Number(rows!.n)).toBe(await db.reader.article.count());
    await ingestPage(db.writer, { publication: TAIYUAN_DAILY, date, pageNumber: 1, text: SAMPLE_TEXT }, "sample.txt");
    expect(await count("汾酒")).toBe(1);
  });

  it("a phrase near the end of a body longer than a tsvector holds (16,383 positions) is found", async () => {
    const filler = Array.from({ length: 30 }, (_, index) => `第${index}段。${"经济社会发展取得新成效，人民生活水平不断提高。".repeat(40)}`).join("\n\n");
    const text = `# 长篇通讯：一座城市的十年\n\n本报讯(记者 殷雪莹) 6月1日,长文开始。\n\n${filler}\n\n文末写道：人民生活水平不断提高，蓝天碧水绿地映照龙城新貌。\n`;
    await ingestPage(db.writer, { publication: TAIYUAN_DAILY, date: "2019-05-05", pageNumber: 2, text }, "long.txt");
    const [article] = await db.reader.article.findMany({ where: { issueDate: "2019-05-05" }, select: { id: true, body: true } });
    expect(article!.body.length).toBeGreaterThan(PG_CHUNK_POSITIONS * 1.5);
    expect(article!.body.indexOf("龙城新貌")).toBeGreaterThan(16_383);
    for (const text of ["龙城新貌", "蓝天碧水绿地映照龙城新貌", "长文开始", "第29段", "第15段 第3段"]) {
      expect({ text, ids: (await allHits(text)).ids }).toEqual({ text, ids: [article!.id] });
    }
    // A repeated bigram past 256 occurrences (PostgreSQL keeps 256 positions of a lexeme) still matches in phrases.
    expect((await allHits("水平不断提高，蓝天")).ids).toEqual([article!.id]);
    expect((await allHits("龙城新貌 第29段")).ids).toEqual([article!.id]);
    // Ranked alone in its window, an article whose term is once in its body scores BM25's 2.2 / 2.2 on
    // PostgreSQL: counted in its tsvector's chunks (it has no text row), the most of any one chunk.
    const ranked = await searchArticles(db.reader, { query: "龙城新貌", orderBy: "RELEVANCE", first: 10 });
    expect(ranked.hits.map((hit) => hit.article.id)).toEqual([article!.id]);
    if (!onSqlite) expect(ranked.hits[0]!.score).toBeCloseTo(1, 12);
    // A one-character query scans it too (on PostgreSQL it has no single text to look in: its fields are read).
    const scanned = await searchArticles(db.reader, { query: "貌", orderBy: "NEWEST", first: 10, filter: { from: "2019-05-05", to: "2019-05-05" } });
    expect({ method: scanned.method, ids: scanned.hits.map((hit) => hit.article.id) }).toEqual({ method: "SCAN", ids: [article!.id] });
  });
});
