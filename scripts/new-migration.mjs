// npm run db:new-migration -- <name>
// Writes prisma/migrations/<UTC timestamp>_<name>/migration.sql (SQLite) and the same for
// PostgreSQL under prisma/pg/migrations: the SQL that takes a database from the checked-in
// migrations to the schema. `prisma migrate dev` is unreliable with the JS schema engine,
// so the diff is taken directly. PostgreSQL's diff replays the migrations in a shadow
// database: DATABASE_URL_PG names the server (default: the local one).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:new-migration -- <name in snake_case>");
  process.exit(2);
}
execFileSync("node", ["scripts/gen-pg-schema.mjs"], { stdio: "inherit" });
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "papergraph-migration-"));
const providers = [
  { label: "SQLite", config: "prisma.config.ts", schema: "prisma/schema.prisma", dir: "prisma/migrations", url: `file:${path.join(scratch, "base.db")}` },
  {
    label: "PostgreSQL",
    config: "prisma.pg.config.ts",
    schema: "prisma/pg/schema.prisma",
    dir: "prisma/pg/migrations",
    url: process.env.DATABASE_URL_PG ?? "postgresql://postgres@127.0.0.1:5432/postgres",
  },
];
try {
  for (const { label, config, schema, dir, url } of providers) {
    const sql = execFileSync(
      "npx",
      ["prisma", "migrate", "diff", "--config", config, "--from-migrations", dir, "--to-schema-datamodel", schema, "--script"],
      { env: { ...process.env, DATABASE_URL: url }, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] },
    );
    if (!sql.trim() || sql.includes("This is an empty migration")) {
      console.log(`${label}: the schema matches the migrations: nothing to write`);
      continue;
    }
    const folder = path.join(dir, `${stamp}_${name}`);
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(path.join(folder, "migration.sql"), sql);
    console.log(`${label}: wrote ${folder}/migration.sql`);
  }
} finally {
  fs.rmSync(scratch, { recursive: true, force: true });
}
