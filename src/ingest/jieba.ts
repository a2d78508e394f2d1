/**
 * One lazily built jieba segmenter for the whole process.
 *
 * Building it parses the 350 000-word dictionary (~0.2 s), so it happens once, on the first
 * call, and never at import time (importing the parser must stay cheap for the CLI and the
 * schema). `@node-rs/jieba/dict.js` is imported with its extension because the package has no
 * `exports` map: plain Node ESM cannot resolve the bare `@node-rs/jieba/dict`.
 */
import { Jieba } from "@node-rs/jieba";
import { dict } from "@node-rs/jieba/dict.js";

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
  instance ??= Jieba.withDict(dict);
  return instance;
}

/**
 * Tags `text` with the HMM on (it is what joins unknown names such as 韦韬 into one word)
 * and gives each word its offsets. If jieba ever returned words that do not spell `text`
 * back, the tokens stop there, so offsets are always right.
 */
export function tagWithOffsets(text: string): Token[] {
  if (text.length === 0) return [];
  const tokens: Token[] = [];
  let pos = 0;
  for (const { word, tag } of jieba().tag(text, true)) {
    if (word.length === 0) continue;
    if (text.startsWith(word, pos)) {
      tokens.push({ word, tag, start: pos, end: pos + word.length });
      pos += word.length;
    } else {
      break;
    }
  }
  return tokens;
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
