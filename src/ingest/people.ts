/**
 * People named in one article, with the title printed with them.
 *
 * A word counts as a person only with evidence, never because it merely looks like a name:
 *   1. it stands right after a title (省委常委、太原市委书记韦韬, 酒店负责人韩永茂);
 *   2. it follows such a name in a 、 list sharing the title (市领导王剑峰、薛维柱);
 *   3. it stands right before a postfix title (习近平总书记);
 *   4. jieba tags it as a dictionary person name (nr/nrfg), it has three characters and a
 *      common surname, and a reporting verb follows it (李建国出席);
 *   5. it is the same string as a name evidenced in the same article (韦韬 in a headline or
 *      in the run-together subheadline 韦韬王纯朱晓东出席并讲话).
 * Credited names (reporters, photographers, authors) are never mentions.
 *
 * Detection runs on the repaired text of each part of the article (where column breaks are
 * rejoined); every position is then mapped back to the page text, and a mention whose name
 * cannot be found verbatim in the page text is dropped, so `text.slice(span)` is always the
 * name.
 */
import { isHan } from "./han.ts";
import { tagWithOffsets, type Token } from "./jieba.ts";
import { surnameLengthAt } from "./surnames.ts";
import {
  isOfficeWord,
  normaliseTitle,
  officeEndingAt,
  POSTFIX_TITLES,
  splitOffice,
  type Region,
} from "./titles.ts";
import type { ParsedCaption, ParsedMention, ParsedParagraph, Span } from "./types.ts";

export interface MentionInput {
  /** The whole page text (spans index into it). */
  text: string;
  kicker: { text: string; span: Span } | null;
  headline: { text: string; span: Span } | null;
  subheadline: { text: string; span: Span } | null;
  /** Repaired body paragraphs: text may differ from text.slice(span) where a column break was rejoined. */
  paragraphs: ParsedParagraph[];
  captions: ParsedCaption[];
  /** Names credited (reporters, photographers, authors): never mentions. */
  creditNames: string[];
  /** The publication's region, e.g. { city: "太原市", province: "山西省" }. */
  region?: Region;
}

/** Part-of-speech tags jieba gives to names it does not know (x) or knows (nr, nrfg, nrt). */
const NAME_TAGS = new Set(["nr", "nrfg", "nrt", "x"]);
const PERSON_TAGS = new Set(["nr", "nrfg", "nrt"]);
/** Function-word tags: such a word cannot be part of a name nor of a title. */
const FUNCTION_TAGS = new Set([
  "p", "c", "u", "uj", "ul", "uz", "ug", "uv", "ud", "r", "d", "m", "q", "t", "f", "y", "e", "o", "mq",
]);
/** A surname read as one of these (于/p, 向/p, 和/c) is a preposition or conjunction, not a name. */
/** Tags of words (发展/vn, 重要/a, 实事求是/i) that a two-character given name is not. */
const WORD_TAGS = new Set(["v", "vn", "vd", "a", "ad", "an", "i", "l", "z"]);
const GIVEN_NAME_TAGS = new Set(["nr", "nrfg", "nrt", "nz", "x"]);
const BAD_SURNAME_TAGS = new Set(["p", "c", "u", "uj", "ul", "uz", "ug", "uv", "ud", "r", "d"]);

