import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { countHan, HAN_RANGES, isHan, isHanCode } from "../../src/ingest/han.ts";
import { projectRoot } from "../../src/lib/paths.ts";

describe("a Han character", () => {
  it("is an ideograph of Extension A, the unified block or the compatibility block", () => {
    expect(["㐀", "䶿", "一", "韬", "鿿", "豈", "﫿"].map(isHan)).toEqual([true, true, true, true, true, true, true]);
  });

  it("is not a hexagram symbol, kana, punctuation, a full-width letter, an astral ideograph's half or nothing", () => {
    expect(["䷀", "あ", "。", "·", "Ａ", "a", "\ud840", "", undefined].map(isHan)).toEqual([false, false, false, false, false, false, false, false, false]);
  });

  it("is the same to the code test, the RegExp class and the counter", () => {
    const inClass = new RegExp(`^[${HAN_RANGES}]$`);
    for (const code of [0x33ff, 0x3400, 0x4dbf, 0x4dc0, 0x4dff, 0x4e00, 0x9fa5, 0x9fff, 0xa000, 0xf8ff, 0xf900, 0xfaff, 0xfb00]) {
      expect(inClass.test(String.fromCharCode(code)), code.toString(16)).toBe(isHanCode(code));
    }
    expect(countHan("韦韬同志，2022年6月3日在太原。")).toBe(10);
  });

  it("is defined in src/ingest/han.ts only: no other module spells the ranges", () => {
    const spelled = /\\u(?:3400|4e00|9fff|f900)|0x(?:3400|4e00|9fff|f900)|一-龥/i;
    const walk = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory() ? (entry.name === "generated" ? [] : walk(path.join(dir, entry.name))) : [path.join(dir, entry.name)],
      );
    const others = walk(path.join(projectRoot, "src"))
      .filter((file) => file.endsWith(".ts") && !file.endsWith(path.join("ingest", "han.ts")))
      .filter((file) => spelled.test(readFileSync(file, "utf8")))
      .map((file) => path.relative(projectRoot, file));
    expect(others).toEqual([]);
  });
});
