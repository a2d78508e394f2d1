/**
 * Roles read before a name beyond the lists of role-nouns.ts: a noun whose last character names
 * someone by what they do (茶农, 环卫工, 剪纸艺人), whether jieba reads it whole, split from that
 * character (钢筋/工) or run into the surname after it (防水/v 工吕/x); and a clause of 的 that says
 * the post held (时任县委书记的X), which vouches for the name but is no title. Role is what the
 * finder carries from a role noun to the name after it.
 */
import { charTable } from "../char-table.ts";
import { countHan } from "../han.ts";
import type { Token } from "../jieba.ts";
import { readTibetanName } from "../name-reading.ts";
import { AGENT_SUFFIXES, isAgentNoun, roleEndingAt, type RoleTier } from "../role-nouns.ts";
import { surnameLengthAt } from "../surnames.ts";
import type { Segment } from "./segments.ts";

/** A role noun before a name; `derived` when it comes from its last character, not from the lists. */
export interface Role {
  word: string;
  tier: RoleTier;
  derived?: true;
}

/** Last characters that make a word jieba does not know a role: nothing but agentive (绣娘, 驴友). */
const UNKNOWN_AGENT_SUFFIXES = new Set([..."农工匠娘嫂友迷贩者手"]);
/**
 * Suffixes that make a role of the verb or noun of two characters jieba reads before them, where
 * it runs the suffix into the name after it (管护/vn 员才/x, 修复/v 师梁/x): 员 and 师 of a trade learned.
 */
const SUFFIXES_AFTER_WORD = new Set([...UNKNOWN_AGENT_SUFFIXES, "员", "师"]);

/**
 * Every character a derived role may end with, whichever way it is read below: the finder asks at
 * every position of every paragraph, and one table read rules out most of them before any token.
 */
const MAY_END_ROLE = charTable([...AGENT_SUFFIXES, ...SUFFIXES_AFTER_WORD, "家"]);

/**
 * The noun jieba read right before `end` when it names a role by its last character though no
 * list holds it (茶农, 环卫工, 剪纸艺人): a situation word, so the name after it must read well.
 * A word jieba does not know counts (绣娘/x, 驴友/x) only with a suffix that is nothing but
 * agentive and no surname opening it: 从东/x (从东海之滨) and 张红/x are no roles.
 */
export function agentNounEndingAt(seg: Segment, end: number): Role | null {
  if (!MAY_END_ROLE.at(seg.text, end - 1)) return null;
  const tok = seg.tokens[seg.tokenAt[end - 1] ?? -1];
  if (tok !== undefined && tok.end > end) return straddledAgentNoun(seg, tok, end);
  // A suffix jieba reads alone as no noun (管护/vn 员/zg).
  if (tok?.word.length === 1 && tok.end === end && tok.tag !== "n" && tok.tag !== "x") return suffixAfterWord(seg, tok.start, end);
  if (tok === undefined || tok.end !== end || !ROLE_WORD_TAGS.has(tok.tag)) return null;
  // jieba tags some masters of a field as set phrases or proper nouns (思想家/l, 革命家/nz).
  if ((tok.tag === "l" || tok.tag === "nz") && !(tok.word.length === 3 && tok.word.endsWith("家"))) return null;
  const word = tok.word.length === 1 ? suffixedNoun(seg, tok) : tok.word;
  if (!isAgentNoun(word) || countHan(word) !== word.length) return null;
  if (tok.tag === "x" && (!UNKNOWN_AGENT_SUFFIXES.has(word[word.length - 1] ?? "") || surnameLengthAt(word, 0) > 0)) return null;
  return { word, tier: derivedTier(word), derived: true };
}

/** Tags of the words that may be a role no list holds. */
const ROLE_WORD_TAGS = new Set(["n", "x", "l", "nz"]);

/**
 * The tier of a role no list holds: a profession when it names a trade learned or a science (营养师,
 * 治疗师, 植物学家), which the news sets before a name as it does 教师 and 科学家; a situation else.
 */
function derivedTier(word: string): RoleTier {
  return /(?:师|学家)$/.test(word) ? "profession" : "situation";
}

