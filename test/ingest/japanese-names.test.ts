import { describe, expect, it } from "vitest";
import { readJapaneseName, speaksOfJapan } from "../../src/ingest/japanese-names.ts";

/** Ends a name only at the characters given, as the people reader ends one at a boundary. */
const endsBefore =
  (text: string, ...ends: string[]) =>
  (i: number): boolean =>
    i >= text.length || ends.some((e) => text.startsWith(e, i));

describe("readJapaneseName", () => {
  it("reads a surname of two characters and a given name of two before a sure end (山田浩一说)", () => {
    const text = "山田浩一说";
    expect(readJapaneseName(text, 0, endsBefore(text, "说"))).toBe(4);
  });

  it("reads a given name of three characters where two end at no boundary (佐藤真理那拿到)", () => {
    const text = "佐藤真理那拿到";
    expect(readJapaneseName(text, 0, endsBefore(text, "拿到"))).toBe(5);
  });

  it("reads a surname of three characters (五十岚美子在)", () => {
    const text = "五十岚美子在";
    expect(readJapaneseName(text, 0, endsBefore(text, "在"))).toBe(5);
  });

  it("reads a surname beyond the list by its last character (北泽, 森崎)", () => {
    const text = "北泽良太说";
    expect(readJapaneseName(text, 0, endsBefore(text, "说"))).toBe(4);
  });

  it("ends the given name at a sure end inside it (山田一表示 is 山田一)", () => {
    const text = "山田一表示，";
    expect(readJapaneseName(text, 0, endsBefore(text, "表示", "，"))).toBe(3);
  });

  it("reads no name from a surname it does not know, nor across a grammar word", () => {
    expect(readJapaneseName("王明浩一说", 0, () => true)).toBe(0);
    expect(readJapaneseName("山田的说", 0, (i) => i === 4)).toBe(0);
  });
});

describe("speaksOfJapan", () => {
  it("holds for a text that names Japan, its side or its capital, not for others", () => {
    expect(speaksOfJapan("日本队3比1获胜")).toBe(true);
    expect(speaksOfJapan("日方代表团抵达")).toBe(true);
    expect(speaksOfJapan("代表团在东京访问")).toBe(true);
    expect(speaksOfJapan("中国队3比1获胜")).toBe(false);
  });
});
