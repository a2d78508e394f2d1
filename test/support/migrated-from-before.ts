import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import BetterSqlite3 from "better-sqlite3";
import pg from "pg";
import { openDatabase, type Database } from "../../src/db/database.ts";
import { migratePostgres, migrateSqlite, readMigrations } from "../../src/db/migrate.ts";
import { pgMigrationsDir } from "../../src/lib/paths.ts";
import { databaseKind } from "./database.ts";
import { afterThisFile } from "./each-file-cleanup.ts";
import { createDatabase } from "./global-setup.ts";
import { admin, databaseUrl } from "./postgres.ts";

/**
 * A database of the tests' kind written before a migration: migrated up to the one before
 * `migration` (its name's timestamp), holding `rows`, then opened (and so migrated) by today's
 * code, as an archive of then would be at its first start. Closed and removed after the file's tests.
 */
export async function migratedFromBefore(migration: string, rows: readonly string[]): Promise<Database> {
  const before = (migrations: ReturnType<typeof readMigrations>) => migrations.filter((found) => found.name < migration);
  let url: string;
  let remove: () => Promise<void>;
  if (databaseKind() === "postgresql") {
    const name = `papergraph_test_${process.pid}_before_${migration}_${Date.now()}`;
    await admin([createDatabase(name)]);
    remove = () => admin([`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`]).then(() => undefined);
    url = databaseUrl(name);
    const pool = new pg.Pool({ connectionString: url });
    await migratePostgres(pool, name, before(readMigrations(pgMigrationsDir)));
    for (const statement of rows) await pool.query(statement);
    await pool.end();
  } else {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), "papergraph-before-migration-"));
    remove = async () => fs.rmSync(folder, { recursive: true, force: true });
    const file = path.join(folder, "old.db");
    migrateSqlite(file, before(readMigrations()));
    const connection = new BetterSqlite3(file);
    for (const statement of rows) connection.exec(statement);
    connection.close();
    url = `file:${file}`;
  }
  const database = await openDatabase({ url, isDefault: false }).catch(async (error) => {
    await remove();
    throw error;
  });
  afterThisFile(async () => {
    await database.close();
    await remove();
  });
  return database;
}
