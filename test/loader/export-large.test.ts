import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../support/database.ts";
import { generatePages } from "../support/generated-corpus.ts";
import { TAIYUAN_DAILY } from "../support/sample.ts";
import { ingestPaths } from "../../src/loader/edition-loader.ts";
import { exportPublication, type LineSink } from "../../src/loader/export.ts";
import { parsePage } from "../../src/ingest/parse-page.ts";
import { PARSER_VERSION } from "../../src/ingest/version.ts";
import { writePageWith } from "../../src/loader/write-page.ts";

// A backup of a whole archive: 2,000 pages (8,000 articles) exported in batches of 200 and
// restored into an empty database. Each batch names many more rows than a statement may bind.
const root = fs.mkdtempSync(path.join(os.tmpdir(), "papergraph-export-large-"));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const PAGES = 2000;
const original = await createTestDatabase();
const pages = generatePages(PAGES, { seed: 3, startDate: "2001-01-01", articlesPerPage: 4 });
const region = { city: TAIYUAN_DAILY.region, province: TAIYUAN_DAILY.province };
for (let start = 0; start < pages.length; start += 250) {
  await original.writer.transaction(async (sql) => {
    for (const page of pages.slice(start, start + 250)) {
      await writePageWith(sql, { publication: TAIYUAN_DAILY, ...page }, parsePage(page.text, { issueDate: page.date, region }), PARSER_VERSION);
    }
  });
}

function fileSink(file: string): LineSink & { close(): Promise<void> } {
  const stream = fs.createWriteStream(file);
  return {
    write: (chunk) => stream.write(chunk),
    once: (event, listener) => stream.once(event, listener),
    off: (event, listener) => stream.off(event, listener),
    close: () => new Promise((resolve) => stream.end(resolve)),
  };
}

const counts = async (db: typeof original) => ({
  pages: await db.reader.page.count(),
  articles: await db.reader.article.count(),
  people: await db.reader.person.count(),
  mentions: await db.reader.mention.count(),
  credits: await db.reader.credit.count(),
  photos: await db.reader.photo.count(),
});

describe("backup of a 2,000-page archive", () => {
  it("exports every page and restores them into an empty database, row for row", { timeout: 600_000 }, async () => {
    const backup = path.join(root, "backup.ndjson");
    const sink = fileSink(backup);
    const summary = await exportPublication(original.reader, "taiyuan-daily", sink);
    await sink.close();
    const before = await counts(original);
    expect(before.pages).toBe(PAGES);
    expect(summary).toMatchObject({ pages: PAGES, articles: before.articles });
    expect(fs.readFileSync(backup, "utf8").trimEnd().split("\n")).toHaveLength(PAGES);

    const restored = await createTestDatabase();
    const report = await ingestPaths(restored.writer, [backup]);
    expect(report.errors).toEqual([]);
    expect(await counts(restored)).toEqual(before);
    // And the restored archive exports the same lines, but for the row IDs nothing else holds.
    const again = path.join(root, "again.ndjson");
    const second = fileSink(again);
    await exportPublication(restored.reader, "taiyuan-daily", second);
    await second.close();
    expect(fs.statSync(again).size).toBe(fs.statSync(backup).size);
  });
});
