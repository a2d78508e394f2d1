/**
 * The name standing right after a role noun, and its length. How much the role vouches depends on
 * its tier: after an office or a profession a name may be transliterated, of a rare surname, or a word
 * of the dictionary when the person speaks next (局长甘露表示); after a situation word (青年, 车主) or a
 * role no list holds, the name must read well by itself and end clearly.
 */
import { givenNamePlausibility } from "../given-names.ts";
import { dictionaryFrequency, tagOfWord } from "../jieba.ts";
import { boundaryAt, readTibetanName, REPORTING_VERBS } from "../name-reading.ts";
import { roleTier } from "../role-nouns.ts";
import { surnameLengthAt } from "../surnames.ts";
import { ACTIVITY_VERBS } from "./cue-words.ts";
import type { Role } from "./derived-roles.ts";
import { grammarSurnameAfterRole } from "./grammar-word-surnames.ts";
import { newWordRunOn } from "./new-word-names.ts";
import { personCue } from "./person-cues.ts";
import { everydayReduplication, plausibleName } from "./plausible-names.ts";
import { apartRareSurnameName, cuedRareSurnameName, organCharSurname, RARE_SURNAMES_OF_ORGANS, rareSurnameName } from "./rare-surname-names.ts";
import { readName, verbClosesCompoundName } from "./read-name.ts";
import { endsName, jiebaWordAt, placeEndsAt, readsAlone, startsWord, verbStartsAt } from "./segment-words.ts";
import type { Segment } from "./segments.ts";
import { FUNCTION_TAGS, GIVEN_NAME_TAGS } from "./tags.ts";
import { COMMON_NAME_WORD, MAX_NAME_FREQUENCY, WEAK_GIVEN } from "./thresholds.ts";
import {
  daiNameAt,
  dottedEnd,
  dottedNameAt,
  foreignAfterSituation,
  mongolianNameAt,
  nameTokensRun,
  tibetanOpenEndName,
  tibetanSyllableName,
  transliteratedName,
  transliterationAfterSurname,
  yiNameAt,
} from "./transcribed-names.ts";

/** What cannot follow 和 as a conjunction: 的, 说, or a punctuation mark. */
const NO_CONJUNCT_AFTER = /^[的说，。、；：！？,.;:!?]/;

/**
 * The length of the name standing right after the role noun that ends at `s`, or 0. A
 * transliterated name (总统博索纳罗) or one with · (副主席克劳迪娅·凯泽) is read as such;
 * after an office or a profession, a rare surname too (教授效存德认为); after a situation
 * word (青年, 车主) the name must read well and end at a clear boundary.
 */
