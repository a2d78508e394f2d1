import type { SqlRunner } from "../db/writer.ts";
import { searchRows, type SearchDocument } from "../search/document.ts";
import { insertRows } from "./insert-rows.ts";

// `fullText` false (PostgreSQL, for now): only "ArticleSearch" is written; the FTS5 table is SQLite's.

/** Writes the search rows of articles that have none (within the caller's transaction). */
export async function insertSearchRows(sql: SqlRunner, docs: SearchDocument[], fullText = true): Promise<void> {
  const rows = docs.map(searchRows);
  await insertRows(sql, "ArticleSearch", rows.map((row) => row.search));
  if (!fullText) return;
  // Bodies are kilobytes of tokens: a few rows per statement keep statements small.
  for (let start = 0; start < rows.length; start += 50) {
    await insertRows(sql, "ArticleSearchText", rows.slice(start, start + 50).map((row) => row.text));
  }
}

/** Removes the search rows of the articles `articleIdsSql` selects (a subquery with `params`). */
export async function deleteSearchRows(sql: SqlRunner, articleIdsSql: string, params: unknown[], fullText = true): Promise<void> {
  if (fullText) {
    await sql.run(
      `DELETE FROM "ArticleSearchText" WHERE rowid IN (SELECT "key" FROM "ArticleSearch" WHERE "articleId" IN (${articleIdsSql}))`,
      params,
    );
  }
  await sql.run(`DELETE FROM "ArticleSearch" WHERE "articleId" IN (${articleIdsSql})`, params);
}

/**
 * Adds (`sign` 1) or subtracts (-1) the mentions of one page's articles to their people's
 * mention counts: work in proportion to the page, not to how often the people appear overall.
 */
export async function addPageMentionCounts(sql: SqlRunner, pageId: number, sign: 1 | -1): Promise<void> {
  const ofPage = `SELECT "id" FROM "Article" WHERE "pageId" = ?`;
  await sql.run(
    `UPDATE "Person" SET "mentionCount" = "mentionCount" + ? * (SELECT COUNT(*) FROM "Mention" m WHERE m."personId" = "Person"."id" AND m."articleId" IN (${ofPage}))
      WHERE "id" IN (SELECT "personId" FROM "Mention" WHERE "articleId" IN (${ofPage}))`,
    [sign, pageId, pageId],
  );
}
