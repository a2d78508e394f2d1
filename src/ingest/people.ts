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
import { givenNamePlausibility } from "./given-names.ts";
import { HAN_RANGES, isHan } from "./han.ts";
import { dictionaryFrequency, tagOfWord } from "./jieba.ts";
import { boundaryAt, readDottedNameAround, readTibetanName } from "./name-reading.ts";
import { roleEndingAt, roleTier } from "./role-nouns.ts";
import { surnameLengthAt } from "./surnames.ts";
import { normaliseTitle, officeEndingAt, POSTFIX_TITLES, type Region } from "./titles.ts";
import type { ParsedCaption, ParsedMention, ParsedParagraph, Span } from "./types.ts";
import { APPOINTING, APPOINTING_ENDS, CUE_STARTS } from "./people/cue-words.ts";
import { agentNounEndingAt, postHeldBefore } from "./people/derived-roles.ts";
import { grammarSurnameName, prepositionSurnameName } from "./people/grammar-word-surnames.ts";
import { nameAfterRole } from "./people/name-after-role.ts";
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
import { everydayReduplication, honorificBeforeAdverb, plausibleName } from "./people/plausible-names.ts";
import { readName } from "./people/read-name.ts";
import {
  endsName,
  inBookTitle,
  isOneCharWord,
  opensClause,
  readsAlone,
  standsAlone,
  startsWord,
} from "./people/segment-words.ts";
import { buildSegments, type Found, type Segment } from "./people/segments.ts";
import { NAME_TAGS, PERSON_TAGS } from "./people/tags.ts";
import { NEW_WORD_GIVEN, SURE_GIVEN } from "./people/thresholds.ts";
import { FORMER, postfixTitleAt, SPOKEN_POSTFIX, titleBefore, viceTitle } from "./people/title-attachment.ts";
import {
  daiNameAt,
  dottedEnd,
  dottedNameAt,
  mongolianNameAt,
  NAME_ELEMENT_FIRSTS,
  tibetanOpenEndName,
  transliteratedName,
  yiNameAt,
} from "./people/transcribed-names.ts";

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

/** A name of two to four Han characters closed by a list separator or 等. */
const LIST_ITEM_NAME = new RegExp(`^[${HAN_RANGES}]{2,4}(?=[、，。；等])`);

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

/**
 * The length of the name that opens a list of two (、, 和 or 与) whose second name starts at `s`,
 * or 0: the item runs from the clause's start and reads as a name, Chinese or transliterated, on
 * its own to its end (张译文、宋佳琪主演, 齐麟和朱旭航, 费利佩和罗慕洛).
 */
function nameBeforeInList(seg: Segment, s: number): number {
  const t = seg.text;
  if (!/[、和与]/.test(t[s - 1] ?? "")) return 0;
  for (const len of [5, 4, 3, 2]) {
    const at = s - 1 - len;
    if (at < 0 || !opensClause(t, at) || t[at - 1] === "、") continue;
    if (readName(seg, at, "titled") === len || (len >= 3 && transliteratedName(seg, at) === len)) return len;
  }
  return 0;
}

/** Lines naming contributors: （甲、乙参与采写）, 甲、乙对本文有贡献. */
const CONTRIBUTORS = /[^。；！？\n（(]{0,200}(?:对本文(?:亦)?有(?:贡献|帮助)|参与(?:采写|采访|报道|调研|撰稿|写作))[)）]?/g;

/** A parenthesis holding a credit: (记者 甲、乙), (综合甲、乙报道), (本报昆明1月22日电 记者甲). */
const CREDIT_PARENTHESES = /[（(][^（）()]{0,200}?(?:记者|通讯员|报道|[0-9０-９]日电)[^（）()]{0,200}?[）)]/g;

/**
 * The names of a 、 (or 和) list that follows a name ending at `p`, each passed to `take`;
 * returns where the list ends. An item must read as a name on its own (欧阳洁、王明);
 * an item with its own title (、副主席陈继光) ends the list.
 */
function listAfter(seg: Segment, p: number, take: (at: number, length: number) => void): number {
  const t = seg.text;
  for (;;) {
    const sep = t[p];
    if (sep !== "、" && sep !== "和" && sep !== "及") return p;
    // 和 and 及 join names only as words of their own: 李强及时处置 is 及时; but 严立平和钟敏,
    // where jieba's word 平和 took the name's last character, joins them.
    if (sep !== "、" && !isOneCharWord(seg, p) && !endsWordAcross(seg, p)) return p;
    const q = p + 1;
    const len = listItemAt(seg, q);
    if (len === 0) return p;
    // After 和, a name of two characters must end at a sure place (王磊和张伟伟在); a longer one
    // also where jieba starts a word it knows (彭雨桐和欧阳思睿捧/v出), not a piece of a name (童格勒噶/nrt).
    if (sep !== "、" && boundaryAt(t, q + len) === "none" && t[q + len] !== "、" && !(len >= 3 && knownWordAt(seg, q + len))) return p;
    take(q, len);
    p = q + len;
  }
}