export function nameAfterRole(seg: Segment, s: number, role: Role): number {
  const t = seg.text;
  // The role noun ends inside a longer dictionary word (代表团, 主任委员会), or its last
  // character begins a place (大连长兴岛 read 长兴岛): no name here.
  const covering = seg.tokens[seg.tokenAt[s] ?? -1];
  const straddled = covering !== undefined && covering.start < s && covering.end > s && covering.tag !== "x";
  if (straddled) {
    if (covering.start <= s - role.word.length || covering.word.length >= 3) return 0;
    // Nor does a role whose both ends fall inside words jieba reads (防护/工程 of 防护工程专家: no 护工),
    // unless a place's name ends on its first character, as a head of place is printed (秭归县/长江 of 秭归县长江文辉).
    // A unit's head is printed after the unit, its first character said twice (管理处处长, 财务科科长),
    // which jieba reads as a reduplicated word (处处/v): the office starts there all the same.
    const from = s - role.word.length;
    const unitHead = t[from - 1] === t[from];
    if (!startsWord(seg, from) && !placeEndsAt(seg, from) && !unitHead) return 0;
  }
  if (roleRunsOn(seg, s)) return 0;
  const dot = dottedNameAt(t, s);
  if (dot > 0) return dottedEnd(seg, s, s + dot) - s;
  const tibetan = readTibetanName(t, s) || tibetanOpenEndName(seg, s) || tibetanSyllableName(seg, s);
  if (tibetan > 0) return tibetan;
  const mongolian = mongolianNameAt(seg, s, 1) || daiNameAt(seg, s) || yiNameAt(seg, s);
  if (mongolian > 0) return mongolian;
  if (RARE_SURNAMES_OF_ORGANS.has(t[s] ?? "") && organCharSurname(seg, s)) return 3;
  const strong = role.tier === "office" || role.tier === "profession";
  // A role no list holds vouches less: the name must read as one without it (创业者钱包鼓了 is no name).
  // A role jieba read into the surname (装修/工钱/大海) is read as titled: straddledNameReads decides.
  const read = readName(seg, s, role.derived && !straddled ? "weak" : "titled");
  // A surname that is a grammar word (同事和丽萍, 徒弟来欣悦), which the reading above turns down.
  const grammar = read === 0 && role.tier !== "kinship" ? grammarSurnameAfterRole(seg, s) : 0;
  const chinese = read || grammar;
  const foreign = strong ? transliteratedName(seg, s) : foreignAfterSituation(seg, s);
  let len = chinese === 0 || foreign >= 4 ? foreign : chinese;
  if (strong && len === chinese && chinese > 0) len = Math.max(len, transliterationAfterSurname(seg, s, chinese));
  if (len === 0 && strong) len = rareSurnameName(seg, s) || spokenWordName(seg, s) || cuedRareSurnameName(seg, s) || apartRareSurnameName(seg, s);
  if (strong) len = Math.max(len, nameTokensRun(seg, s));
  if (len === 0) return 0;
  // A 和 after a two-character reading that only a name's end can be (郑立和的, 郑立和说): a
  // conjunction needs a second noun after it, never 的, a verb of saying or a mark.
  if (len === 2 && surnameLengthAt(t, s) === 1 && t[s + 2] === "和" && NO_CONJUNCT_AFTER.test(t[s + 3] ?? "")) len = 3;
  // The name read with such a surname ends where jieba starts a word (和丽萍/x 共同/d).
  if (grammar > 0 && len === grammar) return startsWord(seg, s + len) ? len : 0;
  // An office is printed as a title before a name whatever word jieba makes of its last character
  // and the surname (宜城市长/江海峰 read 长江/ns 海峰/n): only other roles need the name to read alone.
  if (straddled && role.tier !== "office" && !straddledNameReads(seg, s, len)) return 0;
  // A common noun of two characters after a role is that noun (受害人钱款被骗), unless what only a
  // person does follows (公参方明/n 出席).
  if (len === 2 && tagOfWord(t.slice(s, s + 2)) === "n" && !personCue(seg, s, s + 2)) return 0;
  // A word the dictionary calls a name but counts often is a common word (消费者黄金周出游); after a
  // listed situation word only a very common one, unless the person speaks (游客高峰 is a peak).
  // After a trade's or a science's name (地理学家, 营养师), a person's word of the dictionary is held to the
  // bar of names that are common words (地理学家徐霞客/nr 332).
  const nameWord = role.tier === "profession" && tagOfWord(t.slice(s, s + len)) === "nr";
  if (role.derived && dictionaryFrequency(t.slice(s, s + len)) > (nameWord ? COMMON_NAME_WORD : MAX_NAME_FREQUENCY)) return 0;
  if (role.tier !== "office" && everydayReduplication(t.slice(s, s + len), surnameLengthAt(t, s))) return 0;
  if (strong) return len;
  const frequency = dictionaryFrequency(t.slice(s, s + len));
  if (role.tier === "situation" && frequency > COMMON_NAME_WORD && !REPORTING_VERBS.some((v) => t.startsWith(v, s + len))) return 0;
  // A transliterated name read after a situation word has had its end checked already.
  if (len === foreign) return len;
  // After a situation or kinship word, the name must end clearly: punctuation, a follower, or
  // a word boundary after three characters (主人公高占武，, 老人陈训杨捐款); 的 only after kinship
  // (老友马烽的邀请), since 群众安康的 is no name.
  const after = boundaryAt(t, s + len);
  // A compound surname counts as one character here (小将欧阳天佑推射).
  const given = len - surnameLengthAt(t, s);
  if (after === "strong" || t[s + len] === "、" || (given === 2 && endsName(seg, s + len)) || jiebaBoundsName(seg, s, len, role.tier === "kinship")) return len;
  // The reading cut a compound surname's name before a verb that takes another (欧阳某学做).
  if (len === 3 && verbClosesCompoundName(seg, s)) return len;
  // jieba ran the name on into an unlikely character (小将陈佳琦后/x 程), or into the verb after
  // it, which its dictionary reads there afresh (老人常桂/x 英拉着/x: 拉/v 着; 姑娘马思雨开/x 了).
  const word = seg.tokens[seg.tokenAt[s] ?? -1];
  if (len === 3 && word !== undefined && newWordRunOn(seg, word) === 3) return len;
  if (len === 3 && word?.tag === "x" && word.start === s && word.end <= s + len + 1 && word.end !== s + len && verbStartsAt(seg, s + len)) return len;
  return after === "weak" && (t[s + len] !== "的" || role.tier === "kinship") ? len : 0;
}

