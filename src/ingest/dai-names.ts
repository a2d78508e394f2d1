/**
 * Dai personal names (傣族): no surname, but a prefix that says man or woman (岩 for men, 玉 for
 * women; 依 and 咪 in some regions) and one or two syllables (岩罕, 玉香, 岩温扁, 玉罕叫), written
 * with characters a Han given name rarely holds (扁, 叫), so the surname-based reading misses
 * them. They are read only in an article that speaks of the Dai, and only where jieba takes the
 * prefix to open a word it does not know (岩罕/x), never a word of its dictionary (岩石, 玉米).
 */
import { isHan } from "./han.ts";
import { boundaryAt } from "./name-reading.ts";

const PREFIXES = new Set([..."岩玉依咪"]);

/**
 * The length (2 or 3) of the Dai name at `s`, or 0. `endsAt` says where a name may end. Three
 * characters when the third is no grammar word and the name may end after it (玉罕叫介绍), two
 * when it may end after two (岩恩说, 玉香一大早).
 */
export function readDaiName(text: string, s: number, endsAt: (i: number) => boolean, wordStartsAt: (i: number) => boolean): number {
  if (!PREFIXES.has(text[s] ?? "") || !isHan(text[s + 1]) || boundaryAt(text, s + 1) !== "none") return 0;
  if (isHan(text[s + 2]) && boundaryAt(text, s + 2) === "none" && !wordStartsAt(s + 2) && endsAt(s + 3)) return 3;
  return endsAt(s + 2) ? 2 : 0;
}

/** Whether a character is a prefix that opens Dai names (玉, 岩). */
export function opensDaiName(c: string): boolean {
  return PREFIXES.has(c);
}

/** Whether a text speaks of the Dai, so that a Dai name's prefix may open a name. */
export function speaksOfDai(text: string): boolean {
  return /傣|西双版纳|德宏/.test(text);
}
