/**
 * Whether the words around a name-like word say it is a person where no title does: a reporting
 * verb or what officials do right after it (王明表示, 肖捷陪同考察), an age, 同志, 名叫 before it, a
 * personnel decision, a player's act in a match report; or the preposition of place that says it is
 * where something happened instead (在莫斯科会见). The word lists are in cue-words.ts; here is how
 * they are weighed.
 */
import { givenNamePlausibility, isCommonWord } from "../given-names.ts";
import { dictionaryFrequency, tagOfWord } from "../jieba.ts";
import { boundaryAt, REPORTING_VERBS } from "../name-reading.ts";
import { AGENT_SUFFIXES, roleEndingAt } from "../role-nouns.ts";
import { surnameLengthAt, surnameLikelihood } from "../surnames.ts";
import {
  ACTIVITY_VERBS,
  APPOINTING,
  LIKE_THIS,
  MANNER_BEFORE_SPEAKING,
  PERSON_DOINGS,
  PERSON_FOLLOWERS,
  PLAY_AFTER_NAME,
  PLAYING_A_PART,
  SCORE_WIN,
  SEVERAL_BEFORE,
  SPORT_ACTS,
  WHEN_BEFORE_SPEAKING,
  WORK_AFTER_AUTHOR,
} from "./cue-words.ts";
import { isOneCharWord, jiebaWordAt, opensClause } from "./segment-words.ts";
import type { Segment } from "./segments.ts";
import { NAME_TAGS, PERSON_TAGS } from "./tags.ts";
import { RARE_NAME_COUNT, SURE_GIVEN } from "./thresholds.ts";

/**
 * Cues that a name-like word is a person: a reporting verb (王明表示), an age (王明，45岁, 王明今年45岁),
 * 同志, 名叫/他叫 before it, or an age or a relative clause before it (78岁的王明, 不久的黄明策，) when jieba
 * also reads it as a name. A word after a preposition of place is where something happened
 * (在莫斯科会见, 在石家庄调研), unless what follows is done with a person (在王明陪同下).
 */
