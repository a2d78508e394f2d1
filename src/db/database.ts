import BetterSqlite3 from "better-sqlite3";
import pg from "pg";
import { closeReadThread, createPgClient, createSqliteClient, type Db, type StatementHook } from "./client.ts";
import { createPgWriter, createSqliteWriter, pgRunner, sqliteRunner, type SqlRunner, type Writer } from "./writer.ts";
import { DEFAULT_DATABASE_URL, prepareSqliteLocation } from "./database-url.ts";
import { migratePostgres, migrateSqlite, type MigrationResult } from "./migrate.ts";
import { ensurePostgresDatabase, isPostgresUrl, poolSize, redacted, statementTimeout } from "./postgres.ts";

/**
 * The database as the app uses it. Reads and writes use separate connections so that a
 * reader never sees the uncommitted rows of a page being ingested: the SQLite driver
 * adapter shares one connection between a transaction and every other query.
 */
export interface Database {
  url: string;
  provider: "sqlite" | "postgresql";
  /** The Prisma client the API reads through. */
  reader: Db;
  /** The connection ingest writes through. */
  writer: Writer;
  /**
   * Plain SQL reads of committed data, outside any transaction, without the Prisma client:
   * for a tiny read on every request (the data version), where the client's compiling of
   * each query (about 0.2 ms) would cost many times the read. On SQLite a read-only
   * connection of its own: the writer's would see a write in progress.
   */
  plain: SqlRunner;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Sees every statement of either connection before it runs (see ClientOptions). */
  onStatement?: (sql: string, connection: "reader" | "writer") => void | Promise<void>;
  /** Apply pending migrations before opening (the default: a fresh clone needs no migrate step). */
  migrate?: boolean;
  onMigrated?: (result: MigrationResult) => void;
}

export function databaseUrlFromEnv(env: NodeJS.ProcessEnv = process.env): { url: string; isDefault: boolean } {
  const url = env.DATABASE_URL?.trim();
  return url ? { url, isDefault: false } : { url: DEFAULT_DATABASE_URL, isDefault: true };
}

/**
 * Opens the database a URL names: `file:` for SQLite (the embedded default), `postgres://`
 * for PostgreSQL, which is created when missing. Pending migrations are applied first.
 */
export async function openDatabase(
  { url, isDefault }: { url: string; isDefault: boolean },
  options: OpenOptions = {},
): Promise<Database> {
  const hook = (connection: "reader" | "writer"): StatementHook | undefined =>
    options.onStatement && ((sql) => options.onStatement!(sql, connection));
  if (isPostgresUrl(url)) {
    await ensurePostgresDatabase(url);
    // Not `onMigrated?.(await migrate…)`: optional chaining would skip the migration itself when no callback is given.
    if (options.migrate !== false) {
      // A pool of its own, without the statement timeout: building an index can take longer.
      const migrations = new pg.Pool({ connectionString: url, max: 1 });
      try {
        const result = await migratePostgres(migrations, redacted(url));
        options.onMigrated?.(result);
      } finally {
        await migrations.end();
      }
    }
    const timeout = statementTimeout();
    // JIT off: the API's and ingest's statements run in milliseconds, and PostgreSQL's cost estimates
    // for some of them (a page's mention counts on a growing archive) passed jit_above_cost, so each
    // run compiled 42 functions first: 225 ms of a 377 ms statement. A URL's own `options` win.
    const pool = new pg.Pool({ connectionString: url, max: poolSize(), options: "-c jit=off", ...(timeout > 0 ? { statement_timeout: timeout } : {}) });
    // An idle client that loses its server (restart, failover) must not crash the process.
    pool.on("error", () => undefined);
    const reader = createPgClient(pool, { onStatement: hook("reader") });
    return {
      url,
      provider: "postgresql",
      reader,
      writer: createPgWriter(pool, hook("writer")),
      plain: pgRunner(pool, hook("reader")),
      async close() {
        await reader.$disconnect();
        await pool.end();
      },
    };
  }
  const { file } = prepareSqliteLocation(url, { isDefault });
  if (options.migrate !== false) {
    const result = migrateSqlite(file);
    options.onMigrated?.(result);
  }
  const reader = createSqliteClient(file, { onStatement: hook("reader") });
  const writer = createSqliteWriter(file, hook("writer"));
  const plain = new BetterSqlite3(file, { timeout: 10_000 });
  plain.pragma("query_only = ON");
  return {
    url,
    provider: "sqlite",
    reader,
    writer,
    plain: sqliteRunner(plain, hook("reader")),
    async close() {
      writer.close();
      plain.close();
      await closeReadThread(reader);
      await reader.$disconnect();
    },
  };
}

export { migrateSqlite };