/** One-character words that end a name: 韦韬与…, 韦韬在…, 张三等. */
const FOLLOWER_CHARS = new Set([..."与和及同在于为对向从把被将说是等也都就又还并曾已的"]);
/** Words that typically follow a person's name in news prose. */
const FOLLOWER_WORDS = [
  "出席", "参加", "主持", "讲话", "发言", "致辞", "代表", "指出", "强调", "表示", "认为", "介绍",
  "告诉", "说道", "要求", "希望", "深入", "来到", "走进", "前往", "赶赴", "察看", "查看", "检查",
  "调研", "视察", "督导", "督查", "考察", "会见", "会谈", "看望", "慰问", "听取", "先后", "分别",
  "亲自", "陪同", "一同", "一起", "一道", "一行", "带队", "率队", "率领", "带领", "宣布", "提出",
  "现场", "实地", "沿途", "随后", "首先", "同志", "当选", "担任", "回答", "接受", "签署", "主讲",
  "通报", "部署", "批示", "作出", "作了", "出任", "获得", "荣获", "介绍说", "坦言", "透露", "举行",
];
/** Reporting verbs that make a dictionary person name (rule 4) a mention. */
const PERSON_VERBS = new Set([
  "出席", "参加", "主持", "讲话", "发言", "致辞", "指出", "强调", "表示", "介绍", "告诉", "会见",
  "会谈", "看望", "慰问", "调研", "视察", "督导", "考察", "带队", "率队", "陪同", "说",
]);
/** Words a title cannot reach back across: 韦韬与汾酒集团党委书记…, 是省委书记林武. */
const TITLE_STOP_WORDS = new Set([
  "与", "和", "及", "以及", "同", "跟", "在", "由", "对", "向", "为", "是", "了", "的", "据", "经",
  "请", "让", "被", "把", "给", "从", "并", "等", "也", "都", "将", "会同", "陪同", "会见", "看望",
  "慰问", "听取", "邀请", "欢迎", "带领", "率领", "参加", "出席", "主持", "宣布", "任命", "担任",
  "接受", "介绍", "告诉", "表示", "说", "其中", "包括", "还有", "有", "如", "即", "向来",
]);
/** Characters no given name here contains; they mark organs and places (副市长, 市委). */
const NOT_IN_NAMES = new Set([..."市省县区委局厅党会镇乡村处部院校组团署办"]);
/** A title longer than this is a sentence, not a title. */
const MAX_TITLE = 40;

interface Segment {
  /** Repaired text of the part (headline, paragraph, caption…). */
  text: string;
  rawStart: number;
  rawEnd: number;
  /** For each index of `text`, the page-text index it came from, -1 when unknown. */
  map: Int32Array;
  tokens: Token[];
  /** For each index of `text`, the index of the token covering it, -1 when untagged. */
  tokenAt: Int32Array;
}

/** One place where a person was found with evidence. */
interface Found {
  name: string;
  seg: Segment;
  at: number;
  title: string | null;
  titleAt: number;
  /** The title used for normalising when it differs from the printed one (副主席 after 市政协主席X、). */
  fullTitle: string | null;
}

/**
 * The people named in one article (see the module comment for the evidence required), one
 * per distinct name in order of first appearance, each with the title printed nearest before
 * the first of its mentions that has one. Never throws: bad input gives [].
 */
export function extractMentions(input: MentionInput): ParsedMention[] {
  try {
    return extract(input);
  } catch {
    return [];
  }
}

function extract(input: MentionInput): ParsedMention[] {
  const page = typeof input.text === "string" ? input.text : "";
  const segments = buildSegments(page, input);
  const credits = (input.creditNames ?? []).filter((n) => typeof n === "string" && n.length > 0);
  const isCredit = (name: string): boolean => credits.some((c) => c.includes(name));

  const found: Found[] = [];
  for (const seg of segments) found.push(...findInSegment(seg));
  const evidenced = found.filter((f) => !isCredit(f.name));
  if (evidenced.length === 0) return [];

  // Rule 5: every occurrence of an evidenced name, longest names first so that 王纯 inside a
  // longer evidenced 王纯华 is not counted twice.
  const names = [...new Set(evidenced.map((f) => f.name))].sort((a, b) => b.length - a.length);
  const firstSpan = new Map<string, Span>();
  for (const seg of segments) {
    const taken: Array<[number, number]> = [];
    for (const name of names) {
      for (let i = seg.text.indexOf(name); i >= 0; i = seg.text.indexOf(name, i + 1)) {
        const end = i + name.length;
        if (taken.some(([a, b]) => i < b && end > a)) continue;
        if (!standsAlone(seg, i, end)) continue;
        taken.push([i, end]);
        const span = rawSpan(page, seg, i, name);
        const best = firstSpan.get(name);
        if (span && (!best || span.start < best.start)) firstSpan.set(name, span);
      }
    }
  }

  const mentions: ParsedMention[] = [];
  for (const name of names) {
    const span = firstSpan.get(name) ?? searchRaw(page, segments, name);
    if (!span) continue;
    const titled = evidenced
      .filter((f) => f.name === name && f.title !== null)
      .map((f) => ({ f, pos: rawSpan(page, f.seg, f.at, name)?.start ?? f.seg.rawStart + f.at }))
      .sort((a, b) => a.pos - b.pos)[0]?.f;
    let title: string | null = null;
    let titleSpan: Span | null = null;
    let normalisedTitle: string | null = null;
    if (titled?.title) {
      title = titled.title;
      titleSpan = rawSpan(page, titled.seg, titled.titleAt, title) ?? searchTitleRaw(page, titled, title);
      normalisedTitle = normaliseTitle(titled.fullTitle ?? title, input.region ?? null);
    }
    mentions.push({ name, title, normalisedTitle, span, titleSpan });
  }
  return mentions.sort((a, b) => a.span.start - b.span.start);
}

