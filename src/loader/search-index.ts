import type { SqlRunner, Statement } from "../db/writer.ts";
import { pgSearchRows, searchEntry, searchRows, type SearchDocument } from "../search/document.ts";
import { insertStatements } from "./insert-rows.ts";
import { groupsOf } from "../lib/groups-of.ts";
import { phraseStatements, searchTextStatements } from "../db/search-table.ts";

/**
 * Writes the search rows of articles that have none (within the caller's transaction): on
 * SQLite a row of the FTS5 table per article, on PostgreSQL the tsvector chunks of each and the
 * normalised text of each article of one chunk (src/db/search-table.ts).
 */
export async function insertSearchRows(sql: SqlRunner, docs: SearchDocument[]): Promise<void> {
  await sql.runTogether(searchRowStatements(sql.dialect, docs));
}

/** The statements of insertSearchRows, to run with others (SqlRunner.runTogether). */
export function searchRowStatements(dialect: SqlRunner["dialect"], docs: SearchDocument[]): Statement[] {
  if (dialect === "postgresql") {
    // Not searchRows: its FTS5 text form is SQLite's, and tokenising every field twice cost ~0.5 ms a page.
    const rows = docs.map(pgSearchRows);
    return [
      ...insertStatements(dialect, "ArticleSearch", docs.map(searchEntry)),
      ...searchTextStatements(rows.flatMap((row) => row.chunks)),
      ...phraseStatements(rows.flatMap((row) => (row.phrase ? [row.phrase] : []))),
    ];
  }
  const rows = docs.map(searchRows);
  return [
    ...insertStatements(dialect, "ArticleSearch", rows.map((row) => row.search)),
    // Bodies are kilobytes of tokens: a few rows per statement keep statements small.
    ...groupsOf(rows.map((row) => row.text), 50).flatMap((texts) => insertStatements(dialect, "ArticleSearchText", texts)),
  ];
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
  await sql.runTogether(mentionCountStatements(sql.dialect, articleIds, sign));
}

/**
 * The statement of addPageMentionCounts (none for no article), to run with others
 * (SqlRunner.runTogether). On PostgreSQL the articles are one array, so that the statement's
 * text, and the page's last statement it is part of, is the same for every page (prepared).
 */
export function mentionCountStatements(dialect: SqlRunner["dialect"], articleIds: readonly number[], sign: 1 | -1): Statement[] {
  if (articleIds.length === 0) return [];
  const articles = dialect === "postgresql" ? `= ANY (?::int[])` : `IN (${articleIds.map(() => "?").join(", ")})`;
  return [
    {
      sql: `UPDATE "Person" SET "mentionCount" = "Person"."mentionCount" + ? * c."n"
              FROM (SELECT "personId", COUNT(*) AS "n" FROM "Mention" WHERE "articleId" ${articles} GROUP BY "personId") c
             WHERE "Person"."id" = c."personId"`,
      params: dialect === "postgresql" ? [sign, [...articleIds]] : [sign, ...articleIds],
    },
  ];
}
