import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../support/cli.ts";
import { createTestDatabase } from "../support/database.ts";
import { ingestPaths } from "../../src/loader/edition-loader.ts";
import { findPageFiles, pageLocationFromPath } from "../../src/ingest/layout.ts";
import { composeRecords, parseRecordsFile } from "../../src/ingest/parse-records.ts";

const DEVSET = fileURLToPath(new URL("../fixtures/devset/", import.meta.url));
const root = fs.mkdtempSync(path.join(os.tmpdir(), "papergraph-records-"));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

/** A fresh archive holding the given files of the dev sets (paths relative to the dev set folder), plus `extra`. */
function archive(name: string, files: string[], extra: Record<string, string> = {}): string {
  const folder = path.join(root, name);
  const write = (relative: string, content: string | Buffer) => {
    fs.mkdirSync(path.dirname(path.join(folder, relative)), { recursive: true });
    fs.writeFileSync(path.join(folder, relative), content);
  };
  for (const file of files) write(file, fs.readFileSync(path.join(DEVSET, file)));
  for (const [relative, content] of Object.entries(extra)) write(relative, content);
  return folder;
}

const records = (relative: string) => parseRecordsFile(fs.readFileSync(path.join(DEVSET, relative), "utf8"), relative);

describe("article records in the folder layout", () => {
  it("places page-NN.records.json and .records.ndjson as their page, and no other name", () => {
    const place = { publication: "zgqxb", date: "2026-06-05", page: 2, label: "2", section: null };
    expect(pageLocationFromPath("zgqxb/2026-06-05/page-02.records.json")).toEqual(place);
    expect(pageLocationFromPath("zgqxb/2026-06-05/page-02.records.ndjson")).toEqual(place);
    for (const name of ["page-02.expected.json", "page-02.records.jsonl", "page-02.json", "page-2.records.json"]) {
      expect(pageLocationFromPath(`zgqxb/2026-06-05/${name}`), name).toBeNull();
    }
  });

  it("lists a page kept both ways once, by its records", async () => {
    const folder = archive("both-ways", [
      "zgqxb/2026-06-05/page-01.txt",
      "zgqxb/2026-06-05/page-01.records.json",
      "zgqxb/2026-06-05/page-01.expected.json",
      "zgqxb/2026-06-05/page-02.txt",
    ]);
    const day = path.join(folder, "zgqxb", "2026-06-05");
    expect(await findPageFiles([folder, path.join(day, "page-01.txt")])).toEqual({
      files: [path.join(day, "page-01.records.json"), path.join(day, "page-02.txt")],
      missing: [],
      refused: [],
    });
  });
});

