import { execFile, execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import BetterSqlite3 from "better-sqlite3";
import iconv from "iconv-lite";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../support/cli.ts";
import { createTestDatabase } from "../support/database.ts";
import { SAMPLE_EXPECTED, SAMPLE_HEADLINES, SAMPLE_TEXT } from "../support/sample.ts";
import { ingestPaths } from "../../src/loader/edition-loader.ts";
import { projectRoot, seedsDir } from "../../src/lib/paths.ts";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "papergraph-ingest-"));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const MANIFEST = fs.readFileSync(path.join(seedsDir, "taiyuan-daily", "publication.json"));

/** An edition folder under a fresh archive root, with the publication manifest. */
function edition(name: string, pages: Record<string, Buffer | string>): string {
  const archive = path.join(root, name);
  fs.mkdirSync(path.join(archive, "taiyuan-daily"), { recursive: true });
  fs.writeFileSync(path.join(archive, "taiyuan-daily", "publication.json"), MANIFEST);
  for (const [relative, content] of Object.entries(pages)) {
    const file = path.join(archive, "taiyuan-daily", relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }
  return archive;
}

const utf16le = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
const binary = Buffer.concat([Buffer.from("\x89PNG\r\n\x1a\n", "latin1"), Buffer.alloc(64), Buffer.from([1, 2, 3, 0, 0, 0])]);

describe("ingesting files", () => {
  it("decodes GB18030 and UTF-16 pages to the same structure as UTF-8", async () => {
    const archive = edition("encodings", {
      "2022-06-03/page-01.txt": iconv.encode(SAMPLE_TEXT, "gb18030"),
      "2022-06-04/page-01.txt": utf16le(SAMPLE_TEXT),
      "2022-06-05/page-01.txt": Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SAMPLE_TEXT)]),
    });
    const db = await createTestDatabase();
    const summary = await ingestPaths(db.writer, [archive]);
    expect(summary.errors).toEqual([]);
    expect(summary.pages).toEqual({ created: 3, replaced: 0, unchanged: 0 });
    for (const date of ["2022-06-03", "2022-06-04", "2022-06-05"]) {
      const articles = await db.reader.article.findMany({ where: { issueDate: date }, orderBy: { position: "asc" } });
      expect(articles.map((article) => article.headline)).toEqual(SAMPLE_HEADLINES);
    }
    const page = await db.reader.page.findFirstOrThrow({ where: { issue: { date: "2022-06-05" } } });
    expect(page.text).toBe(SAMPLE_TEXT);
  });

  it("reads a byline under the paper's own name, as its manifest names it, as the source, and the records beside it too", async () => {
    const body = "\u3000\u3000本周六，招聘会将在展览中心举行。";
    const archive = edition("own-paper", {
      "2022-06-06/page-01.txt": ["春季招聘会本周六举行", "太原日报记者 王小明", body, ""].join("\n"),
      "2022-06-06/page-02.records.json": JSON.stringify({ articles: [{ headline: "春季招聘会本周六举行", body: `太原日报记者 王小明\n${body}` }] }),
    });
    const db = await createTestDatabase();
    const summary = await ingestPaths(db.writer, [archive]);
    expect(summary.errors).toEqual([]);
    const articles = await db.reader.article.findMany({ orderBy: [{ pageNumber: "asc" }] });
    expect(articles.map((article) => [article.pageNumber, article.source])).toEqual([
      [1, "太原日报"],
      [2, "太原日报"],
    ]);
  });

  it.each([
    ["an empty file", "", "empty file"],
    ["a blank file", " \n\u3000\n", "blank file (whitespace only)"],
    ["a binary file", binary, "binary data (NUL bytes at offset 8)"],
    ["a file over 5 MB", "太".repeat(2 * 1024 * 1024), "too large (6.0 MB, limit 5 MB)"],
    ["text with no article", "12345 67890\n\n1234\n", "no recognisable article in the text"],
  ])("refuses %s with a message naming it, and writes nothing", async (_label, content, reason) => {
    const db = await createTestDatabase();
    await ingestPaths(db.writer, [seedsDir]);
    const before = await db.dump();
    const archive = edition(`bad-${reason.length}-${Math.random().toString(36).slice(2)}`, { "2022-06-04/page-02.txt": content });
    const file = path.join(archive, "taiyuan-daily", "2022-06-04", "page-02.txt");
    const summary = await ingestPaths(db.writer, [archive]);
    expect(summary.errors).toEqual([{ input: file, message: `${file}: ${reason}` }]);
    expect(summary.pages).toEqual({ created: 0, replaced: 0, unchanged: 0 });
    expect(await db.dump()).toEqual(before);
  });

  it("refuses a page outside the folder layout unless told where it belongs", async () => {
    const loose = path.join(root, "loose.txt");
    fs.writeFileSync(loose, SAMPLE_TEXT);
    const db = await createTestDatabase();
    const refused = await ingestPaths(db.writer, [loose]);
    expect(refused.errors).toEqual([
      { input: loose, message: `${loose}: not in the <publication>/<YYYY-MM-DD>/page-NN.txt layout; give --publication, --date, --page` },
    ]);
    await ingestPaths(db.writer, [seedsDir]);
    const placed = await ingestPaths(db.writer, [loose], { publication: "taiyuan-daily", date: "2022-06-10", page: 2 });
    expect(placed.errors).toEqual([]);
    expect(await db.reader.page.count({ where: { number: 2, issue: { date: "2022-06-10" } } })).toBe(1);
  });

  it("refuses a publication it knows nothing of", async () => {
    const folder = path.join(root, "unknown", "other-daily", "2022-06-03");
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(path.join(folder, "page-01.txt"), SAMPLE_TEXT);
    const db = await createTestDatabase();
    const file = path.join(folder, "page-01.txt");
    const summary = await ingestPaths(db.writer, [path.join(root, "unknown")]);
    expect(summary.errors).toEqual([
      { input: file, message: `${file}: unknown publication "other-daily": add other-daily/publication.json beside its edition folders` },
    ]);
  });
});

