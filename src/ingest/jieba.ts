/**
 * One lazily built jieba segmenter for the whole process, with jieba's dictionary and the
 * words of today's news it lacks (modern-words.ts).
 *
 * Building it parses the 350 000-word dictionary (~0.2 s), so it happens once, on the first
 * call, and never at import time (importing the parser must stay cheap for the CLI and the
 * schema). `@node-rs/jieba/dict.js` is imported with its extension because the package has no
 * `exports` map: plain Node ESM cannot resolve the bare `@node-rs/jieba/dict`.
 */
import { Jieba } from "@node-rs/jieba";
import { dict } from "@node-rs/jieba/dict.js";
import { MODERN_WORD_TAGS, MODERN_WORDS_DICT } from "./modern-words.ts";

/** A word with its part-of-speech tag and where it stands in the tagged string. */
export interface Token {
  word: string;
  /** jieba tag: `nr` person, `nrfg`/`nrt` person (dictionary), `x` unknown or punctuation, … */
  tag: string;
  start: number;
  end: number;
}

let instance: Jieba | null = null;

function jieba(): Jieba {
  if (instance === null) {
    instance = Jieba.withDict(dict);
    instance.loadDict(MODERN_WORDS_DICT);
  }
  return instance;
}

/** Builds the segmenter and indexes its dictionary now rather than on the first page (the parser's thread does, before it takes pages). */
export function loadTagger(): void {
  jieba();
  dictionaryLines();
}

/**
 * Tags `text` with the HMM on (it is what joins unknown names such as 韦韬 into one word)
 * and gives each word its offsets. If jieba ever returned words that do not spell `text`
 * back, the tokens stop there, so offsets are always right.
 *
 * The words come from jieba's `cut`, and each word's tag from tagOfToken, instead of jieba's
 * `tag`: `tag` is `cut` with a tag looked up for each word, but it hands every word back as an
 * object built through N-API, which made it 3.5 times as slow as `cut` (1.9 ms a sample page
 * instead of 0.5). The tags are the same (test/ingest/jieba.test.ts holds them to `tag`'s).
 */
export function tagWithOffsets(text: string): Token[] {
  if (text.length === 0) return [];
  const tokens: Token[] = [];
  let pos = 0;
  for (const word of jieba().cut(text, true)) {
    if (word.length === 0) continue;
    if (text.startsWith(word, pos)) {
      tokens.push({ word, tag: tagOfToken(word), start: pos, end: pos + word.length });
      pos += word.length;
    } else {
      break;
    }
  }
  return tokens;
}

const tokenTags = new Map<string, string>();

/**
 * The tag jieba's `tag` gives a word its `cut` returned: the word's tag in the dictionary, else
 * a guess from its ASCII letters and digits. Cached: words repeat from page to page.
 */
export function tagOfToken(word: string): string {
  if (word.length === 1) return tagOfCharacter(word);
  let tag = tokenTags.get(word);
  if (tag === undefined) {
    tag = MODERN_WORD_TAGS.get(word) ?? dictionaryTag(word) ?? guessedTag(word);
    if (tokenTags.size >= 100_000) tokenTags.clear();
    tokenTags.set(word, tag);
  }
  return tag;
}

/**
 * tagOfToken's answers for words of one code unit, by code unit: some half of a page's words are
 * one character, and an array read is cheaper than hashing each new string for the Map.
 */
const characterTags: Array<string | undefined> = new Array(0x10000).fill(undefined);

function tagOfCharacter(word: string): string {
  const unit = word.charCodeAt(0);
  let tag = characterTags[unit];
  if (tag === undefined) {
    tag = MODERN_WORD_TAGS.get(word) ?? dictionaryTag(word) ?? guessedTag(word);
    characterTags[unit] = tag;
  }
  return tag;
}

/** jieba's tag for a word not in its dictionary: `m` all digits, `eng` other ASCII letters or digits, else `x`. */
function guessedTag(word: string): string {
  const ascii = word.match(/[A-Za-z0-9]/g)?.length ?? 0;
  const digits = word.match(/[0-9]/g)?.length ?? 0;
  return ascii === 0 ? "x" : ascii === digits ? "m" : "eng";
}

