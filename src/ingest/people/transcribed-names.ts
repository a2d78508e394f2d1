/**
 * Names that are no Chinese surname and given name though written in Han characters: foreign names
 * transliterated (博索纳罗, 冯德莱恩, 施泰因迈尔), names joined by · (克劳迪娅·凯泽), and Tibetan,
 * Mongolian, Dai and Yi names. name-reading.ts and the Dai and Yi modules read their characters;
 * here jieba's reading of the segment decides where such a name may end.
 */
import { charTable } from "../char-table.ts";
import { isHan } from "../han.ts";
import { dictionaryFrequency, tagOfWord } from "../jieba.ts";
import {
  boundaryAt,
  inDottedName,
  MONGOLIAN_FIRSTS,
  readDottedNameAround,
  readMongolianName,
  readTibetanName,
  readTibetanNameOpenEnd,
  readTransliteratedName,
  startsDictionaryWord,
  TIBETAN_FIRSTS,
  transliterationCharAt,
  transliterationRunAt,
} from "../name-reading.ts";
import { readDaiName } from "../dai-names.ts";
import { readYiName } from "../yi-names.ts";
import { surnameLengthAt } from "../surnames.ts";
import { endsForeignName, endsName, jiebaWordAt, readsAlone, verbStartsAt, wordAt } from "./segment-words.ts";
import { roleEndingAt } from "../role-nouns.ts";
import type { Segment } from "./segments.ts";
import { FUNCTION_TAGS, NAME_TAGS, PERSON_TAGS } from "./tags.ts";
import { MAX_NAME_FREQUENCY, RARE_NAME_COUNT } from "./thresholds.ts";

/**
 * A transliterated name at `s` that is no dictionary word (特别, 基本 are made of
 * transliteration characters too); a two-character one must end at a sure boundary.
 */
export function transliteratedName(seg: Segment, s: number): number {
  const t = seg.text;
  if (headOfDotted(t, s) || tailOfRunFromClauseStart(t, s)) return 0;
  let len = readTransliteratedName(t, s);
  const run = len === 0 ? transliterationRunAt(t, s) : 0;
  // A long run may also end where jieba starts a word (古特雷斯发表).
  if (len === 0 && run >= 4 && endsName(seg, s + run)) len = run;
  // Or inside the run: where jieba ends a name it knows, or where a dictionary word starts.
  if (len === 0) len = Math.max(knownNameInRun(seg, s, run), runCutByWord(seg, s, run));
  if (len === 0) return 0;
  const word = t.slice(s, s + len);
  const tag = tagOfWord(word);
  // jieba's dictionary tags some foreign leaders as places (普京/ns); a real place after a title
  // is counted more often, or does not end at a sure boundary.
  const rarePlace = tag === "ns" && dictionaryFrequency(word) <= MAX_NAME_FREQUENCY && boundaryAt(t, s + len) === "strong";
  if (tag !== null && !PERSON_TAGS.has(tag) && !rarePlace) return 0;
  return len > 2 || boundaryAt(t, s + len) === "strong" ? len : 0;
}

/**
 * Whether `s` stands inside a run of the table's characters that opens the clause (。基普罗蒂奇今年:
 * not 普罗蒂奇): the name starts where the run does. After a word that ends in one of them
 * (总经理约翰) it may start at `s`.
 */
function tailOfRunFromClauseStart(t: string, s: number): boolean {
  let p = s;
  while (p > 0 && s - p < MAX_LAST_PART && transliterationCharAt(t, p - 1)) p--;
  return p < s && (p === 0 || !isHan(t[p - 1]));
}

/**
 * The name jieba knows at `s` when it ends inside the run of transliteration characters (总理默克尔/nrt 通电话),
 * or one character past a run of two or more when its dictionary counts it as rarely as names (外援卡梅隆/nr: 隆), or 0.
 */
function knownNameInRun(seg: Segment, s: number, run: number): number {
  const known = seg.tokens[seg.tokenAt[s] ?? -1];
  if (known?.start !== s || !PERSON_TAGS.has(known.tag) || known.word.length < 2) return 0;
  const past = known.word.length === run + 1 && run >= 2 && dictionaryFrequency(known.word) <= RARE_NAME_COUNT;
  if (known.word.length > run && !past) return 0;
  return endsName(seg, known.end) ? known.word.length : 0;
}

