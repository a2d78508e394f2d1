import type { SqlRunner } from "../db/writer.ts";
import { pgSearchRows, searchEntry, searchRows, type SearchDocument } from "../search/document.ts";
import { insertRows } from "./insert-rows.ts";

/**
 * Writes the search rows of articles that have none (within the caller's transaction): on
 * SQLite a row of the FTS5 table per article, on PostgreSQL the tsvector chunks of each and the
 * normalised text of each article of one chunk (src/db/search-table.ts).
 */
export async function insertSearchRows(sql: SqlRunner, docs: SearchDocument[]): Promise<void> {
  if (sql.dialect === "postgresql") {
    // Not searchRows: its FTS5 text form is SQLite's, and tokenising every field twice cost ~0.5 ms a page.
    await insertRows(sql, "ArticleSearch", docs.map(searchEntry));
    const rows = docs.map(pgSearchRows);
    const chunks = rows.flatMap((row) => row.chunks);
    for (let start = 0; start < chunks.length; start += 50) await insertRows(sql, "ArticleSearchText", chunks.slice(start, start + 50));
    const phrases = rows.flatMap((row) => (row.phrase ? [row.phrase] : []));
    for (let start = 0; start < phrases.length; start += 50) await insertRows(sql, "ArticleSearchPhrase", phrases.slice(start, start + 50));
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
  // Its "ArticleSearchPhrase" rows go by that cascade alone: one statement fewer a page written again.
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
 * The articles are named by ID, so that both databases read their mentions through the
 * (articleId, personId) index whatever their statistics say: on a PostgreSQL archive growing
 * without fresh statistics, the page's articles by pageId were estimated at 400 and each
 * person's mentions counted through the person's index, 51 ms a page on average by 2,920 pages.
 */
export async function addPageMentionCounts(sql: SqlRunner, articleIds: readonly number[], sign: 1 | -1): Promise<void> {
  if (articleIds.length === 0) return;
  await sql.run(
    `UPDATE "Person" SET "mentionCount" = "Person"."mentionCount" + ? * c."n"
       FROM (SELECT "personId", COUNT(*) AS "n" FROM "Mention" WHERE "articleId" IN (${articleIds.map(() => "?").join(", ")}) GROUP BY "personId") c
      WHERE "Person"."id" = c."personId"`,
    [sign, ...articleIds],
  );
}
