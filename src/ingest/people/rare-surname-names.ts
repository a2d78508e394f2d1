/**
 * Names after a role noun whose surname the surname table leaves out: as too rare, read only after
 * an office or a profession (教授效存德认为, 局长普建明说), or as an organ's character (民警区伟明,
 * 党志强). With no table to vouch for the surname, jieba's reading of the characters and what
 * follows them (a sure end, a reporting verb) must.
 */
import { givenNamePlausibility } from "../given-names.ts";
import { isHan } from "../han.ts";
import { dictionaryFrequency, tagOfWord } from "../jieba.ts";
import { boundaryAt, NOT_IN_NAMES, REPORTING_VERBS } from "../name-reading.ts";
import { surnameLengthAt } from "../surnames.ts";
import { plausibleName } from "./plausible-names.ts";
import { endsName, sureEnd } from "./segment-words.ts";
import type { Segment } from "./segments.ts";
import { FUNCTION_TAGS, PERSON_TAGS } from "./tags.ts";
import { NEW_WORD_GIVEN, RARE_NAME_COUNT, SURE_GIVEN, WEAK_GIVEN } from "./thresholds.ts";

/**
 * A name after a title whose surname is not in the table (教授效存德认为, 网格长忻元乐): the
 * unknown word jieba made of it, or two or three characters that end at a sure boundary. A
 * character jieba reads alone as a grammar word or a verb is that word before what follows it
 * (坚持学生为本, 工人留岗, 申报人员须于, 党员初心), and a given name of one character must be a
 * likely one (让学生学得更主动: 得 is the verb's particle).
 */
export function rareSurnameName(seg: Segment, s: number): number {
  const t = seg.text;
  if (NOT_IN_NAMES.has(t[s] ?? "") || !isHan(t[s]) || givenNamePlausibility(t[s] ?? "") === 0) return 0;
  if (isGrammarWordOrVerb(t[s] ?? "") && !HUI_VERB_SURNAMES.has(t[s] ?? "")) return 0;
  // 小李, 老张: a surname with a familiar prefix is no name.
  if (t[s] === "小" || t[s] === "老") return 0;
  // A known surname was read already, and rejected.
  if (surnameLengthAt(t, s) > 0) return 0;
  // 村民受伤, 党员表示: a dictionary word where the surname would be.
  if (tagOfWord(t.slice(s, s + 2)) !== null) return 0;
  const tok = seg.tokens[seg.tokenAt[s] ?? -1];
  if (tok && tok.tag === "x" && tok.start <= s && tok.end - s >= 2 && tok.end - s <= 3) {
    const name = t.slice(s, tok.end);
    if (plausibleName(name) && givenCharactersHold(name)) return name.length;
  }
  for (const len of [3, 2]) {
    const name = t.slice(s, s + len);
    if (name.length !== len || !plausibleName(name)) continue;
    if (!givenCharactersHold(name)) continue;
    // Unless jieba reads the surname as a name by itself (杭/nr 文静/n).
    if (len === 3 && tagOfWord(name.slice(1)) !== null && !(tok?.start === s && tok.end === s + 1 && tok.tag === "nr")) continue;
    if (sureEnd(t, s + len) && boundaryAt(t, s + len - 1) === "none") return len;
  }
  return 0;
}

/**
 * Surnames of the Hui people that are everyday verbs or particles too (买, 拜, 撒, 者, 妥): after a
 * title, where a name stands, they open one (副总裁买俊) as other rare surnames do, though a verb
 * alone there is no name elsewhere.
 */
const HUI_VERB_SURNAMES = new Set([..."买拜撒者妥脱洒"]);

/** Whether jieba's dictionary reads the character alone as a grammar word or a verb (为/p, 须/d, 初/f, 留/v). */
function isGrammarWordOrVerb(c: string): boolean {
  const tag = tagOfWord(c) ?? "";
  return FUNCTION_TAGS.has(tag) || tag.startsWith("v");
}

/**
 * Whether the given-name characters of a name read with a surname the table lacks may be ones:
 * any but the unlikeliest of two, a likely one when it stands alone.
 */
function givenCharactersHold(name: string): boolean {
  const given = [...name.slice(1)];
  return given.every((c) => givenNamePlausibility(c) >= (given.length === 1 ? WEAK_GIVEN : 0.05));
}

/**
 * A name of three characters after an office or a profession whose surname no table holds (or
 * holds as too common a word to read alone), where jieba's reading of its characters is no word
 * of the prose: it read the surname alone and the given name as a name of its dictionary
 * (时/n 光辉/nr), or made a word counted as rarely as names are of the surname and the first
 * given character (普建/a) or of the given name (寸/m 发祥/n). What follows must say a person
 * was named: a reporting verb or a follower word (局长普建明说, 银匠寸发祥正在…). Its length, or 0.
 */
