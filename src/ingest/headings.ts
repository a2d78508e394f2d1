/**
 * Heading lines: which lines are headings at all, and which heading is the kicker (引题),
 * the headline (主题) and the subheadline (副题).
 *
 * "#" marks the headline in the OCR form; without it the decision rests on typography and
 * wording: a kicker announces ("…时强调", "新华社播发报道"), a subheadline follows with a dash
 * or names who attended; a line much shorter than the next one is a kicker.
 */
import type { Block, TextForm } from "./blocks.ts";
import { isHalfWidthFullStop } from "./column-repair.ts";
import { isCompetitionName, isParallelPhrases } from "./kicker-forms.ts";
import { runsOnToNextLine } from "./run-on-headings.ts";
import type { Span } from "./types.ts";

/** The longest line still read as a heading (the sample's longest headline has 32). */
const MAX_HEADING_LENGTH = 64;

/** Punctuation that closes what the line above opened, so that no line opens with it. */
export const CLOSING_START = /^[\u201d\u2019」』》〉),.;:!?、。]/;

/**
 * True when the folded line [start, end) reads as a heading: short, not ending a sentence,
 * not a parenthesised note such as "（作者为…）".
 */
export function looksLikeHeading(folded: string, start: number, end: number): boolean {
  const len = end - start;
  if (len === 0 || len > MAX_HEADING_LENGTH) return false;
  const first = folded[start]!;
  const last = folded[end - 1]!;
  if (first === "(" && last === ")") return false;
  // A parenthesis closed without being opened is the end of one a wrap cut ("静)"), and a line that
  // opens with closing punctuation ends the sentence above ("”"): no heading's.
  if (last === ")" && !folded.slice(start, end).includes("(")) return false;
  if (CLOSING_START.test(first)) return false;
  if ("。;:,、".includes(last) || isHalfWidthFullStop(folded, end - 1)) return false;
  // A headline may ask or exclaim when it is short: "谁来守护？".
  if ((last === "!" || last === "?" || last === "…") && len > 30) return false;
  // A full stop inside is body text ("工作座谈会现场。梁琛摄" is caught as a caption first), also
  // one OCR printed half-width ("会议召开. 市长出席").
  const line = folded.slice(start, end);
  if (line.includes("。")) return false;
  for (let i = line.indexOf("."); i !== -1; i = line.indexOf(".", i + 1)) if (isHalfWidthFullStop(folded, start + i)) return false;
  return true;
}

/**
 * Whether an empty line under an e-paper article's headings may be its subheadline slot printed
 * empty, as where the kicker, headline and subheadline slots each take a line, empty or not. Not on
 * a page that shows the empty line under the headings to be its separator before the body: a lone
 * heading line with one empty line above it, under a body, and one under it, over its own body. A
 * page that prints its slots prints an empty kicker slot above such a headline too, two empty lines.
 */
export function emptyLinesMayBeSlots(folded: string, blocks: Block[]): boolean {
  for (let i = 1; i + 1 < blocks.length; i++) {
    const [before, b, after] = [blocks[i - 1]!, blocks[i]!, blocks[i + 1]!];
    if (b.indented || b.hashes > 0 || !before.indented || !after.indented) continue;
    if (before.line === b.line - 2 && after.line === b.line + 2 && looksLikeHeading(folded, b.start, b.end)) return false;
  }
  return true;
}

/** The longest lead-in (聚焦春运：, 记者手记——) read as a kicker line. */
const MAX_LEAD_IN_LENGTH = 24;

/**
 * True when the folded line [start, end) is a lead-in over a headline: short, ending in a colon
 * or a dash, with no sentence inside ("聚焦春运：", "新春走基层——"). Only a line that is not
 * indented can be one: in the e-paper form an indented line ending so opens a quotation.
 */
