import type Database from "better-sqlite3";
import type pg from "pg";
import { pgSearchRows, phraseText, searchRows, type PgPhraseRow, type PgSearchChunk } from "../search/document.ts";
import { binaryArray, binaryTexts, PG_TYPE } from "./pg-binary.ts";
import { pgRunner, type Statement } from "./writer.ts";

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

/**
 * Creates the FTS5 table when missing, with the rows of the articles already indexed (a
 * migration that moves the keys drops the table); true when it was created now.
 */
export function ensureSearchTable(db: Database.Database): boolean {
  const exists = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'ArticleSearchText'`).get();
  if (exists) return false;
  db.transaction(() => {
    db.exec(SEARCH_TABLE_DDL);
    // Each page's transaction adds a small segment; merging 16 at a time (instead of 4) does less
    // merge work per write for a few more segments per query.
    db.exec(`INSERT INTO "ArticleSearchText" ("ArticleSearchText", rank) VALUES ('automerge', 16)`);
    backfillSearchText(db);
  })();
  return true;
}

/** Writes the FTS5 row of every article that has an "ArticleSearch" row, under that row's key. */
function backfillSearchText(db: Database.Database): void {
  const articles = db.prepare(
    `SELECT s."key", a."id", i."publicationId", a."issueDate", a."pageNumber", a."position", a."kicker", a."headline", a."subheadline", a."body", a."source"
       FROM "ArticleSearch" s JOIN "Article" a ON a."id" = s."articleId" JOIN "Issue" i ON i."id" = a."issueId"
      WHERE a."id" > ? ORDER BY a."id" LIMIT 200`,
  );
  const captions = db.prepare(`SELECT "caption" FROM "Photo" WHERE "articleId" = ? ORDER BY "position"`).pluck();
  const insert = db.prepare(
    `INSERT INTO "ArticleSearchText" (rowid, "kicker", "headline", "subheadline", "body", "captions", "facets") VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  type Row = { key: number; id: number; publicationId: number; issueDate: string; pageNumber: number; position: number; kicker: string | null; headline: string | null; subheadline: string | null; body: string; source: string | null };
  for (let after = -1; ; ) {
    const rows = articles.all(after) as Row[];
    if (rows.length === 0) return;
    for (const row of rows) {
      const { text } = searchRows({ ...row, articleId: row.id, captions: captions.all(row.id) as string[] });
      insert.run(row.key, text.kicker, text.headline, text.subheadline, text.body, text.captions, text.facets);
    }
    after = rows.at(-1)!.id;
  }
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
 *
 * "ArticleSearchPhrase" holds the normalised text of each article of one chunk (see phraseText),
 * which terms are checked on, with the same key and facets. It is a table of its own so that the
 * rows GIN points to stay narrow (10 MB for 100,000 articles, where the text beside them made
 * 156 MB): a two-character term, which GIN answers exactly, is counted from a bitmap of the
 * index over that heap, and the text is read only for the articles a phrase is checked in.
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
 * "ArticleSearchPhrase", its "text" kept in the row: STORAGE MAIN compresses a long value in
 * place and moves it to TOAST only when the row would not fit a page, where the default
 * (EXTENDED) moves anything past 2 kB, and reading it back would cost what the tsvector's costs.
 */
const PG_PHRASE_TABLE_DDL = [
  `CREATE TABLE "ArticleSearchPhrase" (
    "key" BIGINT NOT NULL PRIMARY KEY REFERENCES "ArticleSearch" ("key") ON DELETE CASCADE,
    "articleId" INTEGER NOT NULL,
    "publicationId" INTEGER NOT NULL,
    "source" TEXT,
    "text" TEXT NOT NULL
  )`,
  `ALTER TABLE "ArticleSearchPhrase" ALTER COLUMN "text" SET STORAGE MAIN`,
];

/**
 * Creates the PostgreSQL search tables and their indexes when missing; true when the tsvector
 * table was created now. A database that already held articles (ingested before PostgreSQL had
 * full-text search) gets their rows in the same transaction, so search finds them from the first start.
 */
export async function ensurePgSearchTable(client: pg.PoolClient | pg.Client): Promise<boolean> {
  const { rows } = await client.query(`SELECT to_regclass('"ArticleSearchText"') IS NOT NULL AS "exists"`);
  if (rows[0]?.exists) {
    for (const statement of PG_SEARCH_TABLE_DDL) await client.query(statement);
    await ensurePhraseTable(client);
    return false;
  }
  await client.query("BEGIN");
  try {
    // Both tables hold rows by the search key: a migration that moves the keys drops the tsvector
    // table (as 20261205100302_page_label does), and both are rebuilt from the articles here.
    await client.query(`DROP TABLE IF EXISTS "ArticleSearchPhrase"`);
    for (const statement of [...PG_SEARCH_TABLE_DDL, ...PG_PHRASE_TABLE_DDL]) await client.query(statement);
    await backfillPgSearchText(client);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  }
  return true;
}

/**
 * Creates "ArticleSearchPhrase" for a database made before it, in one transaction, so that
 * search reads it from the first start: moved from the column "text" of "ArticleSearchText"
 * where an earlier version kept it (then dropped there, and the table rewritten by VACUUM FULL
 * after the commit: a dropped column's values stay in every row until the row is rewritten, and
 * the narrow heap is the point), else made from the articles.
 */
async function ensurePhraseTable(client: pg.PoolClient | pg.Client): Promise<void> {
  const { rows } = await client.query(`SELECT to_regclass('"ArticleSearchPhrase"') IS NOT NULL AS "exists"`);
  if (rows[0]?.exists) return;
  const { rows: column } = await client.query(
    `SELECT 1 FROM pg_attribute WHERE attrelid = '"ArticleSearchText"'::regclass AND attname = 'text' AND NOT attisdropped`,
  );
  const moved = column.length > 0;
  await client.query("BEGIN");
  try {
    for (const statement of PG_PHRASE_TABLE_DDL) await client.query(statement);
    if (moved) {
      await client.query(
        `INSERT INTO "ArticleSearchPhrase" ("key", "articleId", "publicationId", "source", "text")
         SELECT "key", "articleId", "publicationId", "source", "text" FROM "ArticleSearchText" WHERE "chunks" = 1 ORDER BY "key"`,
      );
      await client.query(`ALTER TABLE "ArticleSearchText" DROP COLUMN "text"`);
    } else {
      await backfillPhraseText(client);
    }
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  }
  if (moved) await client.query(`VACUUM FULL "ArticleSearchText"`);
  // The search plan weighs the table's row count (src/resolvers/search/postgres-sample.ts).
  await client.query(`ANALYZE "ArticleSearchPhrase"`);
}

/** Writes the "ArticleSearchPhrase" row of every article of one chunk, from its article. */
async function backfillPhraseText(client: pg.PoolClient | pg.Client): Promise<void> {
  for (let after = -1; ; ) {
    const { rows: articles } = await client.query(
      `SELECT t."key", t."articleId", t."publicationId", t."source", a."kicker", a."headline", a."subheadline", a."body",
              COALESCE((SELECT array_agg(p."caption" ORDER BY p."position") FROM "Photo" p WHERE p."articleId" = a."id"), '{}') AS "captions"
         FROM "ArticleSearchText" t JOIN "Article" a ON a."id" = t."articleId"
        WHERE t."chunks" = 1 AND t."key" > $1 ORDER BY t."key" LIMIT 500`,
      [after],
    );
    if (articles.length === 0) return;
    after = articles.at(-1).key;
    await pgRunner(client).runTogether(
      phraseStatements(
        articles.map((article) => ({ key: article.key, articleId: article.articleId, publicationId: article.publicationId, source: article.source, text: phraseText(article) })),
      ),
    );
  }
}

/** Writes the tsvector and text rows of every article that has an "ArticleSearch" row and none in "ArticleSearchText". */
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
    const searchRows = rows.map((row) => pgSearchRows({ ...row, articleId: row.id }));
    await pgRunner(client).runTogether([
      ...searchTextStatements(searchRows.flatMap((row) => row.chunks)),
      ...phraseStatements(searchRows.flatMap((row) => (row.phrase ? [row.phrase] : []))),
    ]);
  }
}

