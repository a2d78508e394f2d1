/**
 * Names in credits: "(记者 殷雪莹、梁涛)", "(李俊华)", "新华社记者 张 三", "本报记者　刘　洋　孙丽华".
 *
 * A credit must look like a Chinese personal name, so that a parenthesised clause that is
 * not a name list ("(以下简称促进中心)", "(作者为研究员)") is never read as a credit.
 * All functions take the folded page text (see normalise.ts) and return absolute offsets.
 */
import { COMPOUND_SURNAMES, SINGLE_SURNAMES } from "./surnames.ts";
import { isHanCode } from "./han.ts";
import { isSpaceCode } from "./normalise.ts";
import type { Span } from "./types.ts";

/** Labels printed before credited names, longest first so that 本报记者 wins over 记者. */
export const CREDIT_LABELS = [
  "新华社特约记者",
  "新华社记者",
  "本报特约记者",
  "本报见习记者",
  "本报通讯员",
  "本报记者",
  "特约记者",
  "见习记者",
  "摄影记者",
  "通讯员",
  "实习生",
  "记者",
] as const;

/** Words that sit in parentheses or before 摄 like a name but are not people. */
const NOT_NAMES = new Set([
  "新华社", "中新社", "本报", "记者", "完", "上图", "下图", "左图", "右图", "资料图", "待续",
  "未完待续", "全文完", "通讯员", "实习生", "图文", "图片", "视频", "航拍", "无人机", "手机",
]);

const MIDDLE_DOTS = "·•・‧.";

/** Length of the surname opening `name` (2 for 欧阳…), 0 when it does not open with one. */
function surnameLength(name: string): number {
  if (COMPOUND_SURNAMES.has(name.slice(0, 2))) return 2;
  const c = name[0];
  // The shared list leaves out surnames that are everyday words next to titles (原, 海…);
  // in a credit they are still surnames, so accept the few of them that start names.
  if (c !== undefined && (SINGLE_SURNAMES.has(c) || EXTRA_CREDIT_SURNAMES.has(c))) return 1;
  return 0;
}

const EXTRA_CREDIT_SURNAMES = new Set([..."原海明时和南成全乐商官司师"]);

/**
 * True when `name` (spaces already removed) looks like a Chinese personal name: 2–4 Han
 * characters starting with a surname, or Han parts joined by a middle dot (阿不都·热合曼).
 */
export function looksLikePersonalName(name: string): boolean {
  if (NOT_NAMES.has(name)) return false;
  let dots = 0;
  for (let i = 0; i < name.length; i++) {
    const code = name.charCodeAt(i);
    if (MIDDLE_DOTS.includes(name[i]!)) {
      // A dot between two Han characters only.
      if (i === 0 || i === name.length - 1 || MIDDLE_DOTS.includes(name[i - 1]!)) return false;
      dots++;
    } else if (!isHanCode(code)) {
      return false;
    }
  }
  if (dots > 0) return name.length >= 3 && name.length <= 16;
  if (name.length < 2 || name.length > 4) return false;
  const s = surnameLength(name);
  if (s === 0) return false;
  // A four-character name is a compound surname with a two-character given name, or a
  // joined double surname; a single surname with a three-character given name is rare.
  return name.length < 4 || s === 2 || surnameLength(name.slice(1)) > 0;
}

export interface CreditName {
  name: string;
  label: string | null;
  /** From the first to the last character of the name as printed (padding included). */
  span: Span;
}

interface Token {
  start: number;
  end: number;
  /** True when the token was separated from the previous one by spaces only. */
  spaceBefore: boolean;
}

/** Splits [start, end) on spaces and list separators (、 , ; /). */
function tokenize(folded: string, start: number, end: number): Token[] {
  const tokens: Token[] = [];
  let i = start;
  let sawSeparator = true;
  while (i < end) {
    const code = folded.charCodeAt(i);
    if (isSpaceCode(code)) {
      i++;
      continue;
    }
    if (code === 0x3001 /* 、 */ || code === 0x2c || code === 0x3b || code === 0x2f || code === 0xff64) {
      sawSeparator = true;
      i++;
      continue;
    }
    const tStart = i;
    while (i < end) {
      const c = folded.charCodeAt(i);
      if (isSpaceCode(c) || c === 0x3001 || c === 0x2c || c === 0x3b || c === 0x2f || c === 0xff64) break;
      i++;
    }
    tokens.push({ start: tStart, end: i, spaceBefore: tokens.length > 0 && !sawSeparator });
    sawSeparator = false;
  }
  return tokens;
}

/**
 * Reads [start, end) as a credit list: optional labels, each followed by one or more names.
 * Names padded to three characters' width ("张 三") are put back together. Returns null when
 * any part is neither a label nor a name, or when there is no name at all.
 */
export function parseCreditList(
  folded: string,
  start: number,
  end: number,
  /**
   * Whether a dotted name may stand without a label. On a line of its own "走基层·蹲点调研"
   * is a column name, not a person: there a dotted name needs a label before it.
   */
  unlabelledDotted = true,
): CreditName[] | null {
  const tokens = tokenize(folded, start, end);
  if (tokens.length === 0) return null;
  const out: CreditName[] = [];
  let label: string | null = null;
  let k = 0;
  while (k < tokens.length) {
    const t = tokens[k]!;
    let s = t.start;
    const word = folded.slice(t.start, t.end);
    const lab = CREDIT_LABELS.find((l) => word.startsWith(l));
    if (lab !== undefined) {
      label = lab;
      s += lab.length;
      if (s === t.end) {
        k++;
        continue;
      }
    }
    const text = folded.slice(s, t.end);
    // A single character followed, across spaces only, by another single character: a
    // two-character name padded to the width of three ("张 三", "刘　洋").
    const next = tokens[k + 1];
    if (text.length === 1 && next !== undefined && next.spaceBefore && next.end - next.start === 1) {
      const joined = text + folded.slice(next.start, next.end);
      if (!looksLikePersonalName(joined)) return null;
      out.push({ name: joined, label, span: { start: s, end: next.end } });
      k += 2;
      continue;
    }
    if (!looksLikePersonalName(text)) return null;
    if (!unlabelledDotted && label === null && /[·•・‧.]/.test(text)) return null;
    out.push({ name: text, label, span: { start: s, end: t.end } });
    k++;
  }
  return out.length > 0 ? out : null;
}
