import { describe, expect, it } from "vitest";
import { normaliseTitle, officeEndingAt, splitOffice } from "../../src/ingest/titles.ts";

const TAIYUAN = { city: "太原市", province: "山西省" };

describe("normaliseTitle with the region of 太原日报 (太原市, 山西省)", () => {
  it("puts the city before a bare 市委 (市委书记 → 太原市委书记)", () => {
    expect(normaliseTitle("市委书记", TAIYUAN)).toBe("太原市委书记");
  });

  it("gives the abbreviated and the full printed forms the same normal form", () => {
    expect(normaliseTitle("省委常委、市委书记", TAIYUAN)).toBe("山西省委常委、太原市委书记");
    expect(normaliseTitle("省委常委、太原市委书记", TAIYUAN)).toBe("山西省委常委、太原市委书记");
    expect(normaliseTitle("市人大常委会主任", TAIYUAN)).toBe(normaliseTitle("太原市人大常委会主任", TAIYUAN));
    expect(normaliseTitle("市委副书记、市长", TAIYUAN)).toBe(normaliseTitle("太原市委副书记、市长", TAIYUAN));
  });

  it("reads a bare 市长 as the mayor of the region's city, written 太原市长 (太原市市长 too)", () => {
    expect(normaliseTitle("市长", TAIYUAN)).toBe("太原市长");
    expect(normaliseTitle("太原市市长", TAIYUAN)).toBe("太原市长");
    expect(normaliseTitle("太原市长", TAIYUAN)).toBe("太原市长");
  });

  it("puts the city before a bare 副市长 and other 市 offices (市领导, 市总河湖长)", () => {
    expect(normaliseTitle("副市长", TAIYUAN)).toBe("太原市副市长");
    expect(normaliseTitle("常务副市长", TAIYUAN)).toBe("太原市常务副市长");
    expect(normaliseTitle("市领导", TAIYUAN)).toBe("太原市领导");
    expect(normaliseTitle("市委副书记、市长、市总河湖长", TAIYUAN)).toBe("太原市委副书记、太原市长、太原市总河湖长");
  });

  it("puts the province before a bare 省 (省人大常委会副主任, 省太忻…中心主任)", () => {
    expect(normaliseTitle("省人大常委会副主任", TAIYUAN)).toBe("山西省人大常委会副主任");
    expect(normaliseTitle("省太忻经济一体化发展促进中心主任", TAIYUAN)).toBe("山西省太忻经济一体化发展促进中心主任");
    expect(normaliseTitle("副省长", TAIYUAN)).toBe("山西省副省长");
  });

  it("leaves another city's title alone, and resolves the parts after it to that city", () => {
    expect(normaliseTitle("忻州市委书记", TAIYUAN)).toBe("忻州市委书记");
    expect(normaliseTitle("忻州市人大常委会主任", TAIYUAN)).toBe("忻州市人大常委会主任");
    expect(normaliseTitle("忻州市委副书记、市长", TAIYUAN)).toBe("忻州市委副书记、忻州市长");
  });

  it("reads 我市 and 本市 as the region's city and drops 中共 before a city", () => {
    expect(normaliseTitle("我市产改协调小组组长", TAIYUAN)).toBe("太原市产改协调小组组长");
    expect(normaliseTitle("中共太原市委书记", TAIYUAN)).toBe("太原市委书记");
    expect(normaliseTitle("中共中央总书记", TAIYUAN)).toBe("中共中央总书记");
  });

  it("keeps titles that name no place as printed", () => {
    expect(normaliseTitle("总书记", TAIYUAN)).toBe("总书记");
    expect(normaliseTitle("汾酒集团党委书记、董事长", TAIYUAN)).toBe("汾酒集团党委书记、董事长");
    expect(normaliseTitle("酒店负责人", TAIYUAN)).toBe("酒店负责人");
    expect(normaliseTitle("市场监管局局长", TAIYUAN)).toBe("市场监管局局长");
    expect(normaliseTitle("超市经理", TAIYUAN)).toBe("超市经理");
  });

  it("resolves nothing without a region, and accepts a city given without 市", () => {
    expect(normaliseTitle("省委常委、市委书记")).toBe("省委常委、市委书记");
    expect(normaliseTitle("市委书记", { city: null, province: null })).toBe("市委书记");
    expect(normaliseTitle("市委书记", { city: "太原" })).toBe("太原市委书记");
  });

  it("reads a city of two characters ending in 州 given without 市 as a city (杭州 → 杭州市), and a longer one as a prefecture (甘孜州)", () => {
    expect(normaliseTitle("市体育局局长", { city: "杭州" })).toBe("杭州市体育局局长");
    expect(normaliseTitle("市长", { city: "广州" })).toBe("广州市长");
    expect(normaliseTitle("副市长", { city: "苏州" })).toBe("苏州市副市长");
    expect(normaliseTitle("市委书记", { city: "甘孜州" })).toBe("甘孜州委书记");
  });

  it("drops whitespace left in a title by the OCR", () => {
    expect(normaliseTitle("市委 书记", TAIYUAN)).toBe("太原市委书记");
  });
});

describe("the office lexicon", () => {
  it("finds the longest office word ending at a position", () => {
    const text = "市人大常委会副主任高波";
    expect(officeEndingAt(text, text.indexOf("高波"))).toBe("副主任");
    expect(officeEndingAt("市委副书记、市长、市总河湖长张新伟", 14)).toBe("总河湖长");
    expect(officeEndingAt("太原忻州两市", 6)).toBeNull();
  });

  it("splits a title into the organ and its office", () => {
    expect(splitOffice("市政协主席")).toEqual({ body: "市政协", office: "主席" });
    expect(splitOffice("汾酒集团总经理")).toEqual({ body: "汾酒集团", office: "总经理" });
    expect(splitOffice("工作座谈会")).toBeNull();
  });

  it("resolves nothing with a national paper's region (全国 names no city or province)", () => {
    expect(normaliseTitle("市委书记、省委常委", { city: "全国", province: "全国" })).toBe("市委书记、省委常委");
  });
});