/** Whether jieba starts a word of its dictionary at `i` (捧/v), not a piece of a name nor one it does not know (噶/nrt). */
function knownWordAt(seg: Segment, i: number): boolean {
  const tok = seg.tokens[seg.tokenAt[i] ?? -1];
  return tok?.start === i && !NAME_TAGS.has(tok.tag);
}

/** Whether jieba's word ending at `i` + 1 began with the character before `i` (平和 after 严立). */
function endsWordAcross(seg: Segment, i: number): boolean {
  const tok = seg.tokens[seg.tokenAt[i] ?? -1];
  return tok?.start === i - 1 && tok.end === i + 1;
}

/** The length of a name that fills a list item starting at `q`, or 0. */
function listItemAt(seg: Segment, q: number): number {
  const t = seg.text;
  const dot = dottedNameAt(t, q);
  if (dot > 0) return dottedEnd(seg, q, q + dot) - q;
  const tibetan = readTibetanName(t, q);
  if (tibetan > 0) return tibetan;
  const mongolian = mongolianNameAt(seg, q, 2) || daiNameAt(seg, q) || yiNameAt(seg, q);
  if (mongolian > 0) return mongolian;
  if (opensWithTitle(seg, q)) return 0;
  const len = readName(seg, q, "titled");
  if (len > 0 && endsName(seg, q + len)) return len;
  // A two-character reading that ends inside a word (马金花都: 花都) may be a three-character name
  // that ends where a list's last name does, before a grammar word (都, 和).
  if (len === 2 && surnameLengthAt(t, q) === 1 && boundaryAt(t, q + 3) !== "none" && givenNamePlausibility(t[q + 2] ?? "") >= NEW_WORD_GIVEN && plausibleName(t.slice(q, q + 3))) return 3;
  const foreign = transliteratedName(seg, q);
  if (foreign > 0) return foreign;
  if (unknownListName(seg, q)) return 3;
  // Whatever fills the item up to the next 、 in a list of names (白玛赤林、), unless it is a
  // word of the dictionary or ends with a title.
  const m = LIST_ITEM_NAME.exec(t.slice(q, q + 5));
  if (m === null || roleEndingAt(t, q + m[0].length) !== null) return 0;
  const tag = tagOfWord(m[0]);
  return tag === null || PERSON_TAGS.has(tag) ? m[0].length : 0;
}

/**
 * Whether a list item after a name opens with a name of three characters whose surname the
 * table leaves out as a grammar or place character (队员木永红、和丽华负责, 时, 海): jieba reads it
 * as one word it does not know, of a first character that may be a name's and two very likely
 * given-name characters, ending where a name may.
 */
function unknownListName(seg: Segment, q: number): boolean {
  const tok = seg.tokens[seg.tokenAt[q] ?? -1];
  if (tok?.start !== q || tok.tag !== "x" || tok.word.length !== 3 || !plausibleName(tok.word) || !endsName(seg, tok.end)) return false;
  return [...tok.word.slice(1)].every((c) => givenNamePlausibility(c) >= SURE_GIVEN);
}

/**
 * Whether the list item at `q` is the next person's title, which the main scan reads as such: its
 * first word is a role (乘务员王雪、安全员李强), or its second word is one with a name after it
 * (钢琴家孟琪、小提琴演奏家邵一帆, where jieba tags 小提琴 as a name; not 王明、李强教授说).
 */
function opensWithTitle(seg: Segment, q: number): boolean {
  const first = seg.tokens[seg.tokenAt[q] ?? -1];
  if (first?.start !== q) return false;
  if (roleTier(first.word) !== null || agentNounEndingAt(seg, first.end) !== null) return true;
  const second = seg.tokens[seg.tokenAt[first.end] ?? -1];
  if (second?.start !== first.end || (roleTier(second.word) === null && agentNounEndingAt(seg, second.end) === null)) return false;
  return readName(seg, second.end, "titled") > 0;
}

/**
 * Names of a 、 list none of whose items has a title: a clause of at least three items, most
 * of which read as names by themselves, or two items that jieba reads as names. The first
 * item may carry words before its name (看望了江泽民), the last words after it (王钦敏等老同志);
 * 张高丽和田纪云 inside an item is two names.
 */
