/**
 * Photo captions: a short block that ends with the photo credit "…梁琛摄",
 * "…新华社记者 张 三摄", "…本报记者 黄海涛 摄", "（新华社记者 张三摄）".
 * The caption text keeps its own punctuation ("工作座谈会现场。"); the credit is cut off.
 */
import { CREDIT_LABELS, looksLikePersonalName, parseCreditList, type CreditName } from "./credit-names.ts";
import { isHanCode } from "./han.ts";
import { isSpaceCode, trimSpacesEnd } from "./normalise.ts";
import type { Span } from "./types.ts";

export interface FoundCaption {
  /** End of the caption text proper (before the credit and trailing spaces). */
  textEnd: number;
  photographers: CreditName[];
  span: Span;
}

/** Longer blocks ending in 摄 are body text that happens to end so. */
const MAX_CAPTION_LENGTH = 300;

/** Reads [start, end) of the folded text as a caption, or returns null. */
export function parseCaption(folded: string, start: number, end: number): FoundCaption | null {
  if (end - start > MAX_CAPTION_LENGTH || end - start < 3) return null;
  let e = end;
  let wrapped = false;
  if (folded[e - 1] === ")") {
    e--;
    wrapped = true;
  }
  e = trimSpacesEnd(folded, start, e);
  if (folded[e - 1] !== "摄") return null;
  const creditEnd = trimSpacesEnd(folded, start, e - 1);
  // The credit is the run of Han characters, spaces, 、 and middle dots before 摄.
  let runStart = creditEnd;
  while (runStart > start) {
    const code = folded.charCodeAt(runStart - 1);
    if (isHanCode(code) || isSpaceCode(code) || code === 0x3001 || code === 0xb7 || code === 0x30fb) runStart--;
    else break;
  }
  if (wrapped) {
    // "（新华社记者 张三摄）": the credit starts after the opening parenthesis.
    const open = folded.lastIndexOf("(", creditEnd);
    if (open < start) return null;
    if (open + 1 > runStart) runStart = open + 1;
  }
  const found = creditFromRun(folded, runStart, creditEnd);
  if (found === null) return null;
  let textEnd = found.creditStart;
  if (wrapped) {
    const open = folded.lastIndexOf("(", found.creditStart);
    if (open >= start) textEnd = open;
  }
  textEnd = trimSpacesEnd(folded, start, textEnd);
  return { textEnd, photographers: found.names, span: { start, end } };
}

/**
 * The credit at the end of the run [runStart, runEnd): the longest tail that reads as a
 * credit list, optionally behind a label. With no separator between caption and name
 * ("…现场梁琛"), a tail of three, then two characters that is a name.
 */
function creditFromRun(folded: string, runStart: number, runEnd: number): { creditStart: number; names: CreditName[] } | null {
  // Candidate starts: the run's start and every position right after a space or 、.
  let best: { creditStart: number; names: CreditName[] } | null = null;
  for (let i = runEnd - 1; i >= runStart; i--) {
    const code = folded.charCodeAt(i - 1);
    const atBoundary = i === runStart || isSpaceCode(code) || code === 0x3001;
    if (!atBoundary || isSpaceCode(folded.charCodeAt(i))) continue;
    const names = parseCreditList(folded, i, runEnd);
    if (names !== null) best = { creditStart: i, names };
    else if (best !== null) break;
  }
  if (best !== null) {
    // The caption text must not end in a bare label: "新华社记者 张三" credits 张三 with its label.
    return best;
  }
  // No separator: try the last three, then two characters, and a label glued before them.
  for (const len of [3, 2]) {
    const s = runEnd - len;
    if (s < runStart) continue;
    const name = folded.slice(s, runEnd);
    if (!looksLikePersonalName(name)) continue;
    let label: string | null = null;
    let creditStart = s;
    for (const l of CREDIT_LABELS) {
      if (folded.slice(s - l.length, s) === l && s - l.length >= runStart) {
        label = l;
        creditStart = s - l.length;
        break;
      }
    }
    return { creditStart, names: [{ name, label, span: { start: s, end: runEnd } }] };
  }
  return null;
}
