/**
 * How plausible a character is inside a given name, from jieba's dictionary of names
 * (given-name-table.ts): a character often seen in names and rarely used as a word of its own
 * (军, 萍, 莉) is plausible; a function word (的, 在, 说) is not, even though a few names hold it.
 */
import { COMMON_WORDS, GIVEN_NAME_TABLE } from "./given-name-table.ts";

interface CharCounts {
  inNames: number;
  alone: number;
}

let table: Map<string, CharCounts> | null = null;

function counts(): Map<string, CharCounts> {
  if (table !== null) return table;
  table = new Map();
  for (const row of GIVEN_NAME_TABLE.split(" ")) {
    const m = /^(.)(\d+),(\d+)$/u.exec(row);
    if (m?.[1] && m[2] && m[3]) table.set(m[1], { inNames: Number(m[2]), alone: Number(m[3]) });
  }
  return table;
}

/**
 * Characters that are grammar, not names, whatever the dictionary's few names say; and 某, which
 * stands for a withheld name (被告人李某, 王某某).
 */
const NEVER_GIVEN = new Set([..."的了是在和与及或说等也都就又还并已被把将从向对着过吗呢吧啊这那之所个们该每各此有无不没某"]);

/** A frequency this high as a word of its own outweighs one name. */
const ALONE_PER_NAME = 200;

/**
 * The plausibility (0 to 1) of `c` inside a given name: the share of its dictionary uses that
 * are in names, with use as a word of its own scaled down. A rare character the dictionary's
 * names do not hold (崑, 珮) gets 0.3: rare characters are mostly name characters.
 */
export function givenNamePlausibility(c: string): number {
  if (NEVER_GIVEN.has(c)) return 0;
  const n = counts().get(c);
  if (n === undefined) return 0.3;
  return n.inNames / (n.inNames + n.alone / ALONE_PER_NAME);
}

/** Whether jieba's dictionary of names holds `c` at all: 彤 and 萱 it does not, though names are made of them. */
export function namesHold(c: string): boolean {
  return counts().has(c);
}

/** How many of jieba's dictionary's three-character names hold `c` in the given name (一 202, 鸣 54). */
export function namesHolding(c: string): number {
  return counts().get(c)?.inNames ?? 0;
}

let common: Set<string> | null = null;

/** Whether `word` is a common word that merely starts with a surname character (关心, 单位). */
export function isCommonWord(word: string): boolean {
  common ??= new Set(COMMON_WORDS.split(" "));
  return common.has(word);
}
