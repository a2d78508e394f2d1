import type Database from "better-sqlite3";
import type pg from "pg";
import { pgSearchRows } from "../search/document.ts";

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

/**
 * The full-text index of articles on PostgreSQL: the same bigram tokens as FTS5, as a tsvector
 * with explicit positions (src/search/document.ts builds its text form), on a GIN index. Like
 * the FTS5 table it is created here, after the Prisma migrations, and not by one: Prisma's diff
 * starts from the migrations, and a tsvector column or GIN index is nothing schema.prisma holds.
 *
 * One row per chunk of an article: a tsvector's positions stop at 16,383 and a lexeme keeps at
 * most 256 of them, so an article whose token stream exceeds either is split into overlapping
 * chunks ("chunks" > 1 on all its rows; see pgSearchRows). Nearly every article is one row.
 * Fields are weighted (headline A; kicker, subheadline B; body, captions C) and separated by an
 * unused position, so a phrase (`<->`) never runs from one field into the next. Facets are plain
 * columns ("publicationId", "source" normalised); "key" is "ArticleSearch"."key" (newest first)
 * and "articleId" is copied beside it, so that a page of hits needs no join.
 * The primary key's btree on "key" serves date ranges and the newest-first alternative plan; the
 * partial GIN index keeps the multi-chunk branch of a query (see src/resolvers/search/postgres-plan.ts) cheap.
 * A change of definition needs new names (these statements only create what is missing).
 */
export const PG_SEARCH_TABLE_DDL = [
  `CREATE TABLE IF NOT EXISTS "ArticleSearchText" (
    "key" BIGINT NOT NULL REFERENCES "ArticleSearch" ("key") ON DELETE CASCADE,
    "chunk" INTEGER NOT NULL,
    "chunks" INTEGER NOT NULL,
    "articleId" INTEGER NOT NULL,
    "publicationId" INTEGER NOT NULL,
    "source" TEXT,
    "doc" tsvector NOT NULL,
    CONSTRAINT "ArticleSearchText_pkey" PRIMARY KEY ("key", "chunk")
  )`,
  `CREATE INDEX IF NOT EXISTS "ArticleSearchText_doc_idx" ON "ArticleSearchText" USING gin ("doc")`,
  `CREATE INDEX IF NOT EXISTS "ArticleSearchText_long_doc_idx" ON "ArticleSearchText" USING gin ("doc") WHERE "chunks" > 1`,
];

/**
 * Creates the PostgreSQL search table and its indexes when missing; true when the table was
 * created now. A database that already held articles (ingested before PostgreSQL had full-text
 * search) gets their rows in the same transaction, so search finds them from the first start.
 */
export async function ensurePgSearchTable(client: pg.PoolClient | pg.Client): Promise<boolean> {
  const { rows } = await client.query(`SELECT to_regclass('"ArticleSearchText"') IS NOT NULL AS "exists"`);
  if (rows[0]?.exists) {
    for (const statement of PG_SEARCH_TABLE_DDL) await client.query(statement);
    return false;
  }
  await client.query("BEGIN");
  try {
    for (const statement of PG_SEARCH_TABLE_DDL) await client.query(statement);
    await backfillPgSearchText(client);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  }
  return true;
}

/** Writes the tsvector rows of every article that has an "ArticleSearch" row and none in "ArticleSearchText". */
async function backfillPgSearchText(client: pg.PoolClient | pg.Client): Promise<void> {
  let after = -1;
  for (;;) {
    const { rows } = await client.query(
      `SELECT a."id", i."publicationId", a."issueDate", a."pageNumber", a."position", a."kicker", a."headline", a."subheadline", a."body", a."source",
              COALESCE((SELECT array_agg(p."caption" ORDER BY p."position") FROM "Photo" p WHERE p."articleId" = a."id"), '{}') AS "captions"
         FROM "ArticleSearch" s JOIN "Article" a ON a."id" = s."articleId" JOIN "Issue" i ON i."id" = a."issueId"
        WHERE a."id" > $1 AND NOT EXISTS (SELECT 1 FROM "ArticleSearchText" t WHERE t."key" = s."key")
        ORDER BY a."id" LIMIT 200`,
      [after],
    );
    if (rows.length === 0) return;
    after = rows.at(-1).id;
    const chunks = rows.flatMap((row) => pgSearchRows({ ...row, articleId: row.id }));
    for (let start = 0; start < chunks.length; start += 50) {
      const batch = chunks.slice(start, start + 50);
      const values = batch.map((_, index) => `(${[1, 2, 3, 4, 5, 6, 7].map((column) => `$${index * 7 + column}`).join(", ")})`);
      await client.query(
        `INSERT INTO "ArticleSearchText" ("key", "chunk", "chunks", "articleId", "publicationId", "source", "doc") VALUES ${values.join(", ")}`,
        batch.flatMap((row) => [row.key, row.chunk, row.chunks, row.articleId, row.publicationId, row.source, row.doc]),
      );
    }
  }
}
