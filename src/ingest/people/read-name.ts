/**
 * Reading a Chinese name (a surname and a given name; in an article that speaks of Japan, a
 * Japanese one) at a position of a segment, and its length. name-reading.ts reads the characters;
 * here jieba's words around them must not contradict the reading, and the weaker the evidence around
 * the name (a title before it or none), the likelier its given-name characters must be. The one
 * reading of a Chinese name that every finder uses.
 */
import { charTable } from "../char-table.ts";
import { givenNamePlausibility, isCommonWord, namesHolding } from "../given-names.ts";
import { isHan } from "../han.ts";
import { dictionaryFrequency, tagOfWord } from "../jieba.ts";
import { boundaryAt, NOT_IN_NAMES, readChineseName, readGrammarGivenName, readZhiClosedName } from "../name-reading.ts";
import { readJapaneseName } from "../japanese-names.ts";
import { readKoreanName } from "../korean-names.ts";
import { surnameLengthAt } from "../surnames.ts";
import { isPlaceOfPeople, plausibleName, rareSurnameWord } from "./plausible-names.ts";
import { endsForeignName, verbStartsAt, wordAt } from "./segment-words.ts";
import type { Segment } from "./segments.ts";
import { BAD_SURNAME_TAGS, GIVEN_NAME_TAGS, NAME_TAGS, NOUN_TAGS, PERSON_TAGS } from "./tags.ts";
import { NEW_WORD_GIVEN, SURE_GIVEN, WEAK_GIVEN } from "./thresholds.ts";

/** A word counted this often in jieba's dictionary is an everyday word, not a Japanese surname beyond the list (全部). */
const COMMON_WORD_AS_SURNAME = 1000;

/** How much the context already says that a person is named: it sets what a name must pass. */
type Evidence = "titled" | "weak";

/**
 * The length of a Chinese name starting at `s` with a surname, or 0. jieba's own reading
 * of a person name (习近平/nrfg) counts where it ends at a boundary; a common word that
 * starts with a surname character (关心, 单位) is no name where the context is weak, nor
 * where it is titled unless jieba calls it a name.
 */
export function readName(seg: Segment, s: number, evidence: Evidence): number {
  const t = seg.text;
  if (seg.japanese) {
    const japanese = readJapaneseName(t, s, (i) => endsForeignName(seg, i), (w) => dictionaryFrequency(w) >= COMMON_WORD_AS_SURNAME);
    if (japanese > 0) return japanese;
  }
  if (seg.korean) {
    const korean = readKoreanName(t, s, (i) => endsForeignName(seg, i));
    if (korean > 0) return korean;
  }
  let len = readChineseName(t, s, wordAt(seg))?.length ?? 0;
  if (len === 2) len = nameAcrossWord(seg, s) || len;
  if (len === 3 && adverbClosesName(seg, s)) len = 2;
  if (len === 2 && lastCharacterBeforeComrade(t, s)) len = 3;
  if (len === 4 && verbClosesCompoundName(seg, s)) len = 3;
  if (len === 0 && evidence === "titled") len = readGrammarGivenName(t, s, wordAt(seg));
  if (len === 2 && evidence === "titled") len = readZhiClosedName(t, s) || len;
  let known = false;
  const tok = seg.tokens[seg.tokenAt[s] ?? -1];
  if (
    tok !== undefined &&
    tok.start === s &&
    PERSON_TAGS.has(tok.tag) &&
    tok.word.length >= 2 &&
    (tok.word.length <= 3 || surnameLengthAt(t, s) === 2) &&
    boundaryAt(t, tok.end) !== "none" &&
    !isCommonWord(tok.word)
  ) {
    len = tok.word.length;
    known = true;
  }
  if (len === 0) return 0;
  const name = t.slice(s, s + len);
  if (!plausibleName(name)) return 0;
  // Without a title, every given-name character must be a good one (贺信中: 中 is not); one that
  // prose uses often but many names hold will do where jieba made a new word of the name alone (徐一鸣/x).
  const given = [...name.slice(surnameLengthAt(t, s))];
  const newWord = tok?.start === s && tok.end === s + len && tok.tag === "x" && len === 3;
  if (evidence === "weak" && !known && given.some((c) => givenNamePlausibility(c) < (newWord && namesHolding(c) >= MANY_NAMES ? PLAUSIBLE_IN_NEW_WORD : WEAK_GIVEN))) return 0;
  if (isCommonWord(name) && (evidence === "weak" || !PERSON_TAGS.has(tagOfWord(name) ?? ""))) return 0;
  if (rareSurnameWord(t, s, name)) return 0;
  if (isPlaceOfPeople(name)) return 0;
  return wordsAgree(seg, s, len, evidence === "titled") ? len : 0;
}

