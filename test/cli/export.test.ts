import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../support/cli.ts";
import { PICKUP_PAGE } from "../support/sample.ts";
import { seedsDir } from "../../src/lib/paths.ts";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "papergraph-export-cli-"));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const database = (name: string) => ({ DATABASE_URL: `file:${path.join(root, name)}` });

describe("papergraph export", () => {
  it("writes a backup that ingest restores into another database, which exports the same bytes", async () => {
    const loaded = await runCli(["ingest", seedsDir, PICKUP_PAGE], { env: database("original.db") });
    expect(loaded.code).toBe(0);

    const backup = path.join(root, "backup.ndjson");
    const exported = await runCli(["export", "taiyuan-daily", "--output", backup], { env: database("original.db") });
    expect(exported).toMatchObject({ code: 0, stdout: "" });
    expect(exported.stderr).toBe(`exported 2 pages (1 issue, 13 articles) of taiyuan-daily to ${backup}\n`);
    expect(fs.existsSync(`${backup}.partial`)).toBe(false);

    const restored = await runCli(["ingest", backup], { env: database("restored.db") });
    expect(restored.code).toBe(0);
    expect(restored.stdout).toBe(
      ["pages: 2 (2 new, 0 replaced, 0 unchanged)", "articles: 13", "people: 30", "continuations resolved: 5", "errors: 0", ""].join("\n"),
    );

    const again = await runCli(["export", "taiyuan-daily"], { env: database("restored.db") });
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(fs.readFileSync(backup, "utf8"));
    expect(again.stdout.split("\n")).toHaveLength(3);

    const range = await runCli(["export", "taiyuan-daily", "--from", "2022-06-04"], { env: database("restored.db") });
    expect(range).toMatchObject({ code: 0, stdout: "" });
    expect(range.stderr).toBe("exported 0 pages (0 issues, 0 articles) of taiyuan-daily from 2022-06-04 to the last issue to stdout\n");
   }, 90_000); // five processes, each starting tsx

  it("explains an unknown publication or a bad date in one line and exits 2", async () => {
    const unknown = await runCli(["export", "nowhere-daily"], { env: database("empty.db") });
    expect(unknown).toMatchObject({ code: 2, stdout: "", stderr: 'papergraph: unknown publication "nowhere-daily" (the database holds no publication)\n' });
    const badDate = await runCli(["export", "taiyuan-daily", "--to", "2022-02-30"], { env: database("empty.db") });
    expect(badDate).toMatchObject({ code: 2, stderr: "papergraph: --to must be a calendar date YYYY-MM-DD, got 2022-02-30\n" });
  });
});
