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
import { parseCreditList, type CreditName } from "./credit-names.ts";
import { openingDate, resolveEventDate, type FoundDate } from "./dateline.ts";
import { parseDispatch, trailingCredit } from "./dispatch.ts";
import { assignHeadingRoles, looksLikeHeading } from "./headings.ts";
import { leadingMarker, trailingMarker, wholeMarker, type FoundMarker } from "./markers.ts";
import { countHan } from "./han.ts";
import { foldForMatching, skipSpaces, trimSpacesEnd } from "./normalise.ts";
import { extractMentions } from "./people.ts";
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

type Kind = "heading" | "body" | "caption" | "credit" | "marker";

interface ParaDraft {
  pieces: Span[];
  /** True while the paragraph has not ended a sentence: a column break may continue it. */
  open: boolean;
  lastLine: number;
}

interface CreditDraft {
  role: CreditRole;
  name: CreditName;
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
  for (const a of page.articles) a.mentions = mentionsFor(text, a, context);
  return page;
}

/** Everything but the people: the structure alone (mentions left empty). */
export function parsePageStructure(text: string, context: PageContext): ParsedPage {
  const folded = foldForMatching(text);
  const { form, blocks, blankLines } = splitBlocks(text);
  const captionsFound = new Map<number, FoundCaption>();
  const kinds = blocks.map((b, i) => classify(folded, form, b, i, captionsFound));

  const walker = new Walker(text, folded, form, blocks, kinds, blankLines, captionsFound);
  walker.run();
  return walker.finish(context);
}

function classify(folded: string, form: TextForm, b: Block, i: number, captions: Map<number, FoundCaption>): Kind {
  if (b.hashes > 0) return "heading";
  if (wholeMarker(folded, b.start, b.end) !== null) return "marker";
  const caption = parseCaption(folded, b.start, b.end);
  if (caption !== null) {
    captions.set(i, caption);
    return "caption";
  }
  if (isCreditLine(folded, b)) return "credit";
  if (parseDispatch(folded, b.start, b.end) !== null) return "body";
  if (looksLikeHeading(folded, b.start, b.end) && (form === "ocr" || !b.indented)) return "heading";
  return "body";
}

/** A line of names only: "(李俊华)", "本报记者　刘　洋　孙丽华", "王 磊". */
function isCreditLine(folded: string, b: Block): boolean {
  if (b.end - b.start > 40) return false;
  if (folded[b.start] === "(" && folded[b.end - 1] === ")") return parseCreditList(folded, b.start + 1, b.end - 1) !== null;
  return parseCreditList(folded, b.start, b.end, false) !== null;
}

/** Longest unnumbered line read as an in-body subheading ("扛起责任担当"); longer ones are prose. */
const MAX_SUBHEADING_LENGTH = 15;

/**
 * An in-body subheading: numbered ("一、…", "（一）…", "■…") or short. A longer line without
 * final punctuation is the head of a paragraph cut by a column break
 * ("位于太原市体育西路的晋韵楼大酒店是一家经营山" / "西菜的老牌饭店…").
 */
function looksLikeSubheading(folded: string, b: Block): boolean {
  if (/^(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\)|[0-9]+[.、]|[■◆●▲□◇○★☆])/.test(folded.slice(b.start, b.start + 6))) return true;
  return b.end - b.start <= MAX_SUBHEADING_LENGTH;
}

function creditSpanOf(folded: string, b: Block): Span {
  if (folded[b.start] === "(" && folded[b.end - 1] === ")") return { start: b.start + 1, end: b.end - 1 };
  return { start: b.start, end: b.end };
}

class Walker {
  readonly articles: ArticleDraft[] = [];
  readonly loose: LooseCaption[] = [];
  private cur: ArticleDraft | null = null;
  /** Credits printed before any heading (a byline above the article), for the next article. */
  private pendingCredits: CreditDraft[] = [];

