/**
 * What jieba's reading of a segment says at one position: whether a word of its dictionary starts
 * there, whether a character stands as a word alone, whether a name may end or a clause open there,
 * and whether the position is inside 《…》. Every rule asks these of positions; they are answered
 * here once, with the caches that keep the asking cheap.
 */
import { isHan } from "../han.ts";
import { tagWithOffsets } from "../jieba.ts";
import { boundaryAt, FOLLOWER_WORDS, startsDictionaryWord, type WordAt } from "../name-reading.ts";
import type { Segment } from "./segments.ts";

/** Whether jieba reads the character at `i` as a word of its own (not where it gave no word). */
export function readsAlone(seg: Segment, i: number): boolean {
  const tok = seg.tokens[seg.tokenAt[i] ?? -1];
  return tok?.start === i && tok.end === i + 1;
}

/**
 * Whether jieba reads the character at `i` as a word by itself, or gave no word there (the only
 * place where it differs from readsAlone).
 */
export function isOneCharWord(seg: Segment, i: number): boolean {
  const tok = seg.tokens[seg.tokenAt[i] ?? -1];
  return tok === undefined || (tok.start === i && tok.end === i + 1);
}

const wordAtCache = new WeakMap<Segment, WordAt>();
const firstWords = new Map<string, { length: number; tag: string } | null>();

/**
 * What jieba's dictionary reads starting at a position of the segment, read afresh from
 * there (inside a run of unknown characters the segment's own tokens may straddle it), and
 * cached by the four characters read.
 */
export function wordAt(seg: Segment): WordAt {
  let f = wordAtCache.get(seg);
  if (f === undefined) {
    f = (i: number) => {
      const window = seg.text.slice(i, i + 4);
      let word = firstWords.get(window);
      if (word === undefined) {
        const tok = tagWithOffsets(window)[0];
        word = tok ? { length: tok.word.length, tag: tok.tag } : null;
        if (firstWords.size > 50_000) firstWords.clear();
        firstWords.set(window, word);
      }
      return word;
    };
    wordAtCache.set(seg, f);
  }
  return f;
}

const bookTitles = new WeakMap<Segment, Uint8Array>();

/** Whether `i` is inside 《…》 (a book or work title: 《刘胡兰传》), from a mask made once per part. */
export function inBookTitle(seg: Segment, i: number): boolean {
  let mask = bookTitles.get(seg);
  if (mask === undefined) {
    mask = new Uint8Array(seg.text.length);
    let open = -1;
    for (let j = 0; j < seg.text.length; j++) {
      if (seg.text[j] === "《") open = j;
      else if (seg.text[j] === "》" && open >= 0) {
        mask.fill(1, open, j);
        open = -1;
      }
    }
    if (open >= 0) mask.fill(1, open);
    bookTitles.set(seg, mask);
  }
  return mask[i] === 1;
}

/** Whether jieba read a place's name (ns) that ends with the character at `i` (临安县 of 临安县长). */
export function placeEndsAt(seg: Segment, i: number): boolean {
  const tok = seg.tokens[seg.tokenAt[i] ?? -1];
  return tok !== undefined && tok.tag === "ns" && tok.end === i + 1;
}

/** Whether a word starts at `i`: after punctuation, or where jieba starts a word. */
export function startsWord(seg: Segment, i: number): boolean {
  if (i === 0 || !isHan(seg.text[i - 1])) return true;
  const tok = seg.tokens[seg.tokenAt[i] ?? -1];
  return tok !== undefined && tok.start === i;
}

/** Whether a verb starts at `i` as jieba's dictionary reads it afresh: a word of two characters or more, or one with an aspect mark (拉着, 笑了). */
export function verbStartsAt(seg: Segment, i: number): boolean {
  const word = wordAt(seg)(i);
  if (word === null || !word.tag.startsWith("v")) return false;
  return word.length >= 2 || /[着了过]/.test(seg.text[i + 1] ?? "");
}

/** Punctuation or a follower word of two characters or more at `i` (not 说 inside 小说). */
export function sureEnd(t: string, i: number): boolean {
  return !isHan(t[i]) || FOLLOWER_WORDS.some((w) => w.length >= 2 && t.startsWith(w, i));
}

/** Whether a clause opens at `s`: the paragraph's start or punctuation before it. */
export function opensClause(t: string, s: number): boolean {
  return s === 0 || /[，。；：！？,;:!?、“”]/.test(t[s - 1] ?? "");
}

/** Whether a name may end at `i`: punctuation, the end, a follower word or a word boundary. */
export function endsName(seg: Segment, i: number): boolean {
  if (boundaryAt(seg.text, i) !== "none") return true;
  const k = seg.tokenAt[i] ?? -1;
  return k >= 0 && seg.tokens[k]?.start === i;
}

/**
 * Whether a name whose characters jieba cannot read (古贺纱理那/x) may end at `i`: a boundary, 、,
 * or a dictionary word of two characters or more that starts there (拿到), not a single one.
 */
export function endsForeignName(seg: Segment, i: number): boolean {
  return boundaryAt(seg.text, i) !== "none" || seg.text[i] === "、" || startsDictionaryWord(wordAt(seg), i);
}

/** Whether jieba, reading the segment, starts a word of its dictionary of two characters or more at `i` (连声/d). */
export function jiebaWordAt(seg: Segment, i: number): boolean {
  const tok = seg.tokens[seg.tokenAt[i] ?? -1];
  return tok?.start === i && tok.word.length >= 2 && tok.tag !== "x";
}

/** Whether an occurrence of an evidenced name at [i, end) is a word, not part of one. */
export function standsAlone(seg: Segment, i: number, end: number): boolean {
  return startsWord(seg, i) && endsName(seg, end);
}
