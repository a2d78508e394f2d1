import { describe, expect, it } from "vitest";
import { charTable } from "../../src/ingest/char-table.ts";

describe("charTable", () => {
  const surnames = charTable("王李张");

  it("holds the characters it was given, and no others", () => {
    expect(surnames.at("小王和老李", 1)).toBe(true);
    expect(surnames.at("小王和老李", 4)).toBe(true);
    expect(surnames.at("小王和老李", 2)).toBe(false);
  });

  it("holds nothing before the text's start or past its end", () => {
    expect(surnames.at("王", -1)).toBe(false);
    expect(surnames.at("王", 1)).toBe(false);
    expect(surnames.at("", 0)).toBe(false);
  });

  it("refuses what is not one code unit: an astral character would match its surrogates' neighbours", () => {
    expect(() => charTable(["𠀀"])).toThrow('charTable: "𠀀" is not one code unit');
    expect(() => charTable([""])).toThrow('charTable: "" is not one code unit');
  });
});
