import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parsePage } from "../../src/ingest/parse-page.ts";
import { projectRoot, seedsDir } from "../../src/lib/paths.ts";
import { runCli } from "../support/cli.ts";
import { databaseKind } from "../support/database.ts";
import { generatePages } from "../support/generated-corpus.ts";

const PAGES = 300;

// A real `papergraph ingest` of 300 pages is killed with SIGKILL once some pages are
// committed: every page in the database is whole, and a second ingest does the rest.
describe.skipIf(databaseKind() !== "sqlite")("SIGKILL during a large ingest", () => {
  // Made in a hook, which a skipped suite does not run (nor its afterAll, which would remove it).
  let folder = "";
  beforeAll(() => void (folder = fs.mkdtempSync(path.join(os.tmpdir(), "papergraph-kill-"))));
  afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));
  it("leaves no half page, and ingesting again completes the rest", { timeout: 180_000 }, async () => {
    const archive = path.join(folder, "taiyuan-daily");
    const pages = generatePages(PAGES, { seed: 7 });
    for (const page of pages) {
      const edition = path.join(archive, page.date);
      fs.mkdirSync(edition, { recursive: true });
      fs.writeFileSync(path.join(edition, `page-${String(page.pageNumber).padStart(2, "0")}.txt`), page.text);
    }
    fs.copyFileSync(path.join(seedsDir, "taiyuan-daily", "publication.json"), path.join(archive, "publication.json"));
    const file = path.join(folder, "archive.db");
    const env = { DATABASE_URL: `file:${file}` };
    expect((await runCli(["migrate"], { env })).code).toBe(0);

    const count = () => {
      const connection = new BetterSqlite3(file, { readonly: true, timeout: 5_000 });
      try {
        return (connection.prepare(`SELECT COUNT(*) AS n FROM "Page"`).get() as { n: number }).n;
      } finally {
        connection.close();
      }
    };
    const child = spawn(process.execPath, [path.join(projectRoot, "bin", "papergraph.js"), "ingest", archive, "--json"], {
      env: { ...process.env, NODE_ENV: "test", ...env },
      stdio: "ignore",
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on("exit", (_code, signal) => resolve(signal)));
    let stored = 0;
    for (const started = Date.now(); stored < 20 && Date.now() - started < 120_000; ) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      stored = count();
    }
    child.kill("SIGKILL");
    expect(await exited).toBe("SIGKILL");

    // Every stored page is whole: its articles are those a clean parse of its text finds.
    const connection = new BetterSqlite3(file, { readonly: true });
    const rows = connection
      .prepare(
        `SELECT p."id", p."number", p."text", i."date", (SELECT COUNT(*) FROM "Article" a WHERE a."pageId" = p."id") AS articles
         FROM "Page" p JOIN "Issue" i ON i."id" = p."issueId"`,
      )
      .all() as { id: number; number: number; text: string; date: string; articles: number }[];
    connection.close();
    expect(rows.length).toBeGreaterThanOrEqual(20);
    expect(rows.length).toBeLessThan(PAGES);
    for (const row of rows) {
      const parsed = parsePage(row.text, { issueDate: row.date, region: { city: "太原市", province: "山西省" } });
      expect(row.articles, `page ${row.date}/${row.number}`).toBe(parsed.articles.length);
      expect(row.articles).toBeGreaterThan(0);
    }

    const again = await runCli(["ingest", archive, "--json"], { env });
    expect(again.code, again.stderr).toBe(0);
    const summary = JSON.parse(again.stdout);
    expect(summary.pages).toEqual({ created: PAGES - rows.length, replaced: 0, unchanged: rows.length });
    expect(summary.errors).toEqual([]);
    expect(count()).toBe(PAGES);
  });
});