/**
 * Whether another office or profession that jieba reads as a word stands at `s`, with a name after
 * it (钢筋工/班长/田大勇, 保洁员/组长/孙丽): the title runs on to that role, and the name after it
 * is the one it vouches for, not its first characters (班长田, though 班 is a surname). A name
 * that opens with such characters and has none after them stays one (村民林长青说).
 */
function roleRunsOn(seg: Segment, s: number): boolean {
  const tok = seg.tokens[seg.tokenAt[s] ?? -1];
  if (tok?.start !== s || tok.word.length < 2) return false;
  const tier = roleTier(tok.word);
  return (tier === "office" || tier === "profession") && readName(seg, tok.end, "titled") > 0;
}

/**
 * Whether a name at `s` whose surname jieba read into a word with the role's last character
 * (维修/工钱/大海: 工钱, wages) reads as a name all the same: the given name a word of two
 * characters that jieba reads as a name's or a place's (大海/ns, 海涛/nr) or two it reads alone,
 * each character possible in a given name, then an end a name may have (维修工钱大海正在). The
 * wages' sum (维修工钱三千元) and a word of the prose (水利/工程/建设) are none.
 */
function straddledNameReads(seg: Segment, s: number, len: number): boolean {
  const sl = surnameLengthAt(seg.text, s);
  if (sl === 0 || len - sl !== 2) return false;
  const k = seg.tokenAt[s + sl] ?? -1;
  const given = seg.tokens[k];
  const second = seg.tokens[k + 1];
  const word = given?.start === s + sl && given.end === s + len && (GIVEN_NAME_TAGS.has(given.tag) || given.tag === "ns");
  // Or two characters it reads alone, no numeral (网格/员林/淑/红 说).
  const single = given?.start === s + sl && given.word.length === 1 && second?.end === s + len && second.word.length === 1 && given.tag !== "m" && second.tag !== "m";
  if (!word && !single) return false;
  return [...seg.text.slice(s + sl, s + len)].every((c) => givenNamePlausibility(c) >= WEAK_GIVEN) && endsName(seg, s + len);
}

/** The plausibility a given name's character needs where only jieba's word ends bound the name. */
const BOUNDED_GIVEN = 0.8;
/**
 * Less after a kinship word, which only a person follows (孙女苏晴/x 考上, 儿子林雨/x 参军): a
 * likely given name that is a word of the weather or of nature too (晴, 雨) is a name there.
 */
const BOUNDED_GIVEN_AFTER_KIN = 0.5;

