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

describe("speaksOfYi", () => {
  it("tells an article about the Yi by its words", () => {
    expect(speaksOfYi("凉山的火把节")).toBe(true);
    expect(speaksOfYi("彝族村寨")).toBe(true);
    expect(speaksOfYi("傣族村寨")).toBe(false);
  });
});
