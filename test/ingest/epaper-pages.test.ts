import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parsePage } from "../../src/ingest/parse-page.ts";
import { expectedStructureOf, structuresOf } from "./compare-expected.ts";
import type { ExpectedArticle } from "../../src/ingest/expected-shape.ts";

const root = fileURLToPath(new URL("../fixtures/epaper/", import.meta.url));
const pages = [
  { file: "national-daily/2022-10-12/page-01", issueDate: "2022-10-12" },
  { file: "national-daily/2022-10-12/page-03", issueDate: "2022-10-12" },
  { file: "city-daily/2023-01-03/page-01", issueDate: "2023-01-03" },
];

describe.each(pages)("e-paper fixture $file", ({ file, issueDate }) => {
  const text = readFileSync(`${root}${file}.txt`, "utf8");
  const expected = JSON.parse(readFileSync(`${root}${file}.expected.json`, "utf8")) as { articles: ExpectedArticle[] };
  const page = parsePage(text, { issueDate });

  it("is read as the e-paper form with the hand-read number of articles", () => {
    expect(page.format).toBe("epaper");
    expect(page.articles.map((a) => a.headline)).toEqual(expected.articles.map((e) => e.headline));
    expect(page.captions).toEqual([]);
  });

  expected.articles.forEach((e, i) => {
    it(`article ${i + 1} (${e.headline}) has the hand-read structure`, () => {
      expect(structuresOf(page)[i]).toEqual(expectedStructureOf(e));
      const body = page.articles[i]!.paragraphs.map((p) => p.text);
      for (const joined of e.joinedText ?? []) expect(body.some((p) => p.includes(joined))).toBe(true);
    });
  });

  it("keeps credit, heading and marker spans on what was printed (padding aside)", () => {
    for (const a of page.articles) {
      for (const c of a.credits) expect(text.slice(c.span.start, c.span.end).replace(/\s/gu, "")).toBe(c.name);
      if (a.headline !== null) expect(text.slice(a.headlineSpan!.start, a.headlineSpan!.end)).toBe(a.headline);
      for (const m of [a.continuesOn, a.continuedFrom]) if (m !== null) expect(text.slice(m.span.start, m.span.end)).toBe(m.text);
      for (const p of a.paragraphs) expect(p.text.startsWith(text.slice(p.span.start, p.span.start + 3))).toBe(true);
    }
  });
});

describe("e-paper details", () => {
  const text = readFileSync(`${root}national-daily/2022-10-12/page-01.txt`, "utf8");
  const page = parsePage(text, { issueDate: "2022-10-12" });

  it("keeps a cross reference （相关报道见第十版） in the text and does not read it as a jump", () => {
    const a = page.articles[1]!;
    expect(a.continuesOn).toBeNull();
    expect(a.paragraphs[1]!.text.endsWith("（相关报道见第十版）")).toBe(true);
  });

  it("keeps the （作者为…） line as body text and credits no one from it", () => {
    const a = page.articles[3]!;
    expect(a.paragraphs.map((p) => p.text).at(-1)).toBe("（作者为中国社会科学院研究员）");
    expect(a.credits.map((c) => c.name)).toEqual(["王磊"]);
  });

  it("prints the dispatch with its no-break space", () => {
    expect(page.articles[0]!.dispatch).toBe("新华社北京10月11日电（记者\u00a0王晓明）");
    expect(page.articles[0]!.credits[0]!.label).toBe("记者");
  });

  it("labels the padded caption credit 新华社记者 张 三", () => {
    const credit = page.articles[1]!.credits.find((c) => c.role === "PHOTOGRAPHER")!;
    expect(credit).toMatchObject({ name: "张三", label: "新华社记者" });
    expect(text.slice(credit.span.start, credit.span.end)).toBe("张 三");
  });
});
