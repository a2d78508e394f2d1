import pg from "pg";
import { describe, expect, it } from "vitest";
import { migratePostgres } from "../../src/db/migrate.ts";
import { ingestPage } from "../../src/loader/ingest-page.ts";
import { createTestDatabase, databaseKind } from "../support/database.ts";
import { generatePages } from "../support/generated-corpus.ts";
import { TAIYUAN_DAILY, loadSample } from "../support/sample.ts";

// PostgreSQL checks terms of three or more characters in "ArticleSearchText"."text" (src/search/document.ts, phraseText).
describe.runIf(databaseKind() === "postgresql")("the normalised text of PostgreSQL's search rows", () => {
  it("is written by ingest, kept in the row (STORAGE MAIN), and written again for a table made before it", async () => {
    const db = await createTestDatabase();
    await loadSample(db.writer);
    for (const page of generatePages(20, { seed: 3 })) {
      await ingestPage(db.writer, { publication: TAIYUAN_DAILY, ...page }, `${page.date}/page-0${page.pageNumber}.txt`);
    }
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      const rows = async () => (await client.query<{ key: string; text: string | null }>(`SELECT "key", "text" FROM "ArticleSearchText" ORDER BY "key", "chunk"`)).rows;
      const written = await rows();
      expect(written.length).toBeGreaterThan(100);
      expect(written.every((row) => row.text?.includes("\n"))).toBe(true);
      const storage = async () =>
        (await client.query(`SELECT attstorage FROM pg_attribute WHERE attrelid = '"ArticleSearchText"'::regclass AND attname = 'text'`)).rows[0]?.attstorage;
      expect(await storage()).toBe("m");
      // A database whose table has no column "text" yet: migrating adds it, with what ingest writes.
      await client.query(`ALTER TABLE "ArticleSearchText" DROP COLUMN "text"`);
      const pool = new pg.Pool({ connectionString: db.url, max: 1 });
      try {
        await migratePostgres(pool, "test");
      } finally {
        await pool.end();
      }
      expect(await rows()).toEqual(written);
      expect(await storage()).toBe("m");
    } finally {
      await client.end();
    }
  });
});
