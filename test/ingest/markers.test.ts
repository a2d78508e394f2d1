import { describe, expect, it } from "vitest";
import { leadingMarker, parsePageNumeral, trailingMarker, wholeMarker } from "../../src/ingest/markers.ts";
import { foldForMatching } from "../../src/ingest/normalise.ts";
import { normalisePageLabel, pageLabelOfOrder, pageOrderOfLabel, readPageLabel } from "../../src/ingest/page-label.ts";

const trailing = (s: string) => {
  const f = foldForMatching(s);
  return trailingMarker(f, 0, f.length);
};
const leading = (s: string) => {
  const f = foldForMatching(s);
  return leadingMarker(f, 0, f.length);
};
const whole = (s: string) => {
  const f = foldForMatching(s);
  return wholeMarker(f, 0, f.length);
};

describe("continuation markers", () => {
  it("reads the sample's jump (下转第3版) at the end of a paragraph", () => {
    const s = "争取政策和资金支持。(下转第3版)";
    expect(trailing(s)).toEqual({ direction: "out", label: "3", page: 3, span: { start: 10, end: 17 } });
  });

  it("reads full-width parentheses and Chinese numerals: （下转第三版）, （下转第十二版）", () => {
    expect(trailing("确保政策红利及时惠及市场主体。（下转第三版）")?.page).toBe(3);
    expect(trailing("全县接待游客超过百万人次。（下转第十二版）")?.page).toBe(12);
  });

  it("reads 转第N版 and 下转N版 as jumps", () => {
    expect(trailing("进一步提升城市品质。（转第2版）")).toMatchObject({ direction: "out", page: 2 });
    expect(trailing("达到20摄氏度以上。（下转3版）")).toMatchObject({ direction: "out", page: 3 });
  });

  it("reads tortoise-shell brackets as parentheses: 〔下转第5版〕, 〔上接第一版〕", () => {
    expect(trailing("工业经济回升向好。〔下转第5版〕")).toEqual({ direction: "out", label: "5", page: 5, span: { start: 9, end: 16 } });
    expect(whole("〔上接第一版〕")).toMatchObject({ direction: "in", page: 1 });
    expect(trailing("详情请见报道。〔相关报道见第5版〕")).toBeNull();
  });

  it("does not read the cross reference （相关报道见第十版） as a continuation", () => {
    expect(trailing("指导各地抢抓晴好天气加快机收。（相关报道见第十版）")).toBeNull();
  });

  it("reads the pickup （上接第1版） at the head of a paragraph", () => {
    const f = foldForMatching("（上接第1版）会议强调，");
    expect(leadingMarker(f, 0, f.length)).toEqual({ direction: "in", label: "1", page: 1, span: { start: 0, end: 7 } });
  });

  it("reads a marker standing alone on its line, and nothing else as a whole marker", () => {
    const f = foldForMatching("（上接第一版）");
    expect(wholeMarker(f, 0, f.length)).toMatchObject({ direction: "in", page: 1 });
    const g = foldForMatching("(下转第3版)还有正文");
    expect(wholeMarker(g, 0, g.length)).toBeNull();
  });
});

describe("markers with a bullet or arrow before them", () => {
  it("reads 下接 as a jump out, in brackets or bare", () => {
    expect(trailing("会议召开。（下接第3版）")).toMatchObject({ direction: "out", label: "3" });
    expect(whole("下接A05版")).toMatchObject({ direction: "out", label: "A05" });
    expect(whole("（接第3版）")).toMatchObject({ direction: "in", label: "3" });
  });

  it("reads a pickup behind a left arrow (◀上接A01版) and a jump behind a down arrow (↓下转A05版) with the arrow inside the span", () => {
    expect(whole("◀上接A01版")).toMatchObject({ direction: "in", label: "A01", span: { start: 0, end: 7 } });
    expect(trailing("将于周六举行。↓下转A05版")).toMatchObject({ direction: "out", label: "A05", span: { start: 7, end: 14 } });
  });

  it("reads ▶下转A06版 and ■上接A01版 with the mark inside the marker's span", () => {
    expect(whole("▶下转A06版")).toMatchObject({ direction: "out", label: "A06", span: { start: 0, end: 7 } });
    expect(trailing("招聘会将举行。▶下转A06版")).toMatchObject({ direction: "out", label: "A06", span: { start: 7, end: 14 } });
    expect(leading("■上接A01版 南段共设12座车站。")).toMatchObject({ direction: "in", label: "A01", span: { start: 0, end: 7 } });
  });
});

