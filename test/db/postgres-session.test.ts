import { describe, expect, it } from "vitest";
import { createTestDatabase, databaseKind } from "../support/database.ts";
import { loadSample } from "../support/sample.ts";

const db = await createTestDatabase();

describe.skipIf(databaseKind() !== "postgresql")("the PostgreSQL connections papergraph opens", () => {
  it("run without JIT compilation, for reads and for ingest's writes alike", async () => {
    expect(await db.plain.get<{ jit: string }>("SHOW jit")).toEqual({ jit: "off" });
    expect(await db.writer.transaction((sql) => sql.get<{ jit: string }>("SHOW jit"))).toEqual({ jit: "off" });
  });
});

describe.skipIf(databaseKind() !== "postgresql")("ingest's writes on PostgreSQL", () => {
  it("compress a page's long texts with lz4 where the server has it, else with pglz", async () => {
    const [server] = await db.plain.all<{ lz4: boolean }>(`SELECT 'lz4' = ANY (enumvals) AS "lz4" FROM pg_settings WHERE name = 'default_toast_compression'`);
    await loadSample(db.writer);
    const compressed = await db.plain.all<{ method: string | null }>(`SELECT DISTINCT pg_column_compression("text") AS "method" FROM "Page"`);
    expect(compressed).toEqual([{ method: server!.lz4 ? "lz4" : "pglz" }]);
  });
});
