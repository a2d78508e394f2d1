/**
 * Names found with no title and no cue around them, from jieba's own reading: a word it does not
 * know made of a common surname and two likely given-name characters (蒋光远/x 在禁区), one it cut
 * short or ran on into the next character (韩立/x 远, 陈佳琦后/x 程), a name of its dictionary
 * counted as rarely as names are and opening a clause, or a surname before a given name its
 * dictionary knows (，柏/nr 志强/nrfg). jieba's model of new words makes such words mostly of names
 * it has never seen; the checks here keep out the phrases it makes of other words.
 */
import { givenNamePlausibility, isCommonWord, namesHold } from "../given-names.ts";
import { isHan } from "../han.ts";
import { dictionaryFrequency, tagOfWord, type Token } from "../jieba.ts";
import { boundaryAt, transliterationRunAt } from "../name-reading.ts";
import { roleTier } from "../role-nouns.ts";
import { surnameLengthAt, surnameLikelihood } from "../surnames.ts";
import { placeAfterLocative } from "./person-cues.ts";
import { isPlaceOfPeople, plausibleName } from "./plausible-names.ts";
import { nameAcrossWord } from "./read-name.ts";
import { endsName, inBookTitle, opensClause } from "./segment-words.ts";
import type { Segment } from "./segments.ts";
import { PERSON_TAGS } from "./tags.ts";
import { COMMON_NAME_WORD, NEW_WORD_GIVEN, NEW_WORD_GIVEN_BOTH, RARE_NAME_COUNT, SURE_GIVEN, WEAK_GIVEN } from "./thresholds.ts";
import { ORGAN_MARK } from "./title-attachment.ts";

/**
 * How likely a character of a new word is in a given name: one jieba's dictionary of names does
 * not hold at all, and prose uses rarely as a word of its own, is mostly a name's (陈晓彤/x:
 * 彤 counted 89, 方硕萱/x: 萱 377), not one prose uses often (梁琛摄/x: 摄 1615).
 */
function newWordGiven(c: string): number {
  if (namesHold(c) || !isHan(c) || dictionaryFrequency(c) > COMMON_NAME_WORD) return givenNamePlausibility(c);
  return RARE_IN_NAMES;
}
const RARE_IN_NAMES = 0.6;

/** Given-name characters this likely together make a rarer surname of the table do (蒯曼曼, 戚雨桐). */
const RARE_SURNAME_GIVEN = 0.6;

/**
 * Whether a word jieba does not know but made of three characters by itself (its model of new
 * words) is a person's name: a common surname and two likely given-name characters, ending where
 * a name may end or jieba starts a word it knows (赵明伟/x 连续/a, 熊诗琪/x 跳出/v). Such words
 * are mostly the names of people the dictionary has never seen; a place after 在/到 is no name.
 */
export function unknownWordIsName(seg: Segment, tok: Token): boolean {
  const t = seg.text;
  const s = tok.start;
  if (tok.tag !== "x" || tok.word.length !== 3 || surnameLengthAt(t, s) !== 1) return false;
  // Two new words in a row are a phrase jieba's dictionary lacks (山水林田湖/x 草沙/x), not a name and a word.
  const next = seg.tokens[seg.tokenAt[tok.end] ?? -1];
  if (next?.start === tok.end && next.tag === "x" && next.word.length >= 2 && isHan(next.word[0])) return false;
  return newWordName(seg, s);
}

/**
 * Whether a token is a name of jieba's dictionary that opens a clause before a sure end (，杨秀珠/nr
 * 已经): three characters, a common surname, likely given-name characters, and counted as rarely
 * as names are there. Its three-character words tagged as names are often places and things
 * (龙溪河, 兰花草), which neither open a clause before a follower nor have such characters.
 */
export function rareDictionaryName(seg: Segment, tok: Token): boolean {
  const t = seg.text;
  const s = tok.start;
  if (!PERSON_TAGS.has(tok.tag) || tok.word.length !== 3 || !opensClause(t, s) || boundaryAt(t, tok.end) !== "strong") return false;
  if (surnameLengthAt(t, s) !== 1 || surnameLikelihood(t, s) < 1 || dictionaryFrequency(tok.word) > RARE_NAME_COUNT) return false;
  if (!plausibleName(tok.word) || isCommonWord(tok.word)) return false;
  return [...tok.word.slice(1)].every((c) => givenNamePlausibility(c) >= NEW_WORD_GIVEN);
}

