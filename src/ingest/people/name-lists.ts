/**
 * The names of a list that follows a found name, joined by 、, 和 or 及 (市领导王剑峰、薛维柱, 齐麟和
 * 朱旭航), or the pair of a doubles team joined by / (韩国组合甲/乙): each item must read as a name
 * by itself, in any of the forms a name takes, and an item that opens with a title of its own ends
 * the list. The items share what the first name had: its title, or none. Also the one name before
 * a found name in a list of two (张译文、宋佳琪主演).
 */
import { givenNamePlausibility } from "../given-names.ts";
import { HAN_RANGES, isHan } from "../han.ts";
import { tagOfWord } from "../jieba.ts";
import { boundaryAt, readTibetanName } from "../name-reading.ts";
import { roleEndingAt, roleTier } from "../role-nouns.ts";
import { surnameLengthAt } from "../surnames.ts";
import { agentNounEndingAt } from "./derived-roles.ts";
import { nameAfterRole } from "./name-after-role.ts";
import { plausibleName } from "./plausible-names.ts";
import { readName } from "./read-name.ts";
import { endsName, isOneCharWord, opensClause } from "./segment-words.ts";
import type { Segment } from "./segments.ts";
import { NAME_TAGS, NOUN_TAGS, PERSON_TAGS } from "./tags.ts";
import { NEW_WORD_GIVEN, SURE_GIVEN } from "./thresholds.ts";
import { daiNameAt, dottedEnd, dottedNameAt, mongolianNameAt, transliteratedName, yiNameAt } from "./transcribed-names.ts";

/**
 * The names of a 、 (or 和, 及, /) list that follows a name ending at `p`, each passed to `take`;
 * returns where the list ends. An item must read as a name on its own (欧阳洁、王明);
 * an item with its own title (、副主席陈继光) ends the list.
 */
export function listAfter(seg: Segment, p: number, take: (at: number, length: number) => void): number {
  const t = seg.text;
  for (;;) {
    const sep = t[p] ?? "";
    if (!LIST_SEPARATORS.has(sep)) return p;
    // A mark between names (、, or / of a pair: 韩国组合甲/乙) is no word; 和 and 及 join names only
    // as words of their own: 李强及时处置 is 及时; but 严立平和钟敏, where jieba's word 平和 took the
    // name's last character, joins them.
    const mark = !isHan(sep);
    if (!mark && !isOneCharWord(seg, p) && !endsWordAcross(seg, p)) return p;
    const q = p + 1;
    const len = listItemAt(seg, q);
    if (len === 0) return p;
    // After 和, a name of two characters must end at a sure place (王磊和张伟伟在); a longer one
    // also where jieba starts a word it knows (彭雨桐和欧阳思睿捧/v出), not a piece of a name (童格勒噶/nrt).
    if (!mark && boundaryAt(t, q + len) === "none" && t[q + len] !== "、" && !(len >= 3 && knownWordAt(seg, q + len))) return p;
    take(q, len);
    p = q + len;
  }
}

/** What joins the names of a list: 、, 和, 及, and / between the two players of a pair. */
const LIST_SEPARATORS = new Set(["、", "和", "及", "/", "／"]);

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

/** A name of two to four Han characters closed by a list separator or 等. */
const LIST_ITEM_NAME = new RegExp(`^[${HAN_RANGES}]{2,4}(?=[、，。；等])`);

