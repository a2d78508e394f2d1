/**
 * Continuation markers: the jump out "(下转第3版)", "（转第2版）", "（下转3版）", "（下转第十二版）"
 * and the pickup "（上接第1版）", "（接第一版）". A cross reference such as "（相关报道见第十版）"
 * points elsewhere but the article does not continue there, so it is not a marker.
 * All functions read the folded text (see normalise.ts) and return absolute offsets.
 */
import type { Span } from "./types.ts";

export type MarkerDirection = "out" | "in";

export interface FoundMarker {
  direction: MarkerDirection;
  page: number;
  span: Span;
}

const NUMERAL = "[0-9]+|[一二三四五六七八九十百零〇两]+";
/** The marker body; the keyword must open the parentheses, so 相关报道见… never matches. */
const BODY = `[(【\\[]\\s*(下转|转至|转到|转|上接|紧接|接|续)\\s*(?:第\\s*)?(${NUMERAL})\\s*[版页]\\s*[)】\\]]`;
const WHOLE = new RegExp(`^${BODY}$`);
const LEADING = new RegExp(`^${BODY}`);
const TRAILING = new RegExp(`${BODY}$`);

const DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

/** 3 → 3, "三" → 3, "十" → 10, "十二" → 12, "二十三" → 23, "一百零二" → 102; NaN when unreadable. */
export function parsePageNumeral(s: string): number {
  if (/^[0-9]+$/.test(s)) return Number(s);
  let total = 0;
  let current = 0;
  for (const ch of s) {
    if (ch === "十" || ch === "百") {
      const unit = ch === "十" ? 10 : 100;
      total += (current === 0 ? 1 : current) * unit;
      current = 0;
    } else {
      const d = DIGITS[ch];
      if (d === undefined) return Number.NaN;
      current = current * 10 + d;
    }
  }
  return total + current;
}

function toMarker(m: RegExpExecArray, offset: number): FoundMarker | null {
  const keyword = m[1]!;
  const page = parsePageNumeral(m[2]!);
  if (!Number.isFinite(page) || page <= 0 || page > 9999) return null;
  const direction: MarkerDirection = keyword === "下转" || keyword.startsWith("转") ? "out" : "in";
  return { direction, page, span: { start: offset + m.index, end: offset + m.index + m[0].length } };
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
  const from = Math.max(start, end - 40);
  const m = TRAILING.exec(folded.slice(from, end));
  return m === null ? null : toMarker(m, from);
}