// ---------------------------------------------------------------------------------------
// Segments: the article's parts, each aligned with the page text.

function buildSegments(page: string, input: MentionInput): Segment[] {
  const parts: Array<{ text: string; span: Span }> = [];
  for (const p of [input.kicker, input.headline, input.subheadline]) if (p) parts.push(p);
  for (const p of input.paragraphs ?? []) parts.push(p);
  for (const c of input.captions ?? []) parts.push(c);
  const segments: Segment[] = [];
  for (const p of parts) {
    if (typeof p?.text !== "string" || p.text.length === 0 || !p.span) continue;
    const rawStart = Math.max(0, Math.min(page.length, Math.trunc(p.span.start)));
    const rawEnd = Math.max(rawStart, Math.min(page.length, Math.trunc(p.span.end)));
    if (!Number.isFinite(rawStart) || !Number.isFinite(rawEnd)) continue;
    const tokens = tagWithOffsets(p.text);
    const tokenAt = new Int32Array(p.text.length).fill(-1);
    tokens.forEach((t, k) => tokenAt.fill(k, t.start, t.end));
    segments.push({ text: p.text, rawStart, rawEnd, map: align(p.text, page, rawStart, rawEnd), tokens, tokenAt });
  }
  return segments.sort((a, b) => a.rawStart - b.rawStart);
}

/**
 * Maps each character of the repaired text to the page character it came from: repairs only
 * delete (a newline run, a doubled character), so a greedy walk that skips unmatched page
 * characters finds them. Characters it cannot place stay -1.
 */
function align(repaired: string, page: string, start: number, end: number): Int32Array {
  const map = new Int32Array(repaired.length).fill(-1);
  let j = start;
  for (let i = 0; i < repaired.length; i++) {
    let k = j;
    // Look ahead only a little: a repair removes a few characters, not a paragraph.
    const limit = Math.min(end, j + 16);
    while (k < limit && page[k] !== repaired[i]) k++;
    if (k < limit) {
      map[i] = k;
      j = k + 1;
    }
  }
  return map;
}

/** Where `str`, found at `at` in the segment's repaired text, stands in the page text, or null. */
function rawSpan(page: string, seg: Segment, at: number, str: string): Span | null {
  const a = seg.map[at];
  const b = seg.map[at + str.length - 1];
  if (a === undefined || b === undefined || a < 0 || b < 0) return null;
  return page.slice(a, b + 1) === str ? { start: a, end: b + 1 } : null;
}

/** The first verbatim occurrence of `str` in the page text inside any of the segments. */
function searchRaw(page: string, segments: Segment[], str: string): Span | null {
  for (const seg of segments) {
    const i = page.indexOf(str, seg.rawStart);
    if (i >= 0 && i + str.length <= seg.rawEnd) return { start: i, end: i + str.length };
  }
  return null;
}

/** A title that crossed a column break: the verbatim occurrence nearest before its name, if any. */
function searchTitleRaw(page: string, f: Found, title: string): Span | null {
  const nameAt = f.seg.map[f.at] ?? -1;
  const limit = nameAt >= 0 ? nameAt : f.seg.rawEnd;
  const i = page.lastIndexOf(title, limit - title.length);
  return i >= f.seg.rawStart ? { start: i, end: i + title.length } : null;
}

// ---------------------------------------------------------------------------------------
// Detection inside one segment.

