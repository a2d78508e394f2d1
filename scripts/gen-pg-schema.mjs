// Writes prisma/pg/schema.prisma from prisma/schema.prisma, the one hand-edited model.
// Prisma cannot switch providers at run time (`provider = env(...)` is refused), so the
// PostgreSQL schema is derived: provider, client output, and no second Pothos generator
// (one Pothos types file serves both clients). test/db/pg-schema.test.ts fails on drift.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export function pgSchemaFrom(sqliteSchema) {
  const replaced = sqliteSchema
    .replace(/provider\s*=\s*"sqlite"/, 'provider = "postgresql"')
    .replace('output     = "../src/generated/prisma"', 'output     = "../../src/generated/pg"')
    .replace(/\ngenerator pothos \{[^}]*\}\n/, "\n");
  if (replaced.includes('"sqlite"') || !replaced.includes("../../src/generated/pg") || replaced.includes("prisma-pothos-types")) {
    throw new Error("prisma/schema.prisma no longer has the lines gen-pg-schema.mjs rewrites; update the script");
  }
  return `// GENERATED from prisma/schema.prisma by scripts/gen-pg-schema.mjs: edit that file instead.\n${replaced}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const source = fs.readFileSync(path.join(root, "prisma", "schema.prisma"), "utf8");
  fs.mkdirSync(path.join(root, "prisma", "pg"), { recursive: true });
  fs.writeFileSync(path.join(root, "prisma", "pg", "schema.prisma"), pgSchemaFrom(source));
}
