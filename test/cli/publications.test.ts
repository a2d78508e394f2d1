import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../support/cli.ts";
import { SAMPLE_TEXT } from "../support/sample.ts";

const folder = fs.mkdtempSync(path.join(os.tmpdir(), "papergraph-publications-"));
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

describe("papergraph publications", () => {
  it("registers a publication, so that one file ingests with --publication into a fresh database", async () => {
    const env = { DATABASE_URL: `file:${path.join(folder, "fresh.db")}` };
    const file = path.join(folder, "front.txt");
    fs.writeFileSync(file, SAMPLE_TEXT);
    const ingest = ["ingest", file, "--publication", "taiyuan-daily", "--date", "2022-06-03", "--page", "1"];

    const before = await runCli(ingest, { env });
    expect(before.code).toBe(1);
    expect(before.stdout).toContain(`${file}: unknown publication "taiyuan-daily": add taiyuan-daily/publication.json beside its edition folders`);

    const added = await runCli(["publications", "add", "taiyuan-daily", "--name", "太原日报", "--region", "太原市", "--province", "山西省"], { env });
    expect(added).toEqual({ code: 0, stdout: "created publication taiyuan-daily (太原日报)\n", stderr: "" });
    expect((await runCli(["publications", "add", "taiyuan-daily", "--name", "太原日报", "--region", "太原市", "--province", "山西省"], { env })).stdout).toBe(
      "unchanged publication taiyuan-daily (太原日报)\n",
    );

    const after = await runCli(ingest, { env });
    expect(after.code).toBe(0);
    expect(after.stdout).toContain("pages: 1 (1 new, 0 replaced, 0 unchanged)\narticles: 8\n");
    const listed = await runCli(["publications", "list", "--json"], { env });
    expect(JSON.parse(listed.stdout)).toEqual([{ slug: "taiyuan-daily", name: "太原日报", locale: "zh-CN", region: "太原市", province: "山西省" }]);
  });

  it("refuses a bad slug, a missing name or a bad locale in one line, exit code 2, writing nothing", async () => {
    const env = { DATABASE_URL: `file:${path.join(folder, "refused.db")}` };
    expect(await runCli(["publications", "add", "Taiyuan Daily", "--name", "太原日报"], { env })).toEqual({
      code: 2,
      stdout: "",
      stderr: 'papergraph: publications add: the slug must be lower-case letters, digits and hyphens, got "Taiyuan Daily"\n',
    });
    expect((await runCli(["publications", "add", "taiyuan-daily"], { env })).stderr).toBe("papergraph: publications add needs --name (the publication's name as printed)\n");
    expect((await runCli(["publications", "add", "taiyuan-daily", "--name", "太原日报", "--locale", "Chinese!"], { env })).stderr).toBe(
      'papergraph: --locale must be a language tag such as zh-CN, got "Chinese!"\n',
    );
    expect(await runCli(["publications", "list"], { env })).toEqual({ code: 0, stdout: "no publications\n", stderr: "" });
  });
});
