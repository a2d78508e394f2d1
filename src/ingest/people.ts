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
import { boundaryAt, readDottedNameAround, readTibetanName } from "./name-reading.ts";
import { roleEndingAt } from "./role-nouns.ts";
import { surnameLengthAt } from "./surnames.ts";
import { normaliseTitle, officeEndingAt, POSTFIX_TITLES, type Region } from "./titles.ts";
import type { ParsedCaption, ParsedMention, ParsedParagraph, Span } from "./types.ts";
import { APPOINTING, APPOINTING_ENDS, CUE_STARTS } from "./people/cue-words.ts";
import { agentNounEndingAt, postHeldBefore } from "./people/derived-roles.ts";
import { grammarSurnameName, prepositionSurnameName } from "./people/grammar-word-surnames.ts";
import { nameAfterRole } from "./people/name-after-role.ts";
import { listAfter, nameBeforeInList } from "./people/name-lists.ts";
import {
  clauseNameAcrossWord,
  newWordCutShort,
  newWordRunOn,
  rareDictionaryName,
  surnameAndKnownGiven,
  twoCharacterSubject,
  unknownWordIsName,
  unlikelyNewWord,
} from "./people/new-word-names.ts";
import { personCue, placeAfterLocative } from "./people/person-cues.ts";
import { nextClause, personnelItemName } from "./people/personnel-lists.ts";
import { everydayReduplication, honorificBeforeAdverb } from "./people/plausible-names.ts";
import { readName } from "./people/read-name.ts";
import { endsName, inBookTitle, readsAlone, standsAlone, startsWord } from "./people/segment-words.ts";
import { buildSegments, type Found, type Segment } from "./people/segments.ts";
import { FORMER, postfixTitleAt, SPOKEN_POSTFIX, titleBefore, viceTitle } from "./people/title-attachment.ts";
import {
  daiNameAt,
  dottedEnd,
  mongolianNameAt,
  NAME_ELEMENT_FIRSTS,
  tibetanOpenEndName,
  transliteratedName,
  yiNameAt,
} from "./people/transcribed-names.ts";
import { bracketedList, untitledList } from "./people/untitled-lists.ts";

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
  // Found with no title, a surname and an everyday doubled word is that word (“金宝宝”礼盒).
  const untitledThing = (f: Found): boolean => f.title === null && everydayReduplication(f.name, surnameLengthAt(f.seg.text, f.at));
  const evidenced = found.filter((f) => !isCredit(f.name) && !honorificBeforeAdverb(f.seg.text, f.at, f.name) && !untitledThing(f));
  if (evidenced.length === 0) return [];

  // Rule 5: every occurrence of an evidenced name, longest names first so that 王纯 inside a
  // longer evidenced 王纯华 is not counted twice. A name inside a work or doctrine title
  // (《刘胡兰传》, 习近平新时代…思想) is no mention.
  // A dotted name's last part or first part alone (佩德罗萨, 艾尔肯 after 哈维尔·佩德罗萨,
  // 艾尔肯·吐尔逊) is a later mention of the same person, not a person of its own.
  const distinct = [...new Set(evidenced.map((f) => f.name))];
  const names = distinct.filter((name) => !isDottedShortForm(name, distinct)).sort((a, b) => b.length - a.length);
  const firstSpan = new Map<string, Span>();
  const firstInBody = new Map<string, { seg: Segment; at: number; pos: number }>();
  const foundAt = new Set(evidenced.map((f) => `${segments.indexOf(f.seg)}:${f.at}`));
  for (const [index, seg] of segments.entries()) {
    const taken = new Uint8Array(seg.text.length);
    for (const name of names) {
      for (let i = seg.text.indexOf(name); i >= 0; i = seg.text.indexOf(name, i + 1)) {
        const end = i + name.length;
        if (taken[i] === 1 || taken[end - 1] === 1) continue;
        // Where a rule found the name, it stands alone even if jieba's words straddle it (长张/x).
        if (!foundAt.has(`${index}:${i}`) && !standsAlone(seg, i, end)) continue;
        if (inBookTitle(seg, i) || inDoctrineName(seg.text, end)) continue;
        taken.fill(1, i, end);
        const span = rawSpan(page, seg, i, name);
        const best = firstSpan.get(name);
        if (span && (!best || span.start < best.start)) firstSpan.set(name, span);
        const pos = span?.start ?? seg.rawStart + i;
        const first = firstInBody.get(name);
        if (!seg.heading && (!first || pos < first.pos)) firstInBody.set(name, { seg, at: i, pos });
      }
    }
  }

  const mentions: Array<ParsedMention & { order: number }> = [];
  for (const name of names) {
    // People named only in the headings are not listed.
    const first = firstInBody.get(name);
    const span = firstSpan.get(name) ?? searchRaw(page, segments, name);
    if (!span || !first) continue;
    // The title is the one printed with the first mention in the body.
    const titled = evidenced.find((f) => f.name === name && f.seg === first.seg && f.at === first.at && f.title !== null);
    let title: string | null = null;
    let titleSpan: Span | null = null;
    let normalisedTitle: string | null = null;
    if (titled?.title) {
      title = titled.title;
      titleSpan = rawSpan(page, titled.seg, titled.titleAt, title) ?? searchTitleRaw(page, titled, title);
      normalisedTitle = normaliseTitle(titled.fullTitle ?? title, input.region ?? null);
    }
    mentions.push({ name, title, normalisedTitle, span, titleSpan, order: first.pos });
  }
  return mentions.sort((a, b) => a.order - b.order).map(({ order: _, ...m }) => m);
}

