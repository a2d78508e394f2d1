/**
 * The article's parts as the people reader reads them. Each part (kicker, headline, paragraph,
 * caption) becomes a Segment: its repaired text, jieba's words over it, and for each character the
 * page-text index it came from, so that a name found in the repaired text can be given its span in
 * the page. Found is one place in a segment where a person was found. Every rule reads a Segment;
 * building them is apart from reading them.
 */
import { tagWithOffsets, type Token } from "../jieba.ts";
import { speaksOfDai } from "../dai-names.ts";
import { speaksOfJapan } from "../japanese-names.ts";
import { speaksOfKorea } from "../korean-names.ts";
import { speaksOfYi } from "../yi-names.ts";
import type { Span } from "../types.ts";
import type { MentionInput } from "./mention-input.ts";
import { withoutColumnPadding } from "./padded-rows.ts";
import { REPORTS_A_MATCH } from "./cue-words.ts";

export interface Segment {
  /** Repaired text of the part (headline, paragraph, caption…). */
  text: string;
  rawStart: number;
  rawEnd: number;
  /** For each index of `text`, the page-text index it came from, -1 when unknown. */
  map: Int32Array;
  tokens: Token[];
  /** For each index of `text`, the index of the token covering it, -1 when untagged. */
  tokenAt: Int32Array;
  /** A kicker, headline or subheadline: evidence for names, but not a mention. */
  heading: boolean;
  /** The article speaks of Japan: a Japanese surname may open a name (岸田文雄). */
  japanese: boolean;
  /** The article speaks of Korea or the Korean Chinese: a Korean surname may open a name (玄英哲). */
  korean: boolean;
  /** The article speaks of the Dai: a Dai name's prefix may open a name (岩罕). */
  dai: boolean;
  /** The article speaks of the Yi: a Yi clan may open a name (吉克曲布). */
  yi: boolean;
  /** The article reports a match: a name of two characters may stand as a clause's subject (袁悦苦战). */
  match: boolean;
}

/** One place where a person was found with evidence. */
export interface Found {
  name: string;
  seg: Segment;
  at: number;
  title: string | null;
  titleAt: number;
  /** The title used for normalising when it differs from the printed one (副主席 after 市政协主席X、). */
  fullTitle: string | null;
}

/** The article's parts as segments, in the order they stand in the page text. */
export function buildSegments(page: string, input: MentionInput): Segment[] {
  const parts: Array<{ text: string; span: Span; heading: boolean }> = [];
  for (const p of [input.kicker, input.headline, input.subheadline]) if (p) parts.push({ ...p, heading: true });
  for (const p of input.paragraphs ?? []) parts.push({ ...p, text: withoutColumnPadding(p.text), heading: false });
  for (const c of input.captions ?? []) parts.push({ ...c, heading: false });
  const japanese = parts.some((p) => typeof p?.text === "string" && speaksOfJapan(p.text));
  const korean = parts.some((p) => typeof p?.text === "string" && speaksOfKorea(p.text));
  // A paper of a people's autonomous area (西双版纳傣族自治州, 凉山彝族自治州) speaks of that people on every page.
  const area = input.region?.city ?? "";
  const dai = speaksOfDai(area) || parts.some((p) => typeof p?.text === "string" && speaksOfDai(p.text));
  const yi = speaksOfYi(area) || parts.some((p) => typeof p?.text === "string" && speaksOfYi(p.text));
  const match = parts.some((p) => typeof p?.text === "string" && REPORTS_A_MATCH.test(p.text));
  const segments: Segment[] = [];
  for (const p of parts) {
    if (typeof p?.text !== "string" || p.text.length === 0 || !p.span) continue;
    const rawStart = Math.max(0, Math.min(page.length, Math.trunc(p.span.start)));
    const rawEnd = Math.max(rawStart, Math.min(page.length, Math.trunc(p.span.end)));
    if (!Number.isFinite(rawStart) || !Number.isFinite(rawEnd)) continue;
    const tokens = tagWithOffsets(p.text);
    const tokenAt = tokenIndex(tokens, p.text.length);
    segments.push({
      text: p.text,
      rawStart,
      rawEnd,
      map: align(p.text, page, rawStart, rawEnd),
      tokens,
      tokenAt,
      heading: p.heading,
      japanese,
      korean,
      dai,
      yi,
      match,
    });
  }
  return segments.sort((a, b) => a.rawStart - b.rawStart);
}

/** For each index of a text of `length`, the index of the token covering it, -1 when untagged. */
function tokenIndex(tokens: Token[], length: number): Int32Array {
  const tokenAt = new Int32Array(length).fill(-1);
  // A plain loop: a fill call per token cost more than the few characters it sets.
  for (let k = 0; k < tokens.length; k++) {
    const token = tokens[k]!;
    for (let i = token.start; i < token.end; i++) tokenAt[i] = k;
  }
  return tokenAt;
}

/**
 * Maps each character of the repaired text to the page character it came from: repairs only
 * delete (a newline run, a doubled character), so a greedy walk that skips unmatched page
 * characters finds them. Characters it cannot place stay -1.
 */
function align(repaired: string, page: string, start: number, end: number): Int32Array {
  const map = new Int32Array(repaired.length).fill(-1);
  let j = start;
  for (let i = 0; i < repaired.length; i++) {
    let k = j;
    // Look ahead only a little: a repair removes a few characters, not a paragraph.
    const limit = Math.min(end, j + 16);
    // Code units, not one-character strings: page[k] makes a new string for each Chinese character.
    const unit = repaired.charCodeAt(i);
    while (k < limit && page.charCodeAt(k) !== unit) k++;
    if (k < limit) {
      map[i] = k;
      j = k + 1;
    }
  }
  return map;
}
