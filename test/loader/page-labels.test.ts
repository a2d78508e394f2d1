import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { execute, query } from "../support/graphql.ts";
import { ingestPaths } from "../../src/loader/edition-loader.ts";
import { exportPublication, type LineSink } from "../../src/loader/export.ts";
import { projectRoot } from "../../src/lib/paths.ts";
import { createServer } from "../../src/server/index.ts";

// An invented city daily printed in sections: A01 jumps to B02 twice (下转B02版, （下转B2版）),
// B02 picks both up (上接A01版, （上接Ａ１版）) in the other order. See test/fixtures/sections/README.md.
const EDITION = path.join(projectRoot, "test", "fixtures", "sections", "city-evening", "2023-03-08");
const A01 = path.join(EDITION, "page-A01.txt");
const B02 = path.join(EDITION, "page-B02.txt");

const root = fs.mkdtempSync(path.join(os.tmpdir(), "papergraph-labels-"));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const ISSUE = `{ issue(publication: "city-evening", date: "2023-03-08") {
  pages { number label section }
  front: page(label: "a1") {
    label
    continuationsOut { from { headline } toPageNumber toPageLabel marker resolved to { headline page { label } } }
  }
  jumpPage: page(label: "B02") {
    number label section
    continuationsIn { from { headline page { label } } toPageLabel resolved }
    articles { headline continuedFromPage continuedFromLabel continuedFrom { from { headline page { label section } } } }
  }
} }`;

const JUMPS_OUT = [
  {
    from: { headline: "城东新区重点项目集中开工" },
    toPageNumber: 1102,
    toPageLabel: "B02",
    marker: "下转B02版",
    resolved: true,
    to: { headline: "城东新区项目开工", page: { label: "B02" } },
  },
  {
    from: { headline: "全市春季义务植树活动启动" },
    toPageNumber: 1102,
    toPageLabel: "B02",
    marker: "（下转B2版）",
    resolved: true,
    to: { headline: "春季植树活动启动", page: { label: "B02" } },
  },
];

const PICKUPS = [
  {
    headline: "春季植树活动启动",
    continuedFromPage: 1001,
    continuedFromLabel: "A01",
    continuedFrom: { from: { headline: "全市春季义务植树活动启动", page: { label: "A01", section: "A" } } },
  },
  {
    headline: "城东新区项目开工",
    continuedFromPage: 1001,
    continuedFromLabel: "A01",
    continuedFrom: { from: { headline: "城东新区重点项目集中开工", page: { label: "A01", section: "A" } } },
  },
];

async function ingestInOrder(files: string[]): Promise<{ db: TestDatabase; resolved: number }> {
  const db = await createTestDatabase();
  let resolved = 0;
  for (const file of files) {
    const summary = await ingestPaths(db.writer, [file]);
    expect(summary.errors).toEqual([]);
    resolved += summary.continuationsResolved;
  }
  return { db, resolved };
}

async function exportText(db: TestDatabase): Promise<string> {
  const chunks: string[] = [];
  const sink: LineSink = { write: (chunk) => {
      chunks.push(chunk);
      return true;
    }, once: () => undefined, off: () => undefined };
  await exportPublication(db.reader, "city-evening", sink);
  return chunks.join("");
}

