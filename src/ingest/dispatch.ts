/**
 * Dispatch lines and credits: "本报讯(记者 殷雪莹、梁涛)", "本报讯 6月1日下午",
 * "本报北京10月11日电（记者 A、B）", "新华社北京10月11日电（记者 A）", "据新华社酒泉10月11日电",
 * and the author credit that closes an article: "…。(李俊华)".
 * All functions read the folded text (see normalise.ts) and return absolute offsets.
 */
import { parseCreditList, type CreditName } from "./credit-names.ts";
import { dispatchDate, type FoundDate } from "./dateline.ts";
import { HAN_RANGES } from "./han.ts";
import { skipSpaces } from "./normalise.ts";
import type { Span } from "./types.ts";

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
}

const AGENCIES = "新华社|中新社|本报|人民日报|光明日报|经济日报|央视新闻";
const NUM = "[0-9]{1,2}|[一二三四五六七八九十]{1,3}";
/** 本报讯, or agency + place + date + 电 ("新华社北京10月11日电", "据新华社电"). */
const DESIGNATION = new RegExp(
  `^(?:本报讯|(据)?(${AGENCIES})[${HAN_RANGES}·]{0,12}?(?:(?:[0-9]{4}年)?(?:${NUM})月(?:${NUM})日)?电)`,
);

/** The dispatch opening [start, end) of the folded text, or null. */
export function parseDispatch(folded: string, start: number, end: number): FoundDispatch | null {
  const head = folded.slice(start, Math.min(end, start + 48));
  const m = DESIGNATION.exec(head);
  if (m === null) return null;
  const source = m[2] === undefined ? "本报讯" : `${m[1] ?? ""}${m[2]}`;
  const designationEnd = start + m[0].length;
  const date = m[2] === undefined ? null : dispatchDate(folded, start, designationEnd);
  let dispatchEnd = designationEnd;
  let credits: CreditName[] = [];
  const open = skipSpaces(folded, designationEnd, end);
  if (folded[open] === "(") {
    const close = folded.indexOf(")", open + 1);
    if (close !== -1 && close < end && close - open <= 64) {
      const names = parseCreditList(folded, open + 1, close);
      if (names !== null) {
        credits = names;
        dispatchEnd = close + 1;
      }
    }
  }
  let bodyStart = skipSpaces(folded, dispatchEnd, end);
  // Some pages print a colon after the designation: "本报讯：…".
  if (folded[bodyStart] === ":" && bodyStart === dispatchEnd) bodyStart = skipSpaces(folded, bodyStart + 1, end);
  return { source, span: { start, end: dispatchEnd }, credits, date, bodyStart };
}

export interface FoundTrailingCredit {
  credits: CreditName[];
  /** The parentheses and their content. */
  span: Span;
}

/**
 * The author credit closing [start, end): "(李俊华)" after a sentence end, or a whole block
 * that is only such a credit. Labelled names ("（本报记者 张三）") are returned with their label.
 */
export function trailingCredit(folded: string, start: number, end: number): FoundTrailingCredit | null {
  if (end - start < 3 || folded[end - 1] !== ")") return null;
  const open = folded.lastIndexOf("(", end - 2);
  if (open < start || end - open > 48) return null;
  if (open > start) {
    // Only after a finished sentence: "…的标准(高清)" is part of the sentence.
    const before = folded[open - 1]!;
    if (!"。!?…\u201d".includes(before) && !/\s/.test(before)) return null;
  }
  const credits = parseCreditList(folded, open + 1, end - 1);
  return credits === null ? null : { credits, span: { start: open, end } };
}
