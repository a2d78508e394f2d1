import fs from "node:fs";
import path from "node:path";
import { createHash, randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import type pg from "pg";
import { migrationsDir, pgMigrationsDir } from "../lib/paths.ts";
import { ConfigError } from "../lib/config-error.ts";
import { ensurePgSearchTable, ensureSearchTable } from "./search-table.ts";

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrationResult {
  applied: string[];
  alreadyApplied: string[];
}

/** The checked-in migrations, oldest first. */
export function readMigrations(dir = migrationsDir): Migration[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

// The same bookkeeping table as `prisma migrate deploy`, so that Prisma's own
// `migrate status` and `migrate deploy` agree with what the app applied at start-up.
const BOOKKEEPING_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: string | null;
  rolled_back_at: string | null;
}

/**
 * Applies pending migrations to a SQLite file. Each migration runs in its own transaction
 * (SQLite has transactional DDL), so a failing one leaves the database as it was before it.
 */
export function migrateSqlite(file: string, migrations = readMigrations()): MigrationResult {
  try {
    return migrateOpenFile(file, migrations);
  } catch (error) {
    // SQLite's own errors (not a database, locked, corrupt) name no file: say which one.
    if (error instanceof Database.SqliteError) throw new ConfigError(`${file}: ${error.message}`);
    throw error;
  }
}

function migrateOpenFile(file: string, migrations: Migration[]): MigrationResult {
  const db = new Database(file, { timeout: 10_000 });
  try {
    // Table redefinitions in migrations drop and recreate tables: with foreign keys on,
    // the DROP would cascade into child rows. Integrity is checked before each commit instead.
    db.pragma("foreign_keys = OFF");
    db.exec(BOOKKEEPING_TABLE);
    const rows = db
      .prepare(`SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"`)
      .all() as AppliedRow[];
    const applied = checkApplied(file, rows, migrations);
    const result: MigrationResult = { applied: [], alreadyApplied: [] };
    for (const migration of migrations) {
      if (applied.has(migration.name)) {
        result.alreadyApplied.push(migration.name);
        continue;
      }
      applyOne(db, migration);
      result.applied.push(migration.name);
    }
    // What Prisma's migrations cannot hold (see search-table.ts), once its tables exist.
    if (migrations.some((migration) => migration.name.endsWith("_search")) && ensureSearchTable(db)) {
      result.applied.push("search-table");
    }
    return result;
  } finally {
    db.close();
  }
}

/**
 * The migrations already applied, after checking that the database's history is one this
 * version knows: no half-applied migration, none unknown, none changed since.
 */
function checkApplied(database: string, rows: AppliedRow[], migrations: Migration[]): Set<string> {
  const known = new Map(migrations.map((migration) => [migration.name, migration]));
  const applied = new Set<string>();
  for (const row of rows.filter((row) => row.rolled_back_at === null)) {
    if (row.finished_at === null) {
      throw new ConfigError(`${database}: migration ${row.migration_name} started but did not finish; restore a backup or mark it rolled back`);
    }
    const migration = known.get(row.migration_name);
    if (!migration) {
      throw new ConfigError(`${database}: the database has migration ${row.migration_name}, which this version of papergraph does not know (is it newer?)`);
    }
    if (row.checksum !== migration.checksum) {
      throw new ConfigError(`${database}: migration ${row.migration_name} was changed after it was applied`);
    }
    applied.add(row.migration_name);
  }
  return applied;
}

function applyOne(db: Database.Database, migration: Migration): void {
  const startedAt = new Date().toISOString();
  db.exec("BEGIN IMMEDIATE");
  try {
    db.exec(migration.sql);
    const violations = db.pragma("foreign_key_check") as unknown[];
    if (violations.length > 0) throw new Error(`${violations.length} foreign key violations`);
    db.prepare(
      `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES (?, ?, ?, ?, ?, 1)`,
    ).run(randomUUID(), migration.checksum, new Date().toISOString(), migration.name, startedAt);
    db.exec("COMMIT");
  } catch (error) {
    db.exec("ROLLBACK");
    throw new ConfigError(`migration ${migration.name} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

// Prisma's bookkeeping table as `prisma migrate deploy` creates it on PostgreSQL.
const PG_BOOKKEEPING_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

// Any fixed number: server processes starting together take turns to migrate.
const MIGRATION_LOCK = 7_202_206;

/**
 * Applies pending migrations to PostgreSQL, each in its own transaction, holding an
 * advisory lock so that several server processes starting at once migrate only once.
 */
export async function migratePostgres(pool: pg.Pool, name: string, migrations = readMigrations(pgMigrationsDir)): Promise<MigrationResult> {
  const client = await pool.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
    await client.query(PG_BOOKKEEPING_TABLE);
    const { rows } = await client.query<AppliedRow>(
      `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"`,
    );
    const applied = checkApplied(name, rows, migrations);
    const result: MigrationResult = { applied: [], alreadyApplied: [] };
    for (const migration of migrations) {
      if (applied.has(migration.name)) {
        result.alreadyApplied.push(migration.name);
        continue;
      }
      const startedAt = new Date().toISOString();
      try {
        await client.query("BEGIN");
        await client.query(migration.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES ($1, $2, now(), $3, $4, 1)`,
          [randomUUID(), migration.checksum, migration.name, startedAt],
        );
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new ConfigError(`migration ${migration.name} failed: ${error instanceof Error ? error.message : String(error)}`);
      }
      result.applied.push(migration.name);
    }
    // The full-text table and its GIN index (see search-table.ts), once Prisma's tables exist.
    const { rows: searchTable } = await client.query(`SELECT to_regclass('"ArticleSearch"') IS NOT NULL AS "exists"`);
    if (searchTable[0]?.exists && (await ensurePgSearchTable(client))) result.applied.push("search-table");
    return result;
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK]).catch(() => undefined);
    client.release();
  }
}
