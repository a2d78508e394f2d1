/**
 * The page-structure parser: page text in, articles out (plain data, no I/O).
 *
 * Pipeline: split into blocks (blocks.ts) → classify each block (heading, body, caption,
 * credit line, continuation marker) → walk the blocks once, opening an article at each
 * heading group that starts one, rejoining column breaks (column-repair.ts), closing an
 * article at its jump marker or author credit → per article, read the dispatch, dateline
 * and credits → attach captions that stand between articles (caption-attach.ts).
 *
 * Every rule matches against a folded copy of the text of the same length (normalise.ts),
 * so spans are offsets into the exact input and printed text is sliced from the input.
 */
import { splitBlocks, type Block, type TextForm } from "./blocks.ts";
import { chooseNeighbour, hanBigrams, type NeighbourText } from "./caption-attach.ts";
import { parseCaption, type FoundCaption } from "./captions.ts";
import { endsSentence, isDoubledAtBreak } from "./column-repair.ts";
import { creditLineNames, isCreditLine, type CreditDraft } from "./credit-lines.ts";
import { creditRoleOf, labelAt, LEAD_MARKS, type CreditName } from "./credit-names.ts";
import { openingFiledByline } from "./filed-byline.ts";
import { openingDate, resolveEventDate, type FoundDate } from "./dateline.ts";
import {
  commentatorByline,
  openingBracketedBylineThroughWraps,
  parenthesisedDispatch,
  parseDispatch,
  parseDispatchThroughWraps,
  trailingCredit,
  type FoundDispatch,
  type FoundTrailingCredit,
} from "./dispatch.ts";
import { isListLine, isNameListLine } from "./list-lines.ts";
import { isPointerBoxLabel, isPointerLine } from "./pointer-lines.ts";
import {
  assignHeadingRoles,
  CLOSING_START,
  DASH_START,
  emptyLinesMayBeSlots,
  isColumnLabelOver,
  looksLikeHeading,
  looksLikeLeadIn,
} from "./headings.ts";
import { letterSignature, opensWithSalutation } from "./letter-signatures.ts";
import { leadingMarker, trailingMarker, wholeMarker, type FoundMarker } from "./markers.ts";
import { countHan, HAN_RANGES } from "./han.ts";
import { mapCodeUnits } from "./code-units.ts";
import { foldForMatching, nameDotCode, skipSpaces, trimSpacesEnd } from "./normalise.ts";
import { ownPaperInLabel } from "./own-paper.ts";
import { linesAfterWideGap } from "./article-gaps.ts";
import { isRunningHead, isSourceNote, isStaffLine, trailingEndNote } from "./page-furniture.ts";
import { isSigningDateLine } from "./signing-date.ts";
import { extractMentions } from "./people/mentions.ts";
import { restorePrintedForms } from "./printed-forms.ts";
import { isTraditional, simplifiedText } from "./traditional.ts";
import { originalSpan, withoutWrapBreaks } from "./wrap-breaks.ts";
import type {
  CreditRole,
  PageContext,
  ParsedArticle,
  ParsedCaption,
  ParsedCredit,
  ParsedMarker,
  ParsedMention,
  ParsedPage,
  ParsedParagraph,
  Span,
} from "./types.ts";

/**
 * `furniture`: the page's running head and staff credits, which belong to no article. `note`: a
 * note under an OCR headline of where the piece comes from (来源：…), which is neither heading nor
 * body. `joined`: a line read as part of the block that opens its group (a caption a wrap cut).
 */
type Kind = "heading" | "body" | "caption" | "credit" | "marker" | "furniture" | "note" | "joined";

interface ParaDraft {
  pieces: Span[];
  /** True while the paragraph has not ended a sentence: a column break may continue it. */
  open: boolean;
  lastLine: number;
}

interface ArticleDraft {
  start: number;
  end: number;
  kicker: Span[];
  headline: Span[];
  subheadline: Span[];
  paras: ParaDraft[];
  credits: CreditDraft[];
  captions: FoundCaption[];
  continuesOn: FoundMarker | null;
  continuedFrom: FoundMarker | null;
  /** Closed by a jump marker or an author credit: what follows is another article. */
  closed: boolean;
  bodyBlocks: number;
  /** The source a byline names when there is no dispatch ("本报评论员" → 本报). */
  bylineSource: string | null;
  /** A box of briefs under a label of its own (简讯, 速读): each brief under it, dispatch and all, is its text. */
  box: boolean;
}

interface LooseCaption {
  caption: FoundCaption;
  /** The article before the caption (-1 for none) and how many body blocks it had then. */
  previous: number;
  previousBodyBlocks: number;
  /** The index the next article opened after the caption gets. */
  next: number;
}

/** Parses one page. Never throws: unreadable input gives a page without articles. */
export function parsePage(text: string, context: PageContext): ParsedPage {
  try {
    return parsePageUnguarded(typeof text === "string" ? text : "", context);
  } catch {
    return { format: "ocr", articles: [], captions: [] };
  }
}

/** The parser without the safety net, so that tests see any exception it would raise. */
export function parsePageUnguarded(text: string, context: PageContext): ParsedPage {
  const page = parsePageStructure(text, context);
  addPeople(text, readingOf(text), page, context);
  return page;
}

/**
 * The text the people reader reads: a page printed in traditional characters is read in simplified
 * ones (traditional.ts), and a name's variant middle dots (詹妮弗・史密斯) as · (normalise.ts).
 */
export const readingOf = (text: string) => readingText(text, isTraditional(text));

const readingText = (text: string, traditional: boolean) =>
  traditional ? mapCodeUnits(simplifiedText(text), nameDotCode) : mapCodeUnits(text, nameDotCode);

/** Reads each article's people; on a page read in another form, gives back what was read as printed. */
function addPeople(text: string, reading: string, page: ParsedPage, context: PageContext): void {
  const traditional = isTraditional(text);
  for (const a of page.articles) a.mentions = mentionsFor(reading, reading === text ? a : readingParts(a, traditional), context);
  if (reading !== text) restorePrintedForms(text, reading, page);
}

/** The article's parts as the people reader reads them (readingOf). */
function readingParts(a: ParsedArticle, traditional: boolean): ParsedArticle {
  const read = (value: string | null) => (value === null ? null : readingText(value, traditional));
  return {
    ...a,
    kicker: read(a.kicker),
    headline: read(a.headline),
    subheadline: read(a.subheadline),
    paragraphs: a.paragraphs.map((p) => ({ ...p, text: readingText(p.text, traditional) })),
    captions: a.captions.map((c) => ({ ...c, text: readingText(c.text, traditional) })),
  };
}

/** Everything but the people: the structure alone (mentions left empty). */
export function parsePageStructure(text: string, context: PageContext): ParsedPage {
  const folded = foldForMatching(text);
  const split = splitBlocks(text);
  const { form, blocks, blankLines, wrapWidth } = split;
  const uniformIndent = split.uniformIndent || indentedBelowRunningHead(folded, blocks);
  // Where every line is indented alike, a line that reads as a heading is taken as one that is not.
  if (uniformIndent) for (const b of blocks) b.indented = !looksLikeHeading(folded, b.start, b.end);
  const captionsFound = new Map<number, FoundCaption>();
  const kinds = blocks.map((b, i) => classify(text, folded, form, b, i, captionsFound, blocks));
  markRunningHead(folded, blocks, kinds, uniformIndent);
  if (wrapWidth > 0) joinWrappedCaptions(folded, blocks, kinds, blankLines, captionsFound, wrapWidth);
  if (form === "ocr" && wrapWidth > 0) markRunOnParagraphHeads(folded, blocks, kinds, wrapWidth);

  const walker = new Walker(text, folded, form, blocks, kinds, blankLines, captionsFound, {
    uniformIndent,
    emptySlots: form === "epaper" && emptyLinesMayBeSlots(folded, blocks),
    paper: context?.publication ?? null,
    indentsNothing: form === "epaper" && blocks.every((b) => !b.indented),
    afterWideGap: linesAfterWideGap(blocks, blankLines),
    unspaced: blocks.every((b, j) => j === 0 || b.line === blocks[j - 1]!.line + 1),
  });
  walker.run();
  return walker.finish(context);
}

const LINE_BREAKS = /[\r\n]/g;

/** How many lines a running head may take at the top of a page (section and page, then the date). */
const MAX_RUNNING_HEAD_LINES = 2;

/**
 * The running head over the first article ("A05 南京新闻", "2026年3月12日 星期四"): only at the top
 * of the page, and not where an indented body runs right under it, which makes it a headline; on a
 * page that indents every line alike the indentation under it says nothing.
 */
function markRunningHead(folded: string, blocks: Block[], kinds: Kind[], uniformIndent: boolean): void {
  for (let i = 0; i < Math.min(blocks.length, MAX_RUNNING_HEAD_LINES); i++) {
    const b = blocks[i]!;
    const next = blocks[i + 1];
    if (b.hashes > 0 || b.indented || !isRunningHead(folded, b.start, b.end)) return;
    if (!uniformIndent && next?.indented && next.line === b.line + 1) return;
    kinds[i] = "furniture";
  }
}

