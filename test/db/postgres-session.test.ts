import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/database.ts";
import { admin } from "../support/postgres.ts";
import { preparedRows } from "../../src/db/client.ts";
import { Prisma } from "../../src/generated/prisma/client.ts";
import { createTestDatabase, databaseKind } from "../support/database.ts";
import { loadSample } from "../support/sample.ts";

const db = await createTestDatabase();

describe.skipIf(databaseKind() !== "postgresql")("the PostgreSQL connections papergraph opens", () => {
  it("run without JIT compilation, for reads and for ingest's writes alike", async () => {
    expect(await db.plain.get<{ jit: string }>("SHOW jit")).toEqual({ jit: "off" });
    expect(await db.writer.transaction((sql) => sql.get<{ jit: string }>("SHOW jit"))).toEqual({ jit: "off" });
  });
});

describe.skipIf(databaseKind() !== "postgresql")("a read with planner settings (search through GIN's bitmap)", () => {
  it("runs with them in a transaction of its own, and leaves the pool's connections as they were", async () => {
    const settings = Prisma.sql`SELECT current_setting('enable_seqscan') AS "seqscan", current_setting('max_parallel_workers_per_gather') AS "workers"`;
    expect(await preparedRows(db.reader, settings, { enable_seqscan: "off", max_parallel_workers_per_gather: "0" })).toEqual([{ seqscan: "off", workers: "0" }]);
    // Every connection of the pool again (max 10), none kept the settings.
    const after = await Promise.all(Array.from({ length: 12 }, () => preparedRows<{ seqscan: string }>(db.reader, settings)));
    expect(new Set(after.map(([row]) => row!.seqscan))).toEqual(new Set(["on"]));
    await expect(preparedRows(db.reader, settings, { "enable_seqscan = off; DROP TABLE x": "on" })).rejects.toThrow(/not a planner setting's name or value/);
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

// Where the server of the tests runs on this machine with Debian's socket folder (docs/production.md).
const SOCKET_FOLDER = "/var/run/postgresql";
const local = fs.existsSync(`${SOCKET_FOLDER}/.s.PGSQL.5432`);

describe.skipIf(databaseKind() !== "postgresql" || !local)("a DATABASE_URL naming the server's Unix socket", () => {
  it("creates the database, migrates it and ingests as over TCP", async () => {
    const name = `papergraph_socket_${process.pid}`;
    const database = await openDatabase({ url: `postgres://postgres@localhost/${name}?host=${SOCKET_FOLDER}`, isDefault: false });
    try {
      await loadSample(database.writer);
      expect(await database.plain.get<{ socket: boolean }>(`SELECT inet_server_addr() IS NULL AS "socket"`)).toEqual({ socket: true });
      expect(await database.reader.article.count()).toBe(8);
    } finally {
      await database.close();
      await admin([`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`]);
    }
  });
});
