import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { createSqliteWriter } from "../../src/db/writer.ts";
import { databaseKind } from "../support/database.ts";

const folder = fs.mkdtempSync(path.join(os.tmpdir(), "papergraph-checkpoint-"));
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

/** The rows the database file holds by itself, without its write-ahead log. */
function rowsInFileAlone(file: string): number {
  const copy = path.join(folder, `alone-${path.basename(file)}`);
  fs.copyFileSync(file, copy);
  const db = new Database(copy, { readonly: true });
  try {
    return (db.prepare(`SELECT COUNT(*) AS n FROM t`).get() as { n: number }).n;
  } finally {
    db.close();
  }
}

describe.skipIf(databaseKind() !== "sqlite")("checkpoints apart from the writer during a long run of writes", () => {
  it("leaves the writer's log to the thread while asked, which has copied every write into the file when it stops", async () => {
    const file = path.join(folder, "apart.db");
    const writer = createSqliteWriter(file);
    await writer.transaction((sql) => sql.run(`CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT)`));
    const resume = writer.checkpointApart!();
    for (let index = 0; index < 200; index++) {
      await writer.transaction((sql) => sql.run(`INSERT INTO t (body) VALUES (?)`, ["字".repeat(2_000)]));
    }
    await resume();
    expect(rowsInFileAlone(file)).toBe(200);
    const probe = new Database(file);
    // The writer checkpoints by itself again: the pages it wrote after resuming stay in its log
    // until it reaches wal_autocheckpoint pages.
    await writer.transaction((sql) => sql.run(`INSERT INTO t (body) VALUES ('after')`));
    expect(rowsInFileAlone(file)).toBe(200);
    expect((probe.prepare(`SELECT COUNT(*) AS n FROM t`).get() as { n: number }).n).toBe(201);
    probe.close();
    writer.close();
  });
});
