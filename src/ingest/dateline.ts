/**
 * Datelines: the date phrase that opens a dispatch or a body ("6月2日", "6月1日下午",
 * "10月11日" in "新华社北京10月11日电"), and its resolution to a full date.
 *
 * Only a date at the very opening counts: a date in the middle of the body is an event the
 * article talks about, not the day it reports on.
 */
import { parsePageNumeral } from "./markers.ts";
import type { Span } from "./types.ts";
import { withoutWrapBreaks } from "./wrap-breaks.ts";

export interface FoundDate {
  /** The phrase as it stands in the text, e.g. "6月1日下午". */
  span: Span;
  year: number | null;
  /** Null for a day printed alone ("台北18日電"): the issue's month, or the one before (resolveEventDate). */
  month: number | null;
  day: number;
}

/** A full date in Arabic numerals and nothing else (2025年3月2日), as a running head or a notice's signing date prints it. */
export const FULL_DATE_ALONE = /^[0-9]{4}年[0-9]{1,2}月[0-9]{1,2}日$/;

const NUM = "[0-9]{1,2}|[一二三四五六七八九十]{1,3}";
const TIME_OF_DAY = "一大早|一早|上午|下午|中午|傍晚|晚上|晚间|早上|早晨|清晨|凌晨|夜间|深夜|晚|早|夜";
/**
 * [YYYY年]M月D日, a range end (至D日, 至M月D日) and a part of day, as printed; OCR may leave spaces
 * between the parts ("3月 11日"), which the phrase keeps.
 */
const OPENING_DATE = new RegExp(
  `^(?:([0-9]{4}) ?年 ?)?(${NUM}) ?月 ?(${NUM}) ?日(?:至(?:(?:${NUM})月)?(?:${NUM})日)?(?:${TIME_OF_DAY})?`,
);
/** The date of a dispatch: "北京10月11日电" (place, date, 电), a city paper's "3月11日讯", a site's "3月11日消息", a quoted report's "4月9日报道". */
const DISPATCH_DATE = new RegExp(`(?:([0-9]{4})年)?(${NUM})月(${NUM})日(?=电|讯|消息|报道)`);

function numeral(s: string): number {
  return parsePageNumeral(s);
}

function toFound(m: RegExpExecArray, start: number, phraseEnd: number): FoundDate | null {
  const month = numeral(m[2]!);
  const day = numeral(m[3]!);
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= 31)) return null;
  return { span: { start, end: phraseEnd }, year: m[1] === undefined ? null : Number(m[1]), month, day };
}

/**
 * The date phrase opening [start, end) of the folded text, or null. A line break inside it, where
 * a text wrapped at a column's width cut it ("3\n月17日"), is read through.
 */
export function openingDate(folded: string, start: number, end: number): FoundDate | null {
  const view = withoutWrapBreaks(folded, start, Math.min(end, start + 24 + MAX_BREAKS));
  const m = OPENING_DATE.exec(view.text);
  if (m === null) return null;
  return toFound(m, start, view.offsets[m[0].length - 1]! + 1);
}

/** How many line breaks a date phrase may be cut by. */
const MAX_BREAKS = 2;

/** The date inside a dispatch designation ("北京10月11日电" → "10月11日", "3月11日讯" → "3月11日", "3月11日消息"), or null. */
export function dispatchDate(folded: string, start: number, end: number): FoundDate | null {
  const m = DISPATCH_DATE.exec(folded.slice(start, end));
  if (m === null) return null;
  const s = start + m.index;
  return toFound(m, s, s + m[0].length);
}

/** A day printed alone before 电 or 专电, as Taiwan's agency dates its dispatches: "台北18日电". */
const DAY_ONLY_DATE = new RegExp(`(${NUM})日(?=专?电$)`);

/** The day-only date closing a dispatch designation ("中央社记者林志成台北18日电" → "18日"), or null. */
export function dispatchDayDate(folded: string, start: number, end: number): FoundDate | null {
  const m = DAY_ONLY_DATE.exec(folded.slice(start, end));
  if (m === null) return null;
  const day = numeral(m[1]!);
  if (!(day >= 1 && day <= 31)) return null;
  const s = start + m.index;
  return { span: { start: s, end: s + m[0].length }, year: null, month: null, day };
}

const DAY_MS = 86_400_000;
/** A date this far after the issue date is last year's (a December event in a January issue). */
const MAX_DAYS_AHEAD = 62;

/** Resolves a month and day against the issue date (YYYY-MM-DD); null when impossible. */
export function resolveEventDate(issueDate: string, found: { year: number | null; month: number | null; day: number }): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(issueDate);
  if (m === null) return null;
  if (found.month === null) return dayOfRecentMonth(Number(m[1]), Number(m[2]), Number(m[3]), found.day);
  const issue = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (Number.isNaN(issue)) return null;
  let year = found.year ?? Number(m[1]);
  if (found.year === null && utc(year, found.month, found.day) - issue > MAX_DAYS_AHEAD * DAY_MS) year -= 1;
  const t = utc(year, found.month, found.day);
  if (Number.isNaN(t)) return null;
  return `${String(year).padStart(4, "0")}-${pad(found.month)}-${pad(found.day)}`;
}

/**
 * A day printed without its month: in the issue's month, or in the month before when it falls
 * after the issue's day (a report filed on the 30th, printed on the 2nd).
 */
function dayOfRecentMonth(issueYear: number, issueMonth: number, issueDay: number, day: number): string | null {
  let [year, month] = [issueYear, issueMonth];
  if (day > issueDay) [year, month] = month === 1 ? [year - 1, 12] : [year, month - 1];
  if (Number.isNaN(utc(year, month, day))) return null;
  return `${String(year).padStart(4, "0")}-${pad(month)}-${pad(day)}`;
}

/** UTC time of a calendar date, NaN when the date does not exist (2月30日). */
function utc(year: number, month: number, day: number): number {
  const t = Date.UTC(year, month - 1, day);
  const d = new Date(t);
  return d.getUTCMonth() === month - 1 && d.getUTCDate() === day ? t : Number.NaN;
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}
