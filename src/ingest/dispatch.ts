/**
 * Dispatch lines and credits: "本报讯(记者 殷雪莹、梁涛)", "本报讯 6月1日下午",
 * "本报北京10月11日电（记者 A、B）", "新华社北京10月11日电（记者 A）", "据新华社酒泉10月11日电",
 * and the author credit that closes an article: "…。(李俊华)".
 * All functions read the folded text (see normalise.ts) and return absolute offsets.
 */
import { isHalfWidthFullStop } from "./column-repair.ts";
import { BRAND_BEFORE_HYPHEN, creditNamesEnd, labelAt, LEAD_MARKS, looksLikePersonalName, parseCreditList, type CreditName } from "./credit-names.ts";
import { dispatchDate, dispatchDayDate, type FoundDate } from "./dateline.ts";
import { HAN_RANGES } from "./han.ts";
import { tagOfWord } from "./jieba.ts";
import { isSpaceCode, skipSpaces } from "./normalise.ts";
import type { Span } from "./types.ts";
import { originalOffset, originalSpan, withoutWrapBreaks } from "./wrap-breaks.ts";

export interface FoundDispatch {
  /** The designation: 本报讯, 本报, 新华社, 据新华社, 中新社… */
  source: string;
  /** The dispatch as printed, designation and credit parentheses, without trailing spaces. */
  span: Span;
  credits: CreditName[];
  /** The date inside the designation (…10月11日电), null for 本报讯. */
  date: FoundDate | null;
  /** Where the body text starts after the dispatch. */
  bodyStart: number;
  /** The writers of a translated report, credited in its original title's line (题：… （记者 X）). */
  originalWriters?: CreditName[];
}

const AGENCIES = "新华社|中新社|本报|人民日报|光明日报|经济日报|央视新闻";
const NUM = "[0-9]{1,2}|[一二三四五六七八九十]{1,3}";
/** 本报讯, or agency + place + date + 电 ("新华社北京10月11日电", "据新华社电"). */
const DESIGNATION = new RegExp(
  `^(?:本报讯|(据)?(${AGENCIES})[${HAN_RANGES}·]{0,12}?(?:(?:[0-9]{4}年)?(?:${NUM})月(?:${NUM})日)?电)`,
);

const DATE = `(?:[0-9]{4}年)?(?:${NUM})月(?:${NUM})日`;

/**
 * A dispatch of a paper, a news site or an app that the list of agencies does not hold, which
 * only its date marks as one: "人民网北京3月11日电", "中国青年报客户端北京3月11日电".
 */
const MEDIA_DISPATCH = new RegExp(
  `^(据)?([${HAN_RANGES}]{1,8}?(?:网|日报|晚报|晨报|时报|都市报|新闻|客户端|广播电视台|电视台))[${HAN_RANGES}·]{0,8}?${DATE}电`,
);

/**
 * A city paper's own designation, its short name and 讯 ("南都讯", "晨报讯", "羊城晚报讯"), perhaps
 * with a place and a date ("本报3月11日讯", "扬子晚报网3月11日讯"), set off from what follows by a
 * parenthesis, a space or a colon. Dated, it is read as a dated 电 is: its source is the name alone
 * (扬子晚报网), as the labelling rules take 本报上海3月5日电 to 本报. A web brand joined before the
 * name by a hyphen is left out (厦门网-厦门日报讯 → 厦门日报讯).
 */
const PAPER_DESIGNATION = new RegExp(`^(?:${BRAND_BEFORE_HYPHEN})?([${HAN_RANGES}]{1,10}?)(${DATE})?讯(?=[\\s(:】〕\\]])`);

/**
 * A report quoted from another outlet, dated, as a translated-news paper opens an item: an agency
 * (美联社纽约4月9日电), a paper or site in book-title marks after its country (日本《读卖新闻》4月9日报道,
 * 据英国《每日电讯报》网站4月8日报道), or a site (参考消息网4月10日报道). Only a month and a day
 * mark it: "据路透社25日报道" is an attribution inside the report.
 */
const QUOTED_REPORT = new RegExp(
  `^(据)?((?:[${HAN_RANGES}]{0,6}《[^》]{1,12}》(?:周刊|杂志|月刊)?(?:网站|网)?)|[${HAN_RANGES}]{1,5}?社|[${HAN_RANGES}]{1,8}?网)[${HAN_RANGES}·]{0,8}?${DATE}(电|报道)(?=[\\s(,:】〕\\]])`,
);