/** The longest part of the run, three characters at least, after which a dictionary word starts (主帅伊万科维奇/赛后表示), or 0. */
function runCutByWord(seg: Segment, s: number, run: number): number {
  for (let end = s + run - 1; end >= s + 3; end--) if (jiebaWordAt(seg, end)) return end - s;
  return 0;
}

/**
 * A foreign name whose first character is a Chinese surname (冯德莱恩, read 冯德莱 as a Chinese
 * name): the Chinese reading stops where no name can end, and transliteration characters run on
 * from its given name to a sure end. Its length, or 0.
 */
export function transliterationAfterSurname(seg: Segment, s: number, chinese: number): number {
  const t = seg.text;
  if (surnameLengthAt(t, s) !== 1 || boundaryAt(t, s + chinese) !== "none") return 0;
  const len = 1 + transliterationRunAt(t, s + 1);
  if (len <= chinese || len > MAX_FOREIGN_AFTER_SURNAME) return 0;
  return boundaryAt(t, s + len) === "strong" || endsName(seg, s + len) ? len : 0;
}
/** 冯德莱恩 is four characters; a longer run after a surname is more likely a name and the words after it. */
const MAX_FOREIGN_AFTER_SURNAME = 6;

/**
 * A transliterated name after a situation word (哈萨克族姑娘古丽娜尔，): three characters or more,
 * ending at a sure end, a list's 、 or 和, an adverb (也, 还) or a verb (患者家属艾尼瓦尔握着), since
 * such words end other phrases too.
 */
export function foreignAfterSituation(seg: Segment, s: number): number {
  const len = transliteratedName(seg, s);
  if (len < 3) return 0;
  const next = seg.text[s + len] ?? "";
  return boundaryAt(seg.text, s + len) === "strong" || /[、和也还又都]/.test(next) || verbStartsAt(seg, s + len) ? len : 0;
}

/**
 * A foreign name jieba read as two names or more of its dictionary in a row (总统施泰因/nr 迈尔/nrt
 * 当天): after an office or a profession, the run of them up to where a name may end, four to
 * seven characters; or 0.
 */
export function nameTokensRun(seg: Segment, s: number): number {
  let k = seg.tokenAt[s] ?? -1;
  if (seg.tokens[k]?.start !== s) return 0;
  let end = s;
  let count = 0;
  for (; k < seg.tokens.length; k++) {
    const tok = seg.tokens[k]!;
    if (tok.start !== end || tok.word.length < 2 || !PERSON_TAGS.has(tok.tag)) break;
    end = tok.end;
    count++;
  }
  const len = end - s;
  return count >= 2 && len >= 4 && len <= 7 && endsName(seg, end) ? len : 0;
}

/** The length of a name with · that starts exactly at `s` (克劳迪娅·凯泽), or 0. */
export function dottedNameAt(t: string, s: number): number {
  for (let i = s + 1; i < Math.min(t.length, s + 9); i++) {
    if (t[i] === "·") {
      const span = readDottedNameAround(t, i, (j) => j === s);
      return span !== null && span.start === s ? span.end - s : 0;
    }
    if (!isHan(t[i]) && !(t[i] === "-" || t[i] === "－" || t[i] === "‐")) return 0;
  }
  return 0;
}

/**
 * The name with · around the dot at `dot`, wherever it stands (、司马义·铁力瓦尔地、): its start
 * and end, or null. Its first part reaches back to a role noun or to a word of the prose that
 * ends right before it, whose last characters may be the table's (击败法国组合/卢卡·贝尔纳,
 * 配合/阿依古丽·…: 合 is a syllable of 热合曼 too); and at least as far back as a name jieba knows
 * that ends at the dot, which may hold a syllable the table lacks (外长谢尔盖/nr·拉夫罗夫).
 */
