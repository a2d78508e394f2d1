import { describe, expect, it } from "vitest";
import { structureOf } from "../support/structure.ts";

const I = "\u3000\u3000";

const read = (text: string) => structureOf(text, "2026-06-05");

/** Lines indented alike, headings too, run together without an empty line, as an OCR dump prints them. */
const indented = (lines: string[]) => lines.map((line) => `${I}${line}`);

describe("a page that indents every line alike under a flush running head", () => {
  const head = "海滨晚报\u30002026年6月5日\u3000星期五\u3000A03\u3000要闻";
  const reports = indented([
    "滨河大桥完成荷载试验",
    "本报讯（记者 苗新宇）6月4日，滨河大桥完成荷载试验。",
    "大桥预计本月底通车。",
    "老城区新添三处口袋公园",
    "海滨晚报记者 董秋实",
    "三处口袋公园昨天向市民开放。",
  ]);

  it("leaves the running head out and finds each article by what its lines say", () => {
    expect(read([head, ...reports, ""].join("\n")).map((x) => [x.headline, x.reporters, x.firstBodyChars])).toEqual([
      ["滨河大桥完成荷载试验", ["苗新宇"], "6月4日，滨河大桥完成荷载试验。大桥预计"],
      ["老城区新添三处口袋公园", ["董秋实"], "三处口袋公园昨天向市民开放。"],
    ]);
  });

  it("still reads an e-paper page whose headings are flush under its running head by its indentation", () => {
    const flush = [head, "滨河大桥完成荷载试验", `${I}本报讯（记者 苗新宇）6月4日，滨河大桥完成荷载试验。`, `${I}大桥预计本月底通车。`, ""];
    expect(read(flush.join("\n")).map((x) => [x.headline, x.firstBodyChars])).toEqual([["滨河大桥完成荷载试验", "6月4日，滨河大桥完成荷载试验。大桥预计"]]);
  });

  it("reads a flush line that is no running head as a headline, the page then not indented alike", () => {
    const page = ["滨河大桥完成荷载试验", ...indented(["本报讯（记者 苗新宇）6月4日，滨河大桥完成荷载试验。", "大桥预计本月底通车。"]), ""];
    expect(read(page.join("\n")).map((x) => x.headline)).toEqual(["滨河大桥完成荷载试验"]);
  });
});

describe("a page that indents every line alike and prints no empty line", () => {
  const first = ["滨河大桥完成荷载试验", "本报讯（记者 苗新宇）6月4日，滨河大桥完成荷载试验。"];

  it("opens an article at a heading line after a finished paragraph, with plain text under it", () => {
    const text = indented([...first, "海洋馆迎来两只小海豹", "两只小海豹近日在海洋馆出生，体重均超过十公斤。"]).join("\n");
    expect(read(text).map((x) => [x.headline, x.firstBodyChars])).toEqual([
      ["滨河大桥完成荷载试验", "6月4日，滨河大桥完成荷载试验。"],
      ["海洋馆迎来两只小海豹", "两只小海豹近日在海洋馆出生，体重均超过十"],
    ]);
  });

  it("keeps a numbered heading line inside the running article, and a heading line where empty lines set articles apart", () => {
    const numbered = indented([...first, "一、通车安排", "大桥预计本月底通车。"]).join("\n");
    expect(read(numbered).map((x) => [x.headline, x.paragraphs])).toEqual([["滨河大桥完成荷载试验", ["6月4日，滨河大桥完成荷载试验。", "一、通车安排", "大桥预计本月底通车。"]]]);
    const spaced = [...indented(first), "", ...indented(["通车安排", "大桥预计本月底通车。"]), ""].join("\n");
    expect(read(spaced).map((x) => x.headline)).toEqual(["滨河大桥完成荷载试验"]);
  });

  it("reads a short line over a line twice its length as kicker and headline, two lines alike as headline and subheadline", () => {
    const kicked = indented(["夏日去哪儿", "滨城海水浴场今起开放", "本报讯 6月4日，滨城海水浴场开放。"]).join("\n");
    expect(read(kicked).map((x) => [x.kicker, x.headline, x.subheadline])).toEqual([["夏日去哪儿", "滨城海水浴场今起开放", null]]);
    const decked = indented(["滨城海水浴场今起开放", "三处浴场增设救生岗亭", "本报讯 6月4日，滨城海水浴场开放。"]).join("\n");
    expect(read(decked).map((x) => [x.kicker, x.headline, x.subheadline])).toEqual([[null, "滨城海水浴场今起开放", "三处浴场增设救生岗亭"]]);
  });

  it("reads a pickup on its own line under the running head, over the repeated headline, as a jumped tail", () => {
    const text = ["A03\u3000要闻\u30002026年6月5日\u3000星期五", ...indented(["（上接A01版）", "滨河大桥完成荷载试验", "大桥预计本月底通车。"]), ""].join("\n");
    expect(read(text).map((x) => [x.headline, x.continuedFromPage, x.firstBodyChars])).toEqual([["滨河大桥完成荷载试验", "A01", "大桥预计本月底通车。"]]);
  });

  it("keeps a pickup after a paragraph that runs on inside that article, its own jump's tail", () => {
    const text = indented([...first, "大桥全长一千二百米，主跨", "（上接A01版）", "四百米。"]).join("\n");
    expect(read(text).map((x) => [x.headline, x.continuedFromPage])).toEqual([["滨河大桥完成荷载试验", null]]);
  });
});