/**
 * A paper's report compiled or translated from others' (本报综合报道, 本报编译), which names no one: read
 * as 本报讯, its source 本报; printed glued to the body as often as not.
 */
const OWN_COMPILED_REPORT = /^本报(?:综合报道|编译)/;

/** A paper's own undated designation other than 讯: 本报消息 (澳门日报), 明报专讯. */
const OWN_REPORT = new RegExp(`^(?:本报消息|[${HAN_RANGES}]{1,6}?专讯)(?=[\\s(:】〕\\]])`);

/** A site, an app, a station or a paper as the outlet a report is credited to (央视网, 澎湃新闻, 江城日报). */
const REPORTING_OUTLET = `[${HAN_RANGES}]{1,8}?(?:网|新闻|客户端|电视台|日报|晚报)`;

/**
 * A news site's, an app's or a paper's report, perhaps with a place and a date: "央视网消息（记者 X）",
 * "据澎湃新闻消息", "央广网北京3月11日消息", "据江城日报消息". With 据 it is read like 据新华社电, its
 * 消息 dropped as 电 is (据江城日报消息 → 据江城日报); dated, a comma may close it as it closes
 * 据…网站4月8日报道.
 */
const MEDIA_REPORT = new RegExp(
  `^(据)?(${REPORTING_OUTLET}(?:客户端)?)(?:[${HAN_RANGES}·]{0,8}?(${DATE}))?消息(?=[\\s(,:】〕\\]])`,
);

/**
 * An attribution opening an item with nothing after the outlet but a space (据央视新闻 近日，…), read
 * like 据新华社电; 报道 or a comma after the outlet would make it a sentence of the body.
 */
const ATTRIBUTED_OUTLET = new RegExp(`^据${REPORTING_OUTLET}(?=\\s)`);

/**
 * A report compiled from other outlets' reports: "综合新华社、央视新闻报道". Every item names a
 * medium, so that a round-up of the paper's own reporters ("综合甲、乙报道") stays a credit.
 */
const ROUND_UP = new RegExp(`^综合([${HAN_RANGES}、]{2,40}?)报道(?=[\\s(:0-9一二三四五六七八九十])`);
const MEDIUM_ITEM = new RegExp(`^(?:${AGENCIES}|[${HAN_RANGES}]{1,10}(?:社|网|新闻|报|台|客户端))$`);

/** In a dated designation the name ends with the medium, and a place may stand after it (扬子晚报网南京). */
const MEDIUM_NAME = /^(.+?(?:网|报|新闻|客户端|社|台))[^网报闻端社台]+$/;

/** Words ending in 讯 that open a sentence or label a box, not a dispatch: 喜讯, 快讯, 通讯… */
const NOT_DESIGNATIONS = new Set(["通讯", "资讯", "喜讯", "快讯", "简讯", "短讯", "电讯", "视讯", "闻讯", "传讯", "审讯", "死讯", "音讯", "问讯", "警讯", "特讯", "新闻快讯", "图片快讯"]);

/** The designation opening `head`: its source, its length, and whether it carries a place and date (…电, …日讯). */
function designationAt(head: string): { source: string; length: number; dated: boolean } | null {
  const m = DESIGNATION.exec(head);
  if (m !== null) return { source: m[2] === undefined ? "本报讯" : `${m[1] ?? ""}${m[2]}`, length: m[0].length, dated: m[2] !== undefined };
  const quoted = QUOTED_REPORT.exec(head);
  if (quoted !== null) return { source: `${quoted[1] ?? ""}${quoted[2]}`, length: quoted[0].length, dated: true };
  const compiled = OWN_COMPILED_REPORT.exec(head);
  if (compiled !== null) return { source: "本报", length: compiled[0].length, dated: false };
  const own = OWN_REPORT.exec(head);
  if (own !== null) return { source: own[0], length: own[0].length, dated: false };
  const media = MEDIA_DISPATCH.exec(head);
  if (media !== null) return { source: `${media[1] ?? ""}${media[2]}`, length: media[0].length, dated: true };
  const roundUp = ROUND_UP.exec(head);
  if (roundUp !== null && roundUp[1]!.split("、").every((item) => MEDIUM_ITEM.test(item))) {
    return { source: roundUp[0].slice(0, -2), length: roundUp[0].length, dated: false };
  }
  const report = MEDIA_REPORT.exec(head);
  // Undated and followed by a comma (据某某新闻消息，…) it is a sentence of the body; dated, an attribution.
  if (report !== null && (report[3] !== undefined || head[report[0].length] !== ",")) {
    const dated = report[3] !== undefined;
    const attributed = report[1] !== undefined;
    const source = attributed ? `据${report[2]}` : dated ? `${report[2]}消息` : report[0];
    return { source, length: report[0].length, dated };
  }
  const outlet = ATTRIBUTED_OUTLET.exec(head);
  if (outlet !== null) return { source: outlet[0], length: outlet[0].length, dated: false };
  const paper = PAPER_DESIGNATION.exec(head);
  if (paper === null) return null;
  const dated = paper[2] !== undefined;
  let name = paper[1]!;
  if (dated) name = name.startsWith("本报") ? "本报" : (MEDIUM_NAME.exec(name)?.[1] ?? name);
  if (NOT_DESIGNATIONS.has(`${name}讯`)) return null;
  return { source: dated ? name : `${name}讯`, length: paper[0].length, dated };
}