export function dottedNameAround(seg: Segment, dot: number): { start: number; end: number } | null {
  const t = seg.text;
  const mongolian = mongolianDottedName(seg, dot);
  if (mongolian !== null) return mongolian;
  const edge = (i: number): boolean => roleEndingAt(t, i) !== null || proseWordEndsAt(seg, i);
  const from = Math.min(knownNameBeforeDot(seg, dot, edge), unlistedSyllablesBeforeDot(seg, dot, edge));
  const read = readDottedNameAround(t, dot, edge, from);
  if (read === null || placeOrWordPart(seg, read.start, read.end)) return null;
  return { start: read.start, end: dottedEnd(seg, read.start, read.end) };
}

/**
 * A Mongolian name whose two parts, each made of the name elements, a · joins (孟和·朝鲁, 巴特尔·
 * 其木格): the first part is read from the earliest start that reaches the dot by elements, so a
 * title before it (副主席孟和·) stays out; the name must end where a name may. Null otherwise.
 */
function mongolianDottedName(seg: Segment, dot: number): { start: number; end: number } | null {
  const t = seg.text;
  let start = -1;
  for (let p = Math.max(0, dot - MAX_MONGOLIAN_PART); p <= dot - 2 && start < 0; p++) {
    if (readMongolianName(t, p)?.length === dot - p) start = p;
  }
  const last = readMongolianName(t, dot + 1);
  if (start < 0 || last === null) return null;
  const end = dot + 1 + last.length;
  return t[end] !== "·" && endsName(seg, end) ? { start, end } : null;
}
const MAX_MONGOLIAN_PART = 8;

/**
 * Whether the dotted whole read from `start` to `end` joins places or words rather than names: its
 * first part is a place jieba's dictionary counts more often than names (伊犁/ns·那拉提), or its last
 * part is cut inside a word of the dictionary that opens it (丝路·敦/煌/ns).
 */
function placeOrWordPart(seg: Segment, start: number, end: number): boolean {
  const t = seg.text;
  const first = seg.tokens[seg.tokenAt[start] ?? -1];
  if (first?.start === start && t[first.end] === "·" && first.tag === "ns" && dictionaryFrequency(first.word) > MAX_NAME_FREQUENCY) return true;
  const lastDot = t.lastIndexOf("·", end - 1);
  const last = seg.tokens[seg.tokenAt[lastDot + 1] ?? -1];
  return last?.start === lastDot + 1 && last.end > end && !NAME_TAGS.has(last.tag);
}

/**
 * Where a name jieba knows (nr, nrt) that ends at the dot starts, when its dictionary counts it as
 * rarely as names (not 关怀/nr, counted 697, of “关怀·爱”) and no role or word of the prose ends
 * inside it; else the dot. A given name its dictionary holds as a noun (露易丝/n, 露西/n) counts
 * too when it is as rare as a name and holds one syllable at most the table lacks: nouns of the
 * prose before a dot are made of others (科技节·, 文化·).
 */
function knownNameBeforeDot(seg: Segment, dot: number, edge: (i: number) => boolean): number {
  const tok = seg.tokens[seg.tokenAt[dot - 1] ?? -1];
  if (tok === undefined || tok.end !== dot || tok.word.length < 2 || tok.word.length > MAX_LAST_PART) return dot;
  const rareNoun = tok.tag === "n" && dictionaryFrequency(tok.word) <= RARE_NAME_COUNT && syllablesOutsideTable(tok.word) <= 1;
  if (!PERSON_TAGS.has(tok.tag) && !rareNoun) return dot;
  if (dictionaryFrequency(tok.word) > MAX_NAME_FREQUENCY) return dot;
  for (let i = tok.start + 1; i < dot; i++) if (edge(i)) return dot;
  return tok.start;
}

/**
 * Where a first part starts that opens with syllables the table lacks (芭芭拉·, 萝拉·): back from the
 * dot over the table's characters and two others at most, to a sure start: a role or a word of the
 * prose that ends there, punctuation, 的, or a one-character preposition, conjunction or verb that
 * jieba reads alone (据, 和, 给). jieba must start a word there that is no place nor organ's name
 * nor a word counted more often than names (云南/ns·, 长江/ns·); else the dot.
 */
