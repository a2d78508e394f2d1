import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { toExpectedShape } from "../../src/ingest/expected-shape.ts";
import { parsePage } from "../../src/ingest/parse-page.ts";

const DEVSET = fileURLToPath(new URL("../fixtures/devset/", import.meta.url));

/** Every dev-set page text, with its publication's region. */
const PAGES = ["people-daily", "zgqxb"].flatMap((set) => {
  const { region, province } = JSON.parse(readFileSync(path.join(DEVSET, set, "publication.json"), "utf8")) as { region: string; province: string };
  return readdirSync(path.join(DEVSET, set), { recursive: true, encoding: "utf8" })
    .filter((name) => name.endsWith(".txt"))
    .sort()
    .map((name) => ({
      name: `${set}/${name}`,
      date: path.basename(path.dirname(name)),
      region: { city: region, province },
      text: readFileSync(path.join(DEVSET, set, name), "utf8"),
    }));
});

/** What a reader sees of a page: every field but the spans, which move with the layout. */
function reading(text: string, page: (typeof PAGES)[number]) {
  const parsed = parsePage(text, { issueDate: page.date, region: page.region });
  return toExpectedShape(parsed, { publication: "x", date: page.date, pageNumber: 1 }).articles.map(({ spans: _spans, ...rest }) => rest);
}

const INDENT = /^[ \u3000\u00a0]+(?=\S)/gm;

/**
 * Layouts that other dumps of the same pages print: the same articles must come out. Each is
 * something a crawler or an export does to a page, not a change of what the page says.
 */
const LAYOUTS: Array<[string, (text: string) => string]> = [
  ["CRLF line ends", (t) => t.replace(/\n/g, "\r\n")],
  ["paragraphs indented with four ASCII spaces", (t) => t.replace(INDENT, "    ")],
  ["paragraphs indented with two ideographic spaces", (t) => t.replace(INDENT, "\u3000\u3000")],
  ["a running head above and the page's staff credits below", (t) => `A01 要闻\n2026年6月5日 星期五\n\n${t}\n\n责任编辑：李娜\u3000美术编辑：周涛\n`],
];

// 16 real pages, parsed once as printed and once per layout.
describe("the dev-set pages in other layouts", { timeout: 120_000 }, () => {
  it("has pages to read", () => {
    expect(PAGES).toHaveLength(16);
  });

  it.each(LAYOUTS)("reads every page the same with %s", (_layout, relayout) => {
    for (const page of PAGES) expect(reading(relayout(page.text), page), page.name).toEqual(reading(page.text, page));
  });
});