/** So many of jieba's names hold a character (一 202, 人 308) that prose's heavy use of it does not rule it out of a name. */
const MANY_NAMES = 150;
/** What such a character's plausibility must still reach (一 0.16). */
const PLAUSIBLE_IN_NEW_WORD = 0.1;

/**
 * The length (3) of a name whose last character jieba joined into the word after it (严立/x 平和/a
 * 钟敏, 丁学/x 刚正/d 用), or 0: jieba made a new word of the surname and one character, and the
 * dictionary word of two it read next is a rare one whose second character is a grammar word that
 * opens what follows (和, 也, an adverb such as 正). Everyday words so made (正在, 刚才, 正是,
 * counted thousands of times) end a name of two: 王军正在, 王芳刚才.
 */
export function nameAcrossWord(seg: Segment, s: number): number {
  const t = seg.text;
  const tok = seg.tokens[seg.tokenAt[s] ?? -1];
  if (tok?.start !== s || tok.end !== s + 2 || tok.tag !== "x" || surnameLengthAt(t, s) !== 1) return 0;
  const across = seg.tokens[seg.tokenAt[s + 2] ?? -1];
  if (across?.start !== s + 2 || across.word.length !== 2 || NAME_TAGS.has(across.tag)) return 0;
  if (dictionaryFrequency(across.word) > RARE_CROSSING_WORD || givenNamePlausibility(t[s + 2] ?? "") < NEW_WORD_GIVEN) return 0;
  const opener = t[s + 3] ?? "";
  // 春种了: an aspect particle after the word says its second character is a verb of the prose.
  const verbOpener = ASPECT_PARTICLES.at(t, s + 4) && across.end === s + 4;
  if (boundaryAt(t, s + 3) === "none" && tagOfWord(opener) !== "d" && !verbOpener) return 0;
  const name = t.slice(s, s + 3);
  return plausibleName(name) && !isCommonWord(name) && tagOfWord(name) === null ? 3 : 0;
}

const ASPECT_PARTICLES = charTable([..."了着过"]);

/** The most a word that swallowed a name's last character may be counted (平和 495, 刚正 27; 正在 5041). */
const RARE_CROSSING_WORD = 1000;

/**
 * Whether the character after a name of two read at `s` is the name's third, 同志 right after it
 * (原副总经理秦永年同志): 同志 follows a whole name, and no character stands alone before it but a
 * word of grammar (等同志) or one that makes a form of address with it (老同志, 女同志). So a given name's last
 * character that prose uses mostly as a word (年 of 永年, 松年) is still read.
 */
function lastCharacterBeforeComrade(t: string, s: number): boolean {
  const c = t[s + 2] ?? "";
  if (!t.startsWith("同志", s + 3) || surnameLengthAt(t, s) !== 1 || !isHan(c) || givenNamePlausibility(c) === 0) return false;
  return !COMRADE_QUALIFIERS.has(c) && dictionaryFrequency(`${c}同志`) === 0 && !NOT_IN_NAMES.has(c);
}

/** Characters that make a form of address with 同志 (老同志, 女同志, 小同志), not a name's end. */
const COMRADE_QUALIFIERS = new Set([..."老女男小好新"]);

/**
 * Whether a name of three read at `s` is one of two before an adverb (诗人李青曾称, 王蒙也说): jieba
 * reads the first two as a word, the third alone as an adverb, and a verb opens what follows.
 */
function adverbClosesName(seg: Segment, s: number): boolean {
  if (!CLOSING_ADVERBS.at(seg.text, s + 2) || surnameLengthAt(seg.text, s) !== 1) return false;
  const name = seg.tokens[seg.tokenAt[s] ?? -1];
  const adverb = seg.tokens[seg.tokenAt[s + 2] ?? -1];
  return name?.start === s && name.end === s + 2 && adverb?.start === s + 2 && adverb.end === s + 3 && adverb.tag === "d" && (verbStartsAt(seg, s + 3) || seg.tokens[seg.tokenAt[s + 3] ?? -1]?.tag === "v");
}
const CLOSING_ADVERBS = charTable([..."曾也还又都"]);