function unlistedSyllablesBeforeDot(seg: Segment, dot: number, edge: (i: number) => boolean): number {
  const t = seg.text;
  if (!inDottedName(t[dot - 1]) && !inDottedName(t[dot - 2])) return dot;
  for (let p = dot - 1; p >= 0 && dot - p <= MAX_FIRST_PART; p--) {
    if (!isHan(t[p]) || syllablesOutsideTable(t.slice(p, dot)) > MAX_UNLISTED_SYLLABLES) return dot;
    if (!sureStart(seg, p, edge)) continue;
    const tok = seg.tokens[seg.tokenAt[p] ?? -1];
    if (tok?.start !== p || tok.tag === "ns" || tok.tag === "nt" || dictionaryFrequency(tok.word) > MAX_NAME_FREQUENCY) return dot;
    return p;
  }
  return dot;
}
const MAX_FIRST_PART = 8;
const MAX_UNLISTED_SYLLABLES = 2;

/** A caption's words that point at who the picture shows: 图为, 左为, 右二为, 图中. */
const PICTURE_POINTER = /(?:[图左右上下中一二三四]为|图中)$/;

/** Whether a name may start at `p` for what stands before it (see unlistedSyllablesBeforeDot). */
function sureStart(seg: Segment, p: number, edge: (i: number) => boolean): boolean {
  const before = seg.text[p - 1];
  if (p === 0 || !isHan(before) || before === "的" || edge(p)) return true;
  // A caption's opening that points at the picture (图为, 左为, 图中) ends before the name it shows.
  if (PICTURE_POINTER.test(seg.text.slice(Math.max(0, p - 2), p))) return true;
  if (!readsAlone(seg, p - 1)) return false;
  const tag = seg.tokens[seg.tokenAt[p - 1] ?? -1]?.tag ?? "";
  return tag === "p" || tag === "c" || tag === "v";
}

/**
 * How many characters of a first part the table lacks, the one next to the dot not counted after
 * one of the table's, as the dotted reading takes it (易丝·: 丝).
 */
function syllablesOutsideTable(part: string): number {
  const chars = [...part];
  const outside = chars.filter((c) => !inDottedName(c)).length;
  const besideDot = chars.length >= 2 && !inDottedName(chars.at(-1)) && inDottedName(chars.at(-2));
  return besideDot ? outside - 1 : outside;
}

/**
 * Whether jieba reads a word of its dictionary ending at `i` that holds a character outside the
 * dotted names' table: a word of the prose (组合/v, 配合/v), not a piece of the name (卡塔/nrt).
 */
function proseWordEndsAt(seg: Segment, i: number): boolean {
  const tok = seg.tokens[seg.tokenAt[i - 1] ?? -1];
  return tok !== undefined && tok.end === i && tok.word.length >= 2 && !NAME_TAGS.has(tok.tag) && [...tok.word].some((c) => !inDottedName(c));
}

/**
 * Whether a name read up to `end` is only the head of a name or a firm joined by · (出版商施普林格·
 * 自然集团 gives no 施普林): the table's characters run on from it to a dot. The dotted reading takes
 * such a name whole or not at all.
 */
export function headOfDotted(t: string, end: number): boolean {
  let i = end;
  while (i - end < MAX_LAST_PART && inDottedName(t[i])) i++;
  return t[i] === "·";
}

/**
 * Where a dotted name read from its characters up to `end` ends: its last part runs on past the
 * table's characters to a sure end (莉娜·施耐德。, 马库斯·霍耐克表示), and ends before a word of
 * jieba's dictionary that starts among the table's characters and runs past them (米日古丽·热合曼
 * 大学毕业: 大学毕业; 托合提·肉孜大声说: 大声), keeping two characters of the part at least.
 */