/** The fewest lines under a flush running head that show every other line indented alike. */
const MIN_UNIFORM_LINES = 3;

/**
 * Whether every line is indented alike but the running head printed flush at the top ("海滨晚报
 * 2026年6月5日 星期五 要闻 3" over "　　夏日去哪儿"): the margin is the dump's, headings have it too,
 * so it says no more than on a page that indents every line.
 */
function indentedBelowRunningHead(folded: string, blocks: Block[]): boolean {
  let head = 0;
  while (head < Math.min(blocks.length, MAX_RUNNING_HEAD_LINES) && !blocks[head]!.indented && blocks[head]!.hashes === 0 && isRunningHead(folded, blocks[head]!.start, blocks[head]!.end)) head++;
  const rest = blocks.slice(head);
  return head > 0 && rest.length >= MIN_UNIFORM_LINES && rest.every((b) => b.indented);
}

/** How much shorter than the wrap width a paragraph's first line may be (a wide character or a word carried over). */
const WRAP_SLACK = 2;

/**
 * OCR text wrapped at a column's width: a heading-like line without "#" that is as long as the
 * wrap and runs straight on (no empty line) into body text is a paragraph's first printed line
 * ("走进位于高新区的宏远精密机械有限公司,一" / "排排数控机床…"), not a subheadline; a line over a
 * dispatch or a byline, and a deck opening with a dash, still head. Read from the bottom, so that a paragraph's lines turn to body
 * one after the other.
 */
function markRunOnParagraphHeads(folded: string, blocks: Block[], kinds: Kind[], wrapWidth: number): void {
  for (let i = blocks.length - 2; i >= 0; i--) {
    const b = blocks[i]!;
    const next = blocks[i + 1]!;
    if (kinds[i] !== "heading" || b.hashes > 0 || next.line !== b.line + 1 || kinds[i + 1] !== "body") continue;
    if (b.end - b.start < wrapWidth - WRAP_SLACK || DASH_START.test(folded.slice(b.start, b.end))) continue;
    if (parseDispatchThroughWraps(folded, next.start, next.end) !== null) continue;
    kinds[i] = "body";
  }
}

/**
 * A photo caption that a wrap at a column's width cut: its credit closes the last line
 * ("床。本报记者 张磊 摄", or "者 张磊 摄" where the wrap cut the label too) and its text runs over
 * the lines above it, each as long as the wrap, up to the empty line that opens the group
 * ("车间里,工人正在装配数控机"). The group is one caption, kept on its first block; the other lines
 * are joined to it.
 */
function joinWrappedCaptions(
  folded: string,
  blocks: Block[],
  kinds: Kind[],
  blankLines: boolean[],
  captions: Map<number, FoundCaption>,
  wrapWidth: number,
): void {
  let first = 0;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    const runsOn = i > 0 && b.line === blocks[i - 1]!.line + 1 && !b.indented && !blocks[i - 1]!.indented;
    if (!runsOn) first = i;
    const closesGroup = i + 1 === blocks.length || blocks[i + 1]!.line !== b.line + 1 || blocks[i + 1]!.indented;
    if (!closesGroup || first === i) continue;
    const opensGroup = first === 0 || blankLines[blocks[first]!.line - 1] === true;
    const endsWithCredit = kinds[i] === "caption" || folded[b.end - 1] === "摄";
    const group = blocks.slice(first, i);
    if (!opensGroup || !endsWithCredit || group.some((g, j) => g.hashes > 0 || g.end - g.start < wrapWidth - WRAP_SLACK || kinds[first + j] === "marker")) continue;
    const [start, end] = [blocks[first]!.start, b.end];
    const view = withoutWrapBreaks(folded, start, end);
    const c = parseCaption(view.text, 0, view.text.length);
    if (c === null || c.textEnd === 0) continue;
    const span = (x: Span) => originalSpan(view, x.start, x.end, end);
    const names = (list: CreditName[]) => list.map((n) => ({ ...n, span: span(n.span) }));
    for (let j = first; j <= i; j++) captions.delete(j);
    captions.set(first, { span: span(c.span), textEnd: span({ start: 0, end: c.textEnd }).end, photographers: names(c.photographers), writers: names(c.writers) });
    kinds[first] = "caption";
    for (let j = first + 1; j <= i; j++) kinds[j] = "joined";
  }
}

/** Whether the block after `i` stands on the very next line and reads as a heading (the headline under a lead-in). */
function nextIsHeadingLine(folded: string, blocks: Block[], i: number): boolean {
  const next = blocks[i + 1];
  return next !== undefined && !next.indented && next.line === blocks[i]!.line + 1 && looksLikeHeading(folded, next.start, next.end);
}

function classify(text: string, folded: string, form: TextForm, b: Block, i: number, captions: Map<number, FoundCaption>, blocks: Block[]): Kind {
  if (b.hashes > 0) return "heading";
  if (isStaffLine(folded, b.start, b.end)) return "furniture";
  if (b.hashes === 0 && (isPointerLine(folded, b) || isPointerBoxLabel(folded, b, blocks[i + 1]))) return "furniture";
  if (wholeMarker(folded, b.start, b.end) !== null) return "marker";
  if (form === "ocr" && isSourceNote(folded, b.start, b.end)) return "note";
  const caption = parseCaption(folded, b.start, b.end);
  if (caption !== null) {
    captions.set(i, caption);
    return "caption";
  }
  if (isCreditLine(folded, b) && !isNameListLine(text, folded, form, blocks, i)) return "credit";
  if (parseDispatch(folded, b.start, b.end) !== null || opensWrappedDispatch(folded, blocks, i)) return "body";
  if (isListLine(text, folded, form, blocks, i)) return "body";
  if (looksLikeHeading(folded, b.start, b.end) && (form === "ocr" || !b.indented)) return "heading";
  if (form === "epaper" && !b.indented && looksLikeLeadIn(folded, b.start, b.end) && nextIsHeadingLine(folded, blocks, i)) return "heading";
  // In the OCR form the lead-in stands a block above the "#" headline ("聚焦一季度经济运行：").
  if (form === "ocr" && (blocks[i + 1]?.hashes ?? 0) > 0 && looksLikeLeadIn(folded, b.start, b.end)) return "heading";
  return "body";
}

/**
 * Whether block `i` opens a dispatch that a wrap at a column's width cut, so that its designation
 * only reads with the next line ("据新华社广州3月" / "14日电 …"): such a short line is no heading.
 */
function opensWrappedDispatch(folded: string, blocks: Block[], i: number): boolean {
  const [b, next] = [blocks[i]!, blocks[i + 1]];
  return next !== undefined && next.line === b.line + 1 && !next.indented && parseDispatchThroughWraps(folded, b.start, next.end) !== null;
}

/** Longest unnumbered line read as an in-body subheading ("扛起责任担当"); longer ones are prose. */
const MAX_SUBHEADING_LENGTH = 15;


/** Bullets that open a line of a list or a brief. */
const BULLETS = "■◆●▲□◇○★☆";

/** A numbered or bulleted line: "一、…", "（一）…", "1.…", "■…". */
const NUMBERED_HEAD = new RegExp(String.raw`^(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\)|[0-9]+[.、]|[${BULLETS}])`);

/** Whether block `b` opens with a section's number or a bullet (see NUMBERED_HEAD). */
function isNumberedHead(folded: string, b: Block): boolean {
  return NUMBERED_HEAD.test(folded.slice(b.start, b.start + 6));
}

/** The longest label of a box of briefs ("一句话新闻", "新闻集装箱"). */
const MAX_BOX_LABEL = 8;
/** How many printed lines one brief of such a box may take. */
const MAX_BRIEF_LINES = 6;

/**
 * Whether the heading line `i` labels a box of briefs: a short label over two or more body
 * blocks, each opening with the same bullet ("一句话新闻" over "■3月8日，…" and "■全市…"). Inside
 * an article a list stands under a sentence that leads into it, not under a label of its own.
 */
function opensBulletedBriefs(folded: string, blocks: Block[], kinds: Kind[], i: number): boolean {
  const label = blocks[i]!;
  const first = blocks[i + 1];
  if (label.end - label.start > MAX_BOX_LABEL || first === undefined) return false;
  const bullet = folded[first.start]!;
  if (!BULLETS.includes(bullet)) return false;
  // A brief cut by a wrap at a column's width may read as a heading line; the next brief stands a few lines down.
  const briefLine = (j: number) => kinds[j] === "body" || (kinds[j] === "heading" && blocks[j]!.hashes === 0);
  for (let j = i + 2; j < Math.min(blocks.length, i + 2 + MAX_BRIEF_LINES) && briefLine(j - 1); j++) {
    if (briefLine(j) && folded[blocks[j]!.start] === bullet) return true;
  }
  return false;
}

/** The name of a box of briefs: 简讯, 速读, 要闻速览, 体坛速递. */
const BRIEFS_LABEL = /^\p{Script=Han}{0,4}(?:简讯|快讯|短讯|速读|速览|速递)$/u;

