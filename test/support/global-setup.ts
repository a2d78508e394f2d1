import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { migrateSqlite } from "../../src/db/migrate.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** A migrated, empty SQLite database that each test file copies. */
    templateDatabase: string;
  }
}

// Migrating once per run and copying the file per test file keeps the suite fast.
export default function setup(project: TestProject) {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "papergraph-template-"));
  const file = path.join(folder, "template.db");
  migrateSqlite(file);
  project.provide("templateDatabase", file);
  return () => fs.rmSync(folder, { recursive: true, force: true });
}