function untitledList(seg: Segment): Array<{ at: number; length: number }> {
  const t = seg.text;
  const out: Array<{ at: number; length: number }> = [];
  for (const clause of t.matchAll(/[^，。；：！？“”‘’（）()《》,;:!?\n]+/g)) {
    const body = clause[0];
    const items = listItems(body, clause.index);
    if (items === null) continue;
    // Cheap first: a list of three or more needs short items in the middle to be names.
    if (items.length >= 3) {
      const short = items.slice(1, -1).filter((item) => item.text.length >= 2 && item.text.length <= 6).length;
      if (short === 0 || short + 2 < 0.6 * items.length) continue;
    }
    const names = items.flatMap((item, i) => namesInItem(seg, item.at, item.text, i === 0, i < items.length - 1, i === items.length - 1));
    const strong = names.filter((n) => n.strong).length;
    // Items counted as people after them (冯乐、卓玛、吉克阿依等5名同学, 甲、乙等人) are names
    // when every item holds one and one of them reads as a name by itself.
    if (COUNTED_PEOPLE.test(items[items.length - 1]?.text ?? "") && names.length === items.length && strong >= 1) {
      out.push(...names);
      continue;
    }
    // Two items are a list of names only when every name of them reads as one and jieba tags two of
    // them as names (李明、王华和刘洋 holds three).
    if (items.length === 2 ? names.length >= 2 && strong === names.length && names.filter((n) => n.tagged).length >= 2 : strong >= 3 && strong >= 0.6 * items.length) {
      out.push(...names);
    }
  }
  return out;
}

/**
 * A spaced list of names, as honours and award lists print them: three short items or more and
 * nothing else ("王志刚　刘晓燕　陈立新"). A list of units ("市应急管理局执法支队　…") has longer items.
 */
const SPACED_NAMES = new RegExp(`^\\s*[${HAN_RANGES}]{2,4}(?:\\s+[${HAN_RANGES}]{2,4}){2,}\\s*$`);

/** The items of a clause that lists with 、 or with spaces only, each with its offset, or null for no list. */
function listItems(body: string, offset: number): Array<{ at: number; text: string }> | null {
  if (SPACED_NAMES.test(body)) return [...body.matchAll(/\S+/g)].map((m) => ({ at: offset + m.index, text: m[0] }));
  if (!body.includes("、")) return null;
  const items: Array<{ at: number; text: string }> = [];
  let at = offset;
  for (const text of body.split("、")) {
    items.push({ at, text });
    at += text.length + 1;
  }
  return items;
}

/** A list's item: a name, then its unit or school in brackets (邝雨桐（市第一中学）). */
const BRACKETED_ITEM = new RegExp(`[${HAN_RANGES}]{2,4}[（(][^（）()\\n]{2,24}[）)]`, "g");

/**
 * Names of a 、 list each of whose items is a name with a note in brackets after it, as award lists
 * print them (一等奖：邝雨桐（市第一中学）、柴思远（江城外国语学校）): the list opens a clause, every
 * item holds a name, and half of them or more read as names by themselves.
 */
