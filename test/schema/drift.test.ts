import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { printSchemaFile } from "../../src/schema/print.ts";
import { projectRoot } from "../../src/lib/paths.ts";

describe("schema.graphql", () => {
  it("is the schema the code builds (run `npm run generate` after changing the schema)", () => {
    const committed = fs.readFileSync(path.join(projectRoot, "schema.graphql"), "utf8");
    expect(committed).toBe(printSchemaFile());
  });
});
