import { describe, expect, it } from "vitest";
import { createTestDatabase, databaseKind } from "../support/database.ts";

const db = await createTestDatabase();

describe.skipIf(databaseKind() !== "postgresql")("the PostgreSQL connections papergraph opens", () => {
  it("run without JIT compilation, for reads and for ingest's writes alike", async () => {
    expect(await db.plain.get<{ jit: string }>("SHOW jit")).toEqual({ jit: "off" });
    expect(await db.writer.transaction((sql) => sql.get<{ jit: string }>("SHOW jit"))).toEqual({ jit: "off" });
  });
});
