import path from "node:path";
import { describe, expect, it } from "vitest";
import { statementKinds, together } from "../support/statement-kinds.ts";
import { createTestDatabase, databaseKind, type TestDatabase } from "../support/database.ts";
import { PICKUP_PAGE, SAMPLE_PAGE, SAMPLE_TEXT, TAIYUAN_DAILY } from "../support/sample.ts";
import { ingestPaths, RUN_PAGES } from "../../src/loader/edition-loader.ts";
import { findPageFiles, pageLocationFromPath } from "../../src/ingest/layout.ts";
import { projectRoot } from "../../src/lib/paths.ts";
import { writeNewPages } from "../../src/loader/write-new-pages.ts";
import { writePage } from "../../src/loader/write-page.ts";
import { parsePage } from "../../src/ingest/parse-page.ts";
import { PARSER_VERSION } from "../../src/ingest/version.ts";

const fixtures = path.join(projectRoot, "test", "fixtures");

// A jump page and its pickup page (one run: the jumps are matched inside it), people-heavy pages
// of a national paper, and a paper printed in sections: 14 pages, fewer than a run.
const EDITIONS = [SAMPLE_PAGE, PICKUP_PAGE, path.join(fixtures, "devset", "people-daily"), path.join(fixtures, "sections", "city-evening")];

/**
 * Every row of every table, but the ingest's time, the data version (bumped once a transaction)
 * and, on SQLite, how FTS5 laid out its segments (which depends on how many statements wrote the
 * rows; the full-text table's own rows are compared).
 */
async function rowsOf(db: TestDatabase) {
  const { DataVersion: _bumps, Page: pages, ArticleSearchText_data: _segments, ArticleSearchText_idx: _segmentIndex, ...rest } = await db.dump();
  const withoutTime = pages!.map((page) => ({ ...(page as Record<string, unknown>), ingestedAt: null }));
  const sizes = rest.ArticleSearchText_docsize?.map((row) => ({ ...(row as Record<string, unknown>), origin: null }));
  return { ...rest, Page: withoutTime, ...(sizes && { ArticleSearchText_docsize: sizes }) };
}

const ARTICLE = `FROM "Article" a JOIN "Page" p ON p."id" = a."pageId" JOIN "Issue" i ON i."id" = p."issueId"`;

/** What the archive holds, without its IDs: each table's number of rows, and each article's text and people. */
async function contentOf(db: TestDatabase) {
  // FTS5's segments depend on how many statements wrote the rows (see rowsOf).
  const tables = Object.entries(await db.dump()).filter(([table]) => !/^ArticleSearchText_(data|idx)$/.test(table));
  const counts = Object.fromEntries(tables.map(([table, rows]) => [table, rows.length]));
  const rows = (sql: string) => db.plain.all<Record<string, unknown>>(sql);
  return {
    counts,
    articles: await rows(`SELECT i."date", p."number", a."position", a."headline", a."body" ${ARTICLE} ORDER BY 1, 2, 3`),
    credits: await rows(
      `SELECT i."date", p."number", a."position", c."role", c."position" AS "at", per."name" ${ARTICLE}
         JOIN "Credit" c ON c."articleId" = a."id" JOIN "Person" per ON per."id" = c."personId" ORDER BY 1, 2, 3, 5`,
    ),
    mentions: await rows(
      `SELECT i."date", p."number", a."position", m."position" AS "at", per."name", per."mentionCount", m."title", o."name" AS "organisation", pos."role" ${ARTICLE}
         JOIN "Mention" m ON m."articleId" = a."id" JOIN "Person" per ON per."id" = m."personId"
         LEFT JOIN "Position" pos ON pos."mentionId" = m."id" LEFT JOIN "Organisation" o ON o."id" = pos."organisationId" ORDER BY 1, 2, 3, 4, 8, 9`,
    ),
    jumps: await rows(
      `SELECT i."date", p."number", a."position", c."toPageNumber", t."pageNumber" AS "toPage", t."position" AS "toPosition" ${ARTICLE}
         JOIN "Continuation" c ON c."fromArticleId" = a."id" LEFT JOIN "Article" t ON t."id" = c."toArticleId" ORDER BY 1, 2, 3`,
    ),
  };
}

const source = (date: string) => ({ publication: TAIYUAN_DAILY, date, pageNumber: 1, text: SAMPLE_TEXT });
const parsed = (date: string) => parsePage(SAMPLE_TEXT, { issueDate: date, region: { city: TAIYUAN_DAILY.region, province: TAIYUAN_DAILY.province } });

