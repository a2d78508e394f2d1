/**
 * Splitting a page into lines and blocks, and telling which text form it is.
 *
 * - OCR form (the sample): "#"/"##" headline lines, one block per line, blocks separated
 *   by blank lines, paragraphs cut by column breaks.
 * - E-paper form: no "#"; body paragraphs indented (two ideographic spaces "　　", or no-break
 *   or ASCII spaces); a kicker, headline and optional subheadline line (any may be empty)
 *   above each article, an empty line between articles. A plain export without indentation
 *   whose paragraphs run line by line and whose empty lines stand between articles only is
 *   read in this form too.
 *
 * Offsets are UTF-16 offsets into the exact input: "\r\n", a lone "\r" and a BOM are
 * stepped over, never removed.
 */
import { isHan } from "./han.ts";
import { isSpaceCode, trimSpacesEnd } from "./normalise.ts";

export type TextForm = "ocr" | "epaper";

export interface Block {
  /** Index of the line the block stands on. */
  line: number;
  /** First printed character (after indentation and "#" marks). */
  start: number;
  /** After the last printed character (trailing spaces excluded). */
  end: number;
  /** Number of "#" marks before the text (0 for none). */
  hashes: number;
  /** True when the line starts with an ideographic space or two or more spaces. */
  indented: boolean;
}

export interface PageBlocks {
  form: TextForm;
  blocks: Block[];
  /** Which lines are blank (whitespace only), by line index. */
  blankLines: boolean[];
  /** True when every block is indented, headings too, so indentation tells nothing. */
  uniformIndent: boolean;
  /** The width a text wrapped at a fixed width is cut at (see wrapWidthOf); 0 for a text not so wrapped. */
  wrapWidth: number;
}

/** How many space-indented lines make a page of the e-paper form (with a fifth of its lines). */
const MIN_INDENTED_LINES = 3;

/** The shortest line that a wrap at a column's width leaves; headings and bylines are shorter. */
const MIN_WRAPPED_LINE = 16;
/** How many lines of the wrap's width show a text wrapped at a fixed width (a deck under its headline is one such line). */
const MIN_WRAPPED_LINES = 3;
/** Characters that end a sentence, in either width, and the closing quote after one. */
const SENTENCE_ENDS = "。！？!?；;…”";

/** Whether block `b` is a long line that stops mid-sentence: the next line continues it. */
function isWrappedLine(text: string, b: Block): boolean {
  return b.end - b.start >= MIN_WRAPPED_LINE && !SENTENCE_ENDS.includes(text[b.end - 1]!);
}

/** The narrowest column a wrap is read at, in characters. */
const MIN_WRAP_WIDTH = 8;
/** How far short of the wrap width a wrapped line may stop (a wide character, a word carried over). */
const WRAP_SLACK = 2;

/**
 * The width a text wrapped at a fixed width is cut at: the length around which most of the lines
 * cut mid-sentence that the next line runs on from stand (within WRAP_SLACK either way: half-width
 * digits and punctuation make a wrapped line longer, a word carried over shorter), when three of
 * them or more, half of them and a quarter of all run-on lines stand there; 0 for a text whose
 * run-on lines have no common length.
 */
function wrapWidthOf(runOnLengths: number[], runOnBlocks: number): number {
  const byLength = new Map<number, number>();
  for (const n of runOnLengths) byLength.set(n, (byLength.get(n) ?? 0) + 1);
  const near = (width: number) => {
    let count = 0;
    for (let n = width - WRAP_SLACK; n <= width + WRAP_SLACK; n++) count += byLength.get(n) ?? 0;
    return count;
  };
  let width = 0;
  for (const n of byLength.keys()) if (near(n) > near(width) || (near(n) === near(width) && n < width)) width = n;
  const count = near(width);
  const common = count >= MIN_WRAPPED_LINES && count * 2 >= runOnLengths.length && count * 4 >= runOnBlocks;
  return width >= MIN_WRAP_WIDTH && common ? width : 0;
}

/**
 * A text wrapped at a width prints few lines much wider than it (half-width digits and punctuation
 * aside): where many are, the lines of about that width are headlines over their bylines and
 * paragraphs stand one to a line, as a plain export prints them.
 */
const MAX_WIDER_SHARE = 0.25;
const WIDER_FACTOR = 1.5;

/** How many blocks are wider than `width` by half again. */
function linesWiderThan(blocks: readonly Block[], width: number): number {
  return blocks.filter((b) => b.end - b.start > width * WIDER_FACTOR).length;
}

