/**
 * npx tsx scripts/build-given-name-table.ts
 * Writes src/ingest/given-name-table.ts: for every character seen in a given name of jieba's
 * dictionary, how often it stands there and how often it is a word of its own. The parser
 * reads the table instead of the 350 000-line dictionary, which takes seconds to scan.
 *
 * Given names are the last two characters of the dictionary's three-character person names
 * (tag nr) that start with a common surname; transliterations and nicknames, which start
 * otherwise, are left out.
 */
import fs from "node:fs";
import path from "node:path";
import { dict } from "@node-rs/jieba/dict.js";
import { SINGLE_SURNAMES } from "../src/ingest/surnames.ts";

const given = new Map<string, number>();
const alone = new Map<string, number>();
for (const line of new TextDecoder().decode(dict).split("\n")) {
  const [word = "", freq = "0", tag = ""] = line.split(" ");
  if (word.length === 1) alone.set(word, Number(freq));
  if (tag !== "nr" || word.length !== 3 || !SINGLE_SURNAMES.has(word[0] ?? "")) continue;
  for (const c of word.slice(1)) given.set(c, (given.get(c) ?? 0) + 1);
}
const rows = [...given]
  .filter(([, n]) => n >= 2)
  .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
  .map(([c, n]) => `${c}${n},${alone.get(c) ?? 0}`);
const out = `/**
 * Given-name characters of jieba's dictionary: "<char><times in a given name>,<frequency as a
 * word of its own>" separated by spaces, most frequent in names first. Written by
 * scripts/build-given-name-table.ts; do not edit by hand.
 */
export const GIVEN_NAME_TABLE =
  ${rows
    .reduce<string[]>((lines, row) => {
      const last = lines[lines.length - 1];
      if (last !== undefined && last.length + row.length < 100) lines[lines.length - 1] = `${last} ${row}`;
      else lines.push(row);
      return lines;
    }, [])
    .map((l, i, all) => JSON.stringify(i < all.length - 1 ? `${l} ` : l))
    .join(" +\n  ")};
`;
fs.writeFileSync(path.join(import.meta.dirname, "../src/ingest/given-name-table.ts"), out);
console.log(`${rows.length} characters`);