/**
 * A role jieba read joined to the surname after it, in a word it does not know (防水/v 工吕/x 大海,
 * 配速员侯/x 长江): the role ends at `end` with a suffix that is nothing but agentive or 员, and a
 * surname opens what the unknown word runs into. A situation word, as any role no list holds.
 */
function straddledAgentNoun(seg: Segment, tok: Token, end: number): Role | null {
  const t = seg.text;
  // What it runs into opens a name: a surname, or a Tibetan name's syllable (员才/x 仁江措).
  // Or a word of its dictionary of the suffix and the surname (装修/v 工钱/n 大海): the suffix opens it.
  if (tok.tag !== "x") return tok.start === end - 1 && tok.end === end + 1 && surnameLengthAt(t, end) === 1 ? suffixAfterWord(seg, tok.start, end) : null;
  if (surnameLengthAt(t, end) !== 1 && readTibetanName(t, end, 1) === 0) return null;
  // The suffix alone opens the unknown word (工吕, 师戚晓芸): the word before it is the rest of the
  // role, and the unknown word may run over the whole name of the surname and its given name.
  if (tok.start === end - 1) return tok.end - end <= 3 ? suffixAfterWord(seg, tok.start, end) : null;
  if (tok.end - end > 1) return null;
  return agentRole(t.slice(tok.start, end), true);
}

/**
 * The role made of an agentive suffix at `suffixStart` (or 员) and the word of two characters jieba
 * read before it, a noun or a verb (防水/v 工, 管护/vn 员), ending at `end`; or null.
 */
function suffixAfterWord(seg: Segment, suffixStart: number, end: number): Role | null {
  // 家 of a field's masters jieba reads as a classifier after the field, a noun (戏曲/n 家/q).
  const ofField = seg.text[suffixStart] === "家";
  if (!SUFFIXES_AFTER_WORD.has(seg.text[suffixStart] ?? "") && !ofField) return null;
  const before = seg.tokens[seg.tokenAt[suffixStart - 1] ?? -1];
  if (before === undefined || before.end !== suffixStart || before.word.length !== 2) return null;
  if (before.tag !== "n" && (ofField || (before.tag !== "v" && before.tag !== "vn"))) return null;
  return agentRole(seg.text.slice(before.start, end), false);
}

/** A derived role of `word`; one read out of a word jieba does not know must not open with a surname (张红/x). */
function agentRole(word: string, unknown: boolean): Role | null {
  if (!SUFFIXES_AFTER_WORD.has(word[word.length - 1] ?? "") && !word.endsWith("家")) return null;
  if (word.length < 2 || word.length > 4 || countHan(word) !== word.length || !isAgentNoun(word)) return null;
  if (unknown && surnameLengthAt(word, 0) > 0) return null;
  return { word, tier: derivedTier(word), derived: true };
}

/**
 * A noun jieba split from its agentive last character, both read as nouns (钢筋/n 工/n, 油漆/n 工/n):
 * the compound it makes, or the character alone.
 */
function suffixedNoun(seg: Segment, suffix: Token): string {
  const before = seg.tokens[seg.tokenAt[suffix.start - 1] ?? -1];
  if (suffix.tag !== "n" || before === undefined || before.end !== suffix.start || before.tag !== "n") return suffix.word;
  return before.word + suffix.word;
}

const DE = "的".charCodeAt(0);

/** Verbs that say a post was or is held, opening the clause of 的 before a name (时任县委书记的X). */
const POST_HELD = /(?:时任|曾任|原任|现任|历任|担任)[^，。；！？、“”,;!?]{0,24}$/;

/**
 * The post held, said in a clause of 的 before the name at `s` (时任西州知府的陈伯年, 曾任省教育厅厅长的X):
 * only a person holds an office or a profession, so it vouches for the name as a kinship word does.
 * Being a relative clause, it is no title.
 */
export function postHeldBefore(t: string, s: number): Role | null {
  // By code unit: the finder asks at every position, and t[s - 1] would make a string each time.
  if (t.charCodeAt(s - 1) !== DE) return null;
  const post = roleEndingAt(t, s - 1);
  if (post === null || (post.tier !== "office" && post.tier !== "profession")) return null;
  return POST_HELD.test(t.slice(Math.max(0, s - 1 - post.word.length - 30), s - 1 - post.word.length)) ? { word: post.word, tier: "kinship" } : null;
}
