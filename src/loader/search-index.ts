import type { SqlRunner } from "../db/writer.ts";
import { pgSearchRows, searchRows, type SearchDocument } from "../search/document.ts";
import { searchKey } from "../search/tokens.ts";
import { insertRows } from "./insert-rows.ts";

/**
 * Writes the search rows of articles that have none (within the caller's transaction): on
 * SQLite a row of the FTS5 table per article, on PostgreSQL the tsvector chunks of each
 * (src/db/search-table.ts).
 */
export async function insertSearchRows(sql: SqlRunner, docs: SearchDocument[]): Promise<void> {
  if (sql.dialect === "postgresql") {
    // Not searchRows: its FTS5 text form is SQLite's, and tokenising every field twice cost ~0.5 ms a page.
    const keys = docs.map((doc) => ({ key: searchKey(doc.issueDate, doc.pageNumber, doc.position, doc.publicationId), articleId: doc.articleId }));
    await insertRows(sql, "ArticleSearch", keys);
    const chunks = docs.flatMap(pgSearchRows);
    for (let start = 0; start < chunks.length; start += 50) await insertRows(sql, "ArticleSearchText", chunks.slice(start, start + 50));
    return;
  }
  const rows = docs.map(searchRows);
  await insertRows(sql, "ArticleSearch", rows.map((row) => row.search));
  // Bodies are kilobytes of tokens: a few rows per statement keep statements small.
  for (let start = 0; start < rows.length; start += 50) {
    await insertRows(sql, "ArticleSearchText", rows.slice(start, start + 50).map((row) => row.text));
  }
}

/** Removes the search rows of the articles `articleIdsSql` selects (a subquery with `params`). */
export async function deleteSearchRows(sql: SqlRunner, articleIdsSql: string, params: unknown[]): Promise<void> {
  // PostgreSQL's rows would also go with "ArticleSearch" (ON DELETE CASCADE); deleting them first is as cheap and says so.
  const textKey = sql.dialect === "sqlite" ? "rowid" : `"key"`;
  await sql.run(
    `DELETE FROM "ArticleSearchText" WHERE ${textKey} IN (SELECT "key" FROM "ArticleSearch" WHERE "articleId" IN (${articleIdsSql}))`,
    params,
  );
  await sql.run(`DELETE FROM "ArticleSearch" WHERE "articleId" IN (${articleIdsSql})`, params);
}

/**
 * Adds (`sign` 1) or subtracts (-1) the mentions of one page's articles to their people's
 * mention counts: work in proportion to the page, not to how often the people appear overall.
 */
export async function addPageMentionCounts(sql: SqlRunner, pageId: number, sign: 1 | -1): Promise<void> {
  if (sql.dialect === "postgresql") {
    // PostgreSQL planned the statement below as a count over each person's every mention (a
    // page's cost growing with the archive: 2 ms at 150 pages, 8 at 600): here the page's
    // mentions are read through the index on "articleId", once, whatever the statistics say.
    await sql.run(
      `UPDATE "Person" p SET "mentionCount" = p."mentionCount" + ? * c."mentions"
         FROM (SELECT "personId", COUNT(*) AS "mentions" FROM "Mention" WHERE "articleId" = ANY (ARRAY(SELECT "id" FROM "Article" WHERE "pageId" = ?)) GROUP BY "personId") c
        WHERE p."id" = c."personId"`,
      [sign, pageId],
    );
    return;
  }
  const ofPage = `SELECT "id" FROM "Article" WHERE "pageId" = ?`;
  await sql.run(
    `UPDATE "Person" SET "mentionCount" = "mentionCount" + ? * (SELECT COUNT(*) FROM "Mention" m WHERE m."personId" = "Person"."id" AND m."articleId" IN (${ofPage}))
      WHERE "id" IN (SELECT "personId" FROM "Mention" WHERE "articleId" IN (${ofPage}))`,
    [sign, pageId, pageId],
  );
}