function bracketedList(seg: Segment): Array<{ at: number; length: number }> {
  const t = seg.text;
  if (!t.includes("（") && !t.includes("(")) return [];
  const runs: Array<Array<{ at: number; length: number }>> = [];
  let lastEnd = -1;
  for (const m of t.matchAll(BRACKETED_ITEM)) {
    const length = m[0].search(/[（(]/);
    const item = { at: m.index, length };
    if (m.index === lastEnd + 1 && t[lastEnd] === "、") runs[runs.length - 1]!.push(item);
    else if (opensClause(t, m.index)) runs.push([item]);
    else runs.push([]);
    lastEnd = m.index + m[0].length;
  }
  const out: Array<{ at: number; length: number }> = [];
  for (const run of runs) {
    if (run.length < 2) continue;
    const names = run.flatMap((item) => namesInItem(seg, item.at, t.slice(item.at, item.at + item.length), false, false, false));
    const strong = names.filter((n) => n.strong).length;
    if (names.length === run.length && strong >= Math.ceil(run.length / 2)) out.push(...names);
  }
  return out;
}

/** The last item of a list, a name and then 等 with a count of people (等5名, 等三位, 等人). */
const COUNTED_PEOPLE = /^[^等]{2,6}等(?:[0-9０-９一二三四五六七八九十两百余多]+(?:名|位|人)(?!数)|人)/;

interface ListName {
  at: number;
  length: number;
  /** It reads as a name by itself. */
  strong: boolean;
  /** jieba reads it as one name or unknown word. */
  tagged: boolean;
}

/**
 * The names filling one list item (see untitledList). The first item, or a long one before the
 * last, may carry words before its name (看望了江泽民); the last one words after it.
 */
function namesInItem(seg: Segment, at: number, text: string, first: boolean, leading: boolean, last: boolean): ListName[] {
  const t = seg.text;
  const whole = (start: number, length: number): ListName | null => {
    const name = t.slice(start, start + length);
    if (length < 2 || ![...name].every((c) => isHan(c) || c === "·")) return null;
    if (name.includes("·")) return length <= 20 ? { at: start, length, strong: true, tagged: true } : null;
    const tok = seg.tokens[seg.tokenAt[start] ?? -1];
    const tagged = (tok !== undefined && tok.start === start && tok.end === start + length && NAME_TAGS.has(tok.tag)) || opensWithRareCompoundSurname(name);
    if (readName(seg, start, "weak") === length && !isPlaceWord(seg, start, length)) return { at: start, length, strong: true, tagged };
    // Not a name by itself, but one in a list of names (热地, 乌云其木格), unless it is a word
    // of the dictionary or ends with a title (国家主席).
    // jieba's place, proper-noun and idiom readings of names (罗干/ns, 回良玉/nz, 厉无畏/i) do
    // not count against them here.
    const word = tagOfWord(name);
    if (length > 5 || (word !== null && !PERSON_TAGS.has(word) && !LIST_NAME_TAGS.has(word))) return null;
    return roleEndingAt(t, start + length) === null ? { at: start, length, strong: false, tagged } : null;
  };
  // A last item that opens with its own title is read by the main scan (、小提琴演奏家邵一帆先后登台).
  if (last && !first && opensWithTitle(seg, at)) return [];
  const start = at;
  let end = at + text.length;
  // The last item may join two names with 和 (王华和刘洋): tried before the item is cut at 和.
  const joined = last ? text.indexOf("和", 2) : -1;
  if (joined > 0) {
    const a = whole(start, joined);
    const b = whole(start + joined + 1, text.length - joined - 1);
    if (a?.strong && b?.strong) return [a, b];
  }
  if (last) {
    const stop = /[等和及]/.exec(text.slice(2));
    if (stop && !text.slice(2).startsWith("和")) end = at + 2 + stop.index;
    else if (!whole(start, end - start)?.strong) {
      // 杨腾慧迅速组成…: the name that opens the item and ends at a word boundary.
      const len = readName(seg, start, "weak");
      if (len > 0 && len < end - start && endsName(seg, start + len)) end = start + len;
    }
  }
  const join = t.slice(start, end).indexOf("和", 2);
  if (join > 0) {
    const a = whole(start, join);
    const b = whole(start + join + 1, end - start - join - 1);
    if (a?.strong && b?.strong) return [a, b];
  }
  // Words before the name: in the first item, or in a long one (…看望了江泽民).
  if ((first || (leading && end - start > 4)) && !whole(start, end - start)?.strong) {
    for (const len of [4, 3, 2]) {
      const r = end - start > len ? whole(end - len, len) : null;
      if (r?.strong) return [r];
    }
  }
  const r = whole(start, end - start);
  return r ? [r] : [];
}

/** How often jieba's dictionary may count a compound surname as a word of its own for it to say a name (上官 67, 慕容 753; not 东方 3993, 西门 967). */
const RARE_COMPOUND_WORD = 900;
const COMPOUND_WORD_TAGS = new Set(["nr", "nrt", "nz", "n", "ns"]);

/**
 * Whether a name opens with a compound surname that is seldom anything else (诸葛晓峰, 上官婉清):
 * jieba cuts such names after the surname, yet the surname vouches for the name as its tag would.
 */
function opensWithRareCompoundSurname(name: string): boolean {
  if (surnameLengthAt(name, 0) !== 2 || name.length < 3) return false;
  const surname = name.slice(0, 2);
  const tag = tagOfWord(surname);
  return (tag === null || COMPOUND_WORD_TAGS.has(tag)) && dictionaryFrequency(surname) < RARE_COMPOUND_WORD;
}

/** Tags that jieba gives to some names of a list of names (罗干/ns, 回良玉/nz, 厉无畏/i). */
const LIST_NAME_TAGS = new Set(["ns", "nz", "i", "l"]);

/** Whether jieba reads [at, at + length) as one place, organisation or common word. */
function isPlaceWord(seg: Segment, at: number, length: number): boolean {
  const tok = seg.tokens[seg.tokenAt[at] ?? -1];
  return tok !== undefined && tok.start === at && tok.word.length === length && !NAME_TAGS.has(tok.tag);
}
