import fs from "node:fs";
import path from "node:path";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { generate } from "@graphql-codegen/cli";
import config from "../../codegen.ts";
import { projectRoot } from "../../src/lib/paths.ts";

const run = promisify(execFile);

describe("the example client's generated code", () => {
  it("is what `npm run codegen` writes from schema.graphql and the client's documents", async () => {
    const outputs: { filename: string; content: string }[] = await generate({ ...config, cwd: projectRoot }, false);
    expect(outputs.map((output) => output.filename).sort()).toEqual(
      ["gql.ts", "graphql.ts", "index.ts", "persisted-documents.json"].map((file) => `examples/client/src/gql/${file}`),
    );
    for (const output of outputs) {
      expect(fs.readFileSync(path.join(projectRoot, output.filename), "utf8"), `${output.filename} is stale: run npm run codegen`).toBe(
        output.content,
      );
    }
  });

  it("type-checks with tsc --noEmit", async () => {
    const tsc = path.join(projectRoot, "node_modules", "typescript", "bin", "tsc");
    const result = await run(process.execPath, [tsc, "--noEmit", "-p", "examples/client"], { cwd: projectRoot }).catch(
      (error: { stdout: string; code: number }) => error,
    );
    expect(result.stdout).toBe("");
  });
});