/** A bullet some pages print before a brief's dispatch ("●本报讯（记者 X）…", "■ 新华社北京…电"). */
const LEAD_MARK = new RegExp(`^[${LEAD_MARKS}]\\s*`);

/**
 * The dispatch opening [start, end) of the folded text, or null. A bullet before the designation
 * is part of the dispatch as printed, so that the body starts after both.
 */
export function parseDispatch(folded: string, start: number, end: number): FoundDispatch | null {
  const mark = LEAD_MARK.exec(folded.slice(start, Math.min(end, start + 4)))?.[0].length ?? 0;
  const designation = designationAt(folded.slice(start + mark, Math.min(end, start + mark + 48))) ?? bracketedDesignation(folded, start + mark, end);
  if (designation === null) return agencyInParentheses(folded, start, start + mark, end);
  const { source } = designation;
  const designationEnd = start + mark + designation.length;
  const date = designation.dated ? dispatchDate(folded, start + mark, designationEnd) : null;
  let dispatchEnd = designationEnd;
  let credits: CreditName[] = [];
  const open = skipSpaces(folded, designationEnd, end);
  if (folded[open] === "(") {
    const close = folded.indexOf(")", open + 1);
    if (close !== -1 && close < end && close - open <= 64) {
      const names = parseCreditList(folded, open + 1, creditNamesEnd(folded, open + 1, close));
      if (names !== null) {
        credits = names;
        dispatchEnd = close + 1;
      }
    }
  }
  if (credits.length === 0) {
    const runIn = runInByline(folded, open, end);
    if (runIn !== null) {
      credits = runIn.credits;
      dispatchEnd = runIn.end;
    }
  }
  let bodyStart = skipSpaces(folded, dispatchEnd, end);
  // Some pages print a colon after the designation ("本报讯：…"), and a quoted report a comma ("据…报道，…").
  if ((folded[bodyStart] === ":" || (folded[bodyStart] === "," && source.startsWith("据"))) && bodyStart === dispatchEnd) {
    bodyStart = skipSpaces(folded, bodyStart + 1, end);
  }
  const original = originalTitleLine(folded, bodyStart, end);
  if (original === null) return { source, span: { start, end: dispatchEnd }, credits, date, bodyStart };
  return { source, span: { start, end: dispatchEnd }, credits, date, bodyStart: original.end, originalWriters: original.writers };
}

/** The longest original-title line read: a title and its writer's credit. */
const MAX_ORIGINAL_TITLE_LINE = 80;

/**
 * The original title of a translated report, on a line of its own after the dispatch
 * ("【…报道】题：…（记者 X）"): part of the dispatch block, so the body starts after its line. The
 * credit closing it names the original article's writers.
 */
function originalTitleLine(folded: string, start: number, end: number): { end: number; writers: CreditName[] } | null {
  if (!folded.startsWith("题:", start)) return null;
  const newline = folded.slice(start, end).search(/[\r\n]/);
  const lineEnd = newline === -1 ? end : start + newline;
  if (lineEnd - start > MAX_ORIGINAL_TITLE_LINE) return null;
  const line = folded.slice(start, lineEnd).trimEnd();
  const open = line.lastIndexOf("(");
  const names =
    line.endsWith(")") && open !== -1 ? parseCreditList(folded, start + open + 1, creditNamesEnd(folded, start + open + 1, start + line.length - 1)) : null;
  return { end: skipSpaces(folded, newline === -1 ? lineEnd : lineEnd + 1, end), writers: names ?? [] };
}