/**
 * Whether a name of four read at `s` with a compound surname is one of three before a verb that
 * takes another verb (跟着欧阳某学做…, 上官某来看…): jieba knows no word of the given name's two
 * characters, and the character right after the fourth is a verb of its own.
 */
export function verbClosesCompoundName(seg: Segment, s: number): boolean {
  const t = seg.text;
  if (surnameLengthAt(t, s) !== 2 || !VERBS_BEFORE_VERB.at(t, s + 3)) return false;
  // jieba's new word may swallow that verb too (良学修/x 机芯).
  const given = seg.tokens[seg.tokenAt[s + 2] ?? -1];
  return given?.start === s + 2 && given.end >= s + 4 && given.end <= s + 5 && given.tag === "x" && tagOfWord(t[s + 4] ?? "") === "v";
}
const VERBS_BEFORE_VERB = charTable([..."学来去想要帮"]);

/**
 * Whether jieba's reading does not contradict a name at [s, s + len): no dictionary word
 * other than a name starts at `s` and runs past the surname (高度/d after a title), and
 * the surname is not a preposition with no name-like word after it (负责人于近日). After a
 * title, a word that runs into the name from the title (网格员林淑红 read 员林) says nothing.
 */
function wordsAgree(seg: Segment, s: number, len: number, afterTitle: boolean): boolean {
  const k = seg.tokenAt[s] ?? -1;
  const tok = seg.tokens[k];
  if (!tok) return true;
  if (tok.start < s) return afterTitle || tok.tag === "x";
  const sl = surnameLengthAt(seg.text, s);
  if (tok.word.length > sl) {
    // A dictionary name that runs past the name is a place named after someone (宋庆龄故居/nr, 王府井大街/nr).
    if (PERSON_TAGS.has(tok.tag) && tok.end > s + len) return false;
    if (NAME_TAGS.has(tok.tag)) return true;
    // A place or noun word as long as the name may be the name (马烽/ns); after a title, a
    // noun that the name runs past too (村民武士雄: 武士/n).
    // An abbreviation too (名将武大靖: 武大/j, as in 武汉大学).
    // Not when a word of place or time closes it (博士毕业/n 后/f: after graduating).
    const closing = seg.tokens[k + 1];
    const localityAfter = closing?.start === tok.end && closing.end === s + len && closing.tag === "f";
    if ((tok.word.length === len && NOUN_TAGS.has(tok.tag)) || (afterTitle && tok.word.length < len && (NOUN_TAGS.has(tok.tag) || tok.tag === "j") && !localityAfter)) return true;
    // After a title, a numeral's word jieba made of the surname and the next character (许家/m, as
    // 几家) when it glued the name's last character to what follows into a word it does not know
    // (许家/m 豪说/x); not a verb (包括/v 孙乐/x).
    const next = seg.tokens[k + 1];
    return afterTitle && tok.word.length < len && (tok.tag === "m" || tok.tag === "q") && next?.start === tok.end && next.tag === "x" && next.end > s + len && isHan(next.word[0]);
  }
  const after = seg.tokens[k + 1];
  // A full name jieba's dictionary knows opens right after the surname and runs to the name's end or
  // past it (学生连/nr 孙中山/nr 是谁, 连/nr 李大钊/nr): the character before it is no surname but a word (连, even).
  if (after?.start === s + sl && after.end >= s + len && after.word.length >= 3 && PERSON_TAGS.has(after.tag) && surnameLengthAt(seg.text, s + sl) > 0) return false;
  // After a title, a place's word may be the given name too (渔民向/p 长江/ns), when its characters are likely ones;
  // after 何 read as a pronoun, a noun made of very likely ones (78岁的何/r 耀祖/n).
  const likely = (min: number) => after !== undefined && after.word.length === 2 && [...after.word].every((c) => givenNamePlausibility(c) >= min);
  // After a title, 何 read as a pronoun opens a name whatever word jieba makes of a likely enough
  // given name (局长何/r 立新/d): a title is followed by a name, not by a question word.
  const givenPlace =
    (afterTitle && after?.tag === "ns" && likely(NEW_WORD_GIVEN)) ||
    (tok.tag === "r" && (after?.tag === "n" || after?.tag === "ns") && likely(SURE_GIVEN)) ||
    (afterTitle && tok.tag === "r" && after?.end === s + len && likely(WEAK_GIVEN));
  return !(BAD_SURNAME_TAGS.has(tok.tag) && !(after && (GIVEN_NAME_TAGS.has(after.tag) || givenPlace)));
}
