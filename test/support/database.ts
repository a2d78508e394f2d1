import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, inject } from "vitest";
import BetterSqlite3 from "better-sqlite3";
import { openDatabase, type Database } from "../../src/db/database.ts";

export interface TestDatabase extends Database {
  file: string;
  folder: string;
  /** The SQL statements run since the last `resetStatements()`. */
  statements: string[];
  resetStatements(): void;
  /** Makes the next statement whose SQL matches fail, as a database fault would. */
  failNextStatement(matching: RegExp): void;
  /** Runs `hook` before each statement of the writer connection, awaiting it (null to stop). */
  beforeWriterStatement(hook: ((sql: string) => Promise<void>) | null): void;
  /** Every row of every table, to show that a failed write changed nothing. */
  dump(): Record<string, unknown[]>;
}

/**
 * A fresh, migrated SQLite database in a temporary folder, closed and removed after the
 * test file. Every statement that reaches the driver is recorded, for statement counts.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "papergraph-test-"));
  const file = path.join(folder, "papergraph.db");
  fs.copyFileSync(inject("templateDatabase"), file);
  const statements: string[] = [];
  let fault: RegExp | null = null;
  let writerHook: ((sql: string) => Promise<void>) | null = null;
  const database = await openDatabase(
    { url: `file:${file}`, isDefault: false },
    {
      migrate: false,
      onStatement: async (sql, connection) => {
        statements.push(sql);
        if (fault?.test(sql)) {
          fault = null;
          throw new Error(`simulated database fault on: ${sql.slice(0, 60)}`);
        }
        if (connection === "writer") await writerHook?.(sql);
      },
    },
  );
  afterAll(async () => {
    await database.close();
    fs.rmSync(folder, { recursive: true, force: true });
  });
  return {
    ...database,
    file,
    folder,
    statements,
    resetStatements: () => {
      statements.length = 0;
    },
    failNextStatement: (matching) => {
      fault = matching;
    },
    beforeWriterStatement: (hook) => {
      writerHook = hook;
    },
    dump: () => dumpTables(file),
  };
}

function dumpTables(file: string): Record<string, unknown[]> {
  const connection = new BetterSqlite3(file, { readonly: true });
  try {
    const tables = connection
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
      .all() as { name: string }[];
    return Object.fromEntries(
      tables.map(({ name }) => [name, connection.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).all()]),
    );
  } finally {
    connection.close();
  }
}