const dictionary = Buffer.from(dict.buffer, dict.byteOffset, dict.byteLength);
let lineStarts: Int32Array | null = null;

/**
 * Where each line of the dictionary (`word frequency tag`) begins. The lines are sorted by
 * their UTF-8 bytes (test/ingest/jieba.test.ts holds it), so a word is found by binary search:
 * indexing the lines takes some 20 ms where a Map of its 349,045 words took 400.
 */
function dictionaryLines(): Int32Array {
  if (lineStarts) return lineStarts;
  let starts: Int32Array = new Int32Array(1 << 16);
  let count = 0;
  for (let at = 0; at < dictionary.length; ) {
    if (count === starts.length) starts = growInt32(starts);
    starts[count++] = at;
    const newline = dictionary.indexOf(NEWLINE, at);
    at = newline < 0 ? dictionary.length : newline + 1;
  }
  lineStarts = starts.subarray(0, count);
  return lineStarts;
}

function growInt32(array: Int32Array): Int32Array {
  const grown = new Int32Array(array.length * 2);
  grown.set(array);
  return grown;
}

const NEWLINE = 0x0a;

/** The tag of `word` in jieba's dictionary (its first line, as jieba keeps), or null if it is not there. */
function dictionaryTag(word: string): string | null {
  return dictionaryEntry(word)?.[2] ?? null;
}

/**
 * How often `word` occurs in the corpus jieba's dictionary was counted from, or 0 when it is not
 * there. The dictionary tags some common words as names (黄金周 nr 1407); real names are rare.
 */
export function dictionaryFrequency(word: string): number {
  let frequency = wordFrequencies.get(word);
  if (frequency === undefined) {
    frequency = Number(dictionaryEntry(word)?.[1] ?? 0);
    if (wordFrequencies.size >= 50_000) wordFrequencies.clear();
    wordFrequencies.set(word, frequency);
  }
  return frequency;
}

/** dictionaryFrequency's answers: the people reader asks for the same words at many places of a page. */
const wordFrequencies = new Map<string, number>();

/** The dictionary's line for `word` split into word, frequency and tag, or null. */
function dictionaryEntry(word: string): string[] | null {
  const lines = dictionaryLines();
  const key = Buffer.from(word);
  let low = 0;
  let high = lines.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (compareLineWord(lines[middle]!, key) < 0) low = middle + 1;
    else high = middle;
  }
  if (low === lines.length || compareLineWord(lines[low]!, key) !== 0) return null;
  const end = low + 1 < lines.length ? lines[low + 1]! : dictionary.length;
  const entry = dictionary.toString("utf8", lines[low]!, end).trim().split(/\s+/);
  entry[2] ??= "";
  return entry;
}

/** The line's word (up to its first blank) against `key`, byte by byte: negative, 0 or positive. */
function compareLineWord(line: number, key: Buffer): number {
  for (let index = 0; ; index++) {
    const byte = line + index < dictionary.length ? dictionary[line + index]! : NEWLINE;
    const ended = byte === 0x20 || byte === 0x09 || byte === 0x0d || byte === NEWLINE;
    if (index === key.length) return ended ? 0 : 1;
    if (ended) return -1;
    if (byte !== key[index]) return byte - key[index]!;
  }
}

const wordTags = new Map<string, string | null>();

/**
 * The tag jieba gives `word` when it reads the word alone as one dictionary word (关心/v,
 * 马烽/ns), or null when it splits it. Cached: names and their neighbours repeat.
 */
export function tagOfWord(word: string): string | null {
  let tag = wordTags.get(word);
  if (tag === undefined) {
    const tokens = jieba().tag(word, false);
    tag = tokens.length === 1 && tokens[0]?.word === word ? tokens[0].tag : null;
    if (wordTags.size > 50_000) wordTags.clear();
    wordTags.set(word, tag);
  }
  return tag;
}