/** Whether `name` is the first or the last part of a dotted name among `names` (佩德罗萨 of 哈维尔·佩德罗萨). */
function isDottedShortForm(name: string, names: readonly string[]): boolean {
  if (name.includes("·")) return false;
  return names.some((full) => full.startsWith(`${name}·`) || full.endsWith(`·${name}`));
}

/** Whether a name ending at `end` opens the name of a doctrine (习近平新时代中国特色社会主义思想). */
function inDoctrineName(t: string, end: number): boolean {
  return /^[^，。；、：“”！？的说是在和与\n]{0,16}思想/.test(t.slice(end, end + 20));
}

/**
 * Where `str`, found at `at` in the segment's repaired text, stands in the page text, or null:
 * the page's slice is `str` as printed, line breaks of a wrapped line included.
 */
function rawSpan(page: string, seg: Segment, at: number, str: string): Span | null {
  const a = seg.map[at];
  const b = seg.map[at + str.length - 1];
  if (a === undefined || b === undefined || a < 0 || b < 0) return null;
  const printed = page.slice(a, b + 1);
  // A name the OCR wrapped across two lines is printed with the line break inside it (吴\n斌).
  const same = printed === str || (printed.length <= str.length + 2 && printed.replace(/\r?\n/g, "") === str);
  return same ? { start: a, end: b + 1 } : null;
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

function findInSegment(seg: Segment): Found[] {
  const t = seg.text;
  const out: Found[] = [];
  /** Ends of names found so far: a title never reaches back across a name. */
  const nameEnds = new Set<number>();
  const taken = new Uint8Array(t.length);
  const record = (f: Found): void => {
    out.push(f);
    nameEnds.add(f.at + f.name.length);
    taken.fill(1, f.at, f.at + f.name.length);
  };
  const free = (at: number, len: number): boolean => {
    for (let i = at; i < at + len; i++) if (taken[i] === 1) return false;
    return true;
  };
  /** A name found with no title. */
  const untitled = (at: number, len: number): void => record({ name: t.slice(at, at + len), seg, at, title: null, titleAt: -1, fullTitle: null });
  /** The names of a list after an untitled one that ends at `end`, where none was found yet; where the list ends. */
  const untitledListAfter = (end: number): number =>
    listAfter(seg, end, (at, len) => {
      if (free(at, len)) untitled(at, len);
    });
  // Contributor lines (…对本文有贡献, …参与采写) and credits in parentheses ((记者 甲、乙),
  // (综合甲、乙报道)) name no people.
  if (/对本文|参与/.test(t)) for (const m of t.matchAll(CONTRIBUTORS)) taken.fill(1, m.index, m.index + m[0].length);
  if (/[（(]/.test(t)) for (const m of t.matchAll(CREDIT_PARENTHESES)) taken.fill(1, m.index, m.index + m[0].length);

  // Rules 1 and 2: a role noun, then a name, then perhaps 、 and more names sharing the title.
  for (let s = 1; s < t.length; s++) {
    // A quoted nickname ending in a role (“老县长”高德荣, “排雷英雄”杜富国) vouches for the name
    // like a kinship word: no title.
    const nickname = t[s - 1] === "”" ? (roleEndingAt(t, s - 1) ?? agentNounEndingAt(seg, s - 1)) : null;
    const role = nickname === null ? (roleEndingAt(t, s) ?? agentNounEndingAt(seg, s) ?? postHeldBefore(t, s)) : { word: nickname.word, tier: "kinship" as const };
    if (role === null || !free(s, 1) || inBookTitle(seg, s)) continue;
    const len = nameAfterRole(seg, s, role);
    if (len === 0) continue;
    let titleAt = -1;
    let title: string | null = null;
    const postfix = postfixTitleAt(t, s + len);
    if (role.tier === "situation" && postfix !== null) {
      // 代表习近平总书记: the word before is a verb here, the title is the one after.
      title = postfix;
      titleAt = s + len;
    } else if (role.tier !== "kinship") {
      const start = titleBefore(seg, s, role.word, nameEnds);
      if (start === null) continue;
      titleAt = start;
      title = t.slice(titleAt, s);
    }
    const fullTitle = title !== null && titleAt < s ? viceTitle(out, t, titleAt, s) : null;
    record({ name: t.slice(s, s + len), seg, at: s, title, titleAt, fullTitle });
    const end = listAfter(seg, s + len, (at, l) => record({ name: t.slice(at, at + l), seg, at, title, titleAt, fullTitle: null }));
    s = end - 1;
  }

  // Names with · standing anywhere (村民阿·斯尔格林 is found above; 、司马义·铁力瓦尔地、 here).
  for (let dot = t.indexOf("·"); dot >= 0; dot = t.indexOf("·", dot + 1)) {
    if (taken[dot] === 1 || inBookTitle(seg, dot)) continue;
    const read = readDottedNameAround(t, dot, (i) => roleEndingAt(t, i) !== null);
    const span = read === null ? null : { start: read.start, end: dottedEnd(seg, read.start, read.end) };
    if (span === null || !free(span.start, span.end - span.start)) continue;
    const role = roleEndingAt(t, span.start);
    const titleAt = role && role.tier !== "kinship" ? titleBefore(seg, span.start, role.word, nameEnds) : null;
    const title = titleAt === null ? null : t.slice(titleAt, span.start);
    record({ name: t.slice(span.start, span.end), seg, at: span.start, title, titleAt: titleAt ?? -1, fullTitle: null });
  }

  // Rule 3: 习近平总书记, 钟南山院士: a name that reads as one and ends right at a postfix title;
  // or at an office or profession the news puts after a name when it is followed by what the
  // person did or said, or a preposition (王刚局长说, 李娜律师提醒, 温丽秘书长就此…), not by the
  // next name (王刚局长李明 is 局长李明).
  const nameBeforeTitle = (p: number, title: string): void => {
    for (const len of [3, 2, 4]) {
      const s = p - len;
      if (s < 0 || !free(s, len) || officeEndingAt(t, s) !== null || !startsWord(seg, s)) continue;
      // 文联原主席王某: the former post's 原 or 前, read alone, is the title's, not a name's end.
      if (FORMER.has(t[p - 1] ?? "") && readsAlone(seg, p - 1)) return;
      if (readName(seg, s, "titled") !== len) continue;
      record({ name: t.slice(s, p), seg, at: s, title, titleAt: p, fullTitle: null });
      return;
    }
  };
  for (const title of POSTFIX_TITLES) {
    for (let p = t.indexOf(title); p >= 0; p = t.indexOf(title, p + 1)) nameBeforeTitle(p, title);
  }
  for (const m of t.matchAll(SPOKEN_POSTFIX)) {
    if (boundaryAt(t, m.index + m[0].length) !== "none") nameBeforeTitle(m.index, m[0]);
  }

  // Rule 4: a name with no title, said to be a person by what stands around it. Reading a
  // name is dear: only where a cue stands right after a name's length or 的 right before.
  const cueAt = new Uint8Array(t.length + 1);
  for (const m of t.matchAll(CUE_STARTS)) cueAt[m.index] = 1;
  for (let s = 0; s < t.length; s++) {
    if (cueAt[s + 2] !== 1 && cueAt[s + 3] !== 1 && cueAt[s + 4] !== 1 && t[s - 1] !== "的" && t[s - 1] !== "叫" && !(APPOINTING_ENDS.at(t, s - 1) && APPOINTING.has(t.slice(s - 2, s)))) continue;
    if (taken[s] === 1 || !startsWord(seg, s)) continue;
    const afterDe = t[s - 1] === "的" ? grammarSurnameName(seg, s) : 0;
    if (afterDe > 0) {
      untitled(s, afterDe);
      s += afterDe - 1;
      continue;
    }
    // A Tibetan name has no surname: its two syllables make it (次仁多吉说), though its first syllable may open with one (卓玛仓决说).
    const tibetan = readTibetanName(t, s) || tibetanOpenEndName(seg, s);
    let len = tibetan || (surnameLengthAt(t, s) > 0 ? readName(seg, s, "weak") || prepositionSurnameName(seg, s) : mongolianNameAt(seg, s, 2));
    // A foreign name of three characters or more, though it opens with a surname (费南多头球扳平);
    // not the part after a dot of a name not read whole.
    if ((len === 0 || !personCue(seg, s, s + len)) && t[s - 1] !== "·") {
      const foreign = transliteratedName(seg, s);
      len = foreign >= 3 && personCue(seg, s, s + foreign) ? foreign : 0;
    }
    if (len === 0 || !free(s, len) || unlikelyNewWord(seg, s, len)) continue;
    const before = nameBeforeInList(seg, s);
    if (before > 0 && free(s - 1 - before, before)) untitled(s - 1 - before, before);
    untitled(s, len);
    s += len - 1;
  }

  // Rule 4b: the items of a personnel list, each opening a clause with its name (常国强为…局长；).
  for (let s = 0; s < t.length; s = nextClause(t, s)) {
    if (taken[s] === 1) continue;
    const len = personnelItemName(seg, s);
    if (len > 0 && free(s, len)) untitled(s, len);
  }

  // Rule 6: a 、 list of names with no title (马烽、西戎、李束为、孙谦、胡正), also with each
  // name's unit in brackets after it (甲（市一中）、乙（市二中）).
  for (const item of [...untitledList(seg), ...bracketedList(seg)]) {
    if (free(item.at, item.length)) untitled(item.at, item.length);
  }

  // Rule 7: a name jieba itself found as a new word, with no cue around it (蒋光远在禁区…), or
  // a surname and a given name jieba knows opening a clause (，柏/nr 志强/nrfg 门前); then the
  // names of a list after it (孙铭泽和胡金山的).
  for (let k = 0; k < seg.tokens.length; k++) {
    const tok = seg.tokens[k]!;
    if (taken[tok.start] === 1) continue;
    const len =
      unknownWordIsName(seg, tok) || rareDictionaryName(seg, tok)
        ? tok.word.length
        : newWordCutShort(seg, k) || newWordRunOn(seg, tok) || surnameAndKnownGiven(seg, k) || twoCharacterSubject(seg, k) || clauseNameAcrossWord(seg, tok.start);
    if (len === 0 || !free(tok.start, len)) continue;
    // The one name before it in a 、 list of two, when it reads as a name by itself (张译文、宋佳琪主演).
    const before = nameBeforeInList(seg, tok.start);
    if (before > 0 && free(tok.start - 1 - before, before)) untitled(tok.start - 1 - before, before);
    untitled(tok.start, len);
    untitledListAfter(tok.start + len);
  }
  // A Mongolian name of two elements or more, or a Tibetan one of two syllables, says it is one
  // by itself (乌兰图雅和朝鲁门表演, 达瓦扎西也); after a name and 和 jieba may read it into one word.
  for (let s = 0; s < t.length; s++) {
    if (taken[s] === 1 || !(NAME_ELEMENT_FIRSTS.at(t, s) || seg.dai || seg.yi) || inBookTitle(seg, s)) continue;
    if (!startsWord(seg, s) && !(nameEnds.has(s - 1) && /[和与及、]/.test(t[s - 1] ?? ""))) continue;
    const listed = readTibetanName(t, s);
    const tibetan = listed > 0 && endsName(seg, s + listed) ? listed : tibetanOpenEndName(seg, s);
    const len = tibetan > 0 ? tibetan : mongolianNameAt(seg, s, 2) || daiNameAt(seg, s) || yiNameAt(seg, s);
    if (len === 0 || !free(s, len) || placeAfterLocative(seg, s, s + len)) continue;
    untitled(s, len);
    s = untitledListAfter(s + len) - 1;
  }
  return out;
}

/** Lines naming contributors: （甲、乙参与采写）, 甲、乙对本文有贡献. */
const CONTRIBUTORS = /[^。；！？\n（(]{0,200}(?:对本文(?:亦)?有(?:贡献|帮助)|参与(?:采写|采访|报道|调研|撰稿|写作))[)）]?/g;

/** A parenthesis holding a credit: (记者 甲、乙), (综合甲、乙报道), (本报昆明1月22日电 记者甲). */
const CREDIT_PARENTHESES = /[（(][^（）()]{0,200}?(?:记者|通讯员|报道|[0-9０-９]日电)[^（）()]{0,200}?[）)]/g;
