import { describe, expect, it } from "vitest";
import { dispatchDate, openingDate, resolveEventDate } from "../../src/ingest/dateline.ts";

const opening = (s: string) => {
  const d = openingDate(s, 0, s.length);
  return d === null ? null : s.slice(d.span.start, d.span.end);
};

describe("datelines", () => {
  it("reads the date opening a body: 6月2日 and 6月1日下午", () => {
    expect(opening("6月2日,太原、忻州两市人大常委会")).toBe("6月2日");
    expect(opening("6月1日下午,市委副书记、市长")).toBe("6月1日下午");
  });

  it("reads a date with stray spaces between its parts, as OCR leaves them (3月 11日, 2026年 3月11日)", () => {
    expect(opening("3月 11日上午,全市召开会议")).toBe("3月 11日上午");
    expect(opening("2026年 3月11日,全市召开会议")).toBe("2026年 3月11日");
  });

  it("reads a date that a text wrapped at a column's width cut by a line break (3\\n月17日上午)", () => {
    expect(opening("3\n月17日上午，记者从市住建局获悉")).toBe("3\n月17日上午");
    expect(opening("3月17\n日上午，记者从")).toBe("3月17\n日上午");
    expect(opening("3月17日\n上午，记者从")).toBe("3月17日\n上午");
  });

  it("does not read a date that is not at the very opening", () => {
    expect(opening("夜幕还未降临,在山西省太原市食品街")).toBeNull();
    expect(opening("截至10月10日,全国秋粮已收获过半")).toBeNull();
  });

  it("reads the date of a wire dispatch without its 电", () => {
    const s = "新华社北京10月11日电";
    const d = dispatchDate(s, 0, s.length)!;
    expect(s.slice(d.span.start, d.span.end)).toBe("10月11日");
    expect([d.month, d.day]).toEqual([10, 11]);
  });

  it("rejects impossible dates", () => {
    expect(opening("13月2日,")).toBeNull();
    expect(resolveEventDate("2022-06-03", { year: null, month: 2, day: 30 })).toBeNull();
  });
});

describe("resolveEventDate", () => {
  it("gives the issue's year to a date shortly before the issue", () => {
    expect(resolveEventDate("2022-06-03", { year: null, month: 6, day: 1 })).toBe("2022-06-01");
  });

  it("puts a December event reported in a January issue in the previous year", () => {
    expect(resolveEventDate("2023-01-03", { year: null, month: 12, day: 30 })).toBe("2022-12-30");
  });

  it("keeps a date a few weeks ahead (an announced event) in the issue's year", () => {
    expect(resolveEventDate("2022-06-03", { year: null, month: 7, day: 1 })).toBe("2022-07-01");
  });

  it("puts a day printed without its month (台北18日电) in the issue's month, or the month before when it is after the issue's day", () => {
    expect(resolveEventDate("2026-03-20", { year: null, month: null, day: 18 })).toBe("2026-03-18");
    expect(resolveEventDate("2026-03-20", { year: null, month: null, day: 21 })).toBe("2026-02-21");
    expect(resolveEventDate("2026-01-02", { year: null, month: null, day: 30 })).toBe("2025-12-30");
    expect(resolveEventDate("2026-03-02", { year: null, month: null, day: 30 })).toBeNull();
  });

  it("returns null for an unreadable issue date instead of throwing", () => {
    expect(resolveEventDate("June 3", { year: null, month: 6, day: 1 })).toBeNull();
  });
});

describe("date ranges", () => {
  it("keeps a range end and a part of day with the opening date", () => {
    expect(opening("3月4日至5日，会议在京举行")).toBe("3月4日至5日");
    expect(opening("3月30日至4月2日，展会举行")).toBe("3月30日至4月2日");
    expect(opening("5月25日下午，天下着雨")).toBe("5月25日下午");
  });

  it("keeps 一早 and 一大早 (early that morning) as a part of day, and not a word that only starts so", () => {
    expect(opening("9月8日一早，菜农们就下了地")).toBe("9月8日一早");
    expect(opening("9月8日一大早，菜农们就下了地")).toBe("9月8日一大早");
    expect(opening("9月8日一批新车下线")).toBe("9月8日");
  });

  it("does not read a date behind 当地时间 as the opening", () => {
    expect(opening("当地时间6月2日至4日，会议召开")).toBeNull();
  });
});