/** Whether the heading lines `spans` are one line that names a box of briefs. */
function isBriefsLabel(folded: string, spans: Span[]): boolean {
  return spans.length === 1 && BRIEFS_LABEL.test(folded.slice(spans[0]!.start, spans[0]!.end));
}

/**
 * An in-body subheading: numbered ("一、…", "（一）…", "■…") or short. A longer line without
 * final punctuation is the head of a paragraph cut by a column break
 * ("位于太原市体育西路的晋韵楼大酒店是一家经营山" / "西菜的老牌饭店…").
 */
function looksLikeSubheading(folded: string, b: Block): boolean {
  if (isNumberedHead(folded, b)) return true;
  return b.end - b.start <= MAX_SUBHEADING_LENGTH;
}

/** A line of the byline slot that labels the piece: "来源：人民网", "融媒体中心 出品", "编辑整理". */
const SLOT_LABEL = /.:.|(?:出品|供稿|整理|编译|来源)$/;

/** What the walker is told of the whole page. */
interface PageTraits {
  /** Every line was indented alike: a one-line heading needs more to open an article (see epaperHeading). */
  uniformIndent: boolean;
  /** E-paper form: an empty line under an article's headings may be its subheadline slot printed empty (emptyLinesMayBeSlots). */
  emptySlots: boolean;
  /** The publication's name, when known: a byline under it names the source (own-paper.ts). */
  paper: string | null;
  /** E-paper form read off a plain export that indents no line: only heading lines tell a new article (see continuesAfterEmptyLine). */
  indentsNothing: boolean;
  /** Lines after a gap wider than the paragraphs' on a page that sets articles apart so (article-gaps.ts). */
  afterWideGap: Set<number>;
  /** No empty line stands between any two lines of the page: spacing tells no article from the next. */
  unspaced: boolean;
}

/** What joins a paper's name to a brand of its group where a page prints both (某某商报-红星新闻, 某某日报/某某网). */
const NAME_JOINERS = "/·・-‐";

/**
 * Whether `text` prints `first`, then one of NAME_JOINERS, then `second`, with spaces around the
 * joiner or none. Read as text, not through a pattern built of the names: a publication's name may
 * hold any character (a parenthesis in it made such a pattern throw, and the page parse to nothing).
 */
function printsJoined(text: string, first: string, second: string): boolean {
  const skipWhitespace = (k: number) => {
    while (k < text.length && /\s/.test(text[k]!)) k++;
    return k;
  };
  for (let at = text.indexOf(first); at >= 0; at = text.indexOf(first, at + 1)) {
    const joiner = skipWhitespace(at + first.length);
    if (joiner < text.length && NAME_JOINERS.includes(text[joiner]!) && text.startsWith(second, skipWhitespace(joiner + 1))) return true;
  }
  return false;
}

/** A brand's byline label: a news app's or a site's name, perhaps a newsroom qualifier, and 记者 (红星新闻记者). */
const GROUP_BRAND_LABEL = new RegExp(`^([${HAN_RANGES}]{2,6}?(?:新闻|网|客户端))(?:全媒体|融媒体|首席)?记者$`);

class Walker {
  readonly articles: ArticleDraft[] = [];
  readonly loose: LooseCaption[] = [];
  private cur: ArticleDraft | null = null;
  /** Credits printed before any heading (a byline above the article), for the next article. */
  private pendingCredits: CreditDraft[] = [];
  /** The source such a byline names ("本报记者 X" → 本报), for the next article. */
  private pendingBylineSource: string | null = null;
  /** A pickup (上接) standing over heading lines: the jumped tail printed with a headline of its own. */
  private pendingPickup: FoundMarker | null = null;

  constructor(
    private readonly text: string,
    private readonly folded: string,
    private readonly form: TextForm,
    private readonly blocks: Block[],
    private readonly kinds: Kind[],
    private readonly blankLines: boolean[],
    private readonly captionsFound: Map<number, FoundCaption>,
    private readonly page: PageTraits,
  ) {}

  run(): void {
    const { blocks, kinds } = this;
    let i = 0;
    while (i < blocks.length) {
      const b = blocks[i]!;
      switch (kinds[i]) {
        case "heading":
          i = this.heading(i);
          continue;
        case "body":
          this.body(b, false);
          break;
        case "marker":
          this.marker(i);
          break;
        case "caption":
          this.caption(this.captionsFound.get(i)!, b);
          break;
        case "credit":
          this.creditLine(i);
          break;
        case "furniture":
        case "note":
        case "joined":
          break;
      }
      i++;
    }
  }

  private openPara(): ParaDraft | null {
    const cur = this.cur;
    if (cur === null || cur.closed) return null;
    const last = cur.paras[cur.paras.length - 1];
    return last?.open ? last : null;
  }

  /**
   * E-paper form: an article opens only at a boundary, a line that is not indented and follows
   * an empty line (or opens the page). Inside an article nothing else opens one: not a jump
   * marker, a credit, a pickup (上接) or a second dispatch (a round-up of briefs is one article).
   */
  private atBoundary(b: Block): boolean {
    return this.form === "epaper" && !b.indented && (b.line === 0 || this.blankLines[b.line - 1] === true || b === this.blocks[0]);
  }

  /**
   * E-paper form: a line right under the headline that runs long but does not end a sentence,
   * with the body or a dispatch after it, is a deck printed in the subheadline slot.
   */
  private isDeckLine(k: number): boolean {
    const { blocks, folded } = this;
    const b = blocks[k]!;
    const next = blocks[k + 1];
    if (b.indented || next === undefined || parseDispatch(folded, b.start, b.end) !== null) return false;
    if (endsSentence(folded, b.start, b.end)) return false;
    return next.indented || parseDispatch(folded, next.start, next.end) !== null || this.kinds[k + 1] === "credit";
  }

  /**
   * E-paper form: a label line that no rule reads ("来源：人民网", "融媒体中心 出品"), standing in the byline
   * slot of an article that has only its headings (one empty line under them) and over an indented
   * body, is that article's first line, not the headline of one more article: the headline above
   * would otherwise be left without a body and lost.
   */
  private inEmptyBylineSlot(i: number): boolean {
    const { blocks, kinds } = this;
    const cur = this.cur;
    const b = blocks[i]!;
    const prev = blocks[i - 1];
    const next = blocks[i + 1];
    if (cur === null || cur.closed || cur.paras.length > 0 || cur.captions.length > 0 || cur.credits.length > 0) return false;
    if (prev === undefined || kinds[i - 1] !== "heading" || prev.line !== b.line - 2) return false;
    if (next === undefined || !next.indented || next.line !== b.line + 1 || kinds[i + 1] !== "body") return false;
    // Only a line that labels rather than heads: a headline over a dispatch opens its own article
    // under a photo item that printed a headline alone (图片新闻).
    return SLOT_LABEL.test(this.folded.slice(b.start, b.end)) && parseDispatch(this.folded, next.start, next.end) === null;
  }

  /** Whether a byline printed over the headings (see bylineOverNextHeadline) waits to open the article they head. */
  private bylineAbove(): boolean {
    return this.pendingCredits.length > 0;
  }

  /** Whether block `k` is a caption line that holds a credit only ("本报记者 X 文/摄"): a byline, not a photo's text. */
  private isCreditOnlyCaption(k: number): boolean {
    const caption = this.kinds[k] === "caption" ? this.captionsFound.get(k) : undefined;
    return caption !== undefined && caption.textEnd <= this.blocks[k]!.start;
  }

  /** Whether block `k` opens a report: a dispatch, a byline or a caption. */
  private opensReport(k: number): boolean {
    const next = this.blocks[k];
    if (next === undefined) return false;
    return this.kinds[k] === "credit" || this.kinds[k] === "caption" || parseDispatch(this.folded, next.start, next.end) !== null;
  }

