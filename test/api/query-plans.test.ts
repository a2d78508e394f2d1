import { describe, expect, it } from "vitest";
import { Prisma } from "../../src/generated/prisma/client.ts";
import type { Db } from "../../src/db/client.ts";
import { foldedStatement } from "../../src/resolvers/folded-read.ts";
import { newestArticles, personNamed } from "../../src/resolvers/queries.ts";
import { createTestDatabase, databaseKind } from "../support/database.ts";
import { datesAfter, loadSample, loadSampleOnDates } from "../support/sample.ts";

const db = await createTestDatabase();
await loadSample(db.writer);
await loadSampleOnDates(db.writer, datesAfter("2022-06-03", 9));

/** The plan of a statement as text: SQLite's EXPLAIN QUERY PLAN lines, PostgreSQL's EXPLAIN lines. */
async function planOf(reader: Db, statement: Prisma.Sql): Promise<string> {
  if (databaseKind() === "postgresql") {
    // The test archive is a few hundred rows, where a sequential scan and a sort cost nothing; with
    // sorting priced out, the plan shows whether an index gives the order (a Sort node if none does).
    return reader.$transaction(async (tx) => {
      await tx.$executeRawUnsafe("SET LOCAL enable_sort = off");
      await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
      const rows = await tx.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(`EXPLAIN ${statement.text}`, ...statement.values);
      return rows.map((row) => row["QUERY PLAN"]).join("\n");
    });
  }
  const rows = await reader.$queryRawUnsafe<{ detail: string }[]>(`EXPLAIN QUERY PLAN ${statement.sql}`, ...statement.values);
  return rows.map((row) => row.detail).join("\n");
}

// What plugin-prisma plans for the shapes below (printed from the resolvers), run as folded-read.ts runs them.
const PAGE_AND_ISSUE = { page: { select: { id: true, number: true, issue: true } } };
const SECOND_PAGE = { select: { id: true, headline: true, ...PAGE_AND_ISSUE } };
const TIMELINE = {
  include: { mentions: { orderBy: [{ issueDate: "desc" }, { id: "asc" }], take: 51, skip: 0, include: { article: { select: { id: true, headline: true, ...PAGE_AND_ISSUE } } } } },
};

const sqlite = databaseKind() === "sqlite";

describe("query plans of the newest articles and a person's timeline", () => {
  it("reads a page of articles after a cursor from the cursor's place in the newest-first index, without sorting", async () => {
    const [cursor] = await db.reader.article.findMany({ orderBy: [{ issueDate: "desc" }, { pageNumber: "asc" }, { position: "asc" }, { id: "asc" }], skip: 20, take: 1 });
    const plan = await planOf(db.reader, foldedStatement(db.reader, "Article", SECOND_PAGE, newestArticles({ take: 101, skip: 1, cursor: { id: cursor!.id } }))!);
    if (sqlite) {
      expect(plan).toContain("SEARCH t0 USING INDEX Article_issueDate_pageNumber_position_id_idx (issueDate<?)");
      expect(plan).not.toContain("TEMP B-TREE FOR ORDER BY");
    } else {
      expect(plan).toMatch(/Index Scan using "Article_issueDate_pageNumber_position_id_idx" on "Article" t0.*\n\s+Index Cond: \("issueDate" <= \$\d+\)/);
      expect(plan).not.toMatch(/\bSort\b/);
    }
  });

  it("reads a person's newest mentions in the (personId, issueDate, id) index's order, without sorting them by their articles", async () => {
    const plan = await planOf(db.reader, foldedStatement(db.reader, "Person", TIMELINE, personNamed("韦韬"))!);
    if (sqlite) {
      expect(plan).toContain("SEARCH t1 USING INDEX Mention_personId_issueDate_id_idx (personId=?)");
      expect(plan).not.toContain("TEMP B-TREE FOR ORDER BY");
    } else {
      expect(plan).toMatch(/Index Scan using "Mention_personId_issueDate_id_idx" on "Mention" t1.*\n\s+Index Cond: \("personId" = t0\.id\)/);
      expect(plan).not.toMatch(/\bSort\b/);
    }
  });
});
