import type Database from "better-sqlite3";

/**
 * The full-text index of articles on SQLite: an FTS5 virtual table, which Prisma's schema
 * cannot describe. It is not in a Prisma migration because `prisma migrate diff` (what
 * `npm run db:new-migration` runs) sees a virtual table and its shadow tables as tables that
 * schema.prisma lacks and writes a migration dropping them. So migrateSqlite creates it after
 * the Prisma migrations, with IF NOT EXISTS; a change of its definition needs a new table name.
 *
 * Each text column holds the bigram tokens of one field of the article (src/search/tokens.ts):
 * a phrase of a query's bigrams matches exactly the articles whose field contains the query.
 * Contentless (the text lives in "Article" and "Photo"; only the inverted index with positions
 * is stored) with contentless_delete, so replacing a page deletes its rows. "facets" holds
 * publication and source tokens so that filters are answered by the index as well. The rowid
 * is "ArticleSearch"."key": the index yields hits newest first and a date range is a rowid range.
 */
export const SEARCH_TABLE_DDL = `CREATE VIRTUAL TABLE IF NOT EXISTS "ArticleSearchText" USING fts5(
    kicker, headline, subheadline, body, captions, facets,
    content = '', contentless_delete = 1, tokenize = 'ascii'
)`;

/** Creates the FTS5 table when missing; true when it was created now. */
export function ensureSearchTable(db: Database.Database): boolean {
  const exists = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'ArticleSearchText'`).get();
  if (exists) return false;
  db.exec(SEARCH_TABLE_DDL);
  // Each page's transaction adds a small segment; merging 16 at a time (instead of 4) does less
  // merge work per write for a few more segments per query.
  db.exec(`INSERT INTO "ArticleSearchText" ("ArticleSearchText", rank) VALUES ('automerge', 16)`);
  return true;
}