export function personCue(seg: Segment, s: number, end: number): boolean {
  const t = seg.text;
  const after = t.slice(end, end + 8);
  // An author before the work (郦道元的《水经注》, also after 到: 从…到…) or a part played (饰演李香君的):
  // a name jieba does not know or knows as one, however often (司马迁/nr 185); places are other words.
  if ((WORK_AFTER_AUTHOR.some((w) => after.startsWith(w)) || PLAYING_A_PART.test(t.slice(Math.max(0, s - 2), s))) && knownOnlyAsName(t.slice(s, end))) return true;
  if (placeAfterLocative(seg, s, end)) return false;
  if (REPORTING_VERBS.some((v) => after.startsWith(v)) || ACTIVITY_VERBS.some((v) => after.startsWith(v))) return true;
  // A word of when between the name and its reporting verb (巩立姣赛后表示, 王明当天说).
  const when = WHEN_BEFORE_SPEAKING.exec(after);
  if (when !== null && REPORTING_VERBS.some((v) => after.startsWith(v, when[0].length))) return true;
  // A word of manner jieba reads, 地 and a reporting verb (五十岚洋子激动地说, 王明高兴地表示).
  if (MANNER_BEFORE_SPEAKING.test(after) && mannerWordAt(seg, end)) return true;
  if (opensClause(t, s) && PERSON_DOINGS.some((v) => after.startsWith(v))) return true;
  // The same after an adverb that adds the person to others (王明也表示, ，张立新也来到现场), for a
  // name no dictionary word outweighs (not 高中生/nr).
  if (/^[也还又都]/.test(after) && rareAsName(t.slice(s, end)) && (REPORTING_VERBS.some((v) => after.startsWith(v, 1)) || (opensClause(t, s) && PERSON_DOINGS.some((v) => after.startsWith(v, 1))))) return true;
  if (SPORT_ACTS.some((v) => after.startsWith(v)) || SCORE_WIN.test(t.slice(end, end + 12))) return true;
  if (seg.match && opensClause(t, s) && PLAY_AFTER_NAME.test(t.slice(end, end + 16)) && rareAsName(t.slice(s, end))) return true;
  // Or after an adverb of several players (费利佩和罗慕洛先后破门).
  const adverb = SEVERAL_BEFORE.exec(after);
  if (adverb !== null && SPORT_ACTS.some((v) => after.startsWith(v, adverb[0].length))) return true;
  if (t[end] === "是" && saysWhoHolds(seg, s, end)) return true;
  if (LIKE_THIS.test(after) && personNounAfterLikeness(t, end + 3) && rareAsName(t.slice(s, end))) return true;
  // 看来 frames an opinion only after 在 (在王明看来), not as a verb (王明看来很累).
  if (PERSON_FOLLOWERS.some((v) => after.startsWith(v)) && (!after.startsWith("看来") || t[s - 1] === "在")) return true;
  // 同志, and the honorifics 先生 and 女士 after a full name, not a surname alone (鲁迅先生; not 欧阳先生).
  if (/^(?:先生|女士)/.test(after) && end - s > surnameLengthAt(t, s) && !isCommonWord(t.slice(s, end))) return true;
  if (/^(?:同志(?!们)|(?:[，,]\s*|今年)(?:\d+|[一二三四五六七八九十]+)岁|[（(](?:\d+|[一二三四五六七八九十]+)岁)/.test(after)) return true;
  if (/(?:岁的|名叫|叫做|他叫|她叫)$/.test(t.slice(Math.max(0, s - 2), s))) return true;
  if (APPOINTING.has(t.slice(s - 2, s)) && /^(?:为|担任)/.test(after)) return true;
  if (t.slice(s - 2, s) === "免去" && /^的[^，。；]{1,20}职务/.test(t.slice(end, end + 24))) return true;
  // After 的, only a three-character word made of a common surname and good given-name characters,
  // that jieba also reads as one name; a word of its dictionary only if it is a name counted
  // rarely there (王振华 4), not a word it mis-tags (高水平/nr 91).
  if (t[s - 1] !== "的" || end - s !== 3) return false;
  const known = tagOfWord(t.slice(s, end));
  if (known !== null && (!PERSON_TAGS.has(known) || dictionaryFrequency(t.slice(s, end)) > RARE_NAME_COUNT)) return false;
  // Its end: a sure one, or a word jieba starts right after it (闻讯赶来的胡晓梅连声道谢).
  if (boundaryAt(t, end) !== "strong" && !jiebaWordAt(seg, end)) return false;
  if (surnameLikelihood(t, s) < 1 || [...t.slice(s + 1, end)].some((c) => givenNamePlausibility(c) < 0.3)) return false;
  const tok = seg.tokens[seg.tokenAt[s] ?? -1];
  if (tok === undefined || tok.start !== s) return false;
  if (tok.end === end) return NAME_TAGS.has(tok.tag);
  // Or the surname alone, and one word of two very likely given-name characters up to a sure end
  // (获奖的何/r 永平/ns，): jieba reads a surname that is also a pronoun apart (not 向/p 阳花).
  const given = seg.tokens[seg.tokenAt[s + 1] ?? -1];
  return tok.end === s + 1 && tok.tag === "r" && given?.start === s + 1 && given.end === end && boundaryAt(t, end) === "strong" && [...given.word].every((c) => givenNamePlausibility(c) >= SURE_GIVEN);
}

/** Whether jieba reads a word of manner of two characters at `i` (激动/a, 认真/ad, 自豪/an), not the end of a place (当地, 各地). */
function mannerWordAt(seg: Segment, i: number): boolean {
  const tok = seg.tokens[seg.tokenAt[i] ?? -1];
  return tok?.start === i && tok.end === i + 2 && MANNER_TAGS.has(tok.tag);
}
const MANNER_TAGS = new Set(["a", "ad", "an", "b", "d", "i", "l", "z", "v", "vd"]);

/** Whether `word` is no word of jieba's dictionary or one it tags as a name only. */
function knownOnlyAsName(word: string): boolean {
  const tag = tagOfWord(word);
  return tag === null || PERSON_TAGS.has(tag);
}

/** Whether `word` is no word of jieba's dictionary, or a name it counts as rarely as names are (许文强 3; not 高中生/nr 129). */
function rareAsName(word: string): boolean {
  const tag = tagOfWord(word);
  return tag === null || (PERSON_TAGS.has(tag) && dictionaryFrequency(word) <= RARE_NAME_COUNT);
}

/**
 * Whether the clause after `是` that follows a name ends in an office or a profession, saying what
 * post the person holds (晏莉是市第三医院呼吸内科病区护士长，, 卞菁是…的一名列车值班员。). The
 * word must be no place nor common word of the dictionary (江苏是…, 金融是…): a name jieba does
 * not know, or one it tags as a name.
 */
function saysWhoHolds(seg: Segment, s: number, end: number): boolean {
  const t = seg.text;
  const clause = /^[^，。；！？：,;!?:“”\n]{2,30}(?=[，。；！？,;!?]|$)/.exec(t.slice(end + 1, end + 32));
  if (clause === null) return false;
  const role = roleEndingAt(t, end + 1 + clause[0].length);
  if (role === null || (role.tier !== "office" && role.tier !== "profession")) return false;
  const known = tagOfWord(t.slice(s, end));
  return known === null || PERSON_TAGS.has(known);
}

/**
 * Whether a noun of people (a role, or before punctuation a word of an agent's last character: 匠人)
 * closes the phrase that opens at `i`, after a likeness (这样的老匠人, 那样的好医生): someone named as an example of a kind of person is a person, not a place or a thing
 * (长江这样的河流).
 */
function personNounAfterLikeness(t: string, i: number): boolean {
  for (let end = i + 2; end <= Math.min(t.length, i + MAX_LIKENESS_PHRASE); end++) {
    if (!/[\p{Script=Han}]/u.test(t[end - 1] ?? "")) return false;
    if (roleEndingAt(t, end) !== null) return true;
    if (!/[\p{Script=Han}]/u.test(t[end] ?? "")) return AGENT_SUFFIXES.has(t[end - 1] ?? "");
  }
  return false;
}
/** The longest phrase read after the likeness: a modifier of a few characters and the noun. */
const MAX_LIKENESS_PHRASE = 8;

/** Prepositions of place: what they stand before, read with no title, is where (在莫斯科会见, 到石家庄调研). */
const LOCATIVES = new Set([..."在到赴抵于"]);
/** What follows a person after 在: 在王明陪同下, 在李红带领下, 在张强提醒下, 在王明看来. */
const LOCATIVE_PERSON = /^(?:陪同|带领|率领|主持|指导|帮助|支持|鼓励|提醒|建议|号召|组织|协调|看来)/;

/** Whether a preposition of place, as a word of its own (not 找到, 现在), stands right before `s`. */
function afterLocative(seg: Segment, s: number): boolean {
  return s > 0 && LOCATIVES.has(seg.text[s - 1] ?? "") && isOneCharWord(seg, s - 1);
}

/**
 * Whether the word at [s, end) stands after a preposition of place as where something happened
 * (在莫斯科会见, 到石家庄调研), not as a person something is done with (在王明陪同下).
 */
export function placeAfterLocative(seg: Segment, s: number, end: number): boolean {
  return afterLocative(seg, s) && !LOCATIVE_PERSON.test(seg.text.slice(end, end + 8));
}
