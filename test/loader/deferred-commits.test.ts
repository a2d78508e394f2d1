import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, describe, expect, it, vi } from "vitest";
import { ingestPaths, RUN_PAGES } from "../../src/loader/edition-loader.ts";
import { exportPublication } from "../../src/loader/export.ts";
import { seedsDir } from "../../src/lib/paths.ts";
import { createTestDatabase, databaseKind } from "../support/database.ts";
import { SAMPLE_TEXT } from "../support/sample.ts";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "papergraph-deferred-commits-"));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

/** An archive folder holding the sample's publication and its page text under the given dates. */
function archive(name: string, dates: string[]): string {
  const folder = path.join(root, name);
  fs.mkdirSync(path.join(folder, "taiyuan-daily"), { recursive: true });
  fs.copyFileSync(path.join(seedsDir, "taiyuan-daily", "publication.json"), path.join(folder, "taiyuan-daily", "publication.json"));
  for (const date of dates) {
    fs.mkdirSync(path.join(folder, "taiyuan-daily", date));
    fs.writeFileSync(path.join(folder, "taiyuan-daily", date, "page-01.txt"), SAMPLE_TEXT);
  }
  return folder;
}

/** Dates enough for two runs of new pages: a full one, and two pages. */
const TWO_RUNS = Array.from({ length: RUN_PAGES + 2 }, (_, day) => new Date(Date.UTC(2022, 5, 3 + day)).toISOString().slice(0, 10));

/** The text of every query sent to PostgreSQL while `work` runs, in order. */
async function queriesDuring(work: () => Promise<unknown>): Promise<string[]> {
  const texts: string[] = [];
  const query = pg.Client.prototype.query;
  const spy = vi.spyOn(pg.Client.prototype, "query").mockImplementation(function (this: pg.Client, ...args: unknown[]) {
    const [first] = args as [string | { text: string }];
    texts.push(typeof first === "string" ? first : first.text);
    return (query as (...args: unknown[]) => unknown).apply(this, args);
  } as typeof query);
  try {
    await work();
  } finally {
    spy.mockRestore();
  }
  return texts;
}

// A write transaction's BEGIN, with lz4 compression where the server has it (src/db/writer.ts).
const SYNCHRONOUS_BEGIN = /^BEGIN; SELECT pg_advisory_xact_lock\(7202207\)(; SET LOCAL default_toast_compression = lz4)?$/;
const ASYNCHRONOUS_BEGIN = /^BEGIN; SELECT pg_advisory_xact_lock\(7202207\)(; SET LOCAL default_toast_compression = lz4)?; SET LOCAL synchronous_commit = off$/;
const FLUSH = "BEGIN; SELECT pg_current_xact_id(); COMMIT";

/** Every statement the SQLite writer ran by `exec` (its transactions' own) while `work` runs, in order. */
async function transactionStatementsDuring(work: () => Promise<unknown>): Promise<string[]> {
  const texts: string[] = [];
  const exec = Database.prototype.exec;
  const spy = vi.spyOn(Database.prototype, "exec").mockImplementation(function (this: Database.Database, source: string) {
    texts.push(source);
    return exec.call(this, source);
  });
  try {
    await work();
  } finally {
    spy.mockRestore();
  }
  return texts;
}

