import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { sqliteReadThread } from "../../src/db/sqlite-read-thread.ts";
import { databaseKind } from "../support/database.ts";

const folder = fs.mkdtempSync(path.join(os.tmpdir(), "papergraph-read-thread-"));
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));
const file = path.join(folder, "reads.db");
const setup = new Database(file);
setup.pragma("journal_mode = WAL");
setup.exec(`CREATE TABLE "Article" ("id" INTEGER PRIMARY KEY, "headline" TEXT); INSERT INTO "Article" VALUES (1, '太忻一体化'), (2, 'Article:2')`);
setup.close();

const neverHere = () => {
  throw new Error("read in the caller's thread");
};

// Of SQLite alone: run once, in the SQLite project.
describe.skipIf(databaseKind() !== "sqlite")("the SQLite read thread", () => {
  it("answers each row's first column, with the base64() of node IDs, on a connection of its own", async () => {
    const thread = sqliteReadThread(file, 8);
    try {
      expect(await thread.read(`SELECT "headline" FROM "Article" WHERE "id" >= ? ORDER BY "id"`, [1], neverHere)).toEqual(["太忻一体化", "Article:2"]);
      expect(await thread.read(`SELECT base64("headline") FROM "Article" ORDER BY "id"`, [], neverHere)).toEqual(
        ["太忻一体化", "Article:2"].map((text) => Buffer.from(text).toString("base64")),
      );
    } finally {
      await thread.close();
    }
  });

  it("sees what another connection commits, and writes nothing itself", async () => {
    const thread = sqliteReadThread(file, 8);
    const writer = new Database(file);
    try {
      writer.exec(`INSERT INTO "Article" VALUES (3, '新')`);
      expect(await thread.read(`SELECT COUNT(*) FROM "Article"`, [], neverHere)).toEqual([3]);
      await expect(thread.read(`DELETE FROM "Article" RETURNING "id"`, [], neverHere)).rejects.toThrow(/readonly|query_only|write/i);
      expect(await thread.read(`SELECT COUNT(*) FROM "Article"`, [], neverHere)).toEqual([3]);
    } finally {
      writer.exec(`DELETE FROM "Article" WHERE "id" = 3`);
      writer.close();
      await thread.close();
    }
  });

  it("gives SQLite's error, its message and code, for a statement it refuses", async () => {
    const thread = sqliteReadThread(file, 8);
    try {
      const refusal = thread.read(`SELECT "id" FROM "Nothing"`, [], neverHere);
      await expect(refusal).rejects.toThrow("no such table: Nothing");
      await expect(refusal).rejects.toMatchObject({ code: "SQLITE_ERROR" });
    } finally {
      await thread.close();
    }
  });

  it("reads in the caller's thread once its thread has failed (here: its database cannot be opened)", async () => {
    const thread = sqliteReadThread(path.join(folder, "no-such-folder", "reads.db"), 8);
    try {
      expect(await thread.read(`SELECT 1`, [], () => ["here"])).toEqual(["here"]);
      expect(await thread.read(`SELECT 1`, [], () => ["here again"])).toEqual(["here again"]);
    } finally {
      await thread.close();
    }
  });
});
