import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Jieba } from "@node-rs/jieba";
import { dict } from "@node-rs/jieba/dict.js";
import { describe, expect, it } from "vitest";
import { tagOfToken, tagWithOffsets, type Token } from "../../src/ingest/jieba.ts";
import { MODERN_WORD_TAGS, MODERN_WORDS_DICT } from "../../src/ingest/modern-words.ts";
import { seedsDir } from "../../src/lib/paths.ts";

const DEVSET = fileURLToPath(new URL("../fixtures/devset/", import.meta.url));

/** Every line of every page text of the sample edition and of the dev set. */
function pageLines(): string[] {
  const files = [seedsDir, DEVSET].flatMap((folder) =>
    fs
      .readdirSync(folder, { recursive: true, encoding: "utf8" })
      .filter((file) => /(^|\/)page-[A-Z0-9]+\.txt$/.test(file))
      .map((file) => path.join(folder, file)),
  );
  return files.flatMap((file) => fs.readFileSync(file, "utf8").split("\n")).filter((line) => line.length > 0);
}

/** What jieba's own `tag` gives, with offsets: the reading tagWithOffsets must reproduce. */
function taggedByJieba(jieba: Jieba, text: string): Token[] {
  let start = 0;
  return jieba.tag(text, true).map(({ word, tag }) => {
    const token = { word, tag, start, end: start + word.length };
    start = token.end;
    return token;
  });
}

/** jieba as the parser builds it: its dictionary and the words of today's news. */
function parsersJieba(): Jieba {
  const jieba = Jieba.withDict(dict);
  jieba.loadDict(MODERN_WORDS_DICT);
  return jieba;
}

describe("tagging words with jieba", () => {
  it("tags every line of the sample edition and of the dev set as jieba's own tag does, word for word", () => {
    const jieba = parsersJieba();
    const lines = pageLines();
    expect(lines.length).toBeGreaterThan(1_000);
    const differing = lines.filter((line) => JSON.stringify(tagWithOffsets(line)) !== JSON.stringify(taggedByJieba(jieba, line)));
    expect(differing).toEqual([]);
  });

  it("gives a word jieba cuts as one its dictionary tag, and guesses the tag of a word outside the dictionary", () => {
    expect(tagWithOffsets("农民王小明说")).toEqual([
      { word: "农民", tag: "n", start: 0, end: 2 },
      { word: "王小明", tag: "nr", start: 2, end: 5 },
      { word: "说", tag: "v", start: 5, end: 6 },
    ]);
    // Outside the dictionary: all digits m, other ASCII letters or digits eng, anything else x.
    expect(["2022", "5G网络", "韦韬弢"].map(tagOfToken)).toEqual(["m", "eng", "x"]);
  });

  it("keeps the words of today's news whole, with their own tags, where jieba's dictionary cut them up (刘挺微信 → 刘挺 微信)", () => {
    expect(tagWithOffsets("负责人刘挺微信提醒").map((t) => `${t.word}/${t.tag}`)).toEqual(["负责人/n", "刘挺/x", "微信/nz", "提醒/v"]);
    expect(tagWithOffsets("领导点赞").map((t) => `${t.word}/${t.tag}`)).toEqual(["领导/n", "点赞/v"]);
    const jieba = parsersJieba();
    for (const [word, tag] of MODERN_WORD_TAGS) expect(jieba.tag(word, false), word).toEqual([{ word, tag }]);
  });

  it("adds no word that jieba's dictionary already holds, so that no word has two tags", () => {
    const inDictionary = new Set(
      Buffer.from(dict.buffer, dict.byteOffset, dict.byteLength)
        .toString("utf8")
        .split("\n")
        .map((line) => line.split(" ")[0]),
    );
    expect([...MODERN_WORD_TAGS.keys()].filter((word) => inDictionary.has(word))).toEqual([]);
  });

  it("gives a dictionary word that jieba cuts in two when alone its dictionary tag", () => {
    const jieba = Jieba.withDict(dict);
    expect(jieba.tag("一个家", false).map((token) => token.word)).toEqual(["一个", "家"]);
    expect(tagOfToken("一个家")).toBe("m");
  });

  it("finds words in a dictionary whose lines are sorted by their words' UTF-8 bytes, as the binary search needs", () => {
    const words = Buffer.from(dict.buffer, dict.byteOffset, dict.byteLength)
      .toString("utf8")
      .split("\n")
      .filter((line) => line.length > 0)
      .map((line) => Buffer.from(line.split(/\s/)[0]!));
    expect(words.length).toBe(349_045);
    const unsorted = words.findIndex((word, index) => index > 0 && Buffer.compare(words[index - 1]!, word) > 0);
    expect(unsorted).toBe(-1);
  });
});