  /** E-paper form of `heading`: the heading lines after a boundary, up to the byline or body. */
  private epaperHeading(i: number): number {
    const { blocks, kinds, folded } = this;
    const b = blocks[i]!;
    let k = i + 1;
    while (k < blocks.length && !blocks[k]!.indented && blocks[k]!.line === blocks[k - 1]!.line + 1) {
      const kind = kinds[k];
      if (kind === "heading" || kind === "caption" || kind === "credit") k++;
      else if (kind === "body" && this.isDeckLine(k)) k++;
      else break;
    }
    // Without the empty line, a page that prints none between articles still shows a new one:
    // heading lines after a finished paragraph, with an indented body, byline or dispatch right under them.
    const next = blocks[k];
    // A dispatch under them (本报讯 …) opens a report even where the paragraph above ended no sentence,
    // as a notice's signing office and date do.
    const indentedNext = next?.indented === true;
    const dispatchUnder = indentedNext && kinds[k] === "body" && parseDispatch(folded, next!.start, next!.end) !== null;
    const unseparatedStart =
      indentedNext && ((this.openPara() === null && (kinds[k] === "body" || kinds[k] === "credit" || this.isCreditOnlyCaption(k))) || (!b.indented && dispatchUnder));
    const pickup = this.pendingPickup !== null;
    const bylineAbove = this.bylineAbove();
    if (!this.atBoundary(b) && this.cur !== null && !unseparatedStart && !pickup && !bylineAbove) {
      // A line that runs on from an open paragraph is its next printed line, cut by a wrap at a
      // column's width ("…（记者 孙立" / "平 通讯员 赵海燕）3月1"), not a subheading.
      const open = this.openPara();
      const runsOn = open !== null && b.line === open.lastLine + 1;
      this.body(b, !runsOn && looksLikeSubheading(folded, b));
      return i + 1;
    }
    if (k === i + 1 && !pickup && this.inEmptyBylineSlot(i)) {
      this.body(b, false, true);
      return i + 1;
    }
    // With no indentation to tell them apart, a lone heading line over plain body text inside a
    // running article is its subheading; a headline has a dispatch, a byline or a photo under it.
    // Where no empty line sets anything apart either, an unnumbered heading line after a finished
    // paragraph heads the next article, as a reader takes it on a page of briefs run together.
    const headsUnspaced = this.page.unspaced && this.openPara() === null && !isNumberedHead(folded, b);
    if (this.page.uniformIndent && !pickup && k === i + 1 && this.cur !== null && !this.cur.closed && this.cur.paras.length > 0 && !this.opensReport(k) && !headsUnspaced) {
      this.body(b, true, true);
      return i + 1;
    }
    for (let j = i + 1; j < k; j++) if (kinds[j] === "body") kinds[j] = "heading";
    this.startArticle(i, k);
    return k;
  }

  /** Handles the heading group starting at block i; returns the index after what it consumed. */
  private heading(i: number): number {
    if (this.form === "epaper") return this.epaperHeading(i);
    const { blocks, kinds, folded } = this;
    let k = i;
    let hasHash = false;
    let sawCaption = false;
    while (k < blocks.length && (kinds[k] === "heading" || kinds[k] === "caption" || kinds[k] === "credit" || kinds[k] === "note" || kinds[k] === "joined")) {
      // Heading lines after the headline and its photos belong to the next article: a photo
      // page's captions run straight into the next kicker or headline. A first "#" line after a
      // caption is the headline that caption was printed over.
      if (kinds[k] === "heading" && sawCaption && (hasHash || blocks[k]!.hashes === 0)) break;
      if (blocks[k]!.hashes > 0) hasHash = true;
      if (kinds[k] === "caption") sawCaption = true;
      k++;
    }
    const b = blocks[i]!;
    const next = blocks[k];
    const nextIsBody = next !== undefined && kinds[k] === "body";
    const nextOpensArticle =
      nextIsBody &&
      (parseDispatch(folded, next.start, next.end) !== null ||
        leadingMarker(folded, next.start, next.end)?.direction === "in");
    const pickup = this.pendingPickup !== null;
    const bylineAbove = this.bylineAbove();
    if (this.openPara() !== null && b.hashes === 0 && !hasHash && !nextOpensArticle && !pickup) {
      this.body(b, false);
      return i + 1;
    }
    const cur = this.cur;
    // Without "#" (a PDF's text), heading lines show a new article by what stands with them: a
    // byline under them, or a deck opening with a dash under the first.
    const bylineUnder = kinds.slice(i + 1, k).includes("credit");
    // A column's label over a headline (经济观察 / 让小店经济释放更大能量) heads a piece of its own
    // when a deck opens with a dash under the headline, or when the text under them closes with a
    // credit of its own while the running article has its own dispatch or credit: a signed opinion
    // piece under a report. A box inside a report (相关链接 / 什么是…) closes with no credit.
    const labelled = b.hashes === 0 && !hasHash && i + 1 < k && kinds[i + 1] === "heading" && isColumnLabelOver(folded, b, blocks[i + 1]!);
    const deck = labelled ? i + 2 : i + 1;
    const dashDeck = kinds[deck] === "heading" && deck < k && DASH_START.test(folded.slice(blocks[deck]!.start, blocks[deck]!.end));
    const signedPiece = labelled && nextIsBody && cur !== null && this.hasOwnCredit(cur) && this.closesWithCredit(k);
    // A photo and its caption close a report: an unnumbered heading line right after them, over
    // body text, heads the next one ("民企出海，如何行稳致远" under "车间里，…。X 摄").
    let above = i - 1;
    while (above > 0 && kinds[above] === "joined") above--;
    // So does a photo item's own caption, its only text.
    const afterPhoto =
      nextIsBody && kinds[above] === "caption" && cur !== null && (cur.paras.length > 0 || cur.captions.length > 0) && !isNumberedHead(folded, b);
    // A photo item: heading lines over a caption, and no body after it (秋色 / 游人在湖边赏景。X 摄),
    // or only the next headings.
    const photoItem = sawCaption && ((kinds[k - 1] === "caption" && !nextIsBody) || k >= blocks.length || kinds[k] === "heading");
    const briefsBox = b.hashes === 0 && opensBulletedBriefs(folded, blocks, kinds, i);
    // After a gap wider than the paragraphs', heading lines head an article of their own.
    const wideGap = this.page.afterWideGap.has(b.line);
    // An unnumbered line over a paragraph that opens with a date phrase (11月3日，…) heads a report of
    // its own, as a report's lead opens with the day it reports on; a section of a report runs on.
    const reportLead = nextIsBody && b.hashes === 0 && openingDate(folded, next.start, next.end) !== null && !isNumberedHead(folded, b);
    if (briefsBox) {
      // The box's label heads it alone: the briefs under it are its text, whatever they read as.
      this.startArticle(i, i + 1);
      this.cur!.box = true;
      return i + 1;
    }
    if (!(hasHash || nextOpensArticle || pickup || cur === null || cur.closed || bylineUnder || dashDeck || afterPhoto || signedPiece || photoItem || bylineAbove || wideGap || reportLead)) {
      // A heading-like line inside a running article: an in-body subheading, or the first
      // line of a paragraph left alone at the foot of a column (then the next block continues it).
      this.body(b, looksLikeSubheading(folded, b));
      return i + 1;
    }
    this.startArticle(i, k);
    return k;
  }

  /** Whether the article names its own writers: a dispatch opening its body, or a byline or credit. */
  private hasOwnCredit(a: ArticleDraft): boolean {
    const first = a.paras[0]?.pieces[0];
    return a.credits.length > 0 || (first !== undefined && parseDispatch(this.folded, first.start, first.end) !== null);
  }

  /**
   * Whether the text from block `k` closes with a credit of its own (a closing credit in parentheses,
   * on its line or after the last sentence, or a signature of names alone after a mark: ■ 王小明)
   * before any dispatch, byline or heading group that opens another piece; one-line subheadings
   * inside it are read through.
   */
  private closesWithCredit(k: number): boolean {
    const { blocks, kinds, folded } = this;
    for (let j = k; j < blocks.length; j++) {
      const b = blocks[j]!;
      const kind = kinds[j];
      if (kind === "credit") return folded[b.start] === "(" || this.isMarkedSignature(b);
      if (kind === "heading" && b.hashes === 0 && kinds[j + 1] === "body") continue;
      if (kind !== "body" || parseDispatch(folded, b.start, b.end) !== null) return false;
      if (trailingCredit(folded, b.start, b.end) !== null) return true;
    }
    return false;
  }

  /** A signature line of names alone after a mark (■ 王小明, □ 李 红), as a signed commentary closes. */
  private isMarkedSignature(b: Block): boolean {
    if (!LEAD_MARKS.includes(this.folded[b.start]!)) return false;
    return creditLineNames(this.folded, b)?.every((n) => n.name.label === null) === true;
  }

  /**
   * Opens the article whose headings a source gave (article records), so that its body is read
   * as a page's body under its headline is: a caption alone under the headline is a photo item.
   */
  openHeaded(headings: Span[]): void {
    const a = this.newArticle(headings[0]!.start);
    a.headline = headings.map((h) => ({ ...h }));
    a.end = headings.at(-1)!.end;
  }

  private newArticle(start: number): ArticleDraft {
    const a: ArticleDraft = {
      start,
      end: start,
      kicker: [],
      headline: [],
      subheadline: [],
      paras: [],
      credits: this.pendingCredits,
      captions: [],
      continuesOn: null,
      continuedFrom: this.pendingPickup,
      closed: false,
      bodyBlocks: 0,
      bylineSource: this.pendingBylineSource,
      box: false,
    };
    if (this.pendingPickup !== null) a.start = Math.min(a.start, this.pendingPickup.span.start);
    this.pendingPickup = null;
    this.pendingCredits = [];
    this.pendingBylineSource = null;
    this.articles.push(a);
    this.cur = a;
    return a;
  }