function findInSegment(seg: Segment): Found[] {
  const t = seg.text;
  const out: Found[] = [];
  /** Ends of names found so far: a title never reaches back across a name. */
  const nameEnds = new Set<number>();
  const record = (f: Found): void => {
    out.push(f);
    nameEnds.add(f.at + f.name.length);
  };

  // Rules 1 and 2: title, then name, then perhaps 、 and more names sharing the title.
  for (let s = 1; s < t.length; s++) {
    const office = officeEndingAt(t, s);
    if (office === null || surnameLengthAt(t, s) === 0) continue;
    const len = nameLengthAt(seg, s);
    if (len === 0) continue;
    const title = titleBefore(seg, s, office, nameEnds);
    if (title === null) continue;
    const name = t.slice(s, s + len);
    record({ name, seg, at: s, title: t.slice(title, s), titleAt: title, fullTitle: viceTitle(out, t, title, s) });
    let p = s + len;
    while (t[p] === "、") {
      const q = p + 1;
      const l = nameLengthAt(seg, q);
      if (l === 0 || !endsName(seg, q + l)) break;
      record({ name: t.slice(q, q + l), seg, at: q, title: t.slice(title, s), titleAt: title, fullTitle: null });
      p = q + l;
    }
    s = p - 1;
  }

  // Rule 3: 习近平总书记.
  seg.tokens.forEach((tok, k) => {
    if (!POSTFIX_TITLES.has(tok.word)) return;
    const prev = seg.tokens[k - 1];
    if (!prev || !NAME_TAGS.has(prev.tag) || prev.word.length < 2 || prev.word.length > 4) return;
    if (nameEnds.has(prev.end) || officeEndingAt(t, prev.start) !== null) return;
    if (surnameLengthAt(prev.word, 0) === 0 || !plausibleName(prev.word)) return;
    record({ name: prev.word, seg, at: prev.start, title: tok.word, titleAt: tok.start, fullTitle: null });
  });

  // Rule 4: a dictionary person name followed by a reporting verb.
  seg.tokens.forEach((tok, k) => {
    if (!PERSON_TAGS.has(tok.tag) || tok.word.length !== 3 || nameEnds.has(tok.end)) return;
    if (surnameLengthAt(tok.word, 0) !== 1 || !plausibleName(tok.word)) return;
    const next = seg.tokens[k + 1];
    if (!next || !PERSON_VERBS.has(next.word)) return;
    record({ name: tok.word, seg, at: tok.start, title: null, titleAt: -1, fullTitle: null });
  });
  return out;
}

/**
 * How many characters of the name that starts at `s` (with a surname), or 0 when what
 * follows is not a name. jieba usually returns an unknown name as one word tagged x
 * (韦韬/x) or splits it after the surname (王/nr 剑峰/ns, 操/v 学诚/n); a dictionary word that
 * merely starts with a surname character (关于/p, 干部/n, 常务/b) is not a name.
 */
function nameLengthAt(seg: Segment, s: number): number {
  const t = seg.text;
  const sl = surnameLengthAt(t, s);
  if (sl === 0) return 0;
  let len = 0;
  const k = seg.tokenAt[s] ?? -1;
  const tok = k >= 0 ? seg.tokens[k] : undefined;
  if (tok && tok.start === s) {
    const w = tok.word.length;
    if (w > sl && w <= sl + 2) {
      if (!NAME_TAGS.has(tok.tag)) return 0;
      len = w;
      // An unknown word that swallowed the next one-character word: 韦韬在 → 韦韬.
      if (w === sl + 2 && FOLLOWER_CHARS.has(t[s + w - 1] ?? "")) len = w - 1;
    } else if (w === sl) {
      // 于/p, 向/p are mostly prepositions (负责人于近日, 负责人向记者); a surname only when
      // jieba reads what follows as a name-like word (副市长于/p 建华/nz).
      const after = seg.tokens[k + 1];
      if (BAD_SURNAME_TAGS.has(tok.tag) && !(after && GIVEN_NAME_TAGS.has(after.tag))) return 0;
      let given = 0;
      for (let j = k + 1; j < seg.tokens.length; j++) {
        const next = seg.tokens[j];
        if (!next || given + next.word.length > 2) break;
        if (![...next.word].every(isHan) || FUNCTION_TAGS.has(next.tag) || isFollowerAt(t, next.start)) break;
        // 书记谈发展: a two-character verb or adjective after the surname is a word, not a given name.
        if (next.word.length > 1 && WORD_TAGS.has(next.tag)) break;
        given += next.word.length;
      }
      if (given === 0) return 0;
      len = sl + given;
    } else if (tok.tag === "x" && w > sl + 2) {
      len = lengthByContext(t, s, sl);
    } else {
      return 0;
    }
  } else if (tok && tok.tag !== "x") {
    // The office word ends inside a dictionary word (市领导班子高度重视): no name starts here.
    return 0;
  } else {
    // Untagged, or an unknown word jieba made of title and name together (市长张新伟).
    len = lengthByContext(t, s, sl);
  }
  const name = t.slice(s, s + len);
  return name.length === len && plausibleName(name) ? len : 0;
}

