import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { inject } from "vitest";
import BetterSqlite3 from "better-sqlite3";
import pg from "pg";
import { openDatabase, type Database } from "../../src/db/database.ts";
import { afterThisFile } from "./each-file-cleanup.ts";
import { createDatabase } from "./global-setup.ts";
import { admin, databaseUrl } from "./postgres.ts";

export interface TestDatabase extends Database {
  /** The SQL statements run since the last `resetStatements()`. */
  statements: string[];
  resetStatements(): void;
  /** Makes the next statement whose SQL matches fail, as a database fault would. */
  failNextStatement(matching: RegExp): void;
  /** Runs `hook` before each statement of the writer connection, awaiting it (null to stop). */
  beforeWriterStatement(hook: ((sql: string) => Promise<void>) | null): void;
  /** Every row of every table, to show that a failed write changed nothing. */
  dump(): Promise<Record<string, unknown[]>>;
}

/** The database this test project runs on. */
export const databaseKind = () => inject("databaseKind");

let databases = 0;

// Every database a test file made is removed after the file's tests (test/support/each-file.ts),
// wherever it was made: a hook registered inside a running test never runs, and a database left
// behind (a PostgreSQL database, a SQLite folder) would stay, run after run.

/**
 * A fresh, migrated database for one test file — a SQLite file in a temporary folder, or a
 * PostgreSQL database made from the run's template — removed after the file's tests, wherever
 * it was made. Every statement that reaches the driver is recorded, for statement counts.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const { url, dump, drop } = await freshDatabase();
  const statements: string[] = [];
  let fault: RegExp | null = null;
  let writerHook: ((sql: string) => Promise<void>) | null = null;
  const database = await openDatabase(
    { url, isDefault: false },
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
  afterThisFile(async () => {
    await database.close();
    await drop();
  });
  return {
    ...database,
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
    dump,
  };
}

async function freshDatabase() {
  if (databaseKind() === "postgresql") {
    const name = `papergraph_test_${process.pid}_${++databases}_${Date.now()}`;
    await admin([createDatabase(name, inject("templateDatabase"))]);
    const url = databaseUrl(name);
    return { url, dump: () => dumpPostgres(url), drop: () => admin([`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`]) };
  }
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "papergraph-test-"));
  const file = path.join(folder, "papergraph.db");
  fs.copyFileSync(inject("templateDatabase"), file);
  return {
    url: `file:${file}`,
    dump: async () => dumpSqlite(file),
    drop: async () => fs.rmSync(folder, { recursive: true, force: true }),
  };
}

function dumpSqlite(file: string): Record<string, unknown[]> {
  const connection = new BetterSqlite3(file, { readonly: true });
  try {
    const tables = connection
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
      .all() as { name: string }[];
    return Object.fromEntries(tables.map(({ name }) => [name, sortedRows(connection.prepare(`SELECT * FROM "${name}"`).all())]));
  } finally {
    connection.close();
  }
}

async function dumpPostgres(url: string): Promise<Record<string, unknown[]>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`,
    );
    const dump: Record<string, unknown[]> = {};
    for (const { name } of tables) dump[name] = sortedRows((await client.query(`SELECT * FROM "${name}"`)).rows);
    return dump;
  } finally {
    await client.end();
  }
}

// Some tables (full-text index internals) have no rowid or key to order by.
const sortedRows = (rows: unknown[]) =>
  rows
    .map((row) => JSON.stringify(row, (_key, value) => (typeof value === "bigint" ? value.toString() : value)))
    .sort()
    .map((row) => JSON.parse(row) as unknown);