/**
 * Whether a token is the name of a well-known person that jieba's dictionary holds (孙中山/nr, counted
 * 2171 times; 毛泽东, 梁启超): the dictionary counts everyday people's names a few times and the
 * famous hundreds of times, so such a name needs no title nor cue (学生连孙中山是谁都讲不清楚).
 * It must read as a name throughout: a common surname, given-name characters names may hold, and no
 * word of the dictionary opening it (安全性/nr, 黄金周/nr: 安全, 黄金) nor transliteration characters
 * only (莫斯科/nr); and it must end where a name
 * may, not run into what is named after the person (孙中山故居) nor stand where something happened
 * (到莫斯科).
 */
export function famousDictionaryName(seg: Segment, tok: Token): boolean {
  const t = seg.text;
  const s = tok.start;
  if (tok.tag !== "nr" || tok.word.length !== 3 || surnameLengthAt(t, s) !== 1 || surnameLikelihood(t, s) < 1) return false;
  if (dictionaryFrequency(tok.word) < FAMOUS_NAME_COUNT || tagOfWord(tok.word.slice(0, 2)) !== null) return false;
  if (!plausibleName(tok.word) || isCommonWord(tok.word) || isPlaceOfPeople(tok.word)) return false;
  // A word of transliteration characters throughout is a foreign place as often (莫斯科/nr).
  if (transliterationRunAt(tok.word, 0) === tok.word.length) return false;
  if ([...tok.word.slice(1)].some((c) => givenNamePlausibility(c) < FAMOUS_GIVEN)) return false;
  if (inBookTitle(seg, s) || placeAfterLocative(seg, s, tok.end)) return false;
  return boundaryAt(t, tok.end) !== "none";
}
/** How often jieba's dictionary counts a well-known person's name (孙中山 2171, 梁启超 636; 王振华 4). */
const FAMOUS_NAME_COUNT = 500;
/** What each given-name character of such a name must reach (中 of 孙中山, 0.18). */
const FAMOUS_GIVEN = 0.1;

/**
 * The length (2) of a name of two characters that opens a clause as the subject of a verb
 * (，袁悦/x 苦战/v 三盘): jieba's new word of a common surname and a given-name character that
 * its names hold and is very likely one, before a verb of two characters or more; or 0. Only in
 * the report of a match, whose clauses open with players; elsewhere such a word is as often a
 * product or a place (宋锦/x 织造).
 */
export function twoCharacterSubject(seg: Segment, k: number): number {
  const t = seg.text;
  const tok = seg.tokens[k]!;
  const next = seg.tokens[k + 1];
  if (!seg.match || tok.tag !== "x" || tok.word.length !== 2 || !opensClause(t, tok.start) || inBookTitle(seg, tok.start)) return 0;
  if (surnameLengthAt(t, tok.start) !== 1 || surnameLikelihood(t, tok.start) < 1 || !plausibleName(tok.word) || isCommonWord(tok.word)) return 0;
  const c = tok.word[1] ?? "";
  if (!namesHold(c) || givenNamePlausibility(c) < SURE_GIVEN) return 0;
  return next?.start === tok.end && next.word.length >= 2 && next.tag.startsWith("v") ? 2 : 0;
}

/**
 * The length (3) of a name jieba cut after its second character (韩立/x 远/a 在): its new word of a
 * surname and one character, and a character it reads alone that is no grammar word; or 0.
 */
export function newWordCutShort(seg: Segment, k: number): number {
  const tok = seg.tokens[k]!;
  const next = seg.tokens[k + 1];
  if (tok.tag !== "x" || tok.word.length !== 2 || next?.word.length !== 1 || next.start !== tok.end) return 0;
  if (surnameLengthAt(seg.text, tok.start) !== 1 || boundaryAt(seg.text, next.start) !== "none") return 0;
  return newWordName(seg, tok.start) ? 3 : 0;
}

/** A name read as nameAcrossWord does with no title: it opens a clause and reads as jieba's new names must. */
export function clauseNameAcrossWord(seg: Segment, s: number): number {
  return opensClause(seg.text, s) && nameAcrossWord(seg, s) === 3 && newWordName(seg, s, false) ? 3 : 0;
}

/**
 * Whether the name at `s` is a word jieba made up, right after another word it made up, of a
 * surname and two characters that are each possible in a given name but unlikely together
 * (陈佳琦后/x 程发力/x: the first ran on into 后 of 后程): no cue after it redeems it.
 */
