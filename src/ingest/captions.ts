/**
 * Photo captions: a short block that ends with the photo credit "…梁琛摄",
 * "…新华社记者 张 三摄", "…本报记者 黄海涛 摄", "（新华社记者 张三摄）".
 * The caption text keeps its own punctuation ("工作座谈会现场。"); the credit is cut off.
 */
import { CREDIT_LABELS, labelAt, LEAD_MARKS, looksLikePersonalName, parseCreditList, type CreditName } from "./credit-names.ts";
import { isHanCode } from "./han.ts";
import { isSpaceCode, skipSpaces, trimSpacesEnd } from "./normalise.ts";
import type { Span } from "./types.ts";

export interface FoundCaption {
  /** End of the caption text proper (before the credit and trailing spaces). */
  textEnd: number;
  photographers: CreditName[];
  /** The 文 names of a picture-and-text credit ("宜 桐图 孙 昊文", "图/甲 文/乙"). */
  writers: CreditName[];
  span: Span;
}

/** Longer blocks ending in 摄 are body text that happens to end so. */
const MAX_CAPTION_LENGTH = 300;

/** The longest photo credit: a label and a few names, padded. Longer runs are caption text. */
const MAX_CREDIT_LENGTH = 40;

/** Photo credits end in 摄 or 摄影, or in 摄影报道 when the photos are the report. */
const CREDIT_ENDINGS = ["摄影报道", "摄影", "摄"];

/** An agency's "sent" note before a photographer's credit: "新华社发（王明摄）". */
const AGENCY_SENT = /(?<=[。!?]\s*)(?:新华社|中新社)发$/;

/** Reads [start, end) of the folded text as a caption, or returns null. */
export function parseCaption(folded: string, start: number, end: number): FoundCaption | null {
  if (end - start > MAX_CAPTION_LENGTH || end - start < 3) return null;
  const pictureText =
    pictureTextCredit(folded, start, end) ??
    labelledPhotoCredit(folded, start, end) ??
    namesBeforePictureWord(folded, start, end) ??
    uncreditedPhoto(folded, start, end);
  if (pictureText !== null) return pictureText;
  let e = end;
  let wrapped = false;
  if (folded[e - 1] === ")") {
    const open = folded.lastIndexOf("(", e - 2);
    const beforeTag = open < start ? -1 : trimSpacesEnd(folded, start, open);
    if (beforeTag > start && CREDIT_ENDINGS.some((w) => folded.startsWith(w, beforeTag - w.length))) {
      // "李四摄（影像中国）": a column or agency tag after the credit.
      e = beforeTag;
    } else {
      e--;
      wrapped = true;
    }
  }
  e = trimSpacesEnd(folded, start, e);
  const ending = CREDIT_ENDINGS.find((w) => folded.startsWith(w, e - w.length));
  if (ending === undefined) return null;
  let creditEnd = trimSpacesEnd(folded, start, e - ending.length);
  // "本报记者 X 文并摄" is a byline whose writer took the photos, not a caption; so is a line of a
  // label, names and 文/摄 ("本报记者 X 文/摄"), which holds no caption text.
  if (folded.startsWith("文并", creditEnd - 2)) return null;
  // Inside a closing parenthesis too: "（本报记者 X 文/摄）" credits the writer, who took the photos.
  const bylineStart = LEAD_MARKS.includes(folded[start]!) || (wrapped && folded[start] === "(") ? skipSpaces(folded, start + 1, creditEnd) : start;
  if (/\s文\s*\/$/.test(folded.slice(start, creditEnd)) && labelAt(folded, bylineStart, creditEnd) !== null) return null;
  // "记者 李华/摄": a slash between the names and 摄.
  if (folded[creditEnd - 1] === "/") creditEnd = trimSpacesEnd(folded, start, creditEnd - 1);
  const runStart = creditRunStart(folded, start, creditEnd);
  let from = runStart;
  if (wrapped) {
    // "（新华社记者 张三摄）": the credit starts after the opening parenthesis.
    const open = folded.lastIndexOf("(", creditEnd);
    if (open < start) return null;
    if (open + 1 > from) from = open + 1;
  }
  const found = creditFromRun(folded, from, creditEnd);
  if (found === null) return null;
  let textEnd = found.creditStart;
  if (wrapped) {
    const open = folded.lastIndexOf("(", found.creditStart);
    if (open >= start) textEnd = open;
  }
  textEnd = trimSpacesEnd(folded, start, textEnd);
  // "…划桨。◎李华 摄": the mark some papers print before a credit belongs to the credit.
  if (textEnd > start && LEAD_MARKS.includes(folded[textEnd - 1]!)) textEnd = trimSpacesEnd(folded, start, textEnd - 1);
  // "…出站。新华社发（王明摄）": the agency that sent the photo is part of the credit, not of the text.
  const sentBy = AGENCY_SENT.exec(folded.slice(start, textEnd));
  if (sentBy !== null) textEnd = trimSpacesEnd(folded, start, textEnd - sentBy[0].length);
  return { textEnd, photographers: found.names, writers: [], span: { start, end } };
}

