/**
 * A notice's signing date: an obituary, a public notice or a letter closes with the signing
 * unit and then the date on a line of its own ("2025年3月2日", "二〇二五年三月二日"). Nothing of
 * the notice follows it, so the line ends its text, though it ends in no full stop, and a heading
 * line right under it heads the next piece. Reads the folded text (see normalise.ts).
 */
import { FULL_DATE_ALONE } from "./dateline.ts";

/** The same date in Chinese numerals (二〇二五年三月二日). */
const CHINESE_DATE = /^[〇零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日$/;

/** Whether the folded line [start, end) is a full date alone, as a notice's signing date stands. */
export function isSigningDateLine(folded: string, start: number, end: number): boolean {
  const line = folded.slice(start, end).trim();
  return FULL_DATE_ALONE.test(line) || CHINESE_DATE.test(line);
}