  private startArticle(i: number, k: number): void {
    const { blocks, kinds, folded } = this;
    const heads: Block[] = [];
    const a = this.newArticle(blocks[i]!.start);
    for (let j = i; j < k; j++) {
      const b = blocks[j]!;
      a.end = b.end;
      if (kinds[j] === "heading") heads.push(b);
      else if (kinds[j] === "caption") a.captions.push(this.captionsFound.get(j)!);
      else if (kinds[j] === "credit") this.addCreditLine(a, b, false);
    }
    const lastHead = heads[heads.length - 1]!;
    const next = blocks[k];
    // E-paper: a blank line right after the last heading, before the byline or the body,
    // is the subheadline slot printed empty, on a page that prints its empty slots.
    const emptySubheadlineLine = this.page.emptySlots && next !== undefined && this.blankLines[lastHead.line + 1] === true;
    // Where indentation says nothing, the page is e-paper by its margin only: its heading lines are
    // read by their lengths, as OCR's are, not by the slots an e-paper export prints.
    const roles = assignHeadingRoles(heads, folded, emptySubheadlineLine, this.page.uniformIndent ? "ocr" : this.form);
    a.kicker = roles.kicker;
    a.headline = roles.headline;
    a.subheadline = roles.subheadline;
    a.box = roles.kicker.length === 0 && roles.subheadline.length === 0 && isBriefsLabel(folded, roles.headline);
    // A commentator byline glued to the end of the last heading line is a byline, not heading text.
    const last = (roles.subheadline.length > 0 ? roles.subheadline : roles.headline).at(-1);
    const glued = last === undefined ? null : commentatorByline(folded, last.start, last.end);
    if (last !== undefined && glued !== null && glued.start > last.start) {
      last.end = trimSpacesEnd(folded, last.start, glued.start);
      a.bylineSource = this.commentatorSource(glued);
    }
  }

  /** The source a commentator's byline names: 本报 or 新华社, or the paper's own name (南方日报评论员 in 南方日报). */
  private commentatorSource(commentator: { label: string; source: string | null }): string | null {
    return commentator.source ?? ownPaperInLabel(commentator.label, this.page.paper);
  }

  /** The names of a credit line, and the source it names when it is a byline above the body. */
  private readCreditLine(b: Block, trailing: boolean): { credits: CreditDraft[]; source: string | null } {
    const commentator = commentatorByline(this.folded, b.start, b.end);
    let source = commentator?.start === b.start ? this.commentatorSource(commentator) : null;
    const parenthesised = this.folded[b.start] === "(";
    const credits = creditLineNames(this.folded, b) ?? [];
    // A byline line above the body names its paper ("本报记者 X" → 本报, "导报记者 X" in 海峡导报 → 导报);
    // a closing credit in parentheses never does. A line of its own after the text names the paper
    // only when it opens with the paper's own name (重庆日报记者 X), as no closing credit does
    // (采写：南都记者 X).
    const label = credits.find((credit) => credit.name.label !== null)?.name.label ?? null;
    if (!parenthesised && label !== null) {
      source ??= !trailing ? this.labelSource(label) : labelAt(this.folded, b.start, b.end)?.label === label ? ownPaperInLabel(label, this.page.paper) : null;
    }
    return { credits, source };
  }

  /** The source a byline's label names: 本报, 新华社, the paper's own name (own-paper.ts), or its group's brand. */
  private labelSource(label: string): string | null {
    if (label.startsWith("本报")) return "本报";
    if (label.startsWith("新华社")) return "新华社";
    return ownPaperInLabel(label, this.page.paper) ?? this.groupBrandIn(label);
  }

  /**
   * The brand opening `label` (红星新闻 of 红星新闻记者) when the page joins it to the paper's name
   * elsewhere (某某商报-红星新闻记者): a brand of the paper's group, which names the source as a site
   * does when it stands alone; a brand the page never ties to the paper names none.
   */
  private groupBrandIn(label: string): string | null {
    const paper = this.page.paper;
    const brand = GROUP_BRAND_LABEL.exec(label)?.[1];
    if (!paper || brand === undefined) return null;
    return printsJoined(this.folded, paper, brand) ? brand : null;
  }

  private addCreditLine(a: ArticleDraft, b: Block, trailing: boolean): void {
    const { credits, source } = this.readCreditLine(b, trailing);
    a.bylineSource ??= source;
    a.credits.push(...credits);
    a.end = Math.max(a.end, b.end);
    if (trailing && this.form === "ocr") {
      a.closed = true;
    }
  }

  /**
   * Whether the byline line `i` stands over the next article's headline, in a column that prints
   * its bylines first ("■ 本报记者 X" over the headline): a heading line right under it, while the
   * running article already names its writers. A closing credit is set in parentheses.
   */
  private bylineOverNextHeadline(i: number): boolean {
    const { blocks, kinds, cur } = this;
    const b = blocks[i]!;
    const next = blocks[i + 1];
    if (next === undefined || kinds[i + 1] !== "heading" || this.folded[b.start] === "(" || cur === null || cur.paras.length === 0) return false;
    if (this.form === "epaper" && (next.indented || next.line !== b.line + 1)) return false;
    return this.hasOwnCredit(cur);
  }

  private creditLine(i: number): void {
    const b = this.blocks[i]!;
    const cur = this.cur;
    const overNext = this.bylineOverNextHeadline(i);
    // After an empty line, a byline still belongs to the article whose headings stand above it.
    if (cur !== null && !cur.closed && !overNext && (!this.atBoundary(b) || cur.paras.length === 0)) {
      this.addCreditLine(cur, b, cur.paras.length > 0);
      return;
    }
    // A closing credit in parentheses under an article's 下转 line is that article's, as a caption
    // there is: "(下转第三版)" then "(冯雪)". A byline over the next article is never in parentheses.
    if (cur !== null && cur.continuesOn !== null && cur.paras.length > 0 && this.folded[b.start] === "(") {
      this.addCreditLine(cur, b, true);
      return;
    }
    const { credits, source } = this.readCreditLine(b, false);
    this.pendingCredits.push(...credits);
    this.pendingBylineSource ??= source;
  }

  private caption(caption: FoundCaption, b: Block): void {
    const cur = this.cur;
    if (caption.textEnd <= b.start) {
      // A credit line of its own under a photo ("新华社记者 张三摄", "李四摄（影像中国）").
      const target = cur !== null && !cur.closed ? cur.credits : this.pendingCredits;
      for (const name of caption.photographers) target.push({ role: "PHOTOGRAPHER", name });
      for (const name of caption.writers) target.push({ role: "AUTHOR", name });
      if (cur !== null) cur.end = Math.max(cur.end, b.end);
      return;
    }
    const inside = this.form === "epaper" && cur !== null && !this.atBoundary(b);
    if (cur !== null && !cur.closed && (cur.paras.length === 0 || inside)) {
      // Between an article's headings and its body, or inside an e-paper article: its photo.
      cur.captions.push(caption);
      cur.end = Math.max(cur.end, b.end);
      return;
    }
    this.loose.push({
      caption,
      previous: cur === null ? -1 : this.articles.length - 1,
      previousBodyBlocks: cur === null ? 0 : cur.bodyBlocks,
      next: this.articles.length,
    });
  }

  /**
   * Whether the pickup line `i` heads a jumped tail of its own: heading lines follow it (right
   * under it in the e-paper form, where the pickup also stands after an empty line without an
   * indent; an indented one inside an article is the joined tail of the article's own jump). Where
   * every line is indented alike, a pickup after a finished paragraph, or opening the page, stands
   * at a boundary all the same.
   */
  private pickupOverHeadings(i: number): boolean {
    const b = this.blocks[i]!;
    const next = this.blocks[i + 1];
    if (next === undefined || this.kinds[i + 1] !== "heading") return false;
    const boundary = this.atBoundary(b) || (this.page.uniformIndent && this.openPara() === null);
    return this.form === "ocr" || (boundary && next.line === b.line + 1);
  }

  private marker(i: number): void {
    const b = this.blocks[i]!;
    const m = wholeMarker(this.folded, b.start, b.end)!;
    let cur = this.cur;
    if (m.direction === "in" && this.pickupOverHeadings(i)) {
      this.pendingPickup = m;
      return;
    }
    if (m.direction === "in") {
      if (this.form === "epaper" && cur !== null) {
        // Inside an article it is the joined tail of the article's own jump: no new article.
        if (cur.paras.length === 0) cur.continuedFrom ??= m;
        cur.end = b.end;
        return;
      }
      if (cur === null || cur.closed || cur.paras.length > 0 || cur.continuedFrom !== null) cur = this.newArticle(b.start);
      cur.continuedFrom = m;
      cur.end = b.end;
      return;
    }
    if (cur !== null && cur.continuesOn === null) {
      cur.continuesOn = m;
      cur.closed = this.form === "ocr";
      cur.end = Math.max(cur.end, b.end);
    }
  }

  /**
   * Whether a paragraph after an empty line runs on the article above: on a page that indents no
   * line, where heading lines over a byline or a dispatch open each article, an empty line inside
   * an article's text is a stray break between its paragraphs, not the start of a headless one.
   * A dispatch there still opens a brief of its own, unless it is the next of a round-up's briefs.
   */
  private continuesAfterEmptyLine(a: ArticleDraft, b: Block): boolean {
    if (!this.page.indentsNothing || a.paras.length === 0) return false;
    return parseDispatch(this.folded, b.start, b.end) === null || this.nextBrief(a, b.start);
  }

