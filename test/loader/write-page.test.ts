import { describe, expect, it } from "vitest";
import { statementKinds, together } from "../support/statement-kinds.ts";
import { createTestDatabase, databaseKind } from "../support/database.ts";
import { SAMPLE_HEADLINES, SAMPLE_TEXT, TAIYUAN_DAILY, loadSampleOnDates } from "../support/sample.ts";
import { query } from "../support/graphql.ts";
import { createServer } from "../../src/server/index.ts";
import { ingestPage } from "../../src/loader/ingest-page.ts";
import { PageInputError } from "../../src/ingest/decode.ts";

const page = (date: string, text = SAMPLE_TEXT) => ({ publication: TAIYUAN_DAILY, date, pageNumber: 1, text });

// The sample without its last article (全市推进产业工人…, the only one that names 张韬).
const WITHOUT_LAST_ARTICLE = SAMPLE_TEXT.slice(0, SAMPLE_TEXT.indexOf("## 全市推进产业工人队伍建设改革"));

describe("writing a page", () => {
  it("stores the page with its articles, credits, mentions, photos and jumps", async () => {
    const db = await createTestDatabase();
    const result = await ingestPage(db.writer, page("2022-06-03"), "page-01.txt");
    expect(result).toMatchObject({ status: "created", articles: 8, continuationsResolved: 0 });
    expect(await db.reader.article.count()).toBe(8);
    expect(await db.reader.photo.count()).toBe(2);
    expect(await db.reader.continuation.count()).toBe(6);
    expect((await db.reader.article.findMany({ orderBy: { position: "asc" } })).map((a) => a.headline)).toEqual(SAMPLE_HEADLINES);
  });

  it("changes nothing when the same text is ingested again, and runs no write", async () => {
    const db = await createTestDatabase();
    await ingestPage(db.writer, page("2022-06-03"), "page-01.txt");
    const before = await db.dump();
    db.resetStatements();
    const again = await ingestPage(db.writer, page("2022-06-03"), "page-01.txt");
    expect(again.status).toBe("unchanged");
    expect(db.statements.filter((sql) => !/^\s*SELECT/i.test(sql))).toEqual([]);
    expect(await db.dump()).toEqual(before);
  });

  it("replaces a changed page's articles in place, keeping the IDs of articles still at their position", async () => {
    const db = await createTestDatabase();
    await ingestPage(db.writer, page("2022-06-03"), "page-01.txt");
    const before = await db.reader.article.findMany({ orderBy: { position: "asc" }, select: { id: true, headline: true } });
    const result = await ingestPage(db.writer, page("2022-06-03", WITHOUT_LAST_ARTICLE), "page-01.txt");
    expect(result).toMatchObject({ status: "replaced", articles: 7 });
    const after = await db.reader.article.findMany({ orderBy: { position: "asc" }, select: { id: true, headline: true } });
    expect(after).toEqual(before.slice(0, 7));
    expect(await db.reader.page.count()).toBe(1);
  });

  it("removes people no longer named anywhere and keeps those named on other pages", async () => {
    const db = await createTestDatabase();
    await ingestPage(db.writer, page("2022-06-03"), "page-01.txt");
    await ingestPage(db.writer, page("2022-06-03", WITHOUT_LAST_ARTICLE), "page-01.txt");
    expect(await db.reader.person.findUnique({ where: { name: "张韬" } })).toBeNull();

    await loadSampleOnDates(db.writer, ["2022-06-04"]);
    await ingestPage(db.writer, page("2022-06-04", WITHOUT_LAST_ARTICLE), "page-01.txt");
    await ingestPage(db.writer, page("2022-06-03"), "page-01.txt");
    await ingestPage(db.writer, page("2022-06-04", WITHOUT_LAST_ARTICLE), "page-01.txt");
    expect(await db.reader.person.findUnique({ where: { name: "张韬" } })).not.toBeNull();
  });

  it("leaves the database exactly as it was when a write fails half-way", async () => {
    const db = await createTestDatabase();
    await ingestPage(db.writer, page("2022-06-03"), "page-01.txt");
    const before = await db.dump();
    for (const table of ["Article", "Mention", "Continuation"]) {
      // Anywhere in the statement: on PostgreSQL some INSERTs are parts of one (SqlRunner.runTogether).
      db.failNextStatement(new RegExp(`INSERT INTO "${table}"`));
      await expect(ingestPage(db.writer, page("2022-06-04"), "page-01.txt")).rejects.toThrow(/simulated database fault/);
      expect(await db.dump()).toEqual(before);
    }
    db.failNextStatement(/^DELETE FROM \S*\bMention\b/);
    await expect(ingestPage(db.writer, page("2022-06-03", WITHOUT_LAST_ARTICLE), "page-01.txt")).rejects.toThrow(/simulated/);
    expect(await db.dump()).toEqual(before);
  });

  it("writes a page of a new issue in 19 statements, each table's rows in one; in 14 on PostgreSQL, whose independent writes run as one", async () => {
    const db = await createTestDatabase();
    await ingestPage(db.writer, page("2022-06-03"), "page-01.txt");
    db.resetStatements();
    await ingestPage(db.writer, page("2022-06-04"), "page-01.txt");
    const kinds = statementKinds(db.statements);
    const postgres = databaseKind() === "postgresql";
    expect(kinds).toEqual([
      "SELECT Article", // is the page stored unchanged? (outside the transaction; its article count comes first)
      "SELECT Publication", // publication, issue and page in one read
      "INSERT Issue",
      "INSERT Page",
      "INSERT Article",
      "SELECT Person",
      "INSERT Mention",
      ...together("INSERT Credit", "INSERT Photo", "INSERT Continuation"),
      "SELECT Organisation",
      "INSERT Position",
      "SELECT Article", // open jumps out of or into the page, through the issue's articles
      "SELECT Article", // pickups they may continue in
      "SELECT Correction",
      ...together(
        "UPDATE Person", // mention counts
        "INSERT ArticleSearch",
        "INSERT ArticleSearchText",
        ...(postgres ? ["INSERT ArticleSearchPhrase"] : []),
        "UPDATE DataVersion",
      ),
    ]);
  });

  it("refuses text with no recognisable article and writes nothing", async () => {
    const db = await createTestDatabase();
    const before = await db.dump();
    const refusal = ingestPage(db.writer, page("2022-06-03", "12345\n\n67890\n"), "notes/page-01.txt");
    await expect(refusal).rejects.toThrow(PageInputError);
    await expect(refusal).rejects.toThrow("notes/page-01.txt: no recognisable article in the text");
    expect(await db.dump()).toEqual(before);
  });
});

