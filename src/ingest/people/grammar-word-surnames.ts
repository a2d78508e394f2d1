/**
 * Names whose surname is also a grammar word, which jieba reads as a preposition or a conjunction
 * (向/p 长江, 于/p 秋菊, 和/c 兴旺): read only where a clause opens or after a relative clause's 的,
 * and only before what follows a person rather than a preposition's object. The Chinese-name reading
 * (read-name.ts) turns such a surname down by its tag unless a name's word follows, so these are
 * read apart.
 */
import { givenNamePlausibility } from "../given-names.ts";
import { dictionaryFrequency, type Token } from "../jieba.ts";
import { boundaryAt } from "../name-reading.ts";
import { plausibleName } from "./plausible-names.ts";
import { opensClause } from "./segment-words.ts";
import type { Segment } from "./segments.ts";
import { BAD_SURNAME_TAGS, GIVEN_NAME_TAGS } from "./tags.ts";
import { COMMON_NAME_WORD, MAX_NAME_FREQUENCY, NEW_WORD_GIVEN } from "./thresholds.ts";

/**
 * The length (3) of a name opening a clause whose surname jieba reads as a preposition (向/p 长江/ns,
 * 于/p 海洋/n is not: a common noun), before a two-character word that may be a given name: a
 * name's word, a place's or one jieba does not know; or 0. The cue after it decides.
 */
export function prepositionSurnameName(seg: Segment, s: number): number {
  const t = seg.text;
  const k = seg.tokenAt[s] ?? -1;
  const sur = seg.tokens[k];
  const given = seg.tokens[k + 1];
  if (!opensClause(t, s) || sur?.start !== s || sur.word.length !== 1 || !BAD_SURNAME_TAGS.has(sur.tag)) return 0;
  if (given === undefined || given.word.length !== 2 || !GIVEN_NAME_TAGS.has(given.tag) && given.tag !== "ns") return 0;
  const name = t.slice(s, given.end);
  if (!plausibleName(name) || [...given.word].some((c) => givenNamePlausibility(c) < NEW_WORD_GIVEN)) return 0;
  return 3;
}

/** Surnames that are grammar words too, which jieba reads as a preposition or a conjunction (向/p, 于/p, 和/c, 从/p). */
const GRAMMAR_SURNAMES = new Set([..."向于和从"]);

/**
 * The length (3) of a name after a relative clause's 的 whose surname is also a grammar word
 * (开小卖部的于/p 秋菊/x 也, 卖农资的和/c 兴旺/ns 旁听, 卖水果的从春燕/x 说), or 0: jieba reads the
 * surname alone before a word of two very likely given-name characters that is a name's (counted
 * under 1,000 times), a place's or a noun counted no more often than names are (海波/n 28; not
 * 向/p 全国/n, 于/p 近日/t), or makes one word it does not know of the three; then what follows a
 * person and no preposition's object: a sure end (说, punctuation), 也/还/又/都, a list's 和 or 、.
 */
export function grammarSurnameName(seg: Segment, s: number): number {
  const t = seg.text;
  const givenWord = (given: Token): boolean => {
    const nameWord = GIVEN_NAME_TAGS.has(given.tag);
    if (!nameWord && given.tag !== "ns" && given.tag !== "n") return false;
    if (dictionaryFrequency(given.word) > (nameWord ? COMMON_NAME_WORD : MAX_NAME_FREQUENCY)) return false;
    return true;
  };
  if (!readsAsGrammarSurnameName(seg, s, GRAMMAR_SURNAMES, givenWord)) return 0;
  // A verb after it would leave the preposition's reading open (的向群众宣传), these do not.
  return boundaryAt(t, s + 3) === "strong" || /[也还又都和、]/.test(t[s + 3] ?? "") ? 3 : 0;
}

/** Surnames that are grammar words or verbs, read after a role noun: those above and 来/v (和/c is a Naxi surname too). */
const SURNAMES_AFTER_ROLE: ReadonlySet<string> = new Set([...GRAMMAR_SURNAMES, "来"]);

/** Tags of a two-character word that a given name may read as after such a surname (丽萍/x, 欣悦/a), never a verb's. */
const GIVEN_AFTER_GRAMMAR_SURNAME = new Set([...GIVEN_NAME_TAGS, "a", "n", "ns"]);

/**
 * The length (3) of a name right after a role noun whose surname is such a word (纳西族同事和/c 丽萍,
 * 传承人的徒弟来/v 欣悦/a, 独居老人来/v 阿福/x), or 0: the role vouches for a name, so the surname
 * counts where jieba makes one unknown word of the three, or a word of two likely given-name
 * characters that is not a verb's and not counted as often as common words (不是 和/c 护士/n, 来/v 帮忙/v).
 */
export function grammarSurnameAfterRole(seg: Segment, s: number): number {
  const givenWord = (given: Token): boolean => {
    if (!GIVEN_AFTER_GRAMMAR_SURNAME.has(given.tag)) return false;
    if (dictionaryFrequency(given.word) > MAX_NAME_FREQUENCY) return false;
    return true;
  };
  return readsAsGrammarSurnameName(seg, s, SURNAMES_AFTER_ROLE, givenWord) ? 3 : 0;
}

/**
 * Whether the three characters at `s` read as a name opening with one of `surnames`: jieba makes
 * the surname a word of its own before a word of two that `givenWord` accepts, or one unknown word
 * (x) of the three; and the name is plausible, each given-name character likely enough.
 */
function readsAsGrammarSurnameName(seg: Segment, s: number, surnames: ReadonlySet<string>, givenWord: (given: Token) => boolean): boolean {
  const t = seg.text;
  if (!surnames.has(t[s] ?? "")) return false;
  const k = seg.tokenAt[s] ?? -1;
  const sur = seg.tokens[k];
  if (sur?.start !== s) return false;
  if (sur.word.length === 1) {
    const given = seg.tokens[k + 1];
    if (given?.start !== s + 1 || given.word.length !== 2 || !givenWord(given)) return false;
  } else if (sur.word.length !== 3 || sur.tag !== "x") return false;
  const name = t.slice(s, s + 3);
  return plausibleName(name) && ![...name.slice(1)].some((c) => givenNamePlausibility(c) < NEW_WORD_GIVEN);
}
