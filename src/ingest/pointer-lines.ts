/**
 * Pointer lines: a front page's box of contents (导读) lists stories printed on other pages, one a
 * line, each ending in where to find it ("▶ 汉江生态经济带建设再提速 详见第3版"). Such a line, and the
 * box's label over the first of them, heads no article and belongs to none, like the running head.
 * All functions read the folded text (see normalise.ts).
 */
import type { Block } from "./blocks.ts";

/** The longest pointer line; a longer line is prose that mentions a page. */
const MAX_POINTER_LENGTH = 48;
/** The longest label of a box of pointers (导读, 今日导读, 本期要目). */
const MAX_BOX_LABEL_LENGTH = 4;

/** Where to find the story, closing the line: 详见第3版, 见A05版, 请看第五版, perhaps in brackets. */
const POINTS_TO = /(?:详见|参见|请看|见)\s*(?:第\s*)?(?:[A-Za-z]\s*[0-9]{1,2}|[0-9]{1,2}|[一二三四五六七八九十]{1,3})\s*[版页]\s*[)\]】〕]?$/;

/** Whether the block is a pointer line: short, no sentence in it, and closed by where to find the story. */
export function isPointerLine(folded: string, b: Block): boolean {
  const line = folded.slice(b.start, b.end);
  return line.length <= MAX_POINTER_LENGTH && !line.includes("。") && POINTS_TO.test(line);
}

/** Whether the block is the label of a box of pointers: a few characters over a pointer line. */
export function isPointerBoxLabel(folded: string, b: Block, next: Block | undefined): boolean {
  const length = b.end - b.start;
  return length <= MAX_BOX_LABEL_LENGTH && !/[\p{P}]/u.test(folded.slice(b.start, b.end)) && next !== undefined && isPointerLine(folded, next);
}