  /**
   * Whether a dispatch at `s` is the next brief of a round-up: it opens with the bullet that opened
   * the article's first paragraph (●据新华社电 …, ●本报讯（记者 X）…), or, where no brief has a bullet,
   * it stands in a box of briefs under the box's label (简讯), so the briefs are one item.
   */
  private nextBrief(a: ArticleDraft, s: number): boolean {
    const first = a.paras[0]?.pieces[0];
    if (first === undefined) return false;
    const [bullet, firstBullet] = [this.folded[s]!, this.folded[first.start]!];
    if (LEAD_MARKS.includes(bullet) || LEAD_MARKS.includes(firstBullet)) return bullet === firstBullet;
    return a.box;
  }

  /**
   * The paragraph that ended a sentence on the line right above a line opening with closing
   * punctuation: a wrap cut the closing quote off its sentence ("…好很多。" / "”").
   */
  private paraClosedAbove(b: Block, s: number): ParaDraft | null {
    const last = this.cur?.closed === false ? this.cur.paras.at(-1) : undefined;
    if (last === undefined || b.indented || last.lastLine !== b.line - 1 || !CLOSING_START.test(this.folded[s]!)) return null;
    return last;
  }

  /** `inArticle`: the block continues the current article even at a boundary (see inEmptyBylineSlot). */
  private body(b: Block, subheading: boolean, inArticle = false): void {
    const { folded } = this;
    let s = b.start;
    let e = b.end;
    const lead = leadingMarker(folded, s, e);
    let cur = this.cur;
    const epaper = this.form === "epaper";
    // The next brief of a box reopens it, after the credit that closed the brief before.
    if (lead === null && cur?.box === true && cur.closed && cur.continuesOn === null && parseDispatch(folded, s, e) !== null && this.nextBrief(cur, s)) {
      cur.closed = false;
    }
    if (lead !== null && lead.direction === "in") {
      if (epaper && cur !== null && !this.atBoundary(b)) {
        if (cur.paras.length === 0) cur.continuedFrom ??= lead;
      } else {
        if (cur === null || cur.closed || cur.paras.length > 0 || cur.continuedFrom !== null) cur = this.newArticle(b.start);
        cur.continuedFrom = lead;
      }
      s = skipSpaces(folded, lead.span.end, e);
    } else if (cur?.closed && cur.continuesOn === null && this.nextBrief(cur, s)) {
      // A round-up's briefs each close with their own credit (■…。（记者 X）): the next brief, opening
      // with the same bullet, is the round-up's still, as is any paragraph of a box of briefs that
      // prints no bullets (nextBrief).
      cur.closed = false;
    } else if (
      cur === null ||
      cur.closed ||
      (!inArticle && ((this.atBoundary(b) && !this.continuesAfterEmptyLine(cur, b)) || this.pendingCredits.length > 0))
    ) {
      // A byline after an empty line and no headings over the body under it opened a piece of
      // its own (a photo story, a second report of a group): its body does not run on the one before.
      cur = this.newArticle(b.start);
    } else if (!epaper && cur.paras.length > 0 && parseDispatch(folded, s, e) !== null && !this.nextBrief(cur, s)) {
      // A new dispatch is a new article, even without a headline.
      cur = this.newArticle(b.start);
    }
    cur.end = Math.max(cur.end, b.end);
    cur.bodyBlocks++;

    const open = lead === null ? (this.openPara() ?? this.paraClosedAbove(b, s)) : null;
    const joins = open !== null && (this.form === "ocr" || (!b.indented && b.line === open.lastLine + 1));
    let para: ParaDraft;
    if (joins) {
      para = open;
      const prev = para.pieces[para.pieces.length - 1]!;
      if (s + 1 < e && isDoubledAtBreak(folded[prev.end - 1], folded[s])) s++;
    } else {
      para = { pieces: [], open: false, lastLine: b.line };
      cur.paras.push(para);
    }

    const dispatch = para.pieces.length === 0 && cur.paras.length === 1 ? parseDispatch(folded, s, e) : null;
    // Strip jump markers, closing credits and end notes from the end, in whatever order they stand.
    for (let guard = 0; guard < 4; guard++) {
      const tm = trailingMarker(folded, s, e);
      if (tm !== null && tm.direction === "out") {
        cur.continuesOn = tm;
        cur.closed = !epaper;
        e = trimSpacesEnd(folded, s, tm.span.start);
        continue;
      }
      const tc = trailingCredit(folded, s, e) ?? (joins ? creditCutByWrap(folded, para.pieces, s, e) : null);
      if (tc !== null && (dispatch === null || tc.span.start >= dispatch.span.end)) {
        for (const name of tc.credits) cur.credits.push({ role: creditRoleOf(name), name });
        cur.closed = !epaper;
        if (tc.span.start < s) {
          // Opened on the line above: that line ends before it.
          const prev = para.pieces.at(-1)!;
          prev.end = trimSpacesEnd(folded, prev.start, tc.span.start);
          if (prev.end <= prev.start) para.pieces.pop();
        }
        e = trimSpacesEnd(folded, s, Math.max(s, tc.span.start));
        continue;
      }
      const note = trailingEndNote(folded, s, e);
      if (note !== null) {
        cur.closed = !epaper;
        e = trimSpacesEnd(folded, s, note);
        continue;
      }
      break;
    }
    if (s < e) para.pieces.push({ start: s, end: e });
    if (para.pieces.length === 0) {
      cur.paras.splice(cur.paras.indexOf(para), 1);
      return;
    }
    para.lastLine = b.line;
    const first = para.pieces[0]!;
    para.open = !cur.closed && !subheading && !endsSentence(folded, first.start, e) && !isSigningDateLine(folded, s, e);
  }

  /**
   * A headline with nothing under it before the next headings is the headline of the photo whose
   * caption is printed right above it, after the article before it has jumped (its 下转 line): the
   * caption shows the photo item's subject, so it is the photo item's, not the jumped article's.
   * Any other caption there stays with the article it follows (labels.md).
   */
  private giveCaptionsToBareHeadlines(): void {
    this.articles.forEach((a, j) => {
      if (j === 0 || a.headline.length === 0 || a.paras.length > 0 || a.captions.length > 0 || a.continuesOn !== null || a.continuedFrom !== null) return;
      const jump = this.articles[j - 1]!.continuesOn;
      if (jump === null) return;
      const afterJump = (c: FoundCaption) => c.span.start > jump.span.start && this.text.slice(c.span.end, a.start).trim() === "";
      const loose = this.loose.find((lc) => lc.next === j && lc.previous === j - 1 && afterJump(lc.caption));
      if (loose !== undefined) {
        a.captions.push(loose.caption);
        this.loose.splice(this.loose.indexOf(loose), 1);
        return;
      }
      const captions = this.articles[j - 1]!.captions;
      const last = captions.at(-1);
      if (last !== undefined && afterJump(last)) a.captions.push(captions.pop()!);
    });
  }

  finish(context: PageContext): ParsedPage {
    this.giveCaptionsToBareHeadlines();
    const kept: (ParsedArticle | null)[] = this.articles.map((a) => this.finishArticle(a, context));
    const pageCaptions: ParsedCaption[] = [];
    const neighbourCache = new Map<number, NeighbourText>();
    const neighbour = (idx: number): NeighbourText => {
      let n = neighbourCache.get(idx);
      if (n === undefined) {
        const a = kept[idx]!;
        n = {
          headings: hanBigrams([a.kicker, a.headline, a.subheadline].filter((x) => x !== null).join("\n")),
          body: hanBigrams(a.paragraphs.map((p) => p.text).join("\n")),
          credited: new Set(a.credits.map((c) => c.name)),
        };
        neighbourCache.set(idx, n);
      }
      return n;
    };
    for (const lc of this.loose) {
      const prevOk = lc.previous >= 0 && kept[lc.previous] != null;
      const nextOk = lc.next < kept.length && kept[lc.next] != null;
      const parsed = this.toCaption(lc.caption);
      let target: number | null = null;
      if (prevOk && this.articles[lc.previous]!.bodyBlocks > lc.previousBodyBlocks) target = lc.previous;
      else if (prevOk && nextOk) {
        const photographers = lc.caption.photographers.map((p) => p.name);
        target = chooseNeighbour(parsed.text, neighbour(lc.previous), neighbour(lc.next), photographers) === "next" ? lc.next : lc.previous;
      } else if (prevOk) target = lc.previous;
      else if (nextOk) target = lc.next;
      if (target === null) {
        pageCaptions.push(parsed);
        continue;
      }
      const article = kept[target]!;
      article.captions.push(parsed);
      this.addPhotoCredits(article, lc.caption);
    }
    const articles = kept.filter((a): a is ParsedArticle => a !== null);
    articles.forEach((a, idx) => {
      a.position = idx + 1;
      // Captions in page order within the article.
      a.captions.sort((x, y) => x.span.start - y.span.start);
    });
    return { format: this.form, articles, captions: pageCaptions };
  }