export function cuedRareSurnameName(seg: Segment, s: number): number {
  const t = seg.text;
  const name = t.slice(s, s + 3);
  if (name.length !== 3 || surnameLengthAt(t, s) > 0 || NOT_IN_NAMES.has(t[s] ?? "") || givenNamePlausibility(t[s] ?? "") === 0) return 0;
  if (t[s] === "小" || t[s] === "老" || !plausibleName(name) || tagOfWord(name) !== null) return 0;
  if ([...name.slice(1)].some((c) => givenNamePlausibility(c) < NEW_WORD_GIVEN)) return 0;
  if (!REPORTING_VERBS.some((v) => t.startsWith(v, s + 3)) && !sureEnd(t, s + 3)) return 0;
  const k = seg.tokenAt[s] ?? -1;
  const first = seg.tokens[k];
  const given = seg.tokens[k + 1];
  const knownGiven = first?.start === s && first.end === s + 1 && given?.end === s + 3 && PERSON_TAGS.has(given.tag);
  const rareWord = (w: string) => tagOfWord(w) !== null && dictionaryFrequency(w) <= RARE_NAME_COUNT;
  return knownGiven || rareWord(name.slice(0, 2)) || rareWord(name.slice(1)) ? 3 : 0;
}

/**
 * A name of three characters after an office or a profession whose surname no table holds, being
 * an everyday word too (门, 贝, 承): jieba reads the surname alone, as no grammar word, and the given
 * name as one word of two characters (站长门/n 立新/d 介绍), and the person speaks right after it.
 * A verb read alone opens a name only before a given name jieba's dictionary holds as a name's or a
 * place's (书记承/v 建国/ns 说), not before the thing it acts on (站长指/v 地图/n 说). Its length, or 0.
 */
export function apartRareSurnameName(seg: Segment, s: number): number {
  const t = seg.text;
  if (surnameLengthAt(t, s) > 0 || NOT_IN_NAMES.has(t[s] ?? "") || givenNamePlausibility(t[s] ?? "") === 0) return 0;
  if (!REPORTING_VERBS.some((v) => t.startsWith(v, s + 3))) return 0;
  const k = seg.tokenAt[s] ?? -1;
  const [surname, given] = [seg.tokens[k], seg.tokens[k + 1]];
  if (surname?.start !== s || surname.end !== s + 1 || FUNCTION_TAGS.has(surname.tag)) return 0;
  // An adverb of two characters is a given name jieba knows as a word too (立新/d), but no grammar word.
  if (given?.start !== s + 1 || given.end !== s + 3 || (FUNCTION_TAGS.has(given.tag) && given.tag !== "d")) return 0;
  if (surname.tag.startsWith("v") && !PERSON_TAGS.has(given.tag) && given.tag !== "ns") return 0;
  return [...given.word].every((c) => givenNamePlausibility(c) >= WEAK_GIVEN) && plausibleName(t.slice(s, s + 3)) ? 3 : 0;
}

/** Surnames that are organ characters too (区翠萍, 党志强): after a title they open a name only as jieba's new word. */
export const RARE_SURNAMES_OF_ORGANS = new Set([..."区党"]);

/**
 * Whether a title is followed by a name whose surname is an organ character (民警区伟明/x): jieba
 * reads it with two very likely given-name characters as one word it does not know, which no
 * organ's name is (区政府, 区委 are words of its dictionary).
 */
export function organCharSurname(seg: Segment, s: number): boolean {
  const k = seg.tokenAt[s] ?? -1;
  const tok = seg.tokens[k];
  if (tok?.start !== s) return false;
  // Or the surname alone and a given name jieba's dictionary holds (母亲区/n 美玲/nr), as a name or as
  // the place many given names share (教授区/n 永乐/ns).
  const given = seg.tokens[k + 1];
  const tagged = tok.word.length === 1 && given?.word.length === 2 && (PERSON_TAGS.has(given.tag) || given.tag === "ns");
  const word = tok.tag === "x" && tok.word.length === 3 ? tok.word : tagged ? tok.word + given.word : "";
  if (word === "") return false;
  // A given name jieba's dictionary holds as a name needs less of its characters, and so does one
  // the person's own words follow (店主区伟强说: 强, 0.53).
  const min = tagged || boundaryAt(seg.text, s + 3) === "strong" ? NEW_WORD_GIVEN : SURE_GIVEN;
  return [...word.slice(1)].every((c) => !NOT_IN_NAMES.has(c) && givenNamePlausibility(c) >= min) && endsName(seg, s + 3);
}
