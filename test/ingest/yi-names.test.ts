import { describe, expect, it } from "vitest";
import { readYiName, speaksOfYi } from "../../src/ingest/yi-names.ts";

const endsBefore = (text: string, ...words: string[]) => (i: number) => i >= text.length || words.some((w) => text.startsWith(w, i));

describe("readYiName", () => {
  it("reads a clan and a given name of two characters (吉克曲布说, 阿西阿呷是)", () => {
    expect(readYiName("吉克曲布说", 0, endsBefore("吉克曲布说", "说"))).toBe(4);
    expect(readYiName("阿西阿呷是", 0, endsBefore("阿西阿呷是", "是"))).toBe(4);
  });

  it("reads nothing without a clan, before a grammar word, or where no name may end", () => {
    expect(readYiName("王明说话", 0, endsBefore("王明说话", "话"))).toBe(0);
    expect(readYiName("阿西的老师", 0, endsBefore("阿西的老师", "师"))).toBe(0);
    expect(readYiName("吉克曲布拖", 0, () => false)).toBe(0);
  });
});

describe("readYiName with 则", () => {
  it("reads a given name closed by 则 where a name's end follows (吉克拉则说), not a clan and 则 alone", () => {
    expect(readYiName("吉克拉则说", 0, endsBefore("吉克拉则说", "说"))).toBe(4);
    expect(readYiName("吉克则说", 0, endsBefore("吉克则说", "说"))).toBe(0);
  });
});

describe("speaksOfYi", () => {
  it("tells an article about the Yi by its words", () => {
    expect(speaksOfYi("凉山的火把节")).toBe(true);
    expect(speaksOfYi("彝族村寨")).toBe(true);
    expect(speaksOfYi("傣族村寨")).toBe(false);
  });
  it("tells it by a county or city of Liangshan that a local report names instead", () => {
    expect(speaksOfYi("西昌市公安局禁毒大队")).toBe(true);
    expect(speaksOfYi("美姑县的一所小学")).toBe(true);
    expect(speaksOfYi("成都市公安局禁毒支队")).toBe(false);
  });
});
