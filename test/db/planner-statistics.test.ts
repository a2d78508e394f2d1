import { describe, expect, it } from "vitest";
import { BULK_LOAD_PAGES, refreshAfterBulkLoad } from "../../src/db/planner-statistics.ts";
import { createTestDatabase, databaseKind } from "../support/database.ts";
import { loadSample } from "../support/sample.ts";

const db = await createTestDatabase();
await loadSample(db.writer);

const analyzed = async () =>
  (await db.writer.read.get<{ analyzed: boolean }>(`SELECT last_analyze IS NOT NULL AS "analyzed" FROM pg_stat_user_tables WHERE relname = 'Article'`))!.analyzed;

describe("planner statistics after a large ingest", () => {
  it("analyzes a PostgreSQL database after a large ingest only, and leaves SQLite alone", async () => {
    expect(await refreshAfterBulkLoad(db, BULK_LOAD_PAGES - 1)).toBe(false);
    if (databaseKind() === "postgresql") expect(await analyzed()).toBe(false);
    expect(await refreshAfterBulkLoad(db, BULK_LOAD_PAGES)).toBe(databaseKind() === "postgresql");
    if (databaseKind() === "postgresql") expect(await analyzed()).toBe(true);
  });
});
