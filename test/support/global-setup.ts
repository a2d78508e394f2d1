import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { migratePostgres, migrateSqlite } from "../../src/db/migrate.ts";
import { admin, databaseUrl } from "./postgres.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** Which database this project's tests run on. */
    databaseKind: "sqlite" | "postgresql";
    /** SQLite: a migrated, empty database file that each test file copies. PostgreSQL: the name of a migrated template database. */
    templateDatabase: string;
  }
}

// Migrating once per run and copying per test file keeps the suite fast: a file copy on
// SQLite, CREATE DATABASE … TEMPLATE on PostgreSQL (milliseconds instead of seconds).
export default async function setup(project: TestProject) {
  if (project.name.startsWith("postgresql")) {
    // Each project of the run has its own template (its setup runs once per project).
    const template = `papergraph_template_${process.pid}_${project.name.replace(/\W+/g, "_")}`;
    await admin([`DROP DATABASE IF EXISTS ${template}`, createDatabase(template)]);
    const pool = new pg.Pool({ connectionString: databaseUrl(template) });
    await migratePostgres(pool, template);
    await pool.end();
    project.provide("databaseKind", "postgresql");
    project.provide("templateDatabase", template);
    return () => admin([`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`]);
  }
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "papergraph-template-"));
  const file = path.join(folder, "template.db");
  migrateSqlite(file);
  project.provide("databaseKind", "sqlite");
  project.provide("templateDatabase", file);
  return () => fs.rmSync(folder, { recursive: true, force: true });
}

export const createDatabase = (name: string, template = "template0") =>
  `CREATE DATABASE ${name} TEMPLATE ${template} ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'`;