  constructor(
    private readonly text: string,
    private readonly folded: string,
    private readonly form: TextForm,
    private readonly blocks: Block[],
    private readonly kinds: Kind[],
    private readonly blankLines: boolean[],
    private readonly captionsFound: Map<number, FoundCaption>,
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
          this.marker(b);
          break;
        case "caption":
          this.caption(this.captionsFound.get(i)!, b);
          break;
        case "credit":
          this.creditLine(b);
          break;
      }
      i++;
    }
  }

  private openPara(): ParaDraft | null {
    const cur = this.cur;
    if (cur === null || cur.closed) return null;
    const last = cur.paras[cur.paras.length - 1];
    return last !== undefined && last.open ? last : null;
  }

  /** Handles the heading group starting at block i; returns the index after what it consumed. */
  private heading(i: number): number {
    const { blocks, kinds, folded } = this;
    let k = i;
    while (k < blocks.length && (kinds[k] === "heading" || kinds[k] === "caption" || kinds[k] === "credit")) k++;
    const b = blocks[i]!;
    const next = blocks[k];
    const nextIsBody = next !== undefined && kinds[k] === "body";
    let hasHash = false;
    for (let j = i; j < k; j++) if (blocks[j]!.hashes > 0) hasHash = true;
    const nextOpensArticle =
      nextIsBody &&
      (parseDispatch(folded, next.start, next.end) !== null ||
        leadingMarker(folded, next.start, next.end)?.direction === "in");
    const open = this.openPara();
    if (open !== null && b.hashes === 0) {
      const continues =
        this.form === "ocr" ? !hasHash && !nextOpensArticle : !b.indented && b.line === open.lastLine + 1;
      if (continues) {
        this.body(b, false);
        return i + 1;
      }
    }
    const epaperStart = this.form === "epaper" && nextIsBody && next.indented;
    const cur = this.cur;
    if (!(hasHash || nextOpensArticle || epaperStart || cur === null || cur.closed)) {
      // A heading-like line inside a running article: an in-body subheading, or the first
      // line of a paragraph left alone at the foot of a column (then the next block continues it).
      this.body(b, looksLikeSubheading(folded, b));
      return i + 1;
    }
    this.startArticle(i, k);
    return k;
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
      continuedFrom: null,
      closed: false,
      bodyBlocks: 0,
    };
    this.pendingCredits = [];
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
    // is the subheadline slot printed empty.
    const emptySubheadlineLine =
      this.form === "epaper" && next !== undefined && this.blankLines[lastHead.line + 1] === true;
    const roles = assignHeadingRoles(heads, folded, emptySubheadlineLine);
    a.kicker = roles.kicker;
    a.headline = roles.headline;
    a.subheadline = roles.subheadline;
  }

  private addCreditLine(a: ArticleDraft, b: Block, trailing: boolean): void {
    const span = creditSpanOf(this.folded, b);
    const names = parseCreditList(this.folded, span.start, span.end) ?? [];
    for (const name of names) {
      // A labelled name is a reporter; an unlabelled one in a byline or closing credit is the author.
      const role: CreditRole = name.label === null ? "AUTHOR" : "REPORTER";
      a.credits.push({ role, name });
    }
    a.end = Math.max(a.end, b.end);
    if (trailing) {
      a.closed = true;
    }
  }

  private creditLine(b: Block): void {
    const cur = this.cur;
    if (cur !== null && !cur.closed) {
      this.addCreditLine(cur, b, cur.paras.length > 0);
      return;
    }
    const span = creditSpanOf(this.folded, b);
    for (const name of parseCreditList(this.folded, span.start, span.end) ?? []) {
      this.pendingCredits.push({ role: name.label === null ? "AUTHOR" : "REPORTER", name });
    }
  }

  private caption(caption: FoundCaption, b: Block): void {
    const cur = this.cur;
    if (cur !== null && !cur.closed && cur.paras.length === 0) {
      // Between an article's headings and its body: it is that article's photo.
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

  private marker(b: Block): void {
    const m = wholeMarker(this.folded, b.start, b.end)!;
    let cur = this.cur;
    if (m.direction === "in") {
      if (cur === null || cur.closed || cur.paras.length > 0 || cur.continuedFrom !== null) cur = this.newArticle(b.start);
      cur.continuedFrom = m;
      cur.end = b.end;
      return;
    }
    if (cur !== null && cur.continuesOn === null) {
      cur.continuesOn = m;
      cur.closed = true;
      cur.end = Math.max(cur.end, b.end);
    }
  }

  private body(b: Block, subheading: boolean): void {
    const { folded } = this;
    let s = b.start;
    let e = b.end;
    const lead = leadingMarker(folded, s, e);
    let cur = this.cur;
    if (lead !== null && lead.direction === "in") {
      if (cur === null || cur.closed || cur.paras.length > 0 || cur.continuedFrom !== null) cur = this.newArticle(b.start);
      cur.continuedFrom = lead;
      s = skipSpaces(folded, lead.span.end, e);
    } else if (cur === null || cur.closed) {
      cur = this.newArticle(b.start);
    } else if (cur.paras.length > 0 && parseDispatch(folded, s, e) !== null) {
      // A new dispatch is a new article, even without a headline.
      cur = this.newArticle(b.start);
    }
    cur.end = Math.max(cur.end, b.end);
    cur.bodyBlocks++;

    const open = lead === null ? this.openPara() : null;
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
    // Strip jump markers and closing credits from the end, in whatever order they stand.
    for (let guard = 0; guard < 4; guard++) {
      const tm = trailingMarker(folded, s, e);
      if (tm !== null && tm.direction === "out") {
        cur.continuesOn = tm;
        cur.closed = true;
        e = trimSpacesEnd(folded, s, tm.span.start);
        continue;
      }
      const tc = trailingCredit(folded, s, e);
      if (tc !== null && (dispatch === null || tc.span.start >= dispatch.span.end)) {
        for (const name of tc.credits) cur.credits.push({ role: name.label === null ? "AUTHOR" : "REPORTER", name });
        cur.closed = true;
        e = trimSpacesEnd(folded, s, tc.span.start);
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
    para.open = !cur.closed && !subheading && !endsSentence(folded, first.start, e);
  }

  finish(context: PageContext): ParsedPage {
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
        target = chooseNeighbour(parsed.text, neighbour(lc.previous), neighbour(lc.next)) === "next" ? lc.next : lc.previous;
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
    for (const p of c.photographers) {
      if (article.credits.some((x) => x.role === "PHOTOGRAPHER" && x.name === p.name)) continue;
      article.credits.push({ role: "PHOTOGRAPHER", name: p.name, label: p.label, span: { ...p.span } });
    }
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

    const paras = a.paras.filter((p) => p.pieces.length > 0);
    const firstPara = paras[0];
    if (firstPara !== undefined) {
      const piece = firstPara.pieces[0]!;
      const d = parseDispatch(folded, piece.start, piece.end);
      if (d !== null) {
        source = d.source;
        dispatchText = text.slice(d.span.start, d.span.end);
        date = d.date;
        for (const n of d.credits) pushCredit("REPORTER", n);
        piece.start = Math.min(d.bodyStart, piece.end);
        if (piece.start >= piece.end) firstPara.pieces.shift();
        if (firstPara.pieces.length === 0) paras.shift();
      }
    }
    const opening = paras[0]?.pieces[0];
    if (date === null && opening !== undefined && a.continuedFrom === null) {
      date = openingDate(folded, opening.start, opening.end);
    }
    for (const c of a.credits) pushCredit(c.role, c.name);

    const paragraphs: ParsedParagraph[] = paras.map((p) => ({
      text: p.pieces.map((x) => text.slice(x.start, x.end)).join(""),
      span: { start: p.pieces[0]!.start, end: p.pieces[p.pieces.length - 1]!.end },
    }));
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
      // No dispatch: a wire kicker ("新华社播发报道") or a wire byline names the source.
      const headings = `${kicker ?? ""}\n${headline ?? ""}\n${subheadline ?? ""}`;
      if (headings.includes("新华社") || credits.some((c) => c.label?.startsWith("新华社"))) source = "新华社";
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
      dateline: date === null ? null : text.slice(date.span.start, date.span.end),
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

function spanOf(spans: Span[]): Span | null {
  const first = spans[0];
  const last = spans[spans.length - 1];
  return first === undefined || last === undefined ? null : { start: first.start, end: last.end };
}

function toMarker(text: string, m: FoundMarker | null): ParsedMarker | null {
  return m === null ? null : { page: m.page, text: text.slice(m.span.start, m.span.end), span: { ...m.span } };
}

/**
 * The one place where people are found: src/ingest/people.ts (another module's job) reads
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