/** How far a dispatch read through a wrap's line breaks may reach: a designation and its parenthesis with a dozen names. */
const WRAPPED_DISPATCH_REACH = 160;

/**
 * The dispatch opening [start, end), read through the line breaks a wrap at a column's width
 * left in it (wrap-breaks.ts): "新华社雅加达3月20日电（记者 吴昊 郑" / "世波）…" credits 吴昊 and 郑世波,
 * and "据新华社广州3月" / "14日电 …" is dated 3月14日. Spans and offsets are the original's.
 */
export function parseDispatchThroughWraps(folded: string, start: number, end: number): FoundDispatch | null {
  return readThroughWraps(folded, start, end, parseDispatch, (d, span) => ({
    ...d,
    span: span(d.span),
    credits: d.credits.map((c) => ({ ...c, span: span(c.span) })),
    date: d.date === null ? null : { ...d.date, span: span(d.date.span) },
  }));
}

/**
 * What `read` finds opening [start, end), read through the line breaks a wrap left within reach
 * of it; `respan` gives the spans it found back in the original, and its body starts there too.
 */
function readThroughWraps<Found extends { bodyStart: number }>(
  folded: string,
  start: number,
  end: number,
  read: (text: string, start: number, end: number) => Found | null,
  respan: (found: Found, span: (s: Span) => Span) => Found,
): Found | null {
  const reach = Math.min(end, start + WRAPPED_DISPATCH_REACH);
  if (!hasLineBreak(folded, start, reach)) return read(folded, start, end);
  const view = withoutWrapBreaks(folded, start, reach);
  const found = read(view.text, 0, view.text.length);
  if (found === null) return null;
  return {
    ...respan(found, (s) => originalSpan(view, s.start, s.end, reach)),
    bodyStart: found.bodyStart >= view.text.length ? skipSpaces(folded, reach, end) : originalOffset(view, found.bodyStart, reach),
  };
}

/** Whether a line break stands in [start, end): read in place, since every block's opening is asked. */
function hasLineBreak(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x0a || code === 0x0d) return true;
  }
  return false;
}

/** An agency that names itself 社 (中央社, 美联社), inside the parenthesis of its own dispatch. */
const AGENCY_IN_PARENTHESES = new RegExp(`^(据)?([${HAN_RANGES}]{1,5}?社)(.*?)电$`);

/**
 * A dispatch wholly in parentheses at the body's start, with its reporters between the agency
 * and the place, as Taiwan's agency prints it: "（中央社记者林志成台北18日电）", "（中央社台北18日专电）".
 * The last name runs into the place: the split leaves a place jieba knows (台北, 东京), else a
 * name of three characters. The date is the day alone, or month and day.
 */
function agencyInParentheses(folded: string, start: number, open: number, end: number): FoundDispatch | null {
  if (folded[open] !== "(") return null;
  const close = folded.indexOf(")", open + 1);
  if (close === -1 || close >= end || close - open > 48) return null;
  const m = AGENCY_IN_PARENTHESES.exec(folded.slice(open + 1, close));
  if (m === null) return null;
  const date = dispatchDate(folded, open + 1, close) ?? dispatchDayDate(folded, open + 1, close);
  if (date === null) return null;
  const middleStart = open + 1 + (m[1]?.length ?? 0) + m[2]!.length;
  const credits = reportersBeforePlace(folded, middleStart, date.span.start);
  if (credits === null) return null;
  return { source: `${m[1] ?? ""}${m[2]}`, span: { start, end: close + 1 }, credits, date, bodyStart: skipSpaces(folded, close + 1, end) };
}

const PLACE_ALONE = new RegExp(`^[${HAN_RANGES}]{0,8}$`);

/** The labelled reporters before the place of a dispatch ("记者林志成、王小明台北"); [] for a place alone, null for neither. */
function reportersBeforePlace(folded: string, start: number, end: number): CreditName[] | null {
  const label = labelAt(folded, start, end);
  if (label === null) return PLACE_ALONE.test(folded.slice(start, end)) ? [] : null;
  const items = folded.slice(label.end, end).split("、");
  const credits: CreditName[] = [];
  let at = label.end;
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    const last = i === items.length - 1;
    const nameLength = last ? nameBeforePlace(item) : looksLikePersonalName(item) ? item.length : 0;
    if (nameLength === 0) return null;
    credits.push({ name: item.slice(0, nameLength), label: label.label, span: { start: at, end: at + nameLength } });
    at += item.length + 1;
  }
  return credits;
}

