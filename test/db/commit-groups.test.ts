import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createSqliteWriter, type Writer } from "../../src/db/writer.ts";
import { databaseKind } from "../support/database.ts";

const folder = fs.mkdtempSync(path.join(os.tmpdir(), "papergraph-commit-groups-"));
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

let files = 0;
let writer: Writer;
let reader: Database.Database;

/** The rows another connection sees: only what was committed. */
const committed = () => (reader.prepare(`SELECT "body" FROM t ORDER BY "id"`).all() as { body: string }[]).map((row) => row.body);

/** A page write of the deferred writer: one row in a transaction of its own. */
const writePage = (deferred: Writer, body: string) => deferred.transaction((sql) => sql.run(`INSERT INTO t ("body") VALUES (?)`, [body]));

const bodies = (from: number, to: number) => Array.from({ length: to - from }, (_, index) => `page ${from + index}`);

describe.skipIf(databaseKind() !== "sqlite")("deferred commits on SQLite: page writes in groups", () => {
  beforeEach(async () => {
    // The group's age is told by a timer: fake timers make it the test's to move.
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const file = path.join(folder, `groups-${++files}.db`);
    writer = createSqliteWriter(file);
    await writer.transaction((sql) => sql.run(`CREATE TABLE t ("id" INTEGER PRIMARY KEY, "body" TEXT NOT NULL)`));
    reader = new Database(file, { readonly: true });
  });
  afterEach(() => {
    reader.close();
    writer.close();
    vi.useRealTimers();
  });

  it("commits sixteen pages at a time, and the rest when flushed", async () => {
    const { writer: deferred, flush } = writer.deferredCommits!();
    for (const body of bodies(0, 15)) await writePage(deferred, body);
    expect(committed()).toEqual([]);
    await writePage(deferred, "page 15");
    expect(committed()).toEqual(bodies(0, 16));
    for (const body of bodies(16, 20)) await writePage(deferred, body);
    expect(committed()).toEqual(bodies(0, 16));
    await flush();
    expect(committed()).toEqual(bodies(0, 20));
  });

  it("commits a group a quarter of a second after it began, however few pages it holds", async () => {
    const { writer: deferred } = writer.deferredCommits!();
    await writePage(deferred, "page 0");
    await writePage(deferred, "page 1");
    await vi.advanceTimersByTimeAsync(249);
    expect(committed()).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(committed()).toEqual(["page 0", "page 1"]);
    // The next page begins a group of its own, with a timer of its own.
    await writePage(deferred, "page 2");
    expect(committed()).toEqual(["page 0", "page 1"]);
    await vi.advanceTimersByTimeAsync(250);
    expect(committed()).toEqual(["page 0", "page 1", "page 2"]);
  });

  it("rolls back a page that fails alone: the pages before it in its group are committed", async () => {
    const { writer: deferred, flush } = writer.deferredCommits!();
    await writePage(deferred, "page 0");
    const failing = deferred.transaction(async (sql) => {
      await sql.run(`INSERT INTO t ("body") VALUES ('half of page 1')`);
      throw new Error("page 1: a fault half-way");
    });
    await expect(failing).rejects.toThrow("page 1: a fault half-way");
    await writePage(deferred, "page 2");
    await flush();
    expect(committed()).toEqual(["page 0", "page 2"]);
  });

  it("keeps a page's savepoint journal in memory, however much the page changed before it failed", async () => {
    // Past 64 KiB a journal spills to a temporary file unless temporary storage is in memory.
    expect(await writer.read.get(`PRAGMA temp_store`)).toEqual({ temp_store: 2 });
    const { writer: deferred, flush } = writer.deferredCommits!();
    await writePage(deferred, "page 0");
    await deferred.transaction((sql) => sql.run(`UPDATE t SET "body" = ? WHERE "body" = 'page 0'`, [`page 0 ${"字".repeat(40_000)}`]));
    const failing = deferred.transaction(async (sql) => {
      // Some 120 KiB of changed pages, the first page's among them.
      await sql.run(`UPDATE t SET "body" = 'page 0'`);
      await sql.run(`INSERT INTO t ("body") VALUES (?)`, ["字".repeat(40_000)]);
      throw new Error("page 2: a fault after its writes");
    });
    await expect(failing).rejects.toThrow("page 2: a fault after its writes");
    await flush();
    expect(committed()).toEqual([`page 0 ${"字".repeat(40_000)}`]);
  });

  it("commits the open group before any other write, which commits on its own", async () => {
    const { writer: deferred } = writer.deferredCommits!();
    await writePage(deferred, "page 0");
    await writer.transaction(async (sql) => {
      // Inside the other write, the group is already committed.
      expect(committed()).toEqual(["page 0"]);
      await sql.run(`INSERT INTO t ("body") VALUES ('an editor''s change')`);
    });
    expect(committed()).toEqual(["page 0", "an editor's change"]);
  });

  it("says how many pages went when SQLite rolled back the whole group, and goes on with a new one", async () => {
    const { writer: deferred, flush } = writer.deferredCommits!();
    await writePage(deferred, "page 0");
    await writePage(deferred, "page 1");
    // What SQLite does by itself on some faults (a full disk, say): the whole transaction is rolled back.
    const failing = deferred.transaction(async (sql) => {
      await sql.run("ROLLBACK");
      throw new Error("database or disk is full");
    });
    await expect(failing).rejects.toThrow("database or disk is full; SQLite rolled back the transaction, and with it 2 page(s) written before in it");
    await writePage(deferred, "page 3");
    await flush();
    expect(committed()).toEqual(["page 3"]);
  });
});