describe("papergraph ingest", () => {
  it("ingests the good files of a folder, reports the bad ones and exits 1", async () => {
    const archive = edition("mixed", {
      "2022-06-03/page-01.txt": SAMPLE_TEXT,
      "2022-06-04/page-01.txt": "",
      "2022-06-05/page-01.txt": binary,
      "2022-06-06/page-01.txt": iconv.encode(SAMPLE_TEXT, "gbk"),
    });
    const env = { DATABASE_URL: `file:${path.join(root, "mixed.db")}` };
    const result = await runCli(["ingest", archive, path.join(root, "missing-folder"), "--json"], { env });
    expect(result.code).toBe(1);
    const summary = JSON.parse(result.stdout);
    const page = (date: string) => path.join(archive, "taiyuan-daily", date, "page-01.txt");
    expect(summary).toEqual({
      files: 4,
      pages: { created: 2, replaced: 0, unchanged: 0 },
      articles: 16,
      people: new Set(SAMPLE_EXPECTED.articles.flatMap((article) => [...article.people.map((p) => p.name), ...article.reporters, ...article.photographers, ...article.authors])).size,
      continuationsResolved: 0,
      correctionsKept: 0,
      errors: [
        { input: path.join(root, "missing-folder"), message: `${path.join(root, "missing-folder")}: file or folder not found` },
        { input: page("2022-06-04"), message: `${page("2022-06-04")}: empty file` },
        { input: page("2022-06-05"), message: `${page("2022-06-05")}: binary data (NUL bytes at offset 8)` },
      ],
    });

    const again = await runCli(["ingest", path.join(archive, "taiyuan-daily", "2022-06-03")], { env });
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(
      ["pages: 1 (0 new, 0 replaced, 1 unchanged)", "articles: 8", "people: 0", "continuations resolved: 0", "errors: 0", ""].join("\n"),
    );
  });

  it("refuses page-00.txt, FIFOs and devices (given, in a folder, or linked to) by name, reads none of them, and ingests the rest", async () => {
    const archive = edition("special", { "2022-06-03/page-01.txt": SAMPLE_TEXT, "2022-06-03/page-00.txt": SAMPLE_TEXT, "2022-06-03/notes.txt": "kept aside" });
    const day = path.join(archive, "taiyuan-daily", "2022-06-03");
    const fifo = path.join(root, "special-pipe");
    execFileSync("mkfifo", [fifo]);
    execFileSync("mkfifo", [path.join(day, "page-02.txt")]);
    fs.symlinkSync("/dev/zero", path.join(day, "page-03.txt"));
    fs.symlinkSync(fifo, path.join(day, "page-04.txt"));
    const env = { DATABASE_URL: `file:${path.join(root, "special.db")}` };
    const result = await runCli(["ingest", archive, "/dev/zero", fifo, "--json"], { env });
    expect(result.code).toBe(1);
    const summary = JSON.parse(result.stdout);
    const refusal = (input: string, reason: string) => ({ input, message: `${input}: ${reason}` });
    expect({ files: summary.files, pages: summary.pages, errors: summary.errors }).toEqual({
      files: 1,
      pages: { created: 1, replaced: 0, unchanged: 0 },
      errors: [
        refusal("/dev/zero", "is a character device, not a regular file: refused unread"),
        refusal(fifo, "is a FIFO (named pipe), not a regular file: refused unread"),
        refusal(path.join(day, "page-00.txt"), "page-00.txt names no page (plain pages are page-01 to page-999, section pages page-A01 to page-Z99): refused"),
        refusal(path.join(day, "page-02.txt"), "is a FIFO (named pipe), not a regular file: refused unread"),
        refusal(path.join(day, "page-03.txt"), "is a character device, not a regular file: refused unread"),
        refusal(path.join(day, "page-04.txt"), "is a FIFO (named pipe), not a regular file: refused unread"),
      ],
    });
  });

  // util-linux's `script` runs the command on a pseudo-terminal, as a person at a terminal would.
  it.skipIf(!fs.existsSync("/usr/bin/script"))("shows a progress bar on a terminal, then the summary", async () => {
    const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(path.join(seedsDir, "..", "bin", "papergraph.js"))} ingest ${JSON.stringify(seedsDir)}`;
    const result = await new Promise<string>((resolve, reject) => {
      execFile("script", ["-qec", command, "/dev/null"], { env: { ...process.env, DATABASE_URL: `file:${path.join(root, "terminal.db")}` } }, (error, stdout) =>
        error ? reject(error) : resolve(stdout),
      );
    });
    expect(result).toMatch(/ingesting \S+ 0\/1 pages/);
    expect(result).toMatch(/ingesting \S+ 1\/1 pages {2}\S*page-01\.txt/);
    expect(result).toContain("pages: 1 (1 new, 0 replaced, 0 unchanged)");
  });

  it("ingests page-A01.txt and page-B02.txt of a paper printed in sections, linking the jumps between them", async () => {
    const sections = path.join(projectRoot, "test", "fixtures", "sections");
    const file = path.join(root, "sections.db");
    const env = { DATABASE_URL: `file:${file}` };
    const result = await runCli(["ingest", sections, "--json"], { env });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ files: 2, pages: { created: 2, replaced: 0, unchanged: 0 }, articles: 5, continuationsResolved: 2, errors: [] });

    // --page names a loose file's page by its label, as printed.
    const loose = path.join(root, "loose-b3.txt");
    fs.writeFileSync(loose, "# 城东新区规划展览馆开馆\n\n本报讯(记者 王晓明)3月7日,城东新区规划展览馆开馆。\n");
    const labelled = await runCli(["ingest", loose, "--publication", "city-evening", "--date", "2023-03-08", "--page", "b3"], { env });
    expect(labelled.code).toBe(0);
    const db = new BetterSqlite3(file, { readonly: true });
    try {
      expect(db.prepare(`SELECT "number", "label", "section" FROM "Page" ORDER BY "number"`).raw().all()).toEqual([
        [1001, "A01", "A"],
        [1102, "B02", "B"],
        [1103, "B03", "B"],
      ]);
      expect(db.prepare(`SELECT "toPageNumber", "marker", "toArticleId" IS NOT NULL FROM "Continuation" ORDER BY "id"`).raw().all()).toEqual([
        [1102, "下转B02版", 1],
        [1102, "（下转B2版）", 1],
      ]);
    } finally {
      db.close();
    }
  }, 120_000);

  it("refuses a --page that names no page, in one line, and exits 2", async () => {
    const result = await runCli(["ingest", seedsDir, "--page", "A100"]);
    expect(result).toMatchObject({ code: 2, stderr: "papergraph: --page must be a page number from 1 to 999 or a section page such as A01, got A100\n" });
  });

  it("explains a bad flag in one line and exits 2", async () => {
    const result = await runCli(["ingest", seedsDir, "--date", "2022-13-01"]);
    expect(result).toMatchObject({ code: 2, stderr: "papergraph: --date must be a calendar date YYYY-MM-DD, got 2022-13-01\n" });
  });
});

describe("papergraph parse and eval", () => {
  it("parse prints the page in the shape of the hand-read structure, with paragraphs and spans", async () => {
    const result = await runCli(["parse", path.join(seedsDir, "taiyuan-daily", "2022-06-03", "page-01.txt")]);
    expect(result.code).toBe(0);
    const parsed = JSON.parse(result.stdout);
    expect(parsed).toMatchObject({ publication: "taiyuan-daily", date: "2022-06-03", pageNumber: 1 });
    expect(parsed.articles.map((article: { headline: string }) => article.headline)).toEqual(SAMPLE_HEADLINES);
    expect(parsed.continuations).toEqual(SAMPLE_EXPECTED.continuations);
    expect(parsed.credits).toEqual(SAMPLE_EXPECTED.credits);
    const first = parsed.articles[0];
    expect(first.people[0]).toEqual({ name: "韦韬", title: "省委常委、太原市委书记", normalisedTitle: "山西省委常委、太原市委书记" });
    expect(first.paragraphs[1]).toContain("服务雄安新区,优化区域协调发展新布局");
    expect(SAMPLE_TEXT.slice(first.spans.article.start, first.spans.article.end)).toMatch(/^共抓发展机遇 共创美好未来/);
  });

  it("eval scores the sample page 1.0 on every field", async () => {
    const result = await runCli(["eval", seedsDir]);
    expect(result.code).toBe(0);
    const rows = result.stdout.split("\n").filter((line) => /^\w+\s+\d\.\d{3}/.test(line));
    expect(rows.map((row) => row.split(/\s+/)[0])).toEqual([
      "articles", "headline", "kicker", "subheadline", "source", "reporters", "photographers", "authors",
      "credits", "dateline", "firstBodyChars", "joinedText", "continuations", "people", "titles",
    ]);
    for (const row of rows) expect(row.split(/\s+/).slice(1, 4)).toEqual(["1.000", "1.000", "1.000"]);
    expect(result.stdout).toContain("jumps: 6 of 6 printed found (recall 1.000), 0 false");
    expect(result.stdout).toContain("No mismatches.");
  });

  // Two folders, parsed in one process that first loads jieba's dictionary.
  it("eval scores each folder, then all of them together", { timeout: 120_000 }, async () => {
    const result = await runCli(["eval", seedsDir, seedsDir]);
    expect(result.code).toBe(0);
    const headers = result.stdout.split("\n").filter((line) => line.startsWith("== "));
    expect(headers).toEqual([`== ${seedsDir}: page text ==`, `== ${seedsDir}: page text ==`, "== total: page text, 2 folders =="]);
    expect(result.stdout).toContain("2 pages evaluated");
    expect(result.stdout).toContain("people          1.000  1.000  1.000    62     0     0");
    expect(result.stdout.endsWith("Mismatches: 0\n")).toBe(true);
  });

  it("eval names a folder it cannot read and exits 2", async () => {
    const missing = path.join(root, "no-such-folder");
    const result = await runCli(["eval", missing]);
    expect(result).toMatchObject({ code: 2, stderr: `papergraph: ${missing}: cannot read the folder (ENOENT)\n` });
  });
});