/**
 * "…划桨。摄影：李华", "…划桨。摄影/李华", "…滑冰。图/新京报记者 王飞": a labelled photo credit after
 * the caption's last sentence. When it names an agency, not people ("图/视觉中国"), the caption
 * credits no one.
 */
const LABELLED_PHOTO_CREDIT = /[。!?]\s*(?:摄影|摄|图)\s*[:/]\s*([^:/。]{2,40})$/;
/** The same credit in parentheses, which set it off without a sentence end: "…划桨（摄影：李华）". */
const WRAPPED_LABELLED_PHOTO_CREDIT = /\(\s*(?:摄影|摄|图)\s*[:/]\s*([^:/。()]{2,40}?)\s*\)$/;
/**
 * A photo credit on a line of its own with its label before the names, as a photo item prints it under
 * its caption: "特约摄影 李华", "摄影：李华". The label must be 摄影, so that a line of names is no credit.
 */
const PHOTO_CREDIT_LINE = /^(?:特约|本报)?摄影\s*[:/]?\s*([^:/。,]{2,20})$/;
/** The longest agency or organisation a labelled credit may name instead of people. */
const MAX_AGENCY_CREDIT = 16;

function labelledPhotoCredit(folded: string, start: number, end: number): FoundCaption | null {
  const e = trimSpacesEnd(folded, start, end);
  const line = folded.slice(start, e);
  const alone = PHOTO_CREDIT_LINE.exec(line);
  if (alone !== null) {
    const namesStart = start + alone[0].length - alone[1]!.length;
    const photographers = parseCreditList(folded, namesStart, e, { gluedUnlabelled: true });
    return photographers === null ? null : { textEnd: start, photographers, writers: [], span: { start, end } };
  }
  const plain = LABELLED_PHOTO_CREDIT.exec(line);
  const m = plain ?? WRAPPED_LABELLED_PHOTO_CREDIT.exec(line);
  if (m === null) return null;
  const namesStart = start + m.index + m[0].lastIndexOf(m[1]!);
  const photographers = parseCreditList(folded, namesStart, namesStart + m[1]!.length, { gluedUnlabelled: true });
  if (photographers === null && (m[1]!.length > MAX_AGENCY_CREDIT || /[,!?;]/.test(m[1]!))) return null;
  // The text keeps its full stop; a parenthesised credit is cut with its parentheses.
  const textEnd = plain !== null ? start + m.index + 1 : trimSpacesEnd(folded, start, start + m.index);
  return { textEnd, photographers: photographers ?? [], writers: [], span: { start, end } };
}

/**
 * People credited after the caption's last sentence with 供图 (they supplied the photo) or 图:
 * "…施工。通讯员 孙浩 供图", "…流光溢彩。 丁一 图". The names must be set off from the word by a
 * space or a slash, or carry a label: glued, "受访者供图", "市气象局供图" are organisations (see
 * AGENCY_CREDIT), and "…如下图" is prose.
 */
const NAMES_BEFORE_PICTURE_WORD = /[。!?]\s*([^。!?]{2,40}?)(\s*\/\s*|\s+)?(?:供图|图)$/;

function namesBeforePictureWord(folded: string, start: number, end: number): FoundCaption | null {
  const e = trimSpacesEnd(folded, start, end);
  const from = Math.max(start, e - 48);
  const m = NAMES_BEFORE_PICTURE_WORD.exec(folded.slice(from, e));
  if (m === null) return null;
  const namesStart = from + m.index + m[0].indexOf(m[1]!, 1);
  const namesEnd = trimSpacesEnd(folded, namesStart, namesStart + m[1]!.length);
  const names = parseCreditList(folded, namesStart, namesEnd);
  if (names === null) return null;
  if (m[2] === undefined && names.every((n) => n.label === null)) return null;
  return { textEnd: from + m.index + 1, photographers: names, writers: [], span: { start, end } };
}

/**
 * A photo printed without a person's credit, with a note of where it comes from, which stays
 * in the caption's text: "新馆外观。（资料图片）", "（图片由X提供）", "（新华社发）".
 */
const PHOTO_NOTE = /(?:[。!?]\s*|[^()\s]\s*)\((?:资料图片|资料图|网络图片|图片由[^()]{1,20}提供|[^()。]{1,16}供图|(?:新华社|中新社)发)\)$/;