/** How long the name is that opens `text`, a name glued to a place ("林志成台北"); 0 for none. */
function nameBeforePlace(text: string): number {
  const lengths = [3, 2, 4].filter((n) => text.length - n >= 2 && looksLikePersonalName(text.slice(0, n)));
  return lengths.find((n) => tagOfWord(text.slice(n)) === "ns") ?? (lengths.includes(3) ? 3 : (lengths[0] ?? 0));
}

/**
 * The closing bracket of each bracket Hong Kong and Taiwan papers set a designation or a byline in:
 * 【大公报讯】, 〔本报讯〕, 〔记者王小明/台北报导〕.
 */
export const DESIGNATION_BRACKETS: ReadonlyMap<string, string> = new Map([
  ["【", "】"],
  ["〔", "〕"],
  ["[", "]"],
]);

/** A designation in brackets, the brackets counted in its length: "【大公报讯】记者X报道：…". */
function bracketedDesignation(folded: string, start: number, end: number): { source: string; length: number; dated: boolean } | null {
  const close = DESIGNATION_BRACKETS.get(folded[start]!);
  if (close === undefined) return null;
  const inner = designationAt(folded.slice(start + 1, Math.min(end, start + 48)));
  if (inner === null || folded[start + 1 + inner.length] !== close) return null;
  return { ...inner, length: inner.length + 2 };
}

/**
 * A byline in brackets glued to the body's start, with no designation, as Taiwan's papers print
 * it: "〔记者王小明/台北报导〕台北市政府昨天…". Its names are credited; it names no source and no
 * dispatch, so the date opening the report after it is no dateline. Only a labelled credit counts.
 */
export function openingBracketedByline(folded: string, start: number, end: number): { credits: CreditName[]; bodyStart: number } | null {
  const close = DESIGNATION_BRACKETS.get(folded[start]!);
  if (close === undefined || labelAt(folded, start + 1, end) === null) return null;
  const closeAt = folded.indexOf(close, start + 1);
  if (closeAt === -1 || closeAt >= end || closeAt - start > 48) return null;
  const credits = parseCreditList(folded, start + 1, creditNamesEnd(folded, start + 1, closeAt));
  if (credits === null || credits.some((c) => c.label === null)) return null;
  return { credits, bodyStart: skipSpaces(folded, closeAt + 1, end) };
}

/** The byline in brackets opening [start, end), read through the line breaks a wrap left in it (see parseDispatchThroughWraps). */
export function openingBracketedBylineThroughWraps(folded: string, start: number, end: number): { credits: CreditName[]; bodyStart: number } | null {
  return readThroughWraps(folded, start, end, openingBracketedByline, (b, span) => ({ ...b, credits: b.credits.map((c) => ({ ...c, span: span(c.span) })) }));
}

/** How far after the designation a run-in byline may end with its 报道. */
const MAX_RUN_IN_LENGTH = 64;

/**
 * The run-in byline of a dispatch: "本报讯 记者 X 通讯员 Y 报道3月4日，…", where the labelled
 * names end with 报道 (报导 in Taiwan) and the report runs on after it, often without a space; or, without 报道,
 * "南都讯 记者 X 通讯员 Y 昨日，…", where a space ends the last name.
 */
function runInByline(folded: string, open: number, end: number): { credits: CreditName[]; end: number } | null {
  if (labelAt(folded, open, end) === null) return null;
  // Looked for within reach only, so that a long line without 报道 is not scanned to its end.
  const reachEnd = Math.min(end, open + MAX_RUN_IN_LENGTH + 2);
  const reach = folded.slice(open, reachEnd).search(/报[道导]/);
  if (reach !== -1) {
    const close = open + reach;
    const credits = parseCreditList(folded, open, close);
    if (credits !== null) return { credits, end: close + 2 };
  }
  return spaceEndedByline(folded, open, reachEnd);
}

/**
 * The longest run of labels and names from `open` that a space ends: the report starts after
 * it. A name is only taken when a space follows it, so that the report's first words
 * ("金秋时节，…") are never read as one.
 */
function spaceEndedByline(folded: string, open: number, reachEnd: number): { credits: CreditName[]; end: number } | null {
  for (let close = reachEnd - 1; close > open; close--) {
    if (!isSpaceCode(folded.charCodeAt(close)) || isSpaceCode(folded.charCodeAt(close - 1))) continue;
    const credits = parseCreditList(folded, open, close);
    if (credits?.every((credit) => credit.label !== null)) return { credits, end: close };
  }
  return null;
}

