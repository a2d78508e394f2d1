import { describe, expect, it } from "vitest";
import { leadingMarker, parsePageNumeral, trailingMarker, wholeMarker } from "../../src/ingest/markers.ts";
import { foldForMatching } from "../../src/ingest/normalise.ts";

const trailing = (s: string) => {
  const f = foldForMatching(s);
  return trailingMarker(f, 0, f.length);
};

describe("continuation markers", () => {
  it("reads the sample's jump (下转第3版) at the end of a paragraph", () => {
    const s = "争取政策和资金支持。(下转第3版)";
    expect(trailing(s)).toEqual({ direction: "out", page: 3, span: { start: 10, end: 17 } });
  });

  it("reads full-width parentheses and Chinese numerals: （下转第三版）, （下转第十二版）", () => {
    expect(trailing("确保政策红利及时惠及市场主体。（下转第三版）")?.page).toBe(3);
    expect(trailing("全县接待游客超过百万人次。（下转第十二版）")?.page).toBe(12);
  });

  it("reads 转第N版 and 下转N版 as jumps", () => {
    expect(trailing("进一步提升城市品质。（转第2版）")).toMatchObject({ direction: "out", page: 2 });
    expect(trailing("达到20摄氏度以上。（下转3版）")).toMatchObject({ direction: "out", page: 3 });
  });

  it("does not read the cross reference （相关报道见第十版） as a continuation", () => {
    expect(trailing("指导各地抢抓晴好天气加快机收。（相关报道见第十版）")).toBeNull();
  });

  it("reads the pickup （上接第1版） at the head of a paragraph", () => {
    const f = foldForMatching("（上接第1版）会议强调，");
    expect(leadingMarker(f, 0, f.length)).toEqual({ direction: "in", page: 1, span: { start: 0, end: 7 } });
  });

  it("reads a marker standing alone on its line, and nothing else as a whole marker", () => {
    const f = foldForMatching("（上接第一版）");
    expect(wholeMarker(f, 0, f.length)).toMatchObject({ direction: "in", page: 1 });
    const g = foldForMatching("(下转第3版)还有正文");
    expect(wholeMarker(g, 0, g.length)).toBeNull();
  });
});

describe("parsePageNumeral", () => {
  it("reads Arabic and Chinese page numbers", () => {
    expect(["3", "三", "十", "十二", "二十", "二十三", "一百零二"].map(parsePageNumeral)).toEqual([3, 3, 10, 12, 20, 23, 102]);
  });
});