/** The length of a name that fills a list item starting at `q`, or 0. */
function listItemAt(seg: Segment, q: number): number {
  const t = seg.text;
  const dot = dottedNameAt(t, q);
  if (dot > 0) return dottedEnd(seg, q, q + dot) - q;
  const tibetan = readTibetanName(t, q);
  if (tibetan > 0) return tibetan;
  const mongolian = mongolianNameAt(seg, q, 2) || daiNameAt(seg, q) || yiNameAt(seg, q) || transcribedPieces(seg, q);
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
 * The length of a minority or foreign name that jieba reads in pieces it tags as names, one of them
 * as a transliteration's (童/nr 格勒/nrt 噶/nrt), filling the item up to 等 or a mark; or 0. Read by
 * its surname, 童格勒 would leave 噶 behind.
 */
function transcribedPieces(seg: Segment, q: number): number {
  let k = seg.tokenAt[q] ?? -1;
  if (seg.tokens[k]?.start !== q) return 0;
  let end = q;
  let transliterated = false;
  for (; k < seg.tokens.length; k++) {
    const tok = seg.tokens[k]!;
    if (!PERSON_TAGS.has(tok.tag)) break;
    transliterated ||= tok.tag === "nrt";
    end = tok.end;
  }
  const len = end - q;
  return transliterated && len >= 3 && len <= 6 && /[、，。；等]/.test(seg.text[end] ?? "") ? len : 0;
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
export function opensWithTitle(seg: Segment, q: number): boolean {
  const first = seg.tokens[seg.tokenAt[q] ?? -1];
  if (first?.start !== q) return false;
  if (roleTier(first.word) !== null || agentNounEndingAt(seg, first.end) !== null || placeTitleOpens(seg, q)) return true;
  const second = seg.tokens[seg.tokenAt[first.end] ?? -1];
  if (second?.start !== first.end || (roleTier(second.word) === null && agentNounEndingAt(seg, second.end) === null)) return organTitleOpens(seg, q);
  return readName(seg, second.end, "titled") > 0 || organTitleOpens(seg, q);
}

/** A place and its unit opening a list item: a town, a street office, a village, a county or a numbered school (宁溪街道, 江城三中). */
const PLACE_OPENING = new RegExp(`^[${HAN_RANGES}]{1,6}?(?:街道|社区|镇|乡|村|县|区|[一二三四五六七八九十]中|中学|小学)`);
/** The longest place, unit and role of a list item before the name. */
const MAX_PLACE_TITLE = 16;

/**
 * Whether the list item at `q` is a place and its unit, then a role with a name after it
 * (、宁溪街道快递员李明、江城三中退休教师王红): the place opens the next person's title, no name.
 */
function placeTitleOpens(seg: Segment, q: number): boolean {
  const t = seg.text;
  const place = PLACE_OPENING.exec(t.slice(q, q + MAX_PLACE_TITLE));
  if (place === null) return false;
  for (let e = q + place[0].length + 1; e <= Math.min(t.length, q + MAX_PLACE_TITLE) && isHan(t[e - 1]); e++) {
    const role = roleEndingAt(t, e) ?? agentNounEndingAt(seg, e);
    if (role !== null && e - role.word.length >= q + place[0].length && nameAfterRole(seg, e, role) > 0) return true;
  }
  return false;
}

/**
 * Whether the list item at `q` is an organ's name and an office with a name after it, all before
 * the next mark (、朱比利党总书记图朱: the party named after a person is no name of the list).
 */
function organTitleOpens(seg: Segment, q: number): boolean {
  const t = seg.text;
  for (let e = q + 2; e <= Math.min(t.length, q + MAX_ORGAN_TITLE) && isHan(t[e - 1]); e++) {
    const role = roleEndingAt(t, e);
    if (role === null || role.tier !== "office" || e - role.word.length <= q) continue;
    // The organ: a noun or an abbreviation jieba reads right before the office (党/n, 联盟/j).
    const organ = seg.tokens[seg.tokenAt[e - role.word.length - 1] ?? -1];
    if (organ?.end !== e - role.word.length || !(NOUN_TAGS.has(organ.tag) || organ.tag === "j")) continue;
    if (readName(seg, e, "titled") > 0 || transliteratedName(seg, e) > 0) return true;
  }
  return false;
}
/** An organ's name and an office, as list items hold them (朱比利党总书记, 国民议会代议长). */
const MAX_ORGAN_TITLE = 12;

/**
 * The length of the name that opens a list of two (、, 和 or 与) whose second name starts at `s`,
 * or 0: the item runs from the clause's start and reads as a name, Chinese or transliterated, on
 * its own to its end (张译文、宋佳琪主演, 齐麟和朱旭航, 费利佩和罗慕洛).
 */
export function nameBeforeInList(seg: Segment, s: number): number {
  const t = seg.text;
  if (!/[、和与]/.test(t[s - 1] ?? "")) return 0;
  for (const len of [5, 4, 3, 2]) {
    const at = s - 1 - len;
    if (at < 0 || !opensClause(t, at) || t[at - 1] === "、") continue;
    if (readName(seg, at, "titled") === len || (len >= 3 && transliteratedName(seg, at) === len)) return len;
  }
  return 0;
}