/**
 * An organisation's credit after the last sentence, cut off like a person's but naming no one:
 * "受访者供图", "新华社发", "图片来源：视觉中国", "视觉中国".
 */
const AGENCY_CREDIT = /(?<=[。!?])\s*(?:[^。!?()\s]{1,16}\s*供图|(?:新华社|中新社)发|图片来源\s*:\s*[^。!?]{1,20}|视觉中国|东方IC|人民视觉|IC photo)$/;

/** Longest caption read from its note alone: longer blocks are body text that quotes one. */
const MAX_UNCREDITED_CAPTION_LENGTH = 120;

function uncreditedPhoto(folded: string, start: number, end: number): FoundCaption | null {
  const e = trimSpacesEnd(folded, start, end);
  if (e - start > MAX_UNCREDITED_CAPTION_LENGTH) return null;
  const line = folded.slice(start, e);
  if (PHOTO_NOTE.test(line)) return { textEnd: e, photographers: [], writers: [], span: { start, end } };
  const agency = AGENCY_CREDIT.exec(line);
  if (agency === null) return null;
  return { textEnd: start + agency.index, photographers: [], writers: [], span: { start, end } };
}

/** The run of Han characters, spaces, 、 and middle dots that ends at `end` (a credit's extent). */
function creditRunStart(folded: string, start: number, end: number): number {
  let runStart = end;
  while (runStart > start) {
    const code = folded.charCodeAt(runStart - 1);
    if (isHanCode(code) || isSpaceCode(code) || code === 0x3001 || code === 0xb7 || code === 0x30fb) runStart--;
    else break;
  }
  return runStart;
}

/** "图/韦某文/马某张某" at the end of a caption: picture by, text by (names may be glued). */
const SLASHED_PICTURE_TEXT = /图\s*\/\s*([^/]{2,16}?)\s*文\s*\/\s*([^/]{2,24})$/;

/**
 * A picture-and-text credit: "宜　桐图　孙　昊文" on a line of its own (picture by 宜桐, text by
 * 孙昊), or "图/甲文/乙" closing a caption. The picture names are photographers, the text names
 * writers (authors).
 */
function pictureTextCredit(folded: string, start: number, end: number): FoundCaption | null {
  const e = trimSpacesEnd(folded, start, end);
  const tail = folded.slice(Math.max(start, e - 48), e);
  const offset = e - tail.length;
  const slashed = SLASHED_PICTURE_TEXT.exec(tail);
  if (slashed !== null) {
    const picStart = offset + slashed.index + slashed[0].indexOf(slashed[1]!, 1);
    const textStart = offset + slashed.index + slashed[0].lastIndexOf(slashed[2]!);
    const photographers = parseCreditList(folded, picStart, picStart + slashed[1]!.length, { gluedUnlabelled: true });
    const writers = parseCreditList(folded, textStart, e, { gluedUnlabelled: true });
    if (photographers === null || writers === null) return null;
    return { textEnd: trimSpacesEnd(folded, start, offset + slashed.index), photographers, writers, span: { start, end } };
  }
  // On a line of its own only: inside prose, "…图 …文" is ordinary wording.
  if (folded[e - 1] !== "文") return null;
  const picEnd = folded.lastIndexOf("图", e - 2);
  if (picEnd <= start) return null;
  const photographers = parseCreditList(folded, start, picEnd);
  const writers = parseCreditList(folded, skipSpaces(folded, picEnd + 1, e), e - 1);
  if (photographers === null || writers === null) return null;
  return { textEnd: start, photographers, writers, span: { start, end } };
}

/**
 * The credit at the end of the run [runStart, runEnd): the longest tail that reads as a
 * credit list, optionally behind a label. With no separator between caption and name
 * ("…现场梁琛"), a tail of three, then two characters that is a name.
 */
function creditFromRun(folded: string, runStart: number, runEnd: number): { creditStart: number; names: CreditName[] } | null {
  // Candidate starts: the run's start and every position right after a space or 、.
  let best: { creditStart: number; names: CreditName[] } | null = null;
  for (let i = runEnd - 1; i >= Math.max(runStart, runEnd - MAX_CREDIT_LENGTH); i--) {
    const code = folded.charCodeAt(i - 1);
    const atBoundary = i === runStart || isSpaceCode(code) || code === 0x3001;
    if (!atBoundary || isSpaceCode(folded.charCodeAt(i))) continue;
    // Every boundary is tried: "施　芳　赵婀娜" parses although "芳　赵婀娜" does not.
    const names = parseCreditList(folded, i, runEnd);
    if (names !== null) best = { creditStart: i, names };
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
