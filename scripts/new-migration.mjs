// npm run db:new-migration -- <name>
// Writes prisma/migrations/<UTC timestamp>_<name>/migration.sql: the SQL that takes a
// database from the checked-in migrations to prisma/schema.prisma. `prisma migrate dev`
// is unreliable with the JS schema engine on SQLite, so the diff is taken directly.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:new-migration -- <name in snake_case>");
  process.exit(2);
}
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "papergraph-migration-"));
try {
  const sql = execFileSync(
    "npx",
    ["prisma", "migrate", "diff", "--from-migrations", "prisma/migrations", "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
    { env: { ...process.env, DATABASE_URL: `file:${path.join(scratch, "base.db")}` }, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] },
  );
  if (!sql.trim() || sql.includes("This is an empty migration")) {
    console.log("schema.prisma matches the migrations: nothing to write");
    process.exit(0);
  }
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const folder = path.join("prisma", "migrations", `${stamp}_${name}`);
  fs.mkdirSync(folder, { recursive: true });
  fs.writeFileSync(path.join(folder, "migration.sql"), sql);
  console.log(`wrote ${folder}/migration.sql`);
} finally {
  fs.rmSync(scratch, { recursive: true, force: true });
}