describe("readers during an ingest", () => {
  const ISSUE = `{ issue(publication: "taiyuan-daily", date: "2022-06-04") {
    pages { articles { headline credits { person { name } } mentions { person { name } } } photos { caption } } } }`;

  it("never see a page before its transaction commits, at any statement of the write", async () => {
    const db = await createTestDatabase();
    await ingestPage(db.writer, page("2022-06-03"), "page-01.txt");
    const yoga = createServer(db.reader);
    const seen: unknown[] = [];
    db.beforeWriterStatement(async (sql) => {
      if (sql.startsWith("SELECT")) return;
      // Mid-transaction: the API, which reads on its own connection, must not see the page.
      seen.push((await query(yoga, ISSUE)).issue);
    });
    await ingestPage(db.writer, page("2022-06-04"), "page-01.txt");
    db.beforeWriterStatement(null);
    // At least issue, page, articles, credits, mentions, photos and jumps (the people exist already).
    expect(seen.length).toBeGreaterThanOrEqual(7);
    expect(new Set(seen)).toEqual(new Set([null]));
    const after = (await query(yoga, ISSUE)).issue;
    expect(after.pages[0].articles).toHaveLength(8);
    expect(after.pages[0].photos).toHaveLength(2);
  });

  // PostgreSQL gives each transaction a connection of its own: the hazard is SQLite's.
  it.skipIf(databaseKind() === "postgresql")("would see uncommitted rows on the writer's own connection, which is why the API never reads there", async () => {
    const db = await createTestDatabase();
    const seen: (string | null)[] = [];
    db.beforeWriterStatement(async (sql) => {
      if (/^INSERT INTO \S*\bMention\b/.test(sql)) {
        const issue = await db.writer.read.get<{ date: string }>(`SELECT "date" FROM "Issue" WHERE "date" = ?`, ["2022-06-04"]);
        seen.push(issue?.date ?? null);
      }
    });
    await ingestPage(db.writer, page("2022-06-04"), "page-01.txt");
    db.beforeWriterStatement(null);
    expect(seen).toEqual(["2022-06-04"]);
  });

  it("during a changed page's replacement see the old page whole, never a mix", async () => {
    const db = await createTestDatabase();
    await ingestPage(db.writer, page("2022-06-04"), "page-01.txt");
    const yoga = createServer(db.reader);
    const counts: number[] = [];
    db.beforeWriterStatement(async (sql) => {
      if (sql.startsWith("SELECT")) return;
      counts.push((await query(yoga, ISSUE)).issue.pages[0].articles.length);
    });
    await ingestPage(db.writer, page("2022-06-04", WITHOUT_LAST_ARTICLE), "page-01.txt");
    db.beforeWriterStatement(null);
    expect(counts.length).toBeGreaterThan(8);
    expect(new Set(counts)).toEqual(new Set([8]));
    expect((await query(yoga, ISSUE)).issue.pages[0].articles).toHaveLength(7);
  });
});
