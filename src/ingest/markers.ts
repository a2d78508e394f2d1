/**
 * Continuation markers: the jump out "(下转第3版)", "（下接第3版）", "（转第2版）", "（下转3版）", "（下转第十二版）", "〔下转第5版〕",
 * "（下转A3版）", "下转B02版" and the pickup "（上接第1版）", "（接第一版）", "上接A01版", with or
 * without brackets. A cross reference such as "（相关报道见第十版）" or "另见B3版" points elsewhere
 * but the article does not continue there, so it is not a marker.
 * All functions read the folded text (see normalise.ts) and return absolute offsets.
 */
import { isSpaceCode } from "./normalise.ts";
import { readPageLabel } from "./page-label.ts";
import type { Span } from "./types.ts";

export { parsePageNumeral } from "./page-label.ts";

export type MarkerDirection = "out" | "in";

export interface FoundMarker {
  direction: MarkerDirection;
  /** The label the marker names, normalised (see page-label.ts): "B02", "3". */
  label: string;
  /** The page number when the label is a plain number; null for a section page such as B02. */
  page: number | null;
  span: Span;
}

const KEYWORD = "下转|下接|转至|转到|转|上接|紧接|接|续";
const SECTIONED = "[A-Za-z]\\s*[0-9]{1,2}";
const NUMERAL = "[0-9]+|[一二三四五六七八九十百零〇两]+";
// In brackets the keyword must open them, so 相关报道见… never matches; a section label may
// leave out 版 there ((下转A3)). Without brackets 版 is required and the marker must not
// continue a word (…连接第3版 is prose).
// Tortoise-shell brackets (〔下转第5版〕) are another paper's parentheses for the same marker.
const BRACKETED = `[(【〔\\[]\\s*(${KEYWORD})\\s*(?:第\\s*)?(?:(${SECTIONED})\\s*[版页]?|(${NUMERAL})\\s*[版页])\\s*[)】〕\\]]`;
const BARE = `(?<![\\p{L}\\p{N}])(${KEYWORD})\\s*(?:第\\s*)?(?:(${SECTIONED})|(${NUMERAL}))\\s*[版页]`;
/** A bullet or arrow some pages print before a bare jump: "▶下转A06版", "■上接A01版", "◀上接A01版", "↓下转A05版". */
const MARKS = "▶►→◀◄←↓■●◆▲□◎★☆◇○";
const MARK = `(?:[${MARKS}]\\s*)?`;
const BODY = `(?:${BRACKETED}|${BARE})`;
const WHOLE = new RegExp(`^${MARK}${BODY}$`, "u");
const LEADING = new RegExp(`^${MARK}${BODY}`, "u");
// Without the mark: an optional prefix doubles the tries of an unanchored search; markBefore adds it.
const TRAILING = new RegExp(`${BODY}$`, "u");

function toMarker(m: RegExpExecArray, offset: number): FoundMarker | null {
  const bracketed = m[1] !== undefined;
  const keyword = bracketed ? m[1]! : m[4]!;
  const printed = bracketed ? (m[2] ?? m[3]!) : (m[5] ?? m[6]!);
  const read = readPageLabel(printed);
  if (read === null) return null;
  const direction: MarkerDirection = keyword.startsWith("下") || keyword.startsWith("转") ? "out" : "in";
  return {
    direction,
    label: read.label,
    page: read.section === null ? read.number : null,
    span: { start: offset + m.index, end: offset + m.index + m[0].length },
  };
}

/** The marker that makes up the whole of [start, end), or null. */
export function wholeMarker(folded: string, start: number, end: number): FoundMarker | null {
  const m = WHOLE.exec(folded.slice(start, end));
  return m === null ? null : toMarker(m, start);
}

/** A marker opening [start, end) (the pickup at the head of a paragraph), or null. */
export function leadingMarker(folded: string, start: number, end: number): FoundMarker | null {
  const m = LEADING.exec(folded.slice(start, Math.min(end, start + 40)));
  return m === null ? null : toMarker(m, start);
}

/** A marker closing [start, end) (the jump at the tail of a paragraph), or null. */
export function trailingMarker(folded: string, start: number, end: number): FoundMarker | null {
  // One character before the window, so that a marker without brackets sees what precedes it.
  const from = Math.max(start, end - 41);
  const m = TRAILING.exec(folded.slice(from, end));
  const marker = m === null ? null : toMarker(m, from);
  if (marker !== null) marker.span.start = markBefore(folded, start, marker.span.start);
  return marker;
}

/** Where a bullet or arrow before the marker at `at` begins (spaces between allowed), or `at` when none stands there. */
function markBefore(folded: string, start: number, at: number): number {
  let i = at;
  while (i > start && isSpaceCode(folded.charCodeAt(i - 1))) i--;
  return i > start && MARKS.includes(folded[i - 1]!) ? i - 1 : at;
}
