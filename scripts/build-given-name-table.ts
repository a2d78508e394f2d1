/**
 * npx tsx scripts/build-given-name-table.ts
 * Writes src/ingest/given-name-table.ts: for every character seen in a given name of jieba's
 * dictionary, how often it stands there and how often it is a word of its own. The parser
 * reads the table instead of the 350 000-line dictionary, which takes seconds to scan.
 *
 * Given names are the last two characters of the dictionary's three-character person names
 * (tag nr) that start with a common surname; transliterations and nicknames, which start
 * otherwise, are left out.
 *
 * It also writes the common words that start with a surname character (关心, 单位, 文章):
 * words of two or three characters seen at least 50 times and not tagged as names, and
 * two-character words tagged as names but seen at least 300 times (关怀/nr, 荣誉/nr: the
 * dictionary's tag is wrong for them; a real two-character name is rarely that frequent).
 */
import fs from "node:fs";
import path from "node:path";
import { dict } from "@node-rs/jieba/dict.js";
import { SINGLE_SURNAMES } from "../src/ingest/surnames.ts";

const COMMON_AS_WORD = 50;
const COMMON_AS_NAME = 300;

const given = new Map<string, number>();
const alone = new Map<string, number>();
const common: string[] = [];
for (const line of new TextDecoder().decode(dict).split("\n")) {
  const [word = "", freq = "0", tag = ""] = line.split(" ");
  if (word.length === 1) alone.set(word, Number(freq));
  if (word.length >= 2 && word.length <= 3 && SINGLE_SURNAMES.has(word[0] ?? "")) {
    const isName = tag.startsWith("nr");
    if (isName ? word.length === 2 && Number(freq) >= COMMON_AS_NAME : Number(freq) >= COMMON_AS_WORD) common.push(word);
  }
  if (tag !== "nr" || word.length !== 3 || !SINGLE_SURNAMES.has(word[0] ?? "")) continue;
  for (const c of word.slice(1)) given.set(c, (given.get(c) ?? 0) + 1);
}
const rows = [...given]
  .filter(([, n]) => n >= 2)
  .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
  .map(([c, n]) => `${c}${n},${alone.get(c) ?? 0}`);
const wrap = (items: string[], sep: string): string =>
  items
    .reduce<string[]>((lines, item) => {
      const last = lines[lines.length - 1];
      if (last !== undefined && last.length + item.length < 100) lines[lines.length - 1] = `${last}${sep}${item}`;
      else lines.push(item);
      return lines;
    }, [])
    .map((l, i, all) => JSON.stringify(i < all.length - 1 ? `${l}${sep}` : l))
    .join(" +\n  ");
const out = `/**
 * Given-name characters of jieba's dictionary: "<char><times in a given name>,<frequency as a
 * word of its own>" separated by spaces, most frequent in names first. Written by
 * scripts/build-given-name-table.ts; do not edit by hand.
 */
export const GIVEN_NAME_TABLE =
  ${wrap(rows, " ")};

/** Common words that start with a surname character (see the script), separated by spaces. */
export const COMMON_WORDS =
  ${wrap(common.sort(), " ")};
`;
fs.writeFileSync(path.join(import.meta.dirname, "../src/ingest/given-name-table.ts"), out);
console.log(`${rows.length} characters, ${common.length} common words`);