export function unlikelyNewWord(seg: Segment, s: number, len: number): boolean {
  const k = seg.tokenAt[s] ?? -1;
  const tok = seg.tokens[k];
  if (tok?.start !== s || tok.tag !== "x" || tok.word.length !== 3 || len !== 3 || surnameLengthAt(seg.text, s) !== 1) return false;
  const before = seg.tokens[k - 1];
  if (before?.end !== s || before.tag !== "x" || !isHan(before.word[0])) return false;
  return givenNamePlausibility(tok.word[1] ?? "") * givenNamePlausibility(tok.word[2] ?? "") < NEW_WORD_GIVEN_BOTH;
}

/** A fourth character this unlikely in a given name is the word after the name (后, 前). */
const UNLIKELY_GIVEN = 0.2;

/**
 * The length (3) of a name jieba ran on into the next character (陈佳琦后/x 程): a new word of four
 * characters whose last one no given name is likely to hold, or 0.
 */
export function newWordRunOn(seg: Segment, tok: Token): number {
  if (tok.tag !== "x" || tok.word.length !== 4 || surnameLengthAt(seg.text, tok.start) !== 1) return 0;
  if (givenNamePlausibility(tok.word[3] ?? "") >= UNLIKELY_GIVEN) return 0;
  return newWordName(seg, tok.start, false) ? 3 : 0;
}

/** Whether the three characters at `s` make a name as unknownWordIsName says; `ends`: and end where a name may. */
function newWordName(seg: Segment, s: number, ends = true): boolean {
  const t = seg.text;
  const word = t.slice(s, s + 3);
  const tok = { word, start: s, end: s + 3 };
  if (inBookTitle(seg, s) || !plausibleName(word) || isCommonWord(word) || tagOfWord(word) !== null) return false;
  // A festival the dictionary lacks (汤帕节/x, a people's new year) ends in 节, as few given names do.
  if (word.endsWith("节")) return false;
  const given = [...word.slice(1)].map(newWordGiven);
  // 后程发力 read 程发力/x: 发 and 力 are each possible, together unlikely.
  if (given.some((p) => p < NEW_WORD_GIVEN) || given[0]! * given[1]! < NEW_WORD_GIVEN_BOTH) return false;
  if (surnameLikelihood(t, s) < 0.8 && given[0]! * given[1]! < RARE_SURNAME_GIVEN) return false;
  if (ends && !endsName(seg, tok.end)) return false;
  // A new word right before an organ's word names the place it serves (沙潭江/x 街道办).
  const next = seg.tokens[seg.tokenAt[tok.end] ?? -1];
  if (next?.start === tok.end && next.word.length >= 2 && ORGAN_MARK.test(next.word[next.word.length - 1] ?? "") && roleTier(next.word) === null) return false;
  return !placeAfterLocative(seg, s, tok.end);
}

/**
 * The length (3) of a name opening a clause as a surname and a two-character given name that
 * jieba's dictionary tags as a name (，柏/nr 志强/nrfg 门前抢点, 。付/v 豪杰/nrt 则在), or 0. Where a
 * clause opens, a surname standing alone before a name word is the subject's surname; the name
 * must end where a name may, and a word counted as often as an everyday one (大海/ns) is none.
 */
export function surnameAndKnownGiven(seg: Segment, k: number): number {
  const t = seg.text;
  const sur = seg.tokens[k]!;
  const given = seg.tokens[k + 1];
  const s = sur.start;
  if (sur.word.length !== 1 || given === undefined || given.word.length !== 2) return 0;
  // A given name of one character twice (刘/zg 彬彬/i) is as sure as one jieba tags a name.
  const doubled = given.word[0] === given.word[1];
  if (!PERSON_TAGS.has(given.tag) && !doubled) return 0;
  if (s > 0 && isHan(t[s - 1])) return 0;
  if (surnameLengthAt(t, s) !== 1 || inBookTitle(seg, s)) return 0;
  if (dictionaryFrequency(given.word) > COMMON_NAME_WORD || isCommonWord(t.slice(s, given.end))) return 0;
  if ([...given.word].some((c) => givenNamePlausibility(c) < (doubled ? WEAK_GIVEN : NEW_WORD_GIVEN)) || !plausibleName(t.slice(s, given.end))) return 0;
  return endsName(seg, given.end) ? 3 : 0;
}