/**
 * Whether jieba agrees on both ends of a name of one given-name character: it reads the name as an
 * unknown word of its own, or a compound surname as a word and the given name alone (儿子欧阳/ns
 * 杰/nr 现在), a dictionary word of two or more characters starts right after it (女儿王芳/x 连声/d
 * 道谢), and its given name is a likely one (旗手高擎/x 党旗: 擎 is not).
 */
function jiebaBoundsName(seg: Segment, s: number, len: number, afterKin: boolean): boolean {
  const sl = surnameLengthAt(seg.text, s);
  if (sl === 0 || len - sl !== 1) return false;
  const name = seg.tokens[seg.tokenAt[s] ?? -1];
  if (name?.start !== s) return false;
  // Only a word jieba does not know: its dictionary tags 荣誉 as a name (获得者荣誉/nr 津贴).
  const unknown = name.end === s + len && name.tag === "x";
  const apart = sl === 2 && name.end === s + sl && readsAlone(seg, s + sl);
  if (!unknown && !apart) return false;
  if (!jiebaWordAt(seg, s + len)) return false;
  return givenNamePlausibility(seg.text[s + sl] ?? "") >= (afterKin ? BOUNDED_GIVEN_AFTER_KIN : BOUNDED_GIVEN);
}

/**
 * A name that is also a word of jieba's dictionary, after an office or a profession and right
 * before a reporting verb (also after the occasion where the person speaks), an activity or what an
 * office holder does on a visit (主任医师甘露提醒, 护士长江燕说, 局长甘露在会上强调, 主任甘露带队): the word jieba reads at `s`, of two or
 * three characters opening with a surname, counted no more often than names are (a place's name
 * before a reporting verb, however often) and no adverb or adjective of manner (局长严肃表示, 科长马上表示 are read so). Its length, or 0.
 */
function spokenWordName(seg: Segment, s: number): number {
  const t = seg.text;
  const tok = seg.tokens[seg.tokenAt[s] ?? -1];
  if (tok?.start !== s || tok.word.length < 2 || tok.word.length > 3 || FUNCTION_TAGS.has(tok.tag) || MANNER_TAGS.has(tok.tag)) return 0;
  if (surnameLengthAt(t, s) === 0 || surnameLengthAt(t, s) >= tok.word.length || !plausibleName(tok.word)) return 0;
  if ([...tok.word.slice(surnameLengthAt(t, s))].some((c) => givenNamePlausibility(c) < WEAK_GIVEN)) return 0;
  const acts = (v: string): boolean => t.startsWith(v, tok.end);
  // A place's name, however often written, is no one who speaks: between an office and a reporting
  // verb it is the holder's name (局长米兰介绍, 主任海洋表示).
  if (tok.tag === "ns" && REPORTING_VERBS.some(acts)) return tok.word.length;
  if (dictionaryFrequency(tok.word) > MAX_NAME_FREQUENCY) return 0;
  if (REPORTING_VERBS.some(acts) || ACTIVITY_VERBS.some(acts) || OFFICE_HOLDER_DOINGS.some(acts)) return tok.word.length;
  // Or speaks at an occasion (局长甘露在会上强调, 在开幕式上介绍).
  const occasion = SPEAKING_AT.exec(t.slice(tok.end, tok.end + 12));
  return occasion !== null && REPORTING_VERBS.some((v) => t.startsWith(v, tok.end + occasion[0].length)) ? tok.word.length : 0;
}
/** What an office holder does on an inspection or a visit, right after the name (主任甘露带队, 局长甘露一行). */
const OFFICE_HOLDER_DOINGS = ["带队", "率队", "一行"];
/** An occasion where someone speaks: 在会上, 在开幕式上, 在讲话中. */
const SPEAKING_AT = /^在[^，。；！？、\s]{1,6}?[上中]/;
/** Tags of words of manner, which stand between a title and 表示 as no name does (严肃/a, 郑重/ad). */
const MANNER_TAGS = new Set(["a", "ad", "an", "ag", "b", "z", "vd", "l"]);