/** Splits `text` (folded or not: only spaces and line breaks are looked at) into blocks. */
export function splitBlocks(text: string): PageBlocks {
  const blocks: Block[] = [];
  const blankLines: boolean[] = [];
  let sawHash = false;
  let sawIdeographicIndent = false;
  let indentedBlocks = 0;
  /** Blocks right under the previous one, and blocks after an empty line (not counting the first). */
  let runOnBlocks = 0;
  let separatedBlocks = 0;
  /** Run-on blocks that continue a long line cut mid-sentence: a text wrapped at a fixed width. */
  let wrappedBlocks = 0;
  /** The lengths of the lines cut mid-sentence that the next line, not indented, runs on from (a group's first line left out). */
  const runOnLengths: number[] = [];
  /** The same for a group's first line: in the OCR form a paragraph's, in a plain export as often a headline over its deck. */
  const groupFirstLengths: number[] = [];
  let lineStart = 0;
  const n = text.length;
  while (lineStart <= n) {
    let lineEnd = lineStart;
    while (lineEnd < n) {
      const c = text.charCodeAt(lineEnd);
      if (c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029) break;
      lineEnd++;
    }
    let next = lineEnd + 1;
    if (text.charCodeAt(lineEnd) === 0x0d && text.charCodeAt(lineEnd + 1) === 0x0a) next++;

    const lineIndex = blankLines.length;
    let i = lineStart;
    let ideographic = false;
    while (i < lineEnd && isSpaceCode(text.charCodeAt(i))) {
      if (text.charCodeAt(i) === 0x3000) ideographic = true;
      i++;
    }
    const end = trimSpacesEnd(text, i, lineEnd);
    if (i >= end) {
      blankLines.push(true);
    } else {
      blankLines.push(false);
      const indentWidth = i - lineStart - (lineStart === 0 && text.charCodeAt(0) === 0xfeff ? 1 : 0);
      let start = i;
      let hashes = 0;
      while (start < end && (text[start] === "#" || text[start] === "＃")) {
        hashes++;
        start++;
      }
      // "#" counts as a heading mark only when followed by a space ("# 标题"), or when the
      // rest of the line still has text; a line of only "#" is noise.
      if (hashes > 0) {
        const afterMarks = start;
        while (start < end && isSpaceCode(text.charCodeAt(start))) start++;
        if (start >= end || hashes > 6) {
          start = i;
          hashes = 0;
        } else if (afterMarks === start && !isHan(text[start])) {
          start = i;
          hashes = 0;
        }
      }
      if (hashes > 0) sawHash = true;
      const indented = ideographic || indentWidth >= 2;
      if (ideographic && indentWidth >= 1) sawIdeographicIndent = true;
      if (indented) indentedBlocks++;
      const previous = blocks[blocks.length - 1];
      if (previous !== undefined && previous.line === lineIndex - 1) {
        runOnBlocks++;
        // The first line after an empty line is a headline as often as a paragraph's head: a long
        // headline over its subheadline says nothing of a wrap.
        const previousOpensGroup = previous.line === 0 || blankLines[previous.line - 1] === true;
        if (!previousOpensGroup && isWrappedLine(text, previous)) wrappedBlocks++;
        // An indented line opens a paragraph of its own: the line above it was not cut by a wrap.
        if (!indented && !SENTENCE_ENDS.includes(text[previous.end - 1]!)) {
          (previousOpensGroup ? groupFirstLengths : runOnLengths).push(previous.end - previous.start);
        }
      } else if (previous !== undefined) separatedBlocks++;
      blocks.push({ line: lineIndex, start, end, hashes, indented });
    }
    if (lineEnd >= n) break;
    lineStart = next;
  }
  // Paragraph indentation is the e-paper's mark: ideographic spaces, or a run of no-break or
  // ASCII spaces on a good share of the lines (an OCR page indents a stray line at most).
  const indentedByRule = indentedBlocks >= MIN_INDENTED_LINES && indentedBlocks * 5 >= blocks.length;
  // Without indentation, a page whose paragraphs follow one another line by line and whose
  // empty lines are few sets articles apart by those empty lines, as the e-paper does; the OCR
  // form puts an empty line between every two blocks, and a text wrapped at a fixed width runs
  // on line by line inside its paragraphs.
  let wrapWidth = wrapWidthOf(runOnLengths, runOnBlocks);
  const articlesByEmptyLines =
    blocks.length >= MIN_INDENTED_LINES && separatedBlocks > 0 && runOnBlocks >= separatedBlocks * 2 && wrappedBlocks * 4 < runOnBlocks && wrapWidth === 0;
  const form: TextForm = !sawHash && (sawIdeographicIndent || indentedByRule || articlesByEmptyLines) ? "epaper" : "ocr";
  // The OCR form sets an empty line before every paragraph: a group's first line cut mid-sentence
  // and run on is a paragraph's first line cut by the wrap, as good a witness as the lines under it.
  if (form === "ocr") wrapWidth = wrapWidthOf([...runOnLengths, ...groupFirstLengths], runOnBlocks);
  if (wrapWidth > 0 && linesWiderThan(blocks, wrapWidth) > MAX_WIDER_SHARE * blocks.length) wrapWidth = 0;
  // Every line indented, headings too: a margin the dump added, which says nothing of which
  // lines are headings (the caller decides that from what the lines say).
  const uniformIndent = blocks.length >= MIN_INDENTED_LINES && indentedBlocks === blocks.length;
  return { form, blocks, blankLines, uniformIndent, wrapWidth };
}