export function dottedEnd(seg: Segment, start: number, end: number): number {
  const lastDot = seg.text.lastIndexOf("·", end - 1);
  if (lastDot < start) return end;
  const runOn = end + syllablesPastTable(seg, lastDot, end);
  if (runOn === end && endsOnAdverbOrVerb(seg, lastDot, end)) return end - 1;
  for (let p = lastDot + 3; p < runOn; p++) {
    const word = wordAt(seg)(p);
    // A word running past the part's end, or an adverb or conjunction of two characters inside it
    // (马丁·泰勒格外显眼: 格外/d), starts the clause after the name.
    if (word !== null && word.length >= 2 && (p + word.length > (p < end ? end : runOn) || ADVERB_OR_GRAMMAR_TAGS.has(word.tag)) && !/^(?:nr|x)/.test(word.tag)) return p;
  }
  return runOn;
}

/**
 * Whether the table's last character of a dotted name's last part, read up to `end`, is rather the
 * word after the name (基普罗蒂奇都会, 布鲁纳来馆里, 马尔蒂尼因病: 都, 来 and 因 are syllables of 阿不都,
 * 阿不来提 and 克莱因 too): jieba reads it alone as an adverb, a preposition, a conjunction, or 来
 * or 去 as verbs (not in 阿不都/x 说), and two characters of the part stay before it.
 */
function endsOnAdverbOrVerb(seg: Segment, lastDot: number, end: number): boolean {
  const k = end - 1;
  if (k - lastDot <= 2 || !readsAlone(seg, k)) return false;
  const tag = seg.tokens[seg.tokenAt[k] ?? -1]?.tag ?? "";
  return ADVERB_OR_GRAMMAR_TAGS.has(tag) || (tag === "v" && MOTION_VERBS.has(seg.text[k] ?? ""));
}
/** Adverbs, prepositions and conjunctions (都会, 因病, 于是). */
const ADVERB_OR_GRAMMAR_TAGS = new Set(["d", "p", "c"]);
/** Verbs of coming and going, the only ones of the table's characters (提 of 买买提/v is a syllable first). */
const MOTION_VERBS = new Set([..."来去"]);

/**
 * How many characters beyond the table's a dotted name's last part, read up to `end`, holds: a
 * transliteration may use a syllable the table lacks (施耐德, 吐尔洪), and the part then runs on to
 * what ends a name for sure (punctuation, a follower word such as 说 or 向, a title), over at most
 * three characters that jieba reads as no word of the prose: none that is a verb or a grammar word
 * by itself (热合曼种了, 吐尔逊站在, 热合曼笑说 end at 曼 and 逊), nor that opens a word of its
 * dictionary. Where no sure end comes, the part ends with the table's characters.
 */
function syllablesPastTable(seg: Segment, lastDot: number, end: number): number {
  const t = seg.text;
  let k = end;
  if (boundaryAt(t, k) !== "none") return Math.max(0, Math.min(knownLastPartEnd(seg, lastDot) - end, MAX_SYLLABLES_PAST_TABLE));
  while (k - end < MAX_SYLLABLES_PAST_TABLE && k - lastDot <= MAX_LAST_PART && isHan(t[k]) && boundaryAt(t, k) === "none" && syllableOfName(seg, k)) k++;
  if (k === end) return 0;
  const c = t[k];
  const sureEnd = c === undefined || (isHan(c) ? boundaryAt(t, k) !== "none" : !/[0-9０-９A-Za-zＡ-Ｚａ-ｚ·\-－]/.test(c));
  if (sureEnd) return k - end;
  return Math.max(0, knownLastPartEnd(seg, lastDot) - end);
}

/**
 * Where a name of jieba's dictionary that is the whole last part after `lastDot` ends (·克莱因/nrt
 * 去年: 因 is no syllable of the table's and opens 因为 too), when it is counted as rarely as names; else 0.
 */
function knownLastPartEnd(seg: Segment, lastDot: number): number {
  const tok = seg.tokens[seg.tokenAt[lastDot + 1] ?? -1];
  if (tok === undefined || tok.start !== lastDot + 1 || !PERSON_TAGS.has(tok.tag) || tok.word.length < 2) return 0;
  return dictionaryFrequency(tok.word) <= MAX_NAME_FREQUENCY ? tok.end : 0;
}
const MAX_SYLLABLES_PAST_TABLE = 3;
/** A part after a dot is seldom longer (努尔兰别克, 阿不力米提, 加尔木哈买提). */
const MAX_LAST_PART = 8;

