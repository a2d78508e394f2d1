import { describe, expect, it } from "vitest";
import { readDaiName, speaksOfDai } from "../../src/ingest/dai-names.ts";

/** Ends a name where one of `words` starts, as the people reader's end test does with jieba's words. */
const endsBefore = (text: string, ...words: string[]) => (i: number) => i >= text.length || words.some((w) => text.startsWith(w, i));
const noWord = () => false;

describe("readDaiName", () => {
  it("reads a prefix and two syllables when the third is no grammar word (玉罕叫介绍)", () => {
    const text = "玉罕叫介绍";
    expect(readDaiName(text, 0, endsBefore(text, "介绍"), noWord)).toBe(3);
  });

  it("reads a prefix and one syllable before a follower or a word (岩恩说, 岩光和)", () => {
    expect(readDaiName("岩恩说", 0, endsBefore("岩恩说", "说"), noWord)).toBe(2);
    expect(readDaiName("岩光和妻子", 0, endsBefore("岩光和妻子", "和"), noWord)).toBe(2);
  });

  it("stops before a word that starts at the third character (玉香一大早)", () => {
    const text = "玉香一大早";
    expect(readDaiName(text, 0, endsBefore(text, "一大早"), (i) => i === 2)).toBe(2);
  });

  it("reads nothing without a prefix or where no name may end", () => {
    expect(readDaiName("王明说", 0, endsBefore("王明说", "说"), noWord)).toBe(0);
    expect(readDaiName("岩石堆积", 0, () => false, noWord)).toBe(0);
  });
});

describe("speaksOfDai", () => {
  it("tells an article about the Dai by its words", () => {
    expect(speaksOfDai("西双版纳的泼水节")).toBe(true);
    expect(speaksOfDai("傣族村寨")).toBe(true);
    expect(speaksOfDai("彝族火把节")).toBe(false);
  });
});