describe.skipIf(databaseKind() !== "sqlite")("a long ingest on SQLite", () => {
  it("writes its runs of new pages in one transaction, each run in a savepoint of its own, committed before the ingest returns", async () => {
    const db = await createTestDatabase();
    const dates = TWO_RUNS;
    let summary: Awaited<ReturnType<typeof ingestPaths>> | undefined;
    // The first pages are parsed in this thread while the parser's starts, cold: their writes may
    // be more than a group's quarter of a second apart. Its timer stopped, the group is the run's.
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const texts = await transactionStatementsDuring(async () => {
      summary = await ingestPaths(db.writer, [archive("long-sqlite", dates)], { parseInWorker: true });
    }).finally(() => vi.useRealTimers());
    expect(summary!.pages).toEqual({ created: RUN_PAGES + 2, replaced: 0, unchanged: 0 });
    expect(texts).toEqual(["BEGIN IMMEDIATE", "SAVEPOINT page", "RELEASE page", "SAVEPOINT page", "RELEASE page", "COMMIT"]);
    const pages = await db.plain.all<{ date: string }>(`SELECT i."date" FROM "Page" p JOIN "Issue" i ON i."id" = p."issueId" ORDER BY i."date"`);
    expect(pages.map((page) => page.date)).toEqual(dates);
  });

  it("restores the pages of an export in one transaction, each in a savepoint of its own", async () => {
    const original = await createTestDatabase();
    await ingestPaths(original.writer, [archive("to-export", ["2022-06-03", "2022-06-04"])]);
    const chunks: string[] = [];
    const sink = {
      write: (chunk: string) => {
        chunks.push(chunk);
        return true;
      },
      once: () => undefined,
      off: () => undefined,
    };
    await exportPublication(original.reader, "taiyuan-daily", sink);
    const backup = path.join(root, "backup.ndjson");
    fs.writeFileSync(backup, chunks.join(""));
    const restored = await createTestDatabase();
    let summary: Awaited<ReturnType<typeof ingestPaths>> | undefined;
    const texts = await transactionStatementsDuring(async () => {
      summary = await ingestPaths(restored.writer, [backup]);
    });
    expect(summary!.pages).toEqual({ created: 2, replaced: 0, unchanged: 0 });
    expect(texts).toEqual(["BEGIN IMMEDIATE", "SAVEPOINT page", "RELEASE page", "SAVEPOINT page", "RELEASE page", "COMMIT"]);
  });

  it("commits the new pages of a short run together, in a transaction of their own", async () => {
    const db = await createTestDatabase();
    const texts = await transactionStatementsDuring(() => ingestPaths(db.writer, [archive("short-sqlite", ["2022-06-03", "2022-06-04"])]));
    expect(texts).toEqual(["BEGIN IMMEDIATE", "COMMIT"]);
  });
});

describe.skipIf(databaseKind() !== "postgresql")("a long ingest on PostgreSQL", () => {
  it("commits each run of new pages asynchronously, in its own transaction only, and ends with a synchronous commit after the last run", async () => {
    const db = await createTestDatabase();
    const dates = TWO_RUNS;
    let summary: Awaited<ReturnType<typeof ingestPaths>> | undefined;
    const texts = await queriesDuring(async () => {
      summary = await ingestPaths(db.writer, [archive("long", dates)], { parseInWorker: true });
    });
    expect(summary!.pages).toEqual({ created: RUN_PAGES + 2, replaced: 0, unchanged: 0 });
    // Every transaction of the ingest is a run's, asynchronous (SET LOCAL: for that transaction only).
    const begins = texts.filter((text) => text.startsWith("BEGIN"));
    expect(begins.filter((text) => ASYNCHRONOUS_BEGIN.test(text))).toHaveLength(2);
    // The last query of the run, after the last page's COMMIT: a synchronous commit that has a
    // transaction ID, which waits for the WAL flush up to it (and so every page's commit before it).
    expect(texts.slice(-2)).toEqual(["COMMIT", FLUSH]);
    expect(begins.at(-1)).toBe(FLUSH);
    // The pool's connections are back to the server's default.
    for (let client = 0; client < 3; client++) {
      expect(await db.writer.read.get(`SELECT current_setting('synchronous_commit') AS "setting"`)).toEqual({ setting: "on" });
    }
  });

  it("leaves a short run's pages, and every other write, synchronous", async () => {
    const db = await createTestDatabase();
    const texts = await queriesDuring(async () => {
      await ingestPaths(db.writer, [archive("short", ["2022-06-03"])]);
      await db.writer.transaction((sql) => sql.run(`UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1`));
    });
    const begins = texts.filter((text) => text.startsWith("BEGIN"));
    expect(begins).toHaveLength(2);
    expect(begins.filter((text) => SYNCHRONOUS_BEGIN.test(text))).toHaveLength(2);
    expect(texts).not.toContain(FLUSH);
  });
});
