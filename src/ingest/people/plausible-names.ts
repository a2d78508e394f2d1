/**
 * Whether a string may be a person's name at all, from its characters and jieba's dictionary alone,
 * with no context: no form of address (师傅, 王老), no organ's character (市, 局), no village named
 * after a family (彭家湾), no place people use (林荫道), no everyday word behind a surname (金宝宝).
 * Every finder asks this of what it reads; the lists of what is no name are kept together here.
 */
import { opensDaiName } from "../dai-names.ts";
import { givenNamePlausibility } from "../given-names.ts";
import { isHan } from "../han.ts";
import { dictionaryFrequency, tagOfWord } from "../jieba.ts";
import { NOT_IN_NAMES, transliterationRunAt } from "../name-reading.ts";
import { surnameLengthAt, surnameLikelihood } from "../surnames.ts";
import { isOfficeWord } from "../titles.ts";
import { NOUN_TAGS, PERSON_TAGS } from "./tags.ts";
import { MAX_NAME_FREQUENCY } from "./thresholds.ts";

/**
 * A surname with one of these is a polite reference, not a name (孙先生, 王老, 李总, and Hong Kong's
 * 陈太 for Mrs Chen), and so is one
 * with a kinship word as neighbours are called (陈伯, 李叔, 王姨, 刘哥, 黄婶, 赵奶奶, and Taiwan's 曾阿嬷).
 */
const HONORIFICS =
  /^(?:先生|女士|小姐|太太|太|同志|老师|师傅|大爷|大妈|大娘|阿姨|大姐|大哥|老|总|工|伯|叔|婶|姨|嫂|哥|姐|爷|奶奶|爷爷|婆婆|阿婆|阿伯|阿叔|阿嬷|阿嫲|阿公|阿嫂|阿婶|伯伯|叔叔|大叔|大婶|大嫂|嫂子|老伯|姐姐|哥哥)$/;

/** Last characters of villages' and hamlets' names, which no given name has (湾, 集, 坝, 屯). */
const SETTLEMENT_ENDINGS = new Set([..."湾集坝沟屯寨堡垸圩墩洼"]);
/** After 家, also these (张家口, 冯家村, 李家庄, 蒋家河, 何家塘). */
const FAMILY_PLACE_ENDINGS = new Set([..."口村庄河桥港岭坪山营店铺塘湖坡岗冲"]);

/** Whether `name` may be a Chinese name by its characters alone, before anything around it is read. */
export function plausibleName(name: string): boolean {
  // A form of address is no name, though its first character is a surname (司机师傅说).
  if (HONORIFICS.test(name)) return false;
  if (name.length < 2 || name.length > 4) return false;
  if (HONORIFICS.test(name.slice(surnameLengthAt(name, 0) || 1))) return false;
  if (![...name].every(isHan)) return false;
  if ([...name].some((c) => NOT_IN_NAMES.has(c))) return false;
  // Villages named after a family (彭家湾, 谢家集, 冯家村): no given name ends so.
  if (name.length === 3 && (SETTLEMENT_ENDINGS.has(name[2] ?? "") || (name[1] === "家" && FAMILY_PLACE_ENDINGS.has(name[2] ?? "")))) return false;
  // 殷殷 (in 习近平总书记殷殷嘱托) is a reduplicated adverb, not 殷 + 殷.
  if (name.length === 2 && name[0] === name[1]) return false;
  return !isOfficeWord(name) && !/^(?:常务|常委|副)/.test(name);
}

/**
 * Whether `name` is a surname and a doubled character that jieba's dictionary holds as an
 * everyday word, not a given name (金蛋蛋, a golden egg; 金宝宝): a noun of a character names seldom
 * hold (蛋蛋/n, 0.32), or a word counted more often than names are (宝宝, 301). A doubled given
 * name of likely characters stays (李晶晶, 王丽丽). Only where nothing stronger than a situation
 * word vouches for the name.
 */