export function looksLikeLeadIn(folded: string, start: number, end: number): boolean {
  const line = folded.slice(start, end);
  return line.length >= 3 && line.length <= MAX_LEAD_IN_LENGTH && /(?::|——)$/.test(line) && !/[。;!?]/.test(line);
}

export interface HeadingRoles {
  kicker: Span[];
  headline: Span[];
  subheadline: Span[];
}

/** The longest first line read as a column's label over the headline in the e-paper form. */
const MAX_LABEL_KICKER = 4;
/** The longest second line read as the headline under such a label; longer, it is a deck. */
const MAX_LABELLED_HEADLINE = 18;

/** A column's name: a few Han characters ending in the kind of piece it runs (江城时评, 东岸观察). */
const COLUMN_NAME = /^\p{Script=Han}{1,4}(?:时评|快评|短评|锐评|热评|观察|论坛|评论|视点|漫谈)$/u;

/** Whether `text` is a column's name (see COLUMN_NAME), a kicker and never a writer's name. */
export function isColumnName(text: string): boolean {
  return COLUMN_NAME.test(text);
}

const KICKER_ENDINGS = /(强调|指出|表示|时说|提出|要求|寄语|看望|:|——|播发报道)$/;
/** A line wholly inside the brackets papers set a column's name in: 【民生关注】, ［新时代新征程］, 〖…〗. */
const BRACKETED_LABEL = /^(?:【[^【】]{2,12}】|\[[^[\]]{2,12}\]|〖[^〖〗]{2,12}〗)$/;
/**
 * A column's name and its series or section joined by a middle dot, each part a few Han characters:
 * 接诉即办·回访, 走基层·蹲点. Two names so joined may be a short headline too (中国·东盟), so
 * such a line is a kicker only over a line at least three characters longer (see secondIsKickedHeadline).
 */