describe("a paper printed in sections", () => {
  it.each([
    ["A01 first", [A01, B02]],
    ["B02 first", [B02, A01]],
  ])("resolves A01's jumps to B02 by label, and B02's pickups back to A01 (%s)", async (_order, files) => {
    const { db, resolved } = await ingestInOrder(files);
    expect(resolved).toBe(2);
    const data = await query(createServer(db.reader), ISSUE);
    expect(data.issue.pages).toEqual([
      { number: 1001, label: "A01", section: "A" },
      { number: 1102, label: "B02", section: "B" },
    ]);
    expect(data.issue.front.label).toBe("A01");
    expect(data.issue.front.continuationsOut).toEqual(JUMPS_OUT);
    expect(data.issue.jumpPage).toMatchObject({ number: 1102, label: "B02", section: "B" });
    expect(data.issue.jumpPage.continuationsIn).toEqual([
      { from: { headline: "城东新区重点项目集中开工", page: { label: "A01" } }, toPageLabel: "B02", resolved: true },
      { from: { headline: "全市春季义务植树活动启动", page: { label: "A01" } }, toPageLabel: "B02", resolved: true },
    ]);
    expect(data.issue.jumpPage.articles).toEqual(PICKUPS);
  });

  it("finds a page by its label at the root, in any printed form, and by its number", async () => {
    const { db } = await ingestInOrder([A01, B02]);
    const yoga = createServer(db.reader);
    const byLabel = (label: string) =>
      query(yoga, `query ($label: String) { page(publication: "city-evening", date: "2023-03-08", label: $label) { label } }`, { label });
    expect((await byLabel("Ｂ０２")).page).toEqual({ label: "B02" });
    expect((await byLabel("b2")).page).toEqual({ label: "B02" });
    expect((await byLabel("A02")).page).toBeNull();
    const byNumber = await query(yoga, `{ page(publication: "city-evening", date: "2023-03-08", number: 1001) { label } }`);
    expect(byNumber.page).toEqual({ label: "A01" });
  });

  it("refuses a page lookup with both a number and a label, with neither, or with a label that is not one", async () => {
    const { db } = await ingestInOrder([A01]);
    const yoga = createServer(db.reader);
    const both = await execute(yoga, `{ issue(publication: "city-evening", date: "2023-03-08") { page(number: 1001, label: "A01") { label } } }`);
    expect(both.errors).toMatchObject([{ message: "Give the page's number or its label, not both and not neither.", path: ["issue", "page"], extensions: { code: "BAD_USER_INPUT" } }]);
    const neither = await execute(yoga, `{ page(publication: "city-evening", date: "2023-03-08") { label } }`);
    expect(neither.errors).toMatchObject([{ message: "Give the page's number or its label, not both and not neither.", extensions: { code: "BAD_USER_INPUT" } }]);
    const notALabel = await execute(yoga, `{ issue(publication: "city-evening", date: "2023-03-08") { page(label: "头版") { label } } }`);
    expect(notALabel.errors).toMatchObject([{ message: 'Argument "label" must be a page label such as 3 or A01, got "头版".', extensions: { code: "BAD_USER_INPUT" } }]);
  });

  it("keeps plain pages' labels as their numbers: page-03.txt is labelled 3, with no section", async () => {
    const folder = path.join(root, "plain", "city-evening", "2023-03-09");
    fs.mkdirSync(folder, { recursive: true });
    fs.copyFileSync(path.join(EDITION, "..", "publication.json"), path.join(folder, "..", "publication.json"));
    fs.copyFileSync(B02, path.join(folder, "page-03.txt"));
    const { db } = await ingestInOrder([path.join(folder, "page-03.txt")]);
    const data = await query(createServer(db.reader), `{ issue(publication: "city-evening", date: "2023-03-09") { page(label: "三") { number label section } } }`);
    expect(data.issue.page).toEqual({ number: 3, label: "3", section: null });
  });
});

describe("exports of a paper printed in sections", () => {
  it("carry each page's label and each marker's, and a reload restores both and the links", async () => {
    const { db } = await ingestInOrder([A01, B02]);
    const text = await exportText(db);
    const lines = text.trimEnd().split("\n").map((line) => JSON.parse(line));
    expect(lines.map((line) => [line.page, line.label])).toEqual([
      [1001, "A01"],
      [1102, "B02"],
    ]);
    expect(lines[0].articles[0].continuesOn).toEqual({ page: 1102, label: "B02", text: "下转B02版", to: { page: 1102, position: 2 } });
    expect(lines[1].articles[0].continuedFrom).toEqual({ page: 1001, label: "A01", text: "上接A01版" });

    const file = path.join(root, "sections.ndjson");
    fs.writeFileSync(file, text);
    const restored = await createTestDatabase();
    expect(await ingestPaths(restored.writer, [file])).toMatchObject({ pages: { created: 2 }, continuationsResolved: 2, errors: [] });
    expect(await query(createServer(restored.reader), ISSUE)).toEqual(await query(createServer(db.reader), ISSUE));
  });

  it("still load when written before labels: pages and markers take the labels their numbers stand for", async () => {
    const { db } = await ingestInOrder([A01, B02]);
    const withoutLabels = (await exportText(db))
      .trimEnd()
      .split("\n")
      .map((line) => {
        const { label: _, ...page } = JSON.parse(line);
        for (const article of page.articles) {
          for (const key of ["continuesOn", "continuedFrom"]) if (article[key]) delete article[key].label;
        }
        return JSON.stringify(page);
      });
    const file = path.join(root, "before-labels.ndjson");
    fs.writeFileSync(file, `${withoutLabels.join("\n")}\n`);
    const restored = await createTestDatabase();
    expect(await ingestPaths(restored.writer, [file])).toMatchObject({ pages: { created: 2 }, errors: [] });
    expect(await query(createServer(restored.reader), ISSUE)).toEqual(await query(createServer(db.reader), ISSUE));
  });

  it("refuse a line whose label is not the label of its page", async () => {
    const { db } = await ingestInOrder([A01]);
    const line = { ...JSON.parse((await exportText(db)).trimEnd()), label: "B01" };
    const file = path.join(root, "wrong-label.ndjson");
    fs.writeFileSync(file, `${JSON.stringify(line)}\n`);
    const restored = await createTestDatabase();
    const summary = await ingestPaths(restored.writer, [file]);
    expect(summary.errors).toEqual([{ input: `${file}:1`, message: `${file}:1: not a papergraph export line ("label" "B01" is not the label of page 1001)` }]);
    expect(await restored.reader.page.count()).toBe(0);
  });
});