describe("markers naming section pages (A01, B02)", () => {
  it("reads 下转B02版 without brackets at the end of a paragraph, with the label and no page number", () => {
    expect(trailing("全市新增绿地面积12万平方米。下转B02版")).toEqual({
      direction: "out",
      label: "B02",
      page: null,
      span: { start: 15, end: 21 },
    });
  });

  it("reads （下转A3版） in full-width brackets as the label A03", () => {
    expect(trailing("项目年内全部开工。（下转A3版）")).toMatchObject({ direction: "out", label: "A03", page: null });
  });

  it("reads full-width letters and digits: （下转Ｂ０２版） is B02", () => {
    expect(trailing("项目年内全部开工。（下转Ｂ０２版）")).toMatchObject({ direction: "out", label: "B02" });
  });

  it("reads a section label in brackets without 版: (下转C1)", () => {
    expect(trailing("项目年内全部开工。(下转C1)")).toMatchObject({ direction: "out", label: "C01" });
  });

  it("reads the pickup 上接A01版 at the head of a paragraph, with and without brackets", () => {
    expect(leading("上接A01版 会议强调，")).toEqual({ direction: "in", label: "A01", page: null, span: { start: 0, end: 6 } });
    expect(leading("（上接a1版）会议强调，")).toMatchObject({ direction: "in", label: "A01", page: null });
  });

  it("reads a bare marker standing alone on its line", () => {
    expect(whole("上接A01版")).toMatchObject({ direction: "in", label: "A01" });
    expect(whole("下转第三版")).toMatchObject({ direction: "out", label: "3", page: 3 });
  });

  it("reads plain pages without brackets, with Chinese or Arabic numerals: 下转第三版 is page 3", () => {
    expect(trailing("全县接待游客超过百万人次。下转第三版")).toMatchObject({ direction: "out", label: "3", page: 3 });
    expect(trailing("全县接待游客超过百万人次。下转03版")).toMatchObject({ direction: "out", label: "3", page: 3 });
  });

  it("does not read cross references as markers: 相关新闻见第六版, 另见B3版", () => {
    expect(trailing("各地加快机收进度。相关新闻见第六版")).toBeNull();
    expect(trailing("各地加快机收进度。（另见B3版）")).toBeNull();
    expect(trailing("各地加快机收进度。另见B3版")).toBeNull();
  });

  it("does not read a bare keyword that ends a word as a marker: …连接第3版", () => {
    expect(trailing("这条新闻的版面连接第3版")).toBeNull();
    expect(trailing("施工进度下转B2版")).toBeNull();
  });

  it("does not read a page beyond 999 (99 in a section) or page 0 as a marker", () => {
    expect(trailing("项目年内全部开工。（下转第1200版）")).toBeNull();
    expect(trailing("项目年内全部开工。（下转A0版）")).toBeNull();
    expect(trailing("项目年内全部开工。（下转A100版）")).toBeNull();
  });
});

describe("page labels", () => {
  it("normalises section labels: A01, a1, Ａ０１ and A1 are one label", () => {
    expect(["A01", "a1", "Ａ０１", "A1", " A 01 ", "第A1版"].map(normalisePageLabel)).toEqual(["A01", "A01", "A01", "A01", "A01", "A01"]);
    expect(normalisePageLabel("B99")).toBe("B99");
  });

  it("normalises plain labels: 03, 三, 3 and 第三版 are one label", () => {
    expect(["03", "三", "3", "第三版", "３"].map(normalisePageLabel)).toEqual(["3", "3", "3", "3", "3"]);
  });

  it("refuses what is not a label", () => {
    expect(["", "0", "A0", "1000", "A100", "AB1", "头版", "A", "3.5"].map(normalisePageLabel)).toEqual(Array(9).fill(null));
  });

  it("orders plain pages first, then sections in letter order and pages in number order", () => {
    expect(["1", "999", "A01", "A02", "A99", "B01", "Z99"].map(pageOrderOfLabel)).toEqual([1, 999, 1001, 1002, 1099, 1101, 3599]);
    expect(readPageLabel("b2")).toEqual({ label: "B02", section: "B", number: 2, order: 1102 });
    expect(readPageLabel("十二")).toEqual({ label: "12", section: null, number: 12, order: 12 });
  });

  it("reads the label back from the order, and no label from an order none has", () => {
    expect([3, 1001, 1102, 3599].map((order) => pageLabelOfOrder(order)?.label)).toEqual(["3", "A01", "B02", "Z99"]);
    expect([0, 1000, 1100, 3600, 1.5, -3].map(pageLabelOfOrder)).toEqual(Array(6).fill(null));
  });
});

describe("parsePageNumeral", () => {
  it("reads Arabic and Chinese page numbers", () => {
    expect(["3", "三", "十", "十二", "二十", "二十三", "一百零二"].map(parsePageNumeral)).toEqual([3, 3, 10, 12, 20, 23, 102]);
  });
});