const DOTTED_LABEL = /^\p{Script=Han}{2,5}[·・]\p{Script=Han}{2,5}$/u;
/** A heading line that ends in an exclamation or a question, perhaps inside a closing quote. */
const EXCLAIMS_OR_ASKS = /[!?！？]["”’]?$/;
/** A column's tag in parentheses closing a headline: （民生观）, （暖相册·春运故事）, （人民论坛）. */
const COLUMN_TAG = /\([^()]{2,10}\)$/;
/** A line that opens with a dash follows a headline as its subheadline (——论…). */
export const DASH_START = /^(——|—|--)/;

/**
 * Assigns the heading blocks of one article (in page order) to kicker, headline and
 * subheadline. `emptySubheadlineLine` is the e-paper hint that a blank line stood right
 * between the last heading and the body (the subheadline slot printed empty). A line without
 * "#" that runs on into the next (run-on-headings.ts) is read with it as one heading line.
 */
export function assignHeadingRoles(
  heads: Block[],
  folded: string,
  emptySubheadlineLine: boolean,
  form: TextForm = "ocr",
): HeadingRoles {
  /** The printed lines each heading line read is made of, by where it starts. */
  const pieces = new Map<number, Block[]>();
  const lines: Block[] = [];
  for (const b of heads) {
    const prev = lines.at(-1);
    if (prev !== undefined && runsOnInto(folded, pieces.get(prev.start)!.at(-1)!, b)) {
      pieces.get(prev.start)!.push(b);
      lines[lines.length - 1] = { ...prev, end: b.end };
    } else {
      pieces.set(b.start, [b]);
      lines.push(b);
    }
  }
  const roles = assignLineRoles(lines, folded, emptySubheadlineLine, form);
  // Each role in the printed lines it spans.
  const printed = (spans: Span[]) => spans.flatMap((s) => (pieces.get(s.start) ?? [s]).map((b) => ({ start: b.start, end: b.end })));
  return { kicker: printed(roles.kicker), headline: printed(roles.headline), subheadline: printed(roles.subheadline) };
}

/** Whether heading line `a`, without "#", runs on into `b`, the next one: a deck opening with a dash never continues it. */
function runsOnInto(folded: string, a: Block, b: Block): boolean {
  if (a.hashes > 0 || b.hashes > 0 || DASH_START.test(folded.slice(b.start, b.end))) return false;
  return runsOnToNextLine(folded.slice(a.start, a.end));
}

function assignLineRoles(heads: Block[], folded: string, emptySubheadlineLine: boolean, form: TextForm): HeadingRoles {
  const span = (b: Block): Span => ({ start: b.start, end: b.end });
  const roles: HeadingRoles = { kicker: [], headline: [], subheadline: [] };
  if (heads.length === 0) return roles;
  const hashed = heads.findIndex((b) => b.hashes > 0);
  if (hashed !== -1) {
    // Over a heading of another size, the lines down to this one are the kicker of what follows: a
    // lead-in set as a heading of its own ("## 聚焦春运——" over "# …"), or a line set in smaller type
    // right over a larger one ("## 纪念某某诞辰120周年" over "# …"), which is the headline.
    const top = heads[hashed]!;
    const under = heads[hashed + 1];
    const otherSize = under !== undefined && under.hashes > 0 && under.hashes !== top.hashes;
    // So is a column's label set in the headline's own size right over it ("## 法官手记" over "## …"):
    // a label of a few characters, not the first line of a headline printed over two.
    const labelOfSameSize = under !== undefined && under.hashes === top.hashes && isColumnLabelOver(folded, top, under);
    if ((otherSize && (under.hashes < top.hashes || looksLikeLeadIn(folded, top.start, top.end))) || labelOfSameSize) {
      const rest = assignLineRoles(heads.slice(hashed + 1), folded, emptySubheadlineLine, form);
      return { ...rest, kicker: [...heads.slice(0, hashed + 1).map(span), ...rest.kicker] };
    }
    // A column's label set in the larger type over a smaller headline ("# 新华社电" over "## …")
    // is its kicker, as it is in the e-paper form.
    if (hashed === 0 && under !== undefined && under.hashes > heads[0]!.hashes && isLabelOverHeadline(folded, heads[0]!, under)) {
      roles.kicker = [span(heads[0]!)];
      roles.headline = [span(under)];
      roles.subheadline = heads.slice(2).map(span);
      return roles;
    }
    // A headline printed over two lines comes out of OCR as two "#" lines of the same level; a line of
    // that level opening with a dash is the deck under it (## ——专家观点摘编), as in the plain form.
    let last = hashed;
    while (heads[last + 1]?.hashes === heads[hashed]!.hashes && !DASH_START.test(folded.slice(heads[last + 1]!.start, heads[last + 1]!.end))) last++;
    roles.kicker = heads.slice(0, hashed).map(span);
    roles.headline = heads.slice(hashed, last + 1).map(span);
    roles.subheadline = heads.slice(last + 1).map(span);
    return roles;
  }
  if (heads.length === 1) {
    roles.headline = [span(heads[0]!)];
    return roles;
  }
  if (heads.length === 2) {
    const a = heads[0]!;
    const b = heads[1]!;
    if (secondIsKickedHeadline(folded, a, b, emptySubheadlineLine, form)) {
      roles.kicker = [span(a)];
      roles.headline = [span(b)];
    } else {
      roles.headline = [span(a)];
      roles.subheadline = [span(b)];
    }
    return roles;
  }
  roles.kicker = [span(heads[0]!)];
  roles.headline = [span(heads[1]!)];
  roles.subheadline = heads.slice(2).map(span);
  return roles;
}

/**
 * For two heading lines a, b: true when they are kicker + headline, false for headline +
 * subheadline. In the e-paper form the header slots are printed in a fixed order, so without
 * wording or an empty subheadline slot to say otherwise two lines are headline and
 * subheadline, unless the first is a column's label of a few characters over a line of a
 * headline's length; in the OCR form a first line much shorter than the second is a kicker.
 */
function secondIsKickedHeadline(folded: string, a: Block, b: Block, emptySubheadlineLine: boolean, form: TextForm): boolean {
  const textA = folded.slice(a.start, a.end);
  const textB = folded.slice(b.start, b.end);
  if (DASH_START.test(textB)) return false;
  if (KICKER_ENDINGS.test(textA)) return true;
  // A column's name in brackets over the headline (【民生关注】, ［新时代新征程］) is its kicker.
  if (BRACKETED_LABEL.test(textA) && !BRACKETED_LABEL.test(textB)) return true;
  // So is a column's name and its series joined by a dot (接诉即办·回访) over a longer headline.
  if (DOTTED_LABEL.test(textA) && !DOTTED_LABEL.test(textB) && textB.length >= textA.length + 3 && textB.length <= MAX_HEADLINE_UNDER_LABEL) return true;
  // A column's name over a longer line (江城时评 / 以担当守护群众安全) is its kicker, whatever the form.
  if (COLUMN_NAME.test(textA) && !COLUMN_NAME.test(textB) && textB.length >= textA.length + 3) return true;
  // Parallel phrases set off by a space over one statement, or a competition's name over what
  // happened in it, lead into the headline (kicker-forms.ts).
  if (!/ /.test(textB.trim()) && isParallelPhrases(textA)) return true;
  if (isCompetitionName(textA) && !isCompetitionName(textB)) return true;
  if (emptySubheadlineLine) return true;
  // A deck explains; the line that asks or exclaims under a plain statement is the headline itself
  // (浙江桐乡辅警深夜驾车救火 / 开“火”车的你，真棒！).
  if (EXCLAIMS_OR_ASKS.test(textB) && !EXCLAIMS_OR_ASKS.test(textA)) return true;
  // The column's tag closes the headline (让春运记忆越来越暖（民生观）), never a kicker or a deck.
  if (COLUMN_TAG.test(textA) !== COLUMN_TAG.test(textB)) return COLUMN_TAG.test(textB);
  if (form === "ocr") return textA.length * 2 <= textB.length || isColumnLabelOver(folded, a, b);
  return isLabelOverHeadline(folded, a, b);
}

/**
 * A column's label over a headline (暖心 / 七旬老人迷路 民警护送回家, 相关新闻 / 老城南棚改启动): a line
 * of a few characters over one at least three longer; over a line of a deck's length it is a short
 * headline (城市更新 / 全面践行…).
 */
function isLabelOverHeadline(folded: string, a: Block, b: Block): boolean {
  const [lengthA, lengthB] = [a.end - a.start, b.end - b.start];
  return lengthA <= MAX_LABEL_KICKER && lengthB >= lengthA + 3 && lengthB <= MAX_LABELLED_HEADLINE && !DASH_START.test(folded.slice(b.start, b.end));
}

/** A column's label of a few characters, with nothing but Han characters: 经济观察, 今日谈. */
const PLAIN_LABEL = new RegExp(`^\\p{Script=Han}{2,${MAX_LABEL_KICKER}}$`, "u");
/** The longest line read as the headline under a column's label that opens a piece of its own. */
const MAX_HEADLINE_UNDER_LABEL = 30;

/**
 * Whether heading line a is a column's label over heading line b, its headline: a bracketed name
 * (【民生关注】), or a few Han characters (经济观察) over a line at least three characters longer;
 * the headline of a headline's length, no deck (——…) and no label itself.
 */
export function isColumnLabelOver(folded: string, a: Block, b: Block): boolean {
  const [textA, textB] = [folded.slice(a.start, a.end), folded.slice(b.start, b.end)];
  if (BRACKETED_LABEL.test(textB) || DASH_START.test(textB) || textB.length > MAX_HEADLINE_UNDER_LABEL) return false;
  return BRACKETED_LABEL.test(textA) || (PLAIN_LABEL.test(textA) && textB.length >= textA.length + 3);
}