/**
 * Whether the character at `k` may be a syllable of a name. Inside a word of jieba's dictionary it
 * may, unless a word of the prose opens there (大学毕业); a name's or a brand's may (施耐德/nr,
 * 霍/耐克/nz: brands are transliterated too). Read alone or in a word jieba does not know (曼笑/x),
 * it must be no verb or grammar word by itself (笑/v, 了/ul).
 */
function syllableOfName(seg: Segment, k: number): boolean {
  const tok = seg.tokens[seg.tokenAt[k] ?? -1];
  if (tok !== undefined && tok.word.length > 1 && tok.tag !== "x") return tok.start !== k || PERSON_TAGS.has(tok.tag) || tok.tag === "nz";
  const tag = tagOfWord(seg.text[k] ?? "");
  return tag === null || !(tag.startsWith("v") || FUNCTION_TAGS.has(tag));
}

/** A Tibetan name of one syllable after a role (游客旺堆看得入迷): it must end where a name may. */
export function tibetanSyllableName(seg: Segment, s: number): number {
  return readTibetanName(seg.text, s, 1) > 0 && endsName(seg, s + 2) && boundaryAt(seg.text, s + 1) === "none" ? 2 : 0;
}

/**
 * A Tibetan name of a listed syllable and a closing one the table lacks, where a name may end
 * after it (医生卓玛仓觉正在): cut after its first syllable, it would be a name of two.
 */
export function tibetanOpenEndName(seg: Segment, s: number): number {
  const len = readTibetanNameOpenEnd(seg.text, s);
  return len > 0 && endsForeignName(seg, s + len) ? len : 0;
}

/**
 * The length of a Mongolian name of `minElements` elements or more at `s` that ends where a name
 * may, or 0; a lone element of two characters must end at a boundary (父亲孟和是, not 孟和平).
 */
export function mongolianNameAt(seg: Segment, s: number, minElements: number): number {
  let name = readMongolianName(seg.text, s);
  // A closing 图 jieba reads as a word of its own after the name is the photo credit's (其其格/x
  // 图/n 来自…: 其其格 took the picture), not the name's.
  if (name !== null && name.elements >= 2 && seg.text[s + name.length - 1] === "图" && readsAlone(seg, s + name.length - 1)) {
    name = { length: name.length - 1, elements: name.elements - 1 };
  }
  if (name === null || name.elements < minElements) return 0;
  if (name.elements === 1 && name.length < 3 && boundaryAt(seg.text, s + name.length) === "none") return 0;
  return endsName(seg, s + name.length) ? name.length : 0;
}

/** Characters that open a Mongolian name element or a Tibetan syllable. */
export const NAME_ELEMENT_FIRSTS = charTable([...MONGOLIAN_FIRSTS, ...TIBETAN_FIRSTS]);

/** A Dai name at `s` in an article that speaks of the Dai, where jieba opens a word it does not know (岩罕/x): its length, or 0. */
export function daiNameAt(seg: Segment, s: number): number {
  if (!seg.dai) return 0;
  const tok = seg.tokens[seg.tokenAt[s] ?? -1];
  if (tok?.start !== s || (tok.tag !== "x" && !PERSON_TAGS.has(tok.tag))) return 0;
  // A word of the dictionary is no name, though it may tag it as one (玉米/nr, counted 1722).
  const opening = seg.text.slice(s, s + 2);
  const tag = tagOfWord(opening);
  if (tag !== null && (!PERSON_TAGS.has(tag) || dictionaryFrequency(opening) > MAX_NAME_FREQUENCY)) return 0;
  return readDaiName(seg.text, s, (i) => endsName(seg, i), (i) => startsDictionaryWord(wordAt(seg), i));
}

/** A Yi name at `s` in an article that speaks of the Yi (吉克曲布说), or 0. */
export function yiNameAt(seg: Segment, s: number): number {
  return seg.yi ? readYiName(seg.text, s, (i) => endsName(seg, i) || verbStartsAt(seg, i)) : 0;
}