  private toCaption(c: FoundCaption): ParsedCaption {
    const first = c.photographers[0];
    return {
      text: this.text.slice(c.span.start, c.textEnd),
      photographer: first === undefined ? null : first.name,
      span: { ...c.span },
      photographerSpan: first === undefined ? null : { ...first.span },
    };
  }

  private addPhotoCredits(article: ParsedArticle, c: FoundCaption): void {
    const add = (role: CreditRole, names: CreditName[]) => {
      for (const p of names) {
        if (article.credits.some((x) => x.role === role && x.name === p.name)) continue;
        article.credits.push({ role, name: p.name, label: p.label, span: { ...p.span } });
      }
    };
    add("PHOTOGRAPHER", c.photographers);
    add("AUTHOR", c.writers);
  }

  /** A letter's closing signature (letter-signatures.ts): its last paragraph, one line, in a letter that opens with a salutation. */
  private letterSignatureOf(paras: ParaDraft[]): { name: string; span: Span } | null {
    const [first, last] = [paras[0], paras.at(-1)];
    if (paras.length < 2 || last!.pieces.length !== 1) return null;
    if (!opensWithSalutation(this.folded, first!.pieces[0]!.start, first!.pieces.at(-1)!.end)) return null;
    return letterSignature(this.folded, last!.pieces[0]!.start, last!.pieces[0]!.end);
  }

  private finishArticle(a: ArticleDraft, context: PageContext): ParsedArticle | null {
    const { text, folded } = this;
    let source: string | null = null;
    let dispatchText: string | null = null;
    let date: FoundDate | null = null;
    const credits: ParsedCredit[] = [];
    const pushCredit = (role: CreditRole, n: CreditName) => {
      if (credits.some((c) => c.role === role && c.name === n.name)) return;
      credits.push({ role, name: n.name, label: n.label, span: { ...n.span } });
    };

    let paras = a.paras.filter((p) => p.pieces.length > 0);
    const signed = this.letterSignatureOf(paras);
    if (signed !== null) {
      paras = paras.slice(0, -1);
      pushCredit("AUTHOR", { name: signed.name, label: null, span: signed.span });
    }
    let dispatch: FoundDispatch | null = null;
    /** Where the report opens after the dispatch: its dateline may stand there. */
    let afterDispatch: Span | null = null;
    // The dispatch opens the body; in the e-paper form it may also follow a deck or a brief's
    // title, and a round-up of briefs holds one per brief (all of their reporters count). Only
    // the one that opens the body is cut from it: a dispatch after a title or another brief is
    // printed inside the body, as the labelling rules read it. In the OCR form only the briefs
    // opening with the bullet that opens the body are the round-up's (see nextBrief).
    const opening = paras[0]?.pieces[0];
    const briefBullet = opening !== undefined && LEAD_MARKS.includes(folded[opening.start]!) ? folded[opening.start] : null;
    for (let pi = 0; pi < paras.length; pi++) {
      const para = paras[pi]!;
      const piece = para.pieces[0]!;
      if (pi > 0 && this.form !== "epaper" && folded[piece.start] !== briefBullet && (briefBullet !== null || !a.box)) break;
      // A text wrapped at a column's width may cut the dispatch and its parenthesis.
      const runEnd = wrappedRunEnd(folded, para.pieces);
      const d = parseDispatchThroughWraps(folded, piece.start, runEnd);
      if (d === null) continue;
      for (const n of d.credits) pushCredit(n.photographer ? "PHOTOGRAPHER" : "REPORTER", n);
      for (const n of d.originalWriters ?? []) pushCredit("AUTHOR", n);
      const opensBody = pi === 0;
      if (opensBody) cutBefore(para, d.bodyStart);
      if (dispatch === null) {
        dispatch = d;
        const after = opensBody ? para.pieces[0] : d.bodyStart < runEnd ? { start: d.bodyStart, end: runEnd } : undefined;
        // To the paragraph's end: a text wrapped at a column's width may cut the date phrase.
        const next = paras[pi + 1]?.pieces;
        afterDispatch =
          after !== undefined
            ? { start: after.start, end: para.pieces.at(-1)!.end }
            : next !== undefined && next.length > 0
              ? { start: next[0]!.start, end: next.at(-1)!.end }
              : null;
      }
    }
    // Without a dispatch, a byline in brackets may open the body ("〔记者王小明/台北报导〕…"): it
    // credits its names but, being no dispatch, gives no source and no dateline.
    const firstPara = paras[0];
    const byline =
      dispatch === null && firstPara !== undefined
        ? openingBracketedBylineThroughWraps(folded, firstPara.pieces[0]!.start, wrappedRunEnd(folded, firstPara.pieces))
        : null;
    if (byline !== null) {
      for (const n of byline.credits) pushCredit(creditRoleOf(n), n);
      cutBefore(firstPara!, byline.bodyStart);
    }
    // Nor a dispatch: a byline with the place it was filed from run into the body ("本报记者 X 北京报道 …")
    // credits its names, and its label names the source as a byline line's does.
    const filed =
      dispatch === null && byline === null && firstPara !== undefined
        ? openingFiledByline(folded, firstPara.pieces[0]!.start, firstPara.pieces[0]!.end)
        : null;
    if (filed !== null) {
      for (const n of filed.credits) pushCredit(creditRoleOf(n), n);
      cutBefore(firstPara!, filed.bodyStart);
      a.bylineSource ??= this.labelSource(filed.credits[0]!.label!);
    }
    // A dispatch printed alone in parentheses at the end: "（本报东京10月19日电）".
    const lastPiece = paras.at(-1)?.pieces;
    if (lastPiece !== undefined && lastPiece.length === 1) {
      const d = parenthesisedDispatch(folded, lastPiece[0]!.start, lastPiece[0]!.end);
      if (d !== null) {
        for (const n of d.credits) pushCredit(n.photographer ? "PHOTOGRAPHER" : "REPORTER", n);
        lastPiece.shift();
        dispatch ??= d;
      }
    }
    paras = paras.filter((p) => p.pieces.length > 0);
    if (dispatch !== null) {
      source = dispatch.source;
      dispatchText = text.slice(dispatch.span.start, dispatch.span.end);
      date = dispatch.date;
      // Without a date of its own (本报讯), the date phrase opening the report is the dateline.
      if (date === null && afterDispatch !== null) {
        date = openingDate(folded, afterDispatch.start, afterDispatch.end);
      }
    }
    for (const c of a.credits) pushCredit(c.role, c.name);
    // A writer credited twice, once under a reporter's label (（记者 X）) and once without one
    // (作者：X), is a reporter: the label says what the writer is.
    const reporters = new Set(credits.filter((c) => c.role === "REPORTER").map((c) => c.name));
    for (let j = credits.length - 1; j >= 0; j--) if (credits[j]!.role === "AUTHOR" && reporters.has(credits[j]!.name)) credits.splice(j, 1);

    const paragraphs: ParsedParagraph[] = paras.map((p) => ({
      text: p.pieces.map((x) => text.slice(x.start, x.end)).join(""),
      span: { start: p.pieces[0]!.start, end: p.pieces[p.pieces.length - 1]!.end },
    }));
    if (paragraphs.length === 0 && a.headline.length > 0) {
      // A photo item: the caption under the headline is all its text, so it is the body too.
      for (const c of a.captions) {
        if (c.textEnd > c.span.start) paragraphs.push({ text: text.slice(c.span.start, c.textEnd), span: { start: c.span.start, end: c.textEnd } });
      }
    }
    if (paragraphs.length === 0 && a.captions.length === 0 && a.subheadline.length > 0 && a.continuesOn === null && a.continuedFrom === null) {
      // Nothing under the headings but one more heading-like line: it is the text of a small box
      // (a weather report, a one-line notice), not a subheadline over a body that is not there.
      paragraphs.push(...a.subheadline.map((s) => ({ text: text.slice(s.start, s.end), span: { ...s } })));
      a.subheadline = [];
    }
    const joinSpans = (spans: Span[]): string | null =>
      spans.length === 0 ? null : spans.map((s) => text.slice(s.start, s.end)).join(" ");
    const kicker = joinSpans(a.kicker);
    const headline = joinSpans(a.headline);
    const subheadline = joinSpans(a.subheadline);

    const hanCount =
      paragraphs.reduce((n, p) => n + countHan(p.text), 0) + countHan(headline ?? "") + countHan(kicker ?? "");
    const hasContent = paragraphs.length > 0 || (headline !== null && (a.continuesOn !== null || a.continuedFrom !== null));
    if (!hasContent || hanCount < 2) return null;

    if (source === null) {
      // No dispatch: a byline line names the source ("本报记者 X", "本报评论员"), or a wire kicker
      // ("新华社播发报道") or a wire reporter's byline does.
      const headings = `${kicker ?? ""}\n${headline ?? ""}\n${subheadline ?? ""}`;
      if (a.bylineSource !== null) source = a.bylineSource;
      else if (headings.includes("新华社") || credits.some((c) => c.role === "REPORTER" && c.label?.startsWith("新华社"))) source = "新华社";
    }

    const article: ParsedArticle = {
      position: 0,
      span: { start: a.start, end: Math.max(a.end, a.start) },
      kicker,
      headline,
      subheadline,
      kickerSpan: spanOf(a.kicker),
      headlineSpan: spanOf(a.headline),
      subheadlineSpan: spanOf(a.subheadline),
      source,
      dispatch: dispatchText,
      dateline: date === null ? null : text.slice(date.span.start, date.span.end).replace(LINE_BREAKS, ""),
      eventDate: date === null ? null : resolveEventDate(context?.issueDate ?? "", date),
      paragraphs,
      credits,
      mentions: [],
      captions: [],
      continuesOn: toMarker(text, a.continuesOn),
      continuedFrom: toMarker(text, a.continuedFrom),
    };
    for (const c of a.captions) {
      article.captions.push(this.toCaption(c));
      this.addPhotoCredits(article, c);
    }
    return article;
  }
}