/** Without a usable word boundary: the name ends where punctuation or a typical follower begins. */
function lengthByContext(t: string, s: number, sl: number): number {
  const g = s + sl;
  if (!isHan(t[g])) return 0;
  if (!isHan(t[g + 1]) || isFollowerAt(t, g + 1)) return sl + 1;
  return sl + 2;
}

function isFollowerAt(t: string, i: number): boolean {
  if (FOLLOWER_CHARS.has(t[i] ?? "")) return true;
  return FOLLOWER_WORDS.some((w) => t.startsWith(w, i));
}

/** Whether a name may end at `i`: punctuation, the end, a follower word or a word boundary. */
function endsName(seg: Segment, i: number): boolean {
  const t = seg.text;
  if (i >= t.length || !isHan(t[i]) || isFollowerAt(t, i)) return true;
  const k = seg.tokenAt[i] ?? -1;
  return k >= 0 && seg.tokens[k]?.start === i;
}

/** Whether an occurrence of an evidenced name at [i, end) is a word, not part of one. */
function standsAlone(seg: Segment, i: number, end: number): boolean {
  const t = seg.text;
  const k = seg.tokenAt[i] ?? -1;
  const startOk = i === 0 || !isHan(t[i - 1]) || (k >= 0 && seg.tokens[k]?.start === i);
  return startOk && endsName(seg, end);
}

function plausibleName(name: string): boolean {
  if (name.length < 2 || name.length > 4) return false;
  if (![...name].every(isHan)) return false;
  if ([...name].some((c) => NOT_IN_NAMES.has(c))) return false;
  // 殷殷 (in 习近平总书记殷殷嘱托) is a reduplicated adverb, not 殷 + 殷.
  if (name.length === 2 && name[0] === name[1]) return false;
  return !isOfficeWord(name) && !/^(?:常务|常委|副)/.test(name);
}

/**
 * Where the title that ends at `s` (with `office`) begins, or null when the office word is
 * not a title for the name at `s`. The title reaches back word by word across its organ
 * (汾酒集团党委书记) and across 、 to earlier titles (省委常委、太原市委书记), stopping at
 * punctuation, a function word, a verb such as 与/是/听取, or a name.
 */
function titleBefore(seg: Segment, s: number, office: string, nameEnds: Set<number>): number | null {
  const t = seg.text;
  let pos = s - office.length;
  for (;;) {
    if (pos <= 0 || s - pos > MAX_TITLE) break;
    if (nameEnds.has(pos)) break;
    const c = t[pos - 1] ?? "";
    if (c === "、") {
      // A list of titles continues only if what stands before 、 is itself a title.
      if (officeEndingAt(t, pos - 1) !== null && !nameEnds.has(pos - 1)) {
        pos -= 1;
        continue;
      }
      break;
    }
    if (!isHan(c)) break;
    const k = seg.tokenAt[pos - 1] ?? -1;
    const tok = k >= 0 ? seg.tokens[k] : undefined;
    if (!tok) {
      pos -= 1;
      continue;
    }
    if (TITLE_STOP_WORDS.has(tok.word) || FUNCTION_TAGS.has(tok.tag)) break;
    if (PERSON_TAGS.has(tok.tag) && tok.word.length >= 2 && surnameLengthAt(tok.word, 0) > 0) {
      // 习近平总书记殷殷…: the office belongs to the name before it.
      if (pos === s - office.length) return null;
      break;
    }
    pos = tok.start;
  }
  // A verb the walk took for part of an organ (感谢市长张三) does not begin a title.
  for (;;) {
    const tok = seg.tokens[seg.tokenAt[pos] ?? -1];
    if (!tok || tok.start !== pos || tok.tag !== "v" || tok.end > s - office.length) break;
    pos = tok.end;
  }
  return pos;
}

/**
 * The full title of a vice holder listed after the holder of the same body:
 * 市政协主席操学诚、副主席陈继光 → 市政协副主席 for 陈继光. Null when not such a case.
 */
function viceTitle(found: Found[], t: string, titleStart: number, s: number): string | null {
  const printed = t.slice(titleStart, s);
  if (!/^(?:常务)?副/.test(printed) || !isOfficeWord(printed) || t[titleStart - 1] !== "、") return null;
  const prev = found.findLast((f) => f.at + f.name.length === titleStart - 1 && f.title !== null);
  const lastUnit = (prev?.fullTitle ?? prev?.title ?? "").split("、").pop() ?? "";
  const split = splitOffice(lastUnit);
  return split && split.body.length > 0 ? split.body + printed : null;
}
