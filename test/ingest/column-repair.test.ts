import { describe, expect, it } from "vitest";
import { endsSentence, isDoubledAtBreak } from "../../src/ingest/column-repair.ts";
import { foldForMatching } from "../../src/ingest/normalise.ts";

const ends = (s: string) => {
  const f = foldForMatching(s);
  return endsSentence(f, 0, f.length);
};

describe("where a paragraph may end", () => {
  it("does not end at a column break mid-word: 正坚 / 水毁 / 服务雄安新区", () => {
    expect(ends("全市上下正坚")).toBe(false);
    expect(ends("张新伟沿途实地察看水毁")).toBe(false);
    expect(ends("着眼融入京津冀、服务雄安新区")).toBe(false);
  });

  it("ends at 。！？ in either width, and at a closing quote or parenthesis after one", () => {
    expect(ends("两市人大常委会负责同志参加。")).toBe(true);
    expect(ends("谁来守护？")).toBe(true);
    expect(ends("“基本恢复到疫情前的经营水平。”")).toBe(true);
    expect(ends("指导各地加快机收。（相关报道见第十版）")).toBe(true);
  });

  it("ends at a full stop OCR printed half-width after a Han character or a quote, not at a decimal point", () => {
    expect(ends("全面排查整治各类安全隐患.")).toBe(true);
    expect(ends("他说：“要抓好落实。”.")).toBe(true);
    expect(ends("同比增长6.")).toBe(false);
  });

  it("does not end at a parenthesis closing inside a sentence", () => {
    expect(ends("省太忻经济一体化发展促进中心（以下简称促进中心）")).toBe(false);
  });
});

describe("characters doubled across a break", () => {
  it("drops the doubled 区 of 雄安新区 / 区,优化", () => {
    expect(isDoubledAtBreak("区", "区")).toBe(true);
  });

  it("keeps different characters: 正坚 / 决贯彻", () => {
    expect(isDoubledAtBreak("坚", "决")).toBe(false);
  });

  it("keeps a reduplicated word cut by the break: 人 / 人持证, 殷 / 殷嘱托", () => {
    expect(isDoubledAtBreak("人", "人")).toBe(false);
    expect(isDoubledAtBreak("殷", "殷")).toBe(false);
  });

  it("never drops a digit or a Latin letter: 10 / 0万", () => {
    expect(isDoubledAtBreak("0", "0")).toBe(false);
    expect(isDoubledAtBreak("A", "A")).toBe(false);
  });
});
