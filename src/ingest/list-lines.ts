/**
 * Lines of a table or a list of fields, printed one item a line: a table's rows ("出口　241.2　12.3%"),
 * a box of labelled fields ("今天：多云转小雨，8℃～15℃", "地点：市民之家"). Each such line is short and
 * lacks a full stop, as a heading does, but two or more of them in a row are a box of the body: never a
 * kicker over the next headline, nor a subheadline under the last one.
 * All functions read the folded text (see normalise.ts), where every space is " ".
 */
import type { Block, TextForm } from "./blocks.ts";
import { creditLineNames } from "./credit-lines.ts";
import { parseDispatch } from "./dispatch.ts";

/** The label opening a field line: up to four characters before a colon, with text after it. */
const FIELD = /^[^\s:]{1,4}:\s*\S/;

/**
 * Whether the line [start, end) has two gaps between cells or more: a table row. A gap is an
 * ideographic space or a tab, or a run of two spaces or more; a single ASCII space between words
 * ("共抓发展机遇 共创美好未来") is not one.
 */
function isTableRow(text: string, folded: string, start: number, end: number): boolean {
  let gaps = 0;
  for (let i = start; i < end; i++) {
    if (folded[i] !== " ") continue;
    let j = i;
    while (j < end && folded[j] === " ") j++;
    const c = text.charCodeAt(i);
    if (j - i >= 2 || c === 0x3000 || c === 0x09) gaps++;
    i = j;
  }
  return gaps >= 2;
}

function isFieldLine(folded: string, start: number, end: number): boolean {
  return FIELD.test(folded.slice(start, end));
}

/**
 * What kind of list line block `b` is, or null for none. Field lines are read in the OCR form only:
 * in the e-paper form a box's lines are indented as body, and two unindented lines with a colon each
 * may be a headline and its subheadline.
 */
function listKind(text: string, folded: string, b: Block, form: TextForm): "row" | "field" | null {
  if (b.hashes > 0) return null;
  if (isTableRow(text, folded, b.start, b.end)) return "row";
  if (form === "ocr" && isFieldLine(folded, b.start, b.end) && parseDispatch(folded, b.start, b.end) === null) return "field";
  return null;
}

/**
 * How many lines apart two neighbouring lines of one list may stand: next to each other, or in the
 * OCR form, which puts an empty line after every line it reads, with that empty line between.
 */
const LIST_LINE_STEP: Record<TextForm, number> = { ocr: 2, epaper: 1 };

/**
 * Whether block `i` is one line of a table or a field list: a line of that kind with another of the
 * same kind right above or right below it.
 */
export function isListLine(text: string, folded: string, form: TextForm, blocks: Block[], i: number): boolean {
  const b = blocks[i]!;
  const kind = listKind(text, folded, b, form);
  if (kind === null) return false;
  const near = (other: Block | undefined) =>
    other !== undefined && Math.abs(other.line - b.line) <= LIST_LINE_STEP[form] && listKind(text, folded, other, form) === kind;
  return near(blocks[i - 1]) || near(blocks[i + 1]);
}

/** The fewest names a line of bare names holds to be read as a list of people rather than a credit. */
const MIN_LISTED_NAMES = 3;

/**
 * What closes a line that announces a list under it: a colon ("获奖名单如下：") or a count in
 * brackets ("先进个人（20名）", "(10人)").
 */
const ANNOUNCES_LIST = /(?::|\([0-9一二三四五六七八九十百]+[名人位]\))$/;

/**
 * Whether block `i` is a line of an honours or award list ("王志刚　刘晓燕　陈立新…"): three names
 * or more with no credit label and no brackets, in a table row next to another, or right under a
 * line that announces a list. A byline or a closing credit stands alone under a headline or at
 * the end of a text, and a team's names carry a label ("本报记者　甲　乙　丙").
 */
export function isNameListLine(text: string, folded: string, form: TextForm, blocks: Block[], i: number): boolean {
  const b = blocks[i]!;
  if (folded[b.start] === "(") return false;
  const names = creditLineNames(folded, b);
  if (names === null || names.length < MIN_LISTED_NAMES || names.some((n) => n.name.label !== null)) return false;
  const above = blocks[i - 1];
  const announced = above !== undefined && b.line - above.line <= LIST_LINE_STEP[form] && ANNOUNCES_LIST.test(folded.slice(above.start, above.end));
  return announced || isListLine(text, folded, form, blocks, i);
}