/**
 * The INSERT of rows of "ArticleSearchText" (none for no rows): one array a column, the same text
 * whatever the number of rows (kept prepared), the tsvectors in binary (src/db/pg-binary.ts).
 */
export function searchTextStatements(rows: PgSearchChunk[]): Statement[] {
  if (rows.length === 0) return [];
  return [
    {
      sql: `INSERT INTO "ArticleSearchText" ("key", "chunk", "chunks", "articleId", "publicationId", "source", "doc")
            SELECT * FROM unnest(?::bigint[], ?::int[], ?::int[], ?::int[], ?::int[], ?::text[], ?::tsvector[])`,
      params: [
        rows.map((row) => row.key),
        rows.map((row) => row.chunk),
        rows.map((row) => row.chunks),
        rows.map((row) => row.articleId),
        rows.map((row) => row.publicationId),
        binaryTexts(rows.map((row) => row.source)),
        binaryArray(
          PG_TYPE.tsvector,
          rows.map((row) => row.doc),
        ),
      ],
    },
  ];
}

/** The INSERT of rows of "ArticleSearchPhrase" (none for no rows), as searchTextStatements, its texts in binary. */
export function phraseStatements(rows: PgPhraseRow[]): Statement[] {
  if (rows.length === 0) return [];
  return [
    {
      sql: `INSERT INTO "ArticleSearchPhrase" ("key", "articleId", "publicationId", "source", "text")
            SELECT * FROM unnest(?::bigint[], ?::int[], ?::int[], ?::text[], ?::text[])`,
      params: [
        rows.map((row) => row.key),
        rows.map((row) => row.articleId),
        rows.map((row) => row.publicationId),
        binaryTexts(rows.map((row) => row.source)),
        binaryTexts(rows.map((row) => row.text)),
      ],
    },
  ];
}