describe("ingesting article records", () => {
  it("reads a folder's pages from their records, not from the text beside them: one article per record", async () => {
    const db = await createTestDatabase();
    const summary = await ingestPaths(db.writer, [path.join(DEVSET, "zgqxb")]);

    expect(summary.errors).toEqual([]);
    expect(summary.files).toBe(8);
    expect(summary.pages).toEqual({ created: 8, replaced: 0, unchanged: 0 });
    expect(summary.articles).toBe(48);
    const page = await db.reader.page.findFirstOrThrow({ where: { number: 1, issue: { date: "2026-07-16" } } });
    const source = records("zgqxb/2026-07-16/page-01.records.json");
    expect(page.text).toBe(composeRecords(source.articles).text);
    const articles = await db.reader.article.findMany({ where: { pageId: page.id }, orderBy: { position: "asc" } });
    expect(articles.map((a) => a.headline)).toEqual(source.articles.map((r) => r.headline));

    expect((await ingestPaths(db.writer, [path.join(DEVSET, "zgqxb")])).pages).toEqual({ created: 0, replaced: 0, unchanged: 8 });
  });

  it("reads a page again from its records when the same text was read as a page", async () => {
    const text = "people-daily/2020-01-23/page-01.txt";
    const recordsFile = "people-daily/2020-01-23/page-01.records.json";
    // The e-paper text is exactly its records joined back: only the reading differs.
    expect(composeRecords(records(recordsFile).articles).text).toBe(fs.readFileSync(path.join(DEVSET, text), "utf8"));
    const folder = archive("same-text", ["people-daily/publication.json", text, recordsFile]);
    const db = await createTestDatabase();

    expect((await ingestPaths(db.writer, [path.join(folder, text)])).pages).toEqual({ created: 1, replaced: 0, unchanged: 0 });
    const byRecords = await ingestPaths(db.writer, [path.join(folder, recordsFile)]);
    expect(byRecords.pages).toEqual({ created: 0, replaced: 1, unchanged: 0 });
    expect(byRecords.articles).toBe(9);
  });

  it("takes page-NN.records.ndjson as records, not as an export", async () => {
    const lines = records("zgqxb/2026-06-05/page-02.records.json").articles.map((r) => JSON.stringify(r)).join("\n");
    const folder = archive("ndjson", ["zgqxb/publication.json"], { "zgqxb/2026-06-05/page-02.records.ndjson": lines });
    const db = await createTestDatabase();
    const summary = await ingestPaths(db.writer, [folder]);

    expect(summary.errors).toEqual([]);
    expect(summary.pages).toEqual({ created: 1, replaced: 0, unchanged: 0 });
    expect(summary.articles).toBe(10);
  });

  it("refuses records that name another page than the one they are kept as, and bad records, writing nothing", async () => {
    const story = { headline: "甲", body: "　　本报讯（记者 王小明）6月4日，会议召开。" };
    const folder = archive("refused", ["zgqxb/publication.json"], {
      "zgqxb/2026-06-05/page-03.records.json": JSON.stringify({ page: 4, articles: [story] }),
      "zgqxb/2026-06-05/page-05.records.json": JSON.stringify({ articles: [{ ...story, body: 5 }] }),
    });
    const db = await createTestDatabase();
    const before = await db.dump();
    const summary = await ingestPaths(db.writer, [folder]);

    const file = (page: string) => path.join(folder, "zgqxb", "2026-06-05", `page-${page}.records.json`);
    expect(summary.errors).toEqual([
      { input: file("03"), message: `${file("03")}: field "page" is 4, but the file is ingested as 3` },
      { input: file("05"), message: `${file("05")}: field "articles[0].body" must be a string` },
    ]);
    expect(await db.dump()).toEqual(before);
  });

  it("takes the records of a section page that name it by its label, and refuses those naming another page", async () => {
    const story = { headline: "甲", body: "　　本报讯（记者 王小明）6月4日，会议召开。" };
    const folder = archive("sections", ["zgqxb/publication.json"], {
      "zgqxb/2026-06-05/page-A03.records.json": JSON.stringify({ page: "A03", articles: [story] }),
      "zgqxb/2026-06-05/page-A05.records.json": JSON.stringify({ page: "A04", articles: [story] }),
    });
    const db = await createTestDatabase();
    const summary = await ingestPaths(db.writer, [folder]);

    const refused = path.join(folder, "zgqxb", "2026-06-05", "page-A05.records.json");
    expect(summary.errors).toEqual([{ input: refused, message: `${refused}: field "page" is "A04", but the file is ingested as "A05"` }]);
    expect(summary.pages).toEqual({ created: 1, replaced: 0, unchanged: 0 });
  });
});

// Each command starts its own process, which loads the parser and jieba's dictionary.
describe("papergraph parse and eval on article records", { timeout: 120_000 }, () => {
  it("parse prints a records page in the hand-read shape, one article per record", async () => {
    const file = path.join(DEVSET, "zgqxb", "2026-07-02", "page-01.records.json");
    const result = await runCli(["parse", file]);
    expect(result.code).toBe(0);
    const parsed = JSON.parse(result.stdout);
    expect(parsed).toMatchObject({ publication: "zgqxb", date: "2026-07-02", pageNumber: 1 });
    expect(parsed.articles.map((a: { headline: string }) => a.headline)).toEqual(
      records("zgqxb/2026-07-02/page-01.records.json").articles.map((r) => r.headline),
    );
  });

  it("eval scores a folder with records in both forms, and one form on request", async () => {
    const folder = path.join(DEVSET, "zgqxb");
    const both = await runCli(["eval", folder]);
    expect(both.stdout.split("\n").filter((line) => line.startsWith("== "))).toEqual([
      `== ${folder}: page text ==`,
      `== ${folder}: article records ==`,
    ]);
    const one = await runCli(["eval", folder, "--form", "records"]);
    expect(one.stdout.split("\n").filter((line) => line.startsWith("== "))).toEqual([`== ${folder}: article records ==`]);
    expect(one.stdout).toContain("articles        1.000  1.000  1.000    48     0     0");
    expect(await runCli(["eval", folder, "--form", "pdf"])).toMatchObject({ code: 2, stderr: "papergraph: --form must be text or records, got pdf\n" });
  });
});
