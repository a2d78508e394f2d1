import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ingestPaths } from "../../src/loader/edition-loader.ts";
import { composeRecords } from "../../src/ingest/parse-records.ts";
import { IN_THREAD_MAX_CHARS, parserThreads, shortRunParser, workerParser, workerPool } from "../../src/loader/page-parser.ts";
import { parseSource } from "../../src/loader/parse-source.ts";
import { seedsDir } from "../../src/lib/paths.ts";
import { createTestDatabase } from "../support/database.ts";
import { SAMPLE_TEXT } from "../support/sample.ts";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "papergraph-ahead-"));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

/** An archive folder holding the sample's publication and one page text at 2022-06-03, page 1. */
function archive(name: string, text: string): string {
  const folder = path.join(root, name);
  fs.mkdirSync(path.join(folder, "taiyuan-daily", "2022-06-03"), { recursive: true });
  fs.copyFileSync(path.join(seedsDir, "taiyuan-daily", "publication.json"), path.join(folder, "taiyuan-daily", "publication.json"));
  fs.writeFileSync(path.join(folder, "taiyuan-daily", "2022-06-03", "page-01.txt"), text);
  return folder;
}

// The sample without its last article.
const SHORTER = SAMPLE_TEXT.slice(0, SAMPLE_TEXT.indexOf("## 全市推进产业工人队伍建设改革"));

describe("ingesting pages parsed ahead in the parser's thread", () => {
  it("writes two files of one page in their order: the second is not taken as unchanged before the first is written", async () => {
    const db = await createTestDatabase();
    await ingestPaths(db.writer, [archive("stored", SAMPLE_TEXT)]);
    // The shorter text, then the stored one again (files go in the order of their paths): read
    // ahead before the first is written, the second would look unchanged and the shorter text stay.
    const summary = await ingestPaths(db.writer, [archive("1-shorter", SHORTER), archive("2-again", SAMPLE_TEXT)], { parseInWorker: true });
    expect(summary.pages).toEqual({ created: 0, replaced: 2, unchanged: 0 });
    expect(summary.errors).toEqual([]);
    expect(await db.reader.article.count()).toBe(8);
    expect((await db.reader.page.findFirstOrThrow()).text).toBe(SAMPLE_TEXT);
  });

  it("parses in a thread of its own, under tsx as compiled, the same page as the caller's thread would", async () => {
    const request = { text: SAMPLE_TEXT, context: { issueDate: "2022-06-03", region: { city: "太原市", province: "山西省" } } };
    const parser = workerParser();
    try {
      // Until the thread is ready, pages are parsed in this one.
      expect(parser.inThread).toBe(true);
      // A thread that failed to start would have handed the pages back to this one.
      expect(await parser.ready).toBe(true);
      expect(parser.inThread).toBe(false);
      const parsed = await parser.parse(request);
      expect(parser.inThread).toBe(false);
      expect(parsed).toEqual(parseSource(request));
    } finally {
      await parser.close();
    }
  });

  it("parses a page of article records in its thread, which loads the records parser only then, as the caller's thread would", async () => {
    const records = [
      { kicker: null, headline: "全市推进产业工人队伍建设改革", subheadline: null, body: "本报讯（记者 张三）市总工会主席李四在会上说，改革要落到实处。" },
      { kicker: "要闻", headline: "太原启动夏季消夏活动", subheadline: null, body: "市委副书记王五出席并讲话。" },
    ];
    const request = { text: composeRecords(records).text, records, context: { issueDate: "2022-06-03", region: { city: "太原市", province: "山西省" } } };
    const parser = workerParser();
    try {
      expect(await parser.ready).toBe(true);
      const parsed = await parser.parse(request);
      expect(parser.inThread).toBe(false);
      expect(parsed.articles.map((article) => article.headline)).toEqual(["全市推进产业工人队伍建设改革", "太原启动夏季消夏活动"]);
      expect(parsed).toEqual(parseSource(request));
    } finally {
      await parser.close();
    }
  });

  it("keeps a page sent while the thread starts for the thread, which parses it as the caller's thread would", async () => {
    const request = { text: SHORTER, context: { issueDate: "2022-06-03", region: { city: "太原市", province: "山西省" } } };
    const parser = workerParser();
    try {
      expect(parser.inThread).toBe(true);
      const parsed = parser.parse(request);
      expect(await parsed).toEqual(parseSource(request));
      // Answered by the thread: it was ready by then.
      expect(parser.inThread).toBe(false);
    } finally {
      await parser.close();
    }
  });

  it("parses pages given at once to two threads, each the same as the caller's thread would", async () => {
    const context = { issueDate: "2022-06-03", region: { city: "太原市", province: "山西省" } };
    const requests = Array.from({ length: 9 }, (_, index) => ({ text: index % 2 === 0 ? SAMPLE_TEXT : SHORTER, context }));
    const pool = workerPool(2);
    try {
      const parsed = requests.map((request) => pool.parse(request));
      const alone = await Promise.all(requests.map((request) => parseSource(request)));
      expect(await Promise.all(parsed)).toEqual(alone);
    } finally {
      await pool.close();
    }
  });
});

describe("a short run's parser", () => {
  const context = { issueDate: "2022-06-03", region: { city: "太原市", province: "山西省" } };
  /** Whether `parsed` had settled before the event loop's next turn: parsed in this thread, at the call. */
  const settledAtOnce = (parsed: Promise<unknown>) =>
    Promise.race([parsed.then(() => true), new Promise<boolean>((resolve) => setImmediate(() => resolve(false)))]);

  it("parses a page of common size in the caller's thread, at once", async () => {
    const parser = shortRunParser();
    try {
      const request = { text: SAMPLE_TEXT, context };
      const parsed = parser.parse(request);
      expect(await settledAtOnce(parsed)).toBe(true);
      expect(await parsed).toEqual(parseSource(request));
    } finally {
      await parser.close();
    }
  });

  it("parses a page of over IN_THREAD_MAX_CHARS in a thread it starts, which leaves the caller's thread free, the same as the caller's thread would", async () => {
    const text = Array.from({ length: Math.ceil(IN_THREAD_MAX_CHARS / SAMPLE_TEXT.length) + 1 }, () => SAMPLE_TEXT).join("\n\n");
    expect(text.length).toBeGreaterThan(IN_THREAD_MAX_CHARS);
    const parser = shortRunParser();
    try {
      const request = { text, context };
      const parsed = parser.parse(request);
      expect(await settledAtOnce(parsed)).toBe(false);
      expect(await parsed).toEqual(parseSource(request));
    } finally {
      await parser.close();
    }
  });
});

describe("the parser's threads for a run", () => {
  it("is one for a short run, whose pages would not pay a second thread's start", () => {
    expect(parserThreads(40)).toBe(1);
  });

  it("is never more than three, past which the writer bounds the run", () => {
    expect(parserThreads(1_000_000)).toBeLessThanOrEqual(3);
    expect(parserThreads(1_000_000)).toBeGreaterThanOrEqual(1);
  });
});