export function everydayReduplication(name: string, surnameLength: number): boolean {
  const given = name.slice(surnameLength);
  if (surnameLength === 0 || given.length !== 2 || given[0] !== given[1]) return false;
  const tag = tagOfWord(given);
  if (tag === null) return false;
  if (dictionaryFrequency(given) > MAX_NAME_FREQUENCY) return true;
  return NOUN_TAGS.has(tag) && givenNamePlausibility(given[0]!) < DOUBLED_GIVEN;
}
/** How likely in given names a doubled character must be to name a person rather than a thing (蛋, 0.32). */
const DOUBLED_GIVEN = 0.5;

/** Quotation marks that set a term off: “…” and the corner brackets of Hong Kong and Taiwan. */
const QUOTES: ReadonlyMap<string, string> = new Map([["“", "”"], ["「", "」"]]);

/**
 * Whether the name read at [at, end) of `t` fills a pair of quotation marks alone (从“干沙滩”到“金沙滩”):
 * quotes set off a term, a place's byname or a slogan; a person is named bare, or a nickname is
 * quoted before the name.
 */
export function fillsQuotes(t: string, at: number, end: number): boolean {
  const close = QUOTES.get(t[at - 1] ?? "");
  return close !== undefined && t[end] === close;
}

/**
 * Whether `name` is a surname, 太 and an adverb (陈太则, 黄太亦): in Hong Kong and Macao news X太 is
 * Mrs X, a surname with an honorific, and the adverb opens what she said or did.
 */
export function honorificBeforeAdverb(t: string, at: number, name: string): boolean {
  return name.length === 3 && name[1] === "太" && HONORIFIC_ADVERBS.has(name[2]!) && surnameLengthAt(t, at) === 1;
}
const HONORIFIC_ADVERBS = new Set([..."则亦也都又还就却仍便"]);

/**
 * Whether `name`, of two or three characters opening with one of the rarest surnames (操, 庹, 励),
 * is a word of jieba's dictionary other than a name (操场, 励志/n, 昌盛/nz, 矫形器/n): so few people
 * bear the surname that the word is the likelier reading, though a title stands before it (学生旷课,
 * 游客昌盛).
 */
export function rareSurnameWord(t: string, s: number, name: string): boolean {
  if (name.length > 3 || surnameLengthAt(t, s) !== 1 || surnameLikelihood(t, s) >= 0.8) return false;
  const tag = tagOfWord(name);
  return tag !== null && !PERSON_TAGS.has(tag);
}

/** Last characters of the places people use (林荫道, 文化宫, 菜市场, 加油站, 百货店). */
const PLACE_ENDINGS = new Set([..."道路街巷宫馆站厂场店寺庙坊港"]);
/**
 * How often a dictionary word must be counted for its place ending to outweigh the names it may
 * be: names so ending are counted a few times (刘晓路 2, 何宗道 3), such places more (林荫道 18, 文化宫 43).
 */
const PLACE_FREQUENCY = 15;

/** Whether `name` is a dictionary word for a place, which jieba may tag as a name (林荫道/nr). */
export function isPlaceOfPeople(name: string): boolean {
  const last = name[name.length - 1] ?? "";
  if (!PLACE_ENDINGS.has(last) && !(name.length === 3 && TOWN_ENDINGS.has(last))) return false;
  return tagOfWord(name) !== null && dictionaryFrequency(name) >= PLACE_FREQUENCY;
}

/** Last characters of towns' names of three characters (石家庄, 张家口, 周口店 aside), which jieba may tag as names. */
const TOWN_ENDINGS = new Set([..."庄口屯堡寨集湾坪营州"]);

/**
 * Whether a name of two characters found with a title is a word of jieba's dictionary that it tags
 * as a name though no surname of the table opens it (福祉/nr, 滑雪/nr): an everyday word (市民福祉,
 * 滑雪教练), not a person. A foreign name of transliteration characters (教练布朗) is one; names of
 * peoples without a surname are tagged otherwise or not held (尼玛/nrt, 次仁), or open with a Dai
 * name's prefix (傣族姑娘玉兰/nr); a pen name in a list with no title (马烽、西戎) is left to the list's reading.
 */
export function everydayWordTaggedName(name: string): boolean {
  return name.length === 2 && surnameLengthAt(name, 0) === 0 && tagOfWord(name) === "nr" && transliterationRunAt(name, 0) < 2 && !opensDaiName(name[0] ?? "");
}
