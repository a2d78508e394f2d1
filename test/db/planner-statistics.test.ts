import { describe, expect, it } from "vitest";
import { BULK_LOAD_PAGES, refreshAfterBulkLoad } from "../../src/db/planner-statistics.ts";
import { createTestDatabase, databaseKind } from "../support/database.ts";
import { loadSample } from "../support/sample.ts";

const db = await createTestDatabase();
await loadSample(db.writer);

/** Whether Article was analyzed and vacuumed, and whether the visibility map holds every page of its heap as all-visible. */
const articleState = async () =>
  db.writer.read.get<{ analyzed: boolean; vacuumed: boolean; allVisible: boolean }>(
    `SELECT s.last_analyze IS NOT NULL AS "analyzed", s.last_vacuum IS NOT NULL AS "vacuumed", c.relpages > 0 AND c.relallvisible = c.relpages AS "allVisible"
       FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid WHERE s.relname = 'Article'`,
  );

describe("planner statistics after a large ingest", () => {
  it("vacuums and analyzes a PostgreSQL database after a large ingest only, setting the visibility map, and leaves SQLite alone", async () => {
    expect(await refreshAfterBulkLoad(db, BULK_LOAD_PAGES - 1)).toBe(false);
    if (databaseKind() === "postgresql") expect(await articleState()).toEqual({ analyzed: false, vacuumed: false, allVisible: false });
    expect(await refreshAfterBulkLoad(db, BULK_LOAD_PAGES)).toBe(databaseKind() === "postgresql");
    if (databaseKind() === "postgresql") expect(await articleState()).toEqual({ analyzed: true, vacuumed: true, allVisible: true });
  });
});