/**
 * A dispatch printed at the end of the text, alone in parentheses: "（本报东京10月19日电）",
 * "（本报昆明1月22日电  新华社记者甲、乙，本报记者丙）". [start, end) is the whole parenthesis.
 */
export function parenthesisedDispatch(folded: string, start: number, end: number): FoundDispatch | null {
  if (folded[start] !== "(" || folded[end - 1] !== ")") return null;
  const d = parseDispatch(folded, start + 1, end - 1);
  if (d === null || d.source.endsWith("讯")) return null;
  const rest = skipSpaces(folded, d.span.end, end - 1);
  let credits = d.credits;
  if (rest < end - 1) {
    const names = parseCreditList(folded, rest, end - 1);
    if (names === null) return null;
    credits = [...credits, ...names];
  }
  return { ...d, span: { start, end }, credits, bodyStart: end };
}

export interface FoundTrailingCredit {
  credits: CreditName[];
  /** The parentheses and their content. */
  span: Span;
}

/** A closing credit of a dozen names with their separators still fits; longer parentheses are prose. */
const MAX_TRAILING_CREDIT_LENGTH = 96;

/** The 作者 label and a name, then a comma and what the author is: "作者：王明，系某大学教授". */
const AUTHOR_NOTE = new RegExp(`^作者\\s*:\\s*([${HAN_RANGES}·]{2,8}?)(?=\\s*,)`);

/**
 * The author credit closing [start, end): "(李俊华)" after a sentence end, or a whole block
 * that is only such a credit. Labelled names ("（本报记者 张三）") are returned with their label.
 */
export function trailingCredit(folded: string, start: number, end: number): FoundTrailingCredit | null {
  if (end - start < 3 || folded[end - 1] !== ")") return null;
  const open = folded.lastIndexOf("(", end - 2);
  if (open < start || end - open > MAX_TRAILING_CREDIT_LENGTH) return null;
  if (open > start) {
    // Only after a finished sentence: "…的标准(高清)" is part of the sentence.
    const before = folded[open - 1]!;
    if (!"。!?…\u201d".includes(before) && !/\s/.test(before) && !isHalfWidthFullStop(folded, open - 1)) return null;
  }
  // An author's note with the name first: "（作者：王明，系某大学教授）" credits 王明 alone.
  const note = AUTHOR_NOTE.exec(folded.slice(open + 1, end - 1));
  if (note !== null) {
    const names = parseCreditList(folded, open + 1 + note[0].length - note[1]!.length, open + 1 + note[0].length);
    return names === null ? null : { credits: names.map((n) => ({ ...n, label: "作者" })), span: { start: open, end } };
  }
  // A round-up credits the reports it compiles: "（综合甲、乙报道）".
  const roundUp = folded.startsWith("综合", open + 1) && folded.startsWith("报道", end - 3);
  const credits = roundUp
    ? parseCreditList(folded, open + 3, end - 3, { gluedUnlabelled: true })?.map((c) => ({ ...c, label: c.label ?? "综合" })) ?? null
    : parseCreditList(folded, open + 1, creditNamesEnd(folded, open + 1, end - 1), { gluedUnlabelled: true });
  return credits === null ? null : { credits, span: { start: open, end } };
}

/** A commentator's byline, which names no person: "本报评论员", "人民日报评论员", "本报特约评论员". */
const COMMENTATOR = new RegExp(
  `(本报|新华社|${["人民日报", "光明日报", "经济日报", "解放军报", "工人日报", "农民日报", "科技日报", "中国青年报", "中国日报"].join("|")}|[${HAN_RANGES}]{2}[日晚]报)(?:特约)?评论员$`,
);

/**
 * A commentator byline closing [start, end) (a line of its own, or glued to the end of a deck
 * line): where it starts, its label as printed, and the source it names. Only this paper's own
 * commentator makes a source (本报); another paper's ("人民日报评论员") is a reprint credit, unless
 * the page is that paper's own (own-paper.ts, which needs the label).
 */
export function commentatorByline(folded: string, start: number, end: number): { start: number; label: string; source: string | null } | null {
  const from = Math.max(start, end - 16);
  const m = COMMENTATOR.exec(folded.slice(from, end));
  if (m === null) return null;
  const source = m[1] === "本报" ? "本报" : m[1] === "新华社" ? "新华社" : null;
  return { start: from + m.index, label: m[0], source };
}
