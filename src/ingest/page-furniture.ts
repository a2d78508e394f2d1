/**
 * Page furniture: lines that the page prints around its articles, not in any of them. The
 * running head above the first headline ("A05 南京新闻", "第A05版：要闻", "2026年3月12日 星期四")
 * and the page's staff credits ("责任编辑：李娜　美术编辑：周涛", "本版编辑 孙立 校对 吴明"). The
 * labelling rules say page-level credits such as 本版编辑 are not credits; neither line is a
 * heading or a paragraph of the article next to it. Likewise the notes that close an article's
 * text without being part of it: （完）, （编辑：王琳）, （来源：人民网）.
 *
 * Both read the folded text (normalise.ts): ASCII punctuation, every space a " ".
 */
import { HAN_RANGES } from "./han.ts";

const HAN = `[${HAN_RANGES}]`;
const WEEKDAY = "(?:星期|周)[一二三四五六日天]";
const ISSUE_DATE = `[0-9]{4}年[0-9]{1,2}月[0-9]{1,2}日(?: *${WEEKDAY})?`;
/** A page's printed number: A05, A5, 05, 第A05版, 第5版. */
const PAGE_NUMBER = "(?:第 *)?(?:[A-Z]{1,2} *[0-9]{1,3}|[0-9]{1,3}) *(?:版)?";

/**
 * A running head: the page number with the section's name set off by a space, a colon or 版
 * (a headline never opens so: "5G网络", "12家企业"), perhaps with the issue date; or the date alone.
 */
const RUNNING_HEAD = new RegExp(
  `^(?:${PAGE_NUMBER}(?: *:| +|(?<=版)) *${HAN}{2,10}(?: +${HAN}{2,10})?(?: +${ISSUE_DATE})?|${ISSUE_DATE})$`,
);

/** Labels of the people who made the page, not the articles. */
const STAFF_LABEL = "(?:责任编辑|本版编辑|值班编辑|图片编辑|美术编辑|美编|版式设计|版面设计|视觉设计|本版统筹|统筹|校对|组版|制图|审读|编辑)";
const STAFF_NAMES = `${HAN}{1,4}(?:[、,/ ]+${HAN}{2,4})*?`;
/**
 * One or more staff credits, each a label set off by a colon, a slash or a space, and names
 * ("校对工作", with nothing between, is a phrase).
 */
const STAFF_LINE = new RegExp(`^\\(?(?:${STAFF_LABEL}(?: *[:/] *| +)${STAFF_NAMES} *)+\\)?$`);

/** Whether the folded line [start, end) is a running head of the page. */
export function isRunningHead(folded: string, start: number, end: number): boolean {
  return end - start <= 48 && RUNNING_HEAD.test(folded.slice(start, end).trim());
}

/** Whether the folded line [start, end) holds only the page's staff credits. */
export function isStaffLine(folded: string, start: number, end: number): boolean {
  return end - start <= 80 && STAFF_LINE.test(folded.slice(start, end).trim());
}

/** A note closing an article: its end mark, its editor, where it was taken from. */
const END_NOTE = new RegExp(
  `\\((?:完|全文完|待续|未完待续|${STAFF_LABEL}(?: *[:/] *| +)${STAFF_NAMES}|(?:本文)?来源 *: *[^()]{2,24})\\)$`,
);

/** Where a note closing [start, end) begins ("…增长。（编辑：王琳）", "…（完）"), or null when none does. */
export function trailingEndNote(folded: string, start: number, end: number): number | null {
  const from = Math.max(start, end - 48);
  const m = END_NOTE.exec(folded.slice(from, end));
  return m === null ? null : from + m.index;
}
