import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
// @ts-expect-error: a plain .mjs script without type declarations
import { pgSchemaFrom } from "../../scripts/gen-pg-schema.mjs";
import { projectRoot } from "../../src/lib/paths.ts";

describe("prisma/pg/schema.prisma", () => {
  it("is generated from prisma/schema.prisma (run `npm run db:generate` after changing the model)", () => {
    const source = fs.readFileSync(path.join(projectRoot, "prisma", "schema.prisma"), "utf8");
    const committed = fs.readFileSync(path.join(projectRoot, "prisma", "pg", "schema.prisma"), "utf8");
    expect(committed).toBe(pgSchemaFrom(source));
  });

  it("differs from the SQLite model only in provider, client output and the Pothos generator", () => {
    const pgSchema: string = pgSchemaFrom(fs.readFileSync(path.join(projectRoot, "prisma", "schema.prisma"), "utf8"));
    expect(pgSchema).toContain('provider = "postgresql"');
    expect(pgSchema).toContain('output     = "../../src/generated/pg"');
    expect(pgSchema).not.toContain("prisma-pothos-types");
  });
});
