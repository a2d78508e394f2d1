import pg from "pg";
import { describe, expect, it } from "vitest";
import { migratePostgres } from "../../src/db/migrate.ts";
import { ingestPage } from "../../src/loader/ingest-page.ts";
import { createTestDatabase, databaseKind } from "../support/database.ts";
import { generatePages } from "../support/generated-corpus.ts";
import { TAIYUAN_DAILY, loadSample } from "../support/sample.ts";

// PostgreSQL checks terms in "ArticleSearchPhrase"."text" (src/search/document.ts, phraseText).
describe.runIf(databaseKind() === "postgresql")("the normalised text of PostgreSQL's search rows", () => {
  it("is written by ingest for each article of one chunk, kept in the row (STORAGE MAIN), and made again, with the tsvectors, for a database from before", async () => {
    const db = await createTestDatabase();
    await loadSample(db.writer);
    for (const page of generatePages(20, { seed: 3 })) {
      await ingestPage(db.writer, { publication: TAIYUAN_DAILY, ...page }, `${page.date}/page-0${page.pageNumber}.txt`);
    }
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    const migrate = async () => {
      const pool = new pg.Pool({ connectionString: db.url, max: 1 });
      try {
        await migratePostgres(pool, "test");
      } finally {
        await pool.end();
      }
    };
    try {
      type PhraseRow = { key: string; articleId: number; publicationId: number; source: string | null; text: string };
      const rows = async () => (await client.query<PhraseRow>(`SELECT "key", "articleId", "publicationId", "source", "text" FROM "ArticleSearchPhrase" ORDER BY "key"`)).rows;
      const written = await rows();
      expect(written.length).toBeGreaterThan(100);
      expect(written.every((row) => row.text.includes("\n"))).toBe(true);
      const oneChunk = await client.query(`SELECT "key", "articleId", "publicationId", "source" FROM "ArticleSearchText" WHERE "chunks" = 1 ORDER BY "key"`);
      expect(written.map(({ text: _, ...facets }) => facets)).toEqual(oneChunk.rows);
      const storage = async () =>
        (await client.query(`SELECT attstorage FROM pg_attribute WHERE attrelid = '"ArticleSearchPhrase"'::regclass AND attname = 'text'`)).rows[0]?.attstorage;
      expect(await storage()).toBe("m");
      const textColumns = async () =>
        (await client.query(`SELECT 1 FROM pg_attribute WHERE attrelid = '"ArticleSearchText"'::regclass AND attname = 'text' AND NOT attisdropped`)).rowCount;

      // A database that kept the text in a column "text" of "ArticleSearchText": migrating moves it and drops the column.
      await client.query(`ALTER TABLE "ArticleSearchText" ADD COLUMN "text" TEXT`);
      await client.query(`UPDATE "ArticleSearchText" t SET "text" = p."text" FROM "ArticleSearchPhrase" p WHERE p."key" = t."key"`);
      await client.query(`DROP TABLE "ArticleSearchPhrase"`);
      await migrate();
      expect(await rows()).toEqual(written);
      expect(await storage()).toBe("m");
      expect(await textColumns()).toBe(0);

      // A database with no text at all: migrating makes it from the articles.
      await client.query(`DROP TABLE "ArticleSearchPhrase"`);
      await migrate();
      expect(await rows()).toEqual(written);
      expect(await storage()).toBe("m");

      // A database without the tsvector table (a migration that moves the keys drops it): both
      // tables are made again from the articles, as ingest wrote them.
      const tsvectors = async () =>
        (await client.query(`SELECT "key", "chunk", "chunks", "articleId", "publicationId", "source", "doc"::text FROM "ArticleSearchText" ORDER BY "key", "chunk"`)).rows;
      const ingested = await tsvectors();
      await client.query(`DROP TABLE "ArticleSearchText"`);
      await migrate();
      expect(await tsvectors()).toEqual(ingested);
      expect(await rows()).toEqual(written);
    } finally {
      await client.end();
    }
  });
});
