import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ENVIRONMENT } from "../../src/cli/environment.ts";
import { projectRoot } from "../../src/lib/paths.ts";
import { runCli } from "../support/cli.ts";

describe("papergraph --help", () => {
  it("prints the usage on stdout: every command, serve's --host, every environment variable", async () => {
    const result = await runCli(["--help"]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
    expect(result.stdout).toMatch(/^usage: papergraph <command> \[options\]\n/);
    for (const command of ["serve", "migrate", "ingest", "export", "parse", "eval", "keys"]) expect(result.stdout).toContain(`\n  ${command} `);
    expect(result.stdout).toContain("serve [--port N] [--host H] [--workers N]");
    for (const variable of ENVIRONMENT) expect(result.stdout).toMatch(new RegExp(`\\n  ${variable.name} +\\S`));
  });

  it("answers an unknown command with the usage on stderr and exit code 2", async () => {
    const result = await runCli(["frobnicate"]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/^papergraph: unknown command "frobnicate"\n\nusage: papergraph/);
  });

  it("loads each command's modules only when that command runs: the entry point imports none", () => {
    const main = readFileSync(path.join(projectRoot, "src", "cli", "main.ts"), "utf8");
    const staticImports = [...main.matchAll(/^import .* from "([^"]+)";$/gm)].map((match) => match[1]);
    expect(staticImports).toEqual(["../lib/config-error.ts", "./environment.ts"]);
  });
});
