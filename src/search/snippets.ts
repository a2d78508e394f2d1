/**
 * Highlighted snippets of a search hit, as pure functions. Offsets are UTF-16 code units into
 * the text of the field the snippet comes from (the article's `kicker`, `headline`,
 * `subheadline`, `body`, or one photo's `caption`), like every span of the API; they are
 * found in the normalised copy of the field, which has the same length, so `field.slice(start,
 * end)` is the printed form of what matched (韋韜 for the query 韦韬).
 */
import { normaliseForSearch } from "./normalise.ts";

export type SearchField = "KICKER" | "HEADLINE" | "SUBHEADLINE" | "BODY" | "CAPTION";

export interface Range {
  start: number;
  end: number;
}

export interface FieldText {
  field: SearchField;
  text: string;
  /** For CAPTION: the photo's ID. */
  photoId?: number;
}

export interface Snippet {
  field: SearchField;
  photoId: number | null;
  /** The excerpt: `fieldText.slice(start, end)`. */
  text: string;
  start: number;
  end: number;
  /** What matched, as offsets into the field's text (not into the excerpt), in order. */
  highlights: Range[];
}

/** Excerpts of the body are at most this long, with this much context before the first match. */
export const EXCERPT_LENGTH = 100;
const CONTEXT_BEFORE = 20;
/** At most this many excerpts of one body. */
export const MAX_BODY_SNIPPETS = 3;

/** Where the normalised terms occur in `text`: sorted, overlapping or touching ranges merged. */
export function highlightRanges(text: string, normalisedTerms: string[]): Range[] {
  const normalised = normaliseForSearch(text);
  const ranges: Range[] = [];
  for (const term of normalisedTerms) {
    if (!term) continue;
    for (let at = normalised.indexOf(term); at !== -1; at = normalised.indexOf(term, at + term.length)) {
      ranges.push({ start: at, end: at + term.length });
    }
  }
  ranges.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Range[] = [];
  for (const range of ranges) {
    const last = merged.at(-1);
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else merged.push({ ...range });
  }
  return merged;
}

/**
 * The snippets of one article: each short field (kicker, headlines, captions) whole when a
 * term occurs in it; for the body, up to three excerpts around the matches, each within one
 * paragraph. Fields in reading order.
 */
export function snippetsOf(fields: FieldText[], normalisedTerms: string[]): Snippet[] {
  const snippets: Snippet[] = [];
  for (const { field, text, photoId } of fields) {
    const ranges = highlightRanges(text, normalisedTerms);
    if (ranges.length === 0) continue;
    if (field !== "BODY") {
      snippets.push({ field, photoId: photoId ?? null, text, start: 0, end: text.length, highlights: ranges });
      continue;
    }
    let index = 0;
    while (index < ranges.length && snippets.filter((s) => s.field === "BODY").length < MAX_BODY_SNIPPETS) {
      const first = ranges[index]!;
      const paragraphStart = text.lastIndexOf("\n", first.start - 1) + 1;
      const newline = text.indexOf("\n", first.end);
      const paragraphEnd = newline === -1 ? text.length : newline;
      let start = Math.max(paragraphStart, first.start - CONTEXT_BEFORE);
      let end = Math.min(paragraphEnd, Math.max(start + EXCERPT_LENGTH, first.end));
      // Never cut a surrogate pair in half.
      if (start > 0 && isLowSurrogate(text.charCodeAt(start))) start--;
      if (end < text.length && isLowSurrogate(text.charCodeAt(end))) end++;
      const highlights: Range[] = [];
      while (index < ranges.length && ranges[index]!.end <= end) highlights.push(ranges[index++]!);
      snippets.push({ field, photoId: null, text: text.slice(start, end), start, end, highlights });
    }
  }
  return snippets;
}

const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;
