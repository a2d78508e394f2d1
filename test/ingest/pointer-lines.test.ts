import { describe, expect, it } from "vitest";
import type { Block } from "../../src/ingest/blocks.ts";
import { toExpectedShape } from "../../src/ingest/expected-shape.ts";
import { foldForMatching } from "../../src/ingest/normalise.ts";
import { parsePageStructure } from "../../src/ingest/parse-page.ts";
import { isPointerBoxLabel, isPointerLine } from "../../src/ingest/pointer-lines.ts";

const block = (start: number, end: number, line = 0): Block => ({ line, start, end, hashes: 0, indented: false });

function pointer(printed: string): boolean {
  const f = foldForMatching(printed);
  return isPointerLine(f, block(0, f.length));
}

describe("pointer lines of a box of contents", () => {
  it("reads a line closed by where to find the story as a pointer, with or without brackets and bullets", () => {
    expect(pointer("▶ 城西新区又添两所学校 详见第3版")).toBe(true);
    expect(pointer("秋粮收购全面启动（详见A05版）")).toBe(true);
    expect(pointer("◆ 马拉松周日开跑 请看第十二版")).toBe(true);
  });

  it("reads no pointer in prose that names a page, in a jump or in a long line", () => {
    expect(pointer("记者在第3版的报道中提到，今年全市新建学校五所。")).toBe(false);
    expect(pointer("（下转第3版）")).toBe(false);
    expect(pointer(`${"城西新区又添两所学校".repeat(5)} 详见第3版`)).toBe(false);
  });

  it("reads a short label over a pointer line as the box's label", () => {
    const printed = "导读\n▶ 城西新区又添两所学校 详见第3版";
    const f = foldForMatching(printed);
    expect(isPointerBoxLabel(f, block(0, 2), block(3, f.length, 1))).toBe(true);
    expect(isPointerBoxLabel(f, block(0, 2), undefined)).toBe(false);
  });

  it("keeps a front page's box of contents out of the first article's kicker", () => {
    const text = [
      "导读",
      "",
      "▶ 城西新区又添两所学校 详见第3版",
      "",
      "▶ 秋粮收购全面启动 详见第5版",
      "",
      "",
      "守护绿水 共建家园",
      "",
      "# 全市河湖长制工作会议召开",
      "",
      "本报讯（记者 王小明）5月19日，会议召开。",
    ].join("\n");
    const page = parsePageStructure(text, { issueDate: "2026-05-20", region: { city: null, province: null } });
    const articles = toExpectedShape(page, { publication: "x", date: "2026-05-20", pageNumber: 1 }).articles;
    expect(articles.map((a) => [a.kicker, a.headline, a.firstBodyChars])).toEqual([["守护绿水 共建家园", "全市河湖长制工作会议召开", "5月19日，会议召开。"]]);
  });
});