describe("a run of new pages", () => {
  it("is stored as writing its pages one by one stores them: the same rows under the same IDs, jumps matched inside the run", async () => {
    const files = (await findPageFiles(EDITIONS)).files;
    expect(files.length).toBeLessThan(RUN_PAGES);
    const together = await createTestDatabase();
    const summary = await ingestPaths(together.writer, EDITIONS);
    const oneByOne = await createTestDatabase();
    let resolved = 0;
    for (const file of files) resolved += (await ingestPaths(oneByOne.writer, [file])).continuationsResolved;
    expect(summary.errors).toEqual([]);
    expect(summary.pages.created).toBe(files.length);
    expect([summary.continuationsResolved, resolved]).toEqual([7, 7]);
    expect(await rowsOf(together)).toEqual(await rowsOf(oneByOne));
  });

  it("costs the statements of one page of a new issue, each table's rows of every page in one", async () => {
    const db = await createTestDatabase();
    await ingestPaths(db.writer, [SAMPLE_PAGE]);
    const [first, second, third] = [source("2022-06-04"), source("2022-06-05"), source("2022-06-06")];
    db.resetStatements();
    const results = await writeNewPages(db.writer, [first, second, third].map((page) => ({ source: page, parsed: parsed(page.date), parserVersion: PARSER_VERSION })));
    expect(results!.map((result) => [result.status, result.articles])).toEqual([
      ["created", 8],
      ["created", 8],
      ["created", 8],
    ]);
    const kinds = statementKinds(db.statements);
    const postgres = databaseKind() === "postgresql";
    expect(kinds).toEqual([
      "SELECT Publication", // publications, issues and pages of every page in one read
      "INSERT Issue",
      "INSERT Page",
      "INSERT Article",
      "SELECT Person",
      "INSERT Mention",
      ...together("INSERT Credit", "INSERT Photo", "INSERT Continuation"),
      "SELECT Organisation",
      "INSERT Position",
      "SELECT Article", // open jumps out of or into the pages, through their issues' articles
      "SELECT Article", // pickups they may continue in
      "SELECT Page", // jumps editors linked into the pages (corrections of their issues' other pages)
      ...together(
        "UPDATE Person",
        "INSERT ArticleSearch",
        "INSERT ArticleSearchText",
        ...(postgres ? ["INSERT ArticleSearchPhrase"] : []),
        "UPDATE DataVersion",
      ),
    ]);
  });

  it("writes nothing and answers null when a page's place is taken by then, or two pages share one", async () => {
    const db = await createTestDatabase();
    await writePage(db.writer, source("2022-06-04"), parsed("2022-06-04"), PARSER_VERSION);
    const before = await db.dump();
    const run = (dates: string[]) => writeNewPages(db.writer, dates.map((date) => ({ source: source(date), parsed: parsed(date), parserVersion: PARSER_VERSION })));
    expect(await run(["2022-06-03", "2022-06-04"])).toBeNull();
    expect(await run(["2022-06-05", "2022-06-05"])).toBeNull();
    expect(await db.dump()).toEqual(before);
  });

  it("that fails is written again page by page: every page stored once, as without the fault", async () => {
    const clean = await createTestDatabase();
    await ingestPaths(clean.writer, EDITIONS);
    for (const table of ["Article", "Mention", "Continuation", "ArticleSearch"]) {
      const db = await createTestDatabase();
      db.failNextStatement(new RegExp(`INSERT INTO "${table}"`));
      const summary = await ingestPaths(db.writer, EDITIONS);
      expect(summary.errors).toEqual([]);
      expect(summary.continuationsResolved).toBe(7);
      // PostgreSQL's sequences keep what the failed transaction drew: the same rows, under other IDs.
      expect(await contentOf(db)).toEqual(await contentOf(clean));
    }
  });

  it("with a page that fails alone too stops the ingest there, with the pages before it stored and nothing of that page", async () => {
    const db = await createTestDatabase();
    const files = (await findPageFiles(EDITIONS)).files;
    // The run's INSERT of articles fails, then that of its third page written alone.
    let articleInserts = 0;
    db.beforeWriterStatement(async (sql) => {
      if (/^INSERT INTO "Article"/.test(sql) && [1, 4].includes(++articleInserts)) throw new Error("simulated database fault");
    });
    await expect(ingestPaths(db.writer, EDITIONS)).rejects.toThrow("simulated database fault");
    db.beforeWriterStatement(null);
    const stored = await db.plain.all<{ id: number; number: number; date: string }>(
      `SELECT p."id", p."number", i."date" FROM "Page" p JOIN "Issue" i ON i."id" = p."issueId" ORDER BY p."id"`,
    );
    const placeOf = (file: string) => {
      const { date, page } = pageLocationFromPath(file)!;
      return `${date}/${page}`;
    };
    expect(stored.map((page) => `${page.date}/${page.number}`)).toEqual(files.slice(0, 2).map(placeOf));
    // Nothing of the third page or after: its articles, or any row of theirs, went with its transaction.
    const articles = await db.plain.all<{ pageId: number }>(`SELECT DISTINCT "pageId" FROM "Article" ORDER BY "pageId"`);
    expect(articles.map((article) => Number(article.pageId))).toEqual(stored.map((page) => Number(page.id)));
  });
});
