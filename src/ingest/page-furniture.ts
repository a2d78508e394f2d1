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
import { FULL_DATE_ALONE } from "./dateline.ts";
import { HAN_RANGES } from "./han.ts";

const HAN = `[${HAN_RANGES}]`;
/** A page's printed number: A05, A5, 05, 第A05版, 第5版, A05版. */
const PAGE_NUMBER = /^(?:第)?(?:[A-Z]{1,2}[0-9]{1,3}|[0-9]{1,3})版?$/;
const WEEKDAY_PIECE = /^(?:星期|周)[一二三四五六日天]$/;
/** A section's name, perhaps a section and its subsection joined by a dot (滨城·社区, 新闻·综合), which is one name. */
const SECTION_PIECE = new RegExp(`^(?:${HAN}{2,10}|${HAN}{1,8}[·・]${HAN}{1,8})$`);
/** The most section or paper names a running head holds beside its number or date (扬子晚报 城事). */
const MAX_SECTION_PIECES = 2;

/** What sets a running head's pieces apart: spaces, colons, bars, and a dot next to a page number (城事·A05); a dot between two names joins them into one section's. */
const PIECE_BREAK = new RegExp(`[ :|｜]+|[·・](?!${HAN})|(?<!${HAN})[·・]`);

/** Where a section name is glued after 版: built once, since every short line of every page is asked. */
const SECTION_AFTER_PAGE = new RegExp(`(?<=[0-9]版)(?=${HAN})`, "g");

/**
 * The pieces of a running head: spaces inside a page number closed up ("第 A 05 版" → 第A05版),
 * and a section name glued after 版 set off ("第5版要闻"); then split at PIECE_BREAK.
 */
function runningHeadPieces(line: string): string[] {
  const closed = line
    .replace(/第 +/g, "第")
    .replace(/([A-Z0-9]) +版/g, "$1版")
    .replace(/([A-Z]) +(?=[0-9])/g, "$1")
    .replace(SECTION_AFTER_PAGE, " ");
  return closed.split(PIECE_BREAK).filter((piece) => piece !== "");
}

/** Labels of the people who made the page, not the articles. */
const STAFF_LABEL =
  "(?:责任编辑|本版责编|责编|本版编辑|值班编辑|图片编辑|美术编辑|本版美编|美编|本版主编|主编|版式设计|版面设计|视觉设计|版式|排版|本版统筹|统筹|校对|组版|制图|审读|编辑)";
/** A name, or a name of two characters padded to three's width (邢 磊). */
const STAFF_NAME = `(?:${HAN} {1,2}${HAN}(?![${HAN_RANGES}])|${HAN}{2,4})`;
const STAFF_NAMES = `(?:${STAFF_NAME}|${HAN})(?:[、,/ ]+${STAFF_NAME})*?`;
/**
 * One or more staff credits, each a label set off by a colon, a slash or a space, and names
 * ("校对工作", with nothing between, is a phrase).
 */
const STAFF_LINE = new RegExp(`^\\(?(?:${STAFF_LABEL}(?: *[:/] *| +)${STAFF_NAMES} *)+\\)?$`);

/**
 * The page's staff credits closing its running head ("A03 2025年11月5日 星期三 城乡 责任编辑：邵 清"):
 * each a label, a colon or a slash, and a few names, perhaps padded; after the head's own pieces.
 */
const STAFF_CREDITS_AT_END = new RegExp(`(?: +${STAFF_LABEL} *[:/] *${HAN}(?:${HAN}| (?=${HAN})){0,10})+$`);

/**
 * Whether the folded line [start, end) is a running head of the page: its number with a section's
 * or the paper's name ("A05 南京新闻", "第A05版：要闻", "城事·A05"), perhaps with the date, in
 * any order ("2026年3月12日 星期四 A05 城事", "扬子晚报 2026年3月12日", "2026年3月12日 星期四 要闻 3"),
 * or the date alone, perhaps closed by the page's staff credits. A headline never reads so: its words are no page number ("5G网络", "12家企业").
 */
export function isRunningHead(folded: string, start: number, end: number): boolean {
  if (end - start > 48) return false;
  const kinds: ("page" | "date" | "section")[] = [];
  let previous = "";
  const pieces = runningHeadPieces(folded.slice(start, end).trim().replace(STAFF_CREDITS_AT_END, ""));
  const dated = pieces.some((piece) => FULL_DATE_ALONE.test(piece));
  for (const [at, piece] of pieces.entries()) {
    const last = kinds.at(-1);
    // A bare number is a page only where a running head prints one: first, after the date, or
    // closing a line that holds the date ("2026年3月12日 星期四 新闻·综合 3"); "新增岗位 300" ends a
    // headline, "全市 12 个项目" is inside one.
    const pageAtEnd = dated && at === pieces.length - 1;
    if (PAGE_NUMBER.test(piece) && (!/^[0-9]+$/.test(piece) || last === undefined || last === "date" || pageAtEnd)) kinds.push("page");
    else if (FULL_DATE_ALONE.test(piece)) kinds.push("date");
    else if (WEEKDAY_PIECE.test(piece) && FULL_DATE_ALONE.test(previous)) {
      // The weekday belongs to the date before it.
    } else if (SECTION_PIECE.test(piece)) kinds.push("section");
    else return false;
    previous = piece;
  }
  const count = (kind: string) => kinds.filter((k) => k === kind).length;
  const pageAt = kinds.indexOf("page");
  // Between two names a page number is a phrase's number ("我市 A5 级景区").
  if (pageAt > 0 && kinds[pageAt - 1] === "section" && kinds[pageAt + 1] === "section") return false;
  if (count("page") > 1 || count("date") > 1 || count("section") > MAX_SECTION_PIECES) return false;
  return count("date") === 1 || (count("page") === 1 && count("section") > 0);
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

/** A note of where the piece comes from, under its headline: "来源：珠江时报全媒体", "来源: 市融媒体中心". */
const SOURCE_NOTE = /^来源\s*:\s*[^。,;!?]{2,20}$/;

/** Whether the folded line [start, end) is such a note: it credits no one, heads nothing and is no body text. */
export function isSourceNote(folded: string, start: number, end: number): boolean {
  return SOURCE_NOTE.test(folded.slice(start, end));
}