/**
 * A closing credit that a wrap at a column's width cut ("…展开讨论。(本报记者 何" / "静)"): read
 * through the bare line break between the paragraph's last line and this one, [s, e).
 */
function creditCutByWrap(folded: string, pieces: Span[], s: number, e: number): FoundTrailingCredit | null {
  const prev = pieces.at(-1);
  if (prev === undefined || !folded.slice(s, e).endsWith(")") || folded.lastIndexOf("(", e) >= s) return null;
  if (!/^ *\r?\n *$/.test(folded.slice(prev.end, s))) return null;
  const view = withoutWrapBreaks(folded, prev.start, e);
  const tc = trailingCredit(view.text, 0, view.text.length);
  if (tc === null) return null;
  const span = (x: Span) => originalSpan(view, x.start, x.end, e);
  return { span: span(tc.span), credits: tc.credits.map((c) => ({ ...c, span: span(c.span) })) };
}

/** Cuts the paragraph's text before `at` (what a dispatch or byline took), dropping the pieces wholly before it. */
function cutBefore(para: ParaDraft, at: number): void {
  while (para.pieces.length > 0 && para.pieces[0]!.end <= at) para.pieces.shift();
  const first = para.pieces[0];
  if (first !== undefined) first.start = Math.max(first.start, at);
}

/**
 * Where the lines that follow the paragraph's first line across one line break each end: the
 * lines of a text wrapped at a column's width, through which a dispatch may run. A column break
 * (an empty line, or a caption between) ends the run.
 */
function wrappedRunEnd(folded: string, pieces: Span[]): number {
  let end = pieces[0]!.end;
  for (let j = 1; j < pieces.length; j++) {
    if (!/^ *\r?\n *$/.test(folded.slice(end, pieces[j]!.start))) break;
    end = pieces[j]!.end;
  }
  return end;
}

function spanOf(spans: Span[]): Span | null {
  const first = spans[0];
  const last = spans[spans.length - 1];
  return first === undefined || last === undefined ? null : { start: first.start, end: last.end };
}

function toMarker(text: string, m: FoundMarker | null): ParsedMarker | null {
  return m === null ? null : { label: m.label, page: m.page, text: text.slice(m.span.start, m.span.end), span: { ...m.span } };
}

/**
 * The one place where people are found: src/ingest/people/ (another module's job) reads
 * the repaired parts of the article; credited names are never mentions.
 */
function mentionsFor(text: string, a: ParsedArticle, context: PageContext): ParsedMention[] {
  const part = (value: string | null, span: Span | null | undefined) =>
    value === null || span == null ? null : { text: value, span };
  try {
    return extractMentions({
      text,
      kicker: part(a.kicker, a.kickerSpan),
      headline: part(a.headline, a.headlineSpan),
      subheadline: part(a.subheadline, a.subheadlineSpan),
      paragraphs: a.paragraphs,
      captions: a.captions,
      creditNames: a.credits.map((c) => c.name),
      region: context?.region ?? undefined,
    });
  } catch {
    // A failure in mention extraction must not lose the page structure.
    return [];
  }
}

/** Where one article's parts stand in the text: its heading lines (null when absent) and its body. */
export interface ArticleParts {
  kicker: Span | null;
  headline: Span | null;
  subheadline: Span | null;
  body: Span;
}

/**
 * A source that files the deck in the body (a record with no subtitle): a first body line that
 * opens with a dash and ends no sentence is the subheadline, as on a printed page. A commentator
 * byline glued to its end stays in the body, where it is read as the byline it is.
 */
function withDeckFromBody(folded: string, parts: ArticleParts): ArticleParts {
  if (parts.subheadline !== null || parts.headline === null) return parts;
  const start = skipSpaces(folded, parts.body.start, parts.body.end);
  const newline = folded.indexOf("\n", start);
  const lineEnd = trimSpacesEnd(folded, start, newline === -1 || newline > parts.body.end ? parts.body.end : newline);
  if (lineEnd <= start || !DASH_START.test(folded.slice(start, lineEnd))) return parts;
  const glued = commentatorByline(folded, start, lineEnd);
  const deckEnd = glued !== null && glued.start > start ? trimSpacesEnd(folded, start, glued.start) : lineEnd;
  if (endsSentence(folded, start, deckEnd) || !looksLikeHeading(folded, start, deckEnd)) return parts;
  return { ...parts, subheadline: { start, end: deckEnd }, body: { start: deckEnd, end: parts.body.end } };
}

/**
 * The within-article reading alone, for a source that already knows where an article begins and
 * what its headings are (an e-paper crawler's records): dispatch, source, dateline, credits,
 * captions, jumps and people, read from the body exactly as in a page. No line of the body opens
 * another article: a second dispatch (a brief of a composite item), a closing credit or a 上接 after
 * the article's own 下转 stays inside it. Spans are offsets into `text`.
 */
export function readArticle(
  text: string,
  parts: ArticleParts,
  context: PageContext,
  /** `foldForMatching(text)` and what the people reader reads, when the caller reads several articles of one text. */
  folded = foldForMatching(text),
  reading = readingOf(text),
): ParsedArticle {
  parts = withDeckFromBody(folded, parts);
  const { start, end } = parts.body;
  const split = splitBlocks(text.slice(start, end));
  const blocks = split.blocks.map((b) => ({ ...b, start: b.start + start, end: b.end + start }));
  const captionsFound = new Map<number, FoundCaption>();
  // The headings come from the source: a heading-like line in the body is body text.
  const kinds = blocks.map((b, i): Kind => {
    const kind = classify(text, folded, split.form, b, i, captionsFound, blocks);
    return kind === "heading" ? "body" : kind;
  });
  // The headings come from the source: no slot is read.
  const walker = new Walker(text, folded, split.form, blocks, kinds, split.blankLines, captionsFound, {
    uniformIndent: false,
    emptySlots: false,
    paper: context?.publication ?? null,
    indentsNothing: false,
    afterWideGap: new Set(),
    unspaced: false,
  });
  const headings = [parts.kicker, parts.headline, parts.subheadline].filter((h): h is Span => h !== null);
  if (headings.length > 0) walker.openHeaded(headings);
  walker.run();
  // The walker may still cut the body where a page would hold two articles; here the pieces are one.
  const pieces = walker.finish(context);
  const first = pieces.articles[0];
  const dispatched = pieces.articles.find((a) => a.dispatch !== null) ?? first;
  const credits: ParsedCredit[] = [];
  for (const c of pieces.articles.flatMap((a) => a.credits)) {
    if (!credits.some((x) => x.role === c.role && x.name === c.name)) credits.push(c);
  }
  const heading = (span: Span | null) => (span === null ? null : text.slice(span.start, span.end));
  const [kicker, headline, subheadline] = [heading(parts.kicker), heading(parts.headline), heading(parts.subheadline)];
  const opening = [parts.kicker, parts.headline, parts.subheadline, parts.body].find((s) => s !== null)!;
  const article: ParsedArticle = {
    position: 1,
    span: { start: opening.start, end: Math.max(end, opening.start) },
    kicker,
    headline,
    subheadline,
    kickerSpan: parts.kicker,
    headlineSpan: parts.headline,
    subheadlineSpan: parts.subheadline,
    // As in a page: without a dispatch, a wire heading names the source.
    source: dispatched?.source ?? ([kicker, headline, subheadline].some((h) => h?.includes("新华社")) ? "新华社" : null),
    dispatch: dispatched?.dispatch ?? null,
    dateline: dispatched?.dateline ?? null,
    eventDate: dispatched?.eventDate ?? null,
    paragraphs: pieces.articles.flatMap((a) => a.paragraphs),
    credits,
    mentions: [],
    captions: [...pieces.articles.flatMap((a) => a.captions), ...pieces.captions].sort((x, y) => x.span.start - y.span.start),
    continuesOn: pieces.articles.find((a) => a.continuesOn !== null)?.continuesOn ?? null,
    continuedFrom: first?.continuedFrom ?? null,
  };
  addPeople(text, reading, { format: split.form, articles: [article], captions: [] }, context);
  return article;
}
