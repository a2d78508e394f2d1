import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parsePage, } from "../../src/ingest/parse-page.ts";
import { expectedStructureOf, structuresOf } from "./compare-expected.ts";
import type { ExpectedArticle } from "../../src/ingest/expected-shape.ts";

const dir = fileURLToPath(new URL("../../seeds/taiyuan-daily/2022-06-03/", import.meta.url));
const text = readFileSync(`${dir}page-01.txt`, "utf8");
const expected = JSON.parse(readFileSync(`${dir}page-01.expected.json`, "utf8")) as { articles: ExpectedArticle[] };
const page = parsePage(text, { issueDate: "2022-06-03", region: { city: "太原市", province: "山西省" } });

describe("the sample page of 太原日报, 2022-06-03, page 1", () => {
  it("is read as the OCR form with 8 articles and no stray caption", () => {
    expect(page.format).toBe("ocr");
    expect(page.articles).toHaveLength(8);
    expect(page.captions).toEqual([]);
  });

  expected.articles.forEach((e, i) => {
    it(`article ${i + 1} (${e.headline}) has the hand-read structure`, () => {
      const a = page.articles[i]!;
      expect(a.position).toBe(i + 1);
      expect(structuresOf(page)[i]).toEqual(expectedStructureOf(e));
    });

    it(`article ${i + 1} has its column breaks rejoined: ${(e.joinedText ?? []).join(" / ")}`, () => {
      const body = page.articles[i]!.paragraphs.map((p) => p.text);
      for (const joined of e.joinedText ?? []) expect(body.some((p) => p.includes(joined))).toBe(true);
    });
  });

  it("keeps every span pointing at what was printed", () => {
    for (const a of page.articles) {
      expect(a.span.start).toBeLessThan(a.span.end);
      if (a.headline !== null) expect(text.slice(a.headlineSpan!.start, a.headlineSpan!.end)).toBe(a.headline);
      if (a.kicker !== null) expect(text.slice(a.kickerSpan!.start, a.kickerSpan!.end)).toBe(a.kicker);
      if (a.subheadline !== null) expect(text.slice(a.subheadlineSpan!.start, a.subheadlineSpan!.end)).toBe(a.subheadline);
      for (const c of a.credits) expect(text.slice(c.span.start, c.span.end)).toBe(c.name);
      for (const m of [a.continuesOn, a.continuedFrom]) if (m !== null) expect(text.slice(m.span.start, m.span.end)).toBe(m.text);
      for (const c of a.captions) {
        expect(text.slice(c.span.start, c.span.end).startsWith(c.text)).toBe(true);
        expect(text.slice(c.photographerSpan!.start, c.photographerSpan!.end)).toBe(c.photographer);
      }
      for (const p of a.paragraphs) {
        // Unrepaired paragraphs are exact slices; repaired ones only lose the break (and a doubled character).
        const slice = text.slice(p.span.start, p.span.end);
        expect(slice.replace(/\s+/gu, "").length - p.text.replace(/\s+/gu, "").length).toBeGreaterThanOrEqual(0);
        expect(slice.startsWith(p.text.slice(0, 5))).toBe(true);
        expect(slice.endsWith(p.text.slice(-5))).toBe(true);
      }
    }
  });

  it("removes the jump markers and the author credits from the body text", () => {
    const body = page.articles.flatMap((a) => a.paragraphs.map((p) => p.text)).join("\n");
    expect(body).not.toContain("下转");
    expect(body).not.toContain("李俊华");
    expect(page.articles[0]!.continuesOn).toEqual({ page: 3, text: "(下转第3版)", span: page.articles[0]!.continuesOn!.span });
  });

  it("reads the dispatch as printed", () => {
    expect(page.articles.map((a) => a.dispatch)).toEqual([
      "本报讯(记者 殷雪莹、梁涛)",
      "本报讯(记者 殷雪莹、梁涛、丁洁)",
      "本报讯",
      "本报讯",
      null,
      "本报讯(记者 殷雪莹、梁涛)",
      "本报讯",
      "本报讯",
    ]);
  });
});
