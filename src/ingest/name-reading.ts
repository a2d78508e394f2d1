/**
 * Reading a personal name at a position of running text, where no space marks where it ends.
 *
 * A Chinese name is a surname and one or two given-name characters. Which length is right
 * comes from the evidence at both ends: the given-name characters' plausibility
 * (given-names.ts), the surname's likelihood (surnames.ts) and what follows: punctuation, a
 * reporting verb (说, 表示) or a postfix title (院士) ends a name for sure; a preposition or
 * conjunction (在, 和) probably does.
 *
 * A foreign or minority name is a run of transliteration characters (博索纳罗), or several
 * joined by · (克劳迪娅·凯泽, 司马义·铁力瓦尔地).
 */
import { charTable } from "./char-table.ts";
import { givenNamePlausibility } from "./given-names.ts";
import { isHan } from "./han.ts";
import { dictionaryFrequency } from "./jieba.ts";
import { roleEndingAt } from "./role-nouns.ts";
import { JOINED_SURNAMES, surnameLengthAt, surnameLikelihood } from "./surnames.ts";


/** One-character words that end a name for sure: 王明说, 王明等, 王明家. */
const STRONG_FOLLOWER_CHARS = new Set([..."说等称讲问答家"]);
/** One-character words that usually end a name: 王明与…, 王明在…. */
const WEAK_FOLLOWER_CHARS = new Set([..."与和及同在于为对向从把被将是也都就又还并曾已的带率让给到来去赴自时因以却仍"]);
/** Words that typically follow a person's name in news prose. */
export const FOLLOWER_WORDS = [
  "出席", "参加", "主持", "讲话", "发言", "致辞", "代表", "指出", "强调", "表示", "认为", "介绍",
  "告诉", "说道", "要求", "希望", "深入", "来到", "走进", "前往", "赶赴", "察看", "查看", "检查",
  "调研", "视察", "督导", "督查", "考察", "会见", "会谈", "看望", "慰问", "听取", "先后", "分别",
  "亲自", "陪同", "一同", "一起", "一道", "一行", "带队", "率队", "率领", "带领", "宣布", "提出",
  "现场", "实地", "沿途", "随后", "首先", "同志", "当选", "担任", "回答", "接受", "签署", "主讲",
  "通报", "部署", "批示", "作出", "作了", "出任", "获得", "荣获", "介绍说", "坦言", "透露", "举行",
  "回忆", "感慨", "笑着", "作为", "分享", "告诉记者", "解释", "补充", "坦承", "直言", "觉得", "发现", "记得", "今年",
  "提醒", "建议", "呼吁", "成了", "成为",
  "夫妇", "一家", "所在", "带着", "正在", "已经", "曾经", "也是", "就是", "还是", "不仅", "每天",
  "先生", "女士", "老师", "同学", "夫人", "本人", "等人", "自己", "一直", "从小", "多年", "那时",
  // When the news says it happened: 特朗普当天表示, 王明昨天说.
  "当天", "当日", "当晚", "昨天", "昨日", "今天", "今日", "近日", "日前", "此前", "随即",
  // What sport reports say of their people: 王楚钦晋级, 武大靖夺冠, 哈登砍下40分.
  "晋级", "夺冠", "夺得", "摘得", "获胜", "取胜", "胜出", "出战", "登场", "打进", "攻入", "砍下", "击败", "战胜",
  "打入", "攻进", "破门", "扳平", "助攻", "头球", "卫冕", "梅开二度",
  "作报告", "作工作报告", "作说明", "作重要讲话", "作动员",
];
/** Reporting verbs after 则, which then ends the name before it (苏萨则认为, not 苏萨则), and 以 of a score (王明则以3比1). */
const AFTER_ZE = ["表示", "认为", "说", "称", "指出", "强调", "介绍", "以"].map((v) => `则${v}`);
const FOLLOWER_WORDS_BY_FIRST = new Map<string, string[]>();
for (const w of [...FOLLOWER_WORDS, ...AFTER_ZE].sort((a, b) => b.length - a.length)) {
  FOLLOWER_WORDS_BY_FIRST.set(w[0] ?? "", [...(FOLLOWER_WORDS_BY_FIRST.get(w[0] ?? "") ?? []), w]);
}

/** Reporting verbs: a name-like word right before one of them is a person (王明表示). */
export const REPORTING_VERBS = [
  "说", "表示", "介绍", "告诉", "认为", "指出", "强调", "坦言", "透露", "回忆", "感慨", "说道", "解释",
  "笑着说", "补充", "直言", "坦承", "提到", "谈到", "称", "讲述", "介绍说", "觉得", "记得", "提醒", "建议", "呼吁",
  "回应",
];

/** Characters no given name here contains; they mark organs and places (副市长, 市委). */
export const NOT_IN_NAMES = new Set([..."市省县区委局厅党会镇乡村处部院校组团署办"]);

export type Boundary = "strong" | "weak" | "none";

/**
 * Whether the follower word of two read at `i` shares its second character with a follower word
 * that starts there (胜出 and 出席 in 王国胜出席): the later word reads whole, so the character at
 * `i` is the name's own and the name ends after it.
 */
function followerRunsIntoFollower(text: string, i: number): boolean {
  const c = text[i];
  if (c === undefined || !FOLLOWER_WORDS_BY_FIRST.get(c)?.some((w) => w.length === 2 && text.startsWith(w, i))) return false;
  const next = text[i + 1] ?? "";
  return FOLLOWER_WORDS_BY_FIRST.get(next)?.some((w) => text.startsWith(w, i + 1)) === true;
}

/** Whether a name may end at `i`, and how surely. */
export function boundaryAt(text: string, i: number): Boundary {
  const c = text[i];
  if (c === undefined || !isHan(c)) return "strong";
  if (FOLLOWER_WORDS_BY_FIRST.get(c)?.some((w) => text.startsWith(w, i))) return "strong";
  if (STRONG_FOLLOWER_CHARS.has(c)) return "strong";
  // A title right after the name: 许健民院士, 习近平总书记.
  for (let end = i + 2; end <= Math.min(text.length, i + 5); end++) {
    const role = roleEndingAt(text, end);
    if (role !== null && end - role.word.length === i && role.tier !== "kinship") return "strong";
  }
  if (WEAK_FOLLOWER_CHARS.has(c)) return "weak";
  return "none";
}

/** Whether a word of the dictionary that starts at `i` (not a name) makes `i` a word start. */
export type WordAt = (i: number) => { length: number; tag: string } | null;

export interface NameReading {
  length: number;
  /** 0 to 1: how much the characters alone look like a name. */
  score: number;
}

const PLAUSIBLE = 0.05;
/** A second given-name character this plausible belongs to the name when nothing says where it ends. */
const LIKELY_SECOND = 0.2;

/**
 * The Chinese name starting at `s` with a surname, or null. `wordAt` tells what jieba's
 * dictionary reads at a position: a dictionary word that starts at the second given-name
 * character (王明天气 → 天气) says the name ends before it.
 */
export function readChineseName(text: string, s: number, wordAt: WordAt): NameReading | null {
  let sl = surnameLengthAt(text, s);
  if (sl === 0) return null;
  // A double surname of Taiwan with nothing after it is a surname and a given name (校长张简表示).
  if (sl === 2 && JOINED_SURNAMES.has(text.slice(s, s + 2)) && boundaryAt(text, s + 2) !== "none") sl = 1;
  const g = s + sl;
  const married = sl === 1 ? marriedName(text, g, wordAt) : null;
  if (married !== null) return married;
  const c1 = text[g];
  const c2 = text[g + 1];
  if (!givenOk(c1)) return null;
  const p1 = givenNamePlausibility(c1 ?? "");
  const p2 = givenOk(c2) ? givenNamePlausibility(c2 ?? "") : 0;
  const after1 = followerRunsIntoFollower(text, g + 1) ? "none" : boundaryAt(text, g + 1);
  const after2 = p2 > 0 ? boundaryAt(text, g + 2) : "none";
  let given: number;
  if (p2 === 0) given = 1;
  // A boundary inside a longer dictionary word is none (周丽挨家挨户: 家 would end a name elsewhere).
  else if (startsDictionaryWord(wordAt, g + 1, 3)) given = 1;
  // A digit after an unlikely second character ends a word, not a name (王楠以3比1: 以 is a preposition).
  else if (after2 === "strong" && after1 !== "strong" && !(p2 < LIKELY_SECOND && /[0-9０-９A-Za-z]/.test(text[g + 2] ?? ""))) given = 2;
  else if (after1 === "strong") given = 1;
  else if (startsDictionaryWord(wordAt, g + 1)) given = 1;
  else if (after2 === "weak" && after1 !== "weak") given = 2;
  else if (after1 === "weak" && after2 !== "weak") given = 1;
  // No punctuation, follower nor dictionary word: a plausible character belongs to the name.
  else given = p2 >= LIKELY_SECOND ? 2 : 1;
  // A lone compound surname with one given character (欧阳洁) or a single surname with one.
  const chars = given === 1 ? [p1] : [p1, p2];
  if (chars.some((p) => p < PLAUSIBLE) && sl === 1) {
    if (given === 2 && p1 >= PLAUSIBLE) given = 1;
    else return null;
  }
  const score = surnameLikelihood(text, s) * Math.min(...(given === 1 ? [p1] : [p1, p2]).map((p) => Math.min(1, p * 2)));
  return { length: sl + given, score };
}


/**
 * A married woman's name as Hong Kong and Macao print it, her husband's surname before her own
 * and her given name of two (冯程淑仪, 林郑月娥): at `g`, after the first surname, a common
 * surname, then two plausible given-name characters that no boundary or word cuts, and a boundary
 * after them. Null for anything else.
 */
function marriedName(text: string, g: number, wordAt: WordAt): NameReading | null {
  if (surnameLengthAt(text, g) !== 1 || surnameLikelihood(text, g) < 1) return null;
  const given = [text[g + 1], text[g + 2]];
  if (!given.every((c) => givenOk(c) && givenNamePlausibility(c ?? "") >= LIKELY_SECOND)) return null;
  if (boundaryAt(text, g + 1) !== "none" || boundaryAt(text, g + 2) !== "none" || boundaryAt(text, g + 3) === "none") return null;
  if (startsDictionaryWord(wordAt, g + 1) || startsDictionaryWord(wordAt, g + 2)) return null;
  return { length: 4, score: surnameLikelihood(text, g - 1) };
}

/**
 * Grammar words that open many given names (和平, 有福, 向东, 之华), which a name read anywhere
 * never starts with (王明和, 张强有): they are read only after a title, where a surname cannot
 * stand alone, so 副部长吕和平 is a name and not 吕 and 平.
 */
const GRAMMAR_GIVEN_FIRSTS = new Set([..."和有向之"]);

/** The length (3) of a name whose given name opens with such a word, read where a title vouches for it, or 0. */
export function readGrammarGivenName(text: string, s: number, wordAt: WordAt): number {
  if (surnameLengthAt(text, s) !== 1 || !GRAMMAR_GIVEN_FIRSTS.has(text[s + 1] ?? "")) return 0;
  const c2 = text[s + 2];
  if (!givenOk(c2) || givenNamePlausibility(c2 ?? "") < GRAMMAR_SECOND || boundaryAt(text, s + 2) !== "none") return 0;
  // A word of grammar itself (有关, 向往, 之后) is no given name; 和平 is.
  const given = wordAt(s + 1);
  if (given !== null && given.length === 2 && !/^(?:n|x)/.test(given.tag)) return 0;
  const end = s + 3;
  return boundaryAt(text, end) !== "none" || text[end] === "、" || startsDictionaryWord(wordAt, end) ? 3 : 0;
}

/**
 * The length (3) of a name whose given name closes with 之 (敬之, 羲之), read where a title vouches
 * for it and a word that ends a name for sure follows (局长王敬之表示), or 0: elsewhere 之 is the
 * grammar word after a name (王明之所以).
 */
export function readZhiClosedName(text: string, s: number): number {
  if (surnameLengthAt(text, s) !== 1 || text[s + 2] !== "之" || !givenOk(text[s + 1])) return 0;
  return boundaryAt(text, s + 3) === "strong" ? 3 : 0;
}

/** The plausibility the character after such a word needs (平, 福, 东 pass; 关 of 王有关 does not). */
const GRAMMAR_SECOND = 0.2;

/** Whether a dictionary word other than a name, of `min` characters or more, starts at `i` (王晨关于… → 关于). */
export function startsDictionaryWord(wordAt: WordAt, i: number, min = 2): boolean {
  const word = wordAt(i);
  return word !== null && word.length >= min && !/^(?:nr|x)/.test(word.tag);
}

function givenOk(c: string | undefined): boolean {
  return isHan(c) && !NOT_IN_NAMES.has(c ?? "") && givenNamePlausibility(c ?? "") > 0;
}

/**
 * Characters of transliterated names (foreign, Uyghur, Tibetan, Mongolian): each is common in
 * such names and rare elsewhere in running prose.
 */
const TRANSLITERATION = new Set([
  ..."司义铁力不都吾苏来曼买提木合甫娃古丽帕坎儿依热孜玛尼牙克孜库尔班阿布拉阿迪力江别克劳娅果察历山卜欣夫更依明海" +
    "治理查约翰逊雨史密威廉姆琼朗戴维米勒尔摩泰杰怀哈丁普加西内宾易刘沃霍艾希科格贝冈佩罗费菲柯爱兹桑莫墨韦" +
    "阿埃艾安奥巴拔柏邦贝本比彼毕宾波伯博布才查察达戴丹道德迪蒂丁东杜多俄厄恩法菲费芬佛弗福伏盖甘冈高戈哥格根古瓜哈海汉豪赫黑亨胡华怀霍基吉加贾杰金卡凯坎康考柯科克肯库夸拉莱兰朗劳勒雷蕾里理丽利莉连列林琳留龙卢鲁路伦罗洛马玛迈麦曼梅门蒙米密敏明摩莫默姆穆纳娜奈南内尼妮涅宁努诺欧帕潘佩彭皮珀普齐奇恰乔切钦琼丘热瑞萨塞桑瑟森沙莎善舍什施士斯松苏索塔泰坦汤唐特提廷图托瓦万旺威韦维温沃乌伍武西希锡席夏辛休雅亚扬耶伊依尤于约泽扎詹珍朱卓兹佐吾买合木江尔地罕默萨勒赛措旦嘉桑吉扎卓姆央拉珠巴顿顿尚岚洋措热登" +
    // More of the standard table of transliteration (优素福, 亚历山大, 舒尔茨, 普京, 绍洛).
    "优素大京朔绍昂拜圭奎昆芒纽茹若圣翁舒茨" +
    // Of Uyghur and Mongolian names (吾守尔, 其木格, 其其格).
    "守其",
]);
const TRANSLITERATION_TABLE = charTable(TRANSLITERATION);

/** Whether the character at `i` is one of the transliteration table's. */
export function transliterationCharAt(text: string, i: number): boolean {
  return TRANSLITERATION_TABLE.at(text, i);
}

/**
 * Characters of Uyghur and Kazakh names that are everyday words too (吐, 则, 叶, 玉), and syllables
 * of the standard transliteration that are surnames or parts of words (洪 of 吐尔洪, 乎 of 托乎提,
 * 荪 of 图尔荪, 契 of 武契奇), and the standard table's syllables that are surnames or words of
 * the prose too (保 of 保罗, 鲍里斯, 冯·德莱恩, 惠特尼, 滕博, 克里斯汀, 克莱因, 露易丝, 黛安娜): read only
 * inside a name that a · marks as one (艾尔肯·吐尔逊, 古丽巴哈尔·艾则孜, 叶尔兰·努尔别克). So are
 * syllables of the standard table's Thai and Lao names (颂猜, 差猜, 帕侬, 汶, 蓬, 披, 讪).
 */
const DOTTED_ONLY = new Set([..."吐逊则叶玉祖排肉色乃开外然满汗英喀音仁仓敦毕鲁可日洪乎荪契" + "保鲍冯惠庞屈申滕汀因丝露黛凡" + "颂猜侬汶蓬披讪"]);

/** Whether `c` is a character of the table a name joined by · is read with. */
export function inDottedName(c: string | undefined): boolean {
  return c !== undefined && (TRANSLITERATION.has(c) || DOTTED_ONLY.has(c));
}

/**
 * The run of transliteration characters at `s` (parts joined by · included), stopping at a
 * sure boundary: its length, 0 when there is none.
 */
export function transliterationRunAt(text: string, s: number): number {
  let i = s;
  for (;;) {
    const start = i;
    while (TRANSLITERATION_TABLE.at(text, i) && i - start < 8) {
      if (i > start && boundaryAt(text, i) === "strong") break;
      i++;
    }
    if (i === start) return 0;
    if (text[i] === "·" && TRANSLITERATION_TABLE.at(text, i + 1)) {
      i++;
      continue;
    }
    return i - s;
  }
}

/**
 * The transliterated name that starts at `s` and ends at a boundary: two to eight
 * transliteration characters (博索纳罗, 扎拉), or parts joined by · (克劳迪娅·凯泽), or 0.
 */
export function readTransliteratedName(text: string, s: number): number {
  const length = transliterationRunAt(text, s);
  if (length < 2) return 0;
  return boundaryAt(text, s + length) !== "none" || text[s + length] === "、" ? length : 0;
}

/**
 * A name with ·, read from its · outward: the parts before and after it are runs of
 * transliteration characters, up to a title before (村民阿·斯尔格林) or a follower after
 * (凯泽说). Returns the start and end, or null when a part is empty or the whole is the name
 * of an organisation or a slogan (施普林格·自然集团, 奋进七十年·出彩开封城). `firstPartFrom`, where
 * another reading says the first part starts, lets it hold syllables the table lacks (谢尔盖·).
 */
export function readDottedNameAround(
  text: string,
  dot: number,
  titleEndsAt: (i: number) => boolean,
  firstPartFrom = dot,
): { start: number; end: number } | null {
  // 得 ends a syllable of a transliterated part (彼得·汉森), as after a dot below.
  let start = text[dot - 1] === "得" && inDottedName(text[dot - 2]) ? dot - 1 : dot;
  // A syllable outside the table may stand next to the dot when its part runs on in the table (吐尔洪·, ·文内斯兰).
  if (start === dot && besideDot(text, dot - 1, dot - 2)) start = dot - 1;
  while (start > 0 && inDottedName(text[start - 1]) && dot - start < 8 && !titleEndsAt(start)) start--;
  start = Math.min(start, firstPartFrom);
  // A dotted name before this one in a chain is reached from its own first dot.
  if (start === dot || text[start - 1] === "·") return null;
  start = hyphenatedStart(text, start, titleEndsAt);
  // A first part of one character cut off by a word that is neither title nor punctuation is a
  // name's tail, not a name (主教练阿的江·阿力木: 江·阿力木).
  if (dot - start === 1 && start > 0 && isHan(text[start - 1]) && !titleEndsAt(start)) return null;
  let end = dot + 1;
  for (;;) {
    const partStart = end;
    if (besideDot(text, end, end + 1)) end++;
    while (end < text.length && inDottedName(text[end]) && end - partStart < 10) {
      if (end > partStart && boundaryAt(text, end) === "strong") break;
      end++;
    }
    if (end === partStart) return null;
    // 则 after a part is the grammar word (察金则盛赞), not its last syllable.
    if (text[end - 1] === "则" && end - 1 > partStart) end--;
    // 得 closes a syllable of a dotted name's part (彼得) when a sure end follows it, not a number (连得8分).
    if (text[end] === "得" && end > partStart && boundaryAt(text, end + 1) === "strong" && !/[0-9０-９]/.test(text[end + 1] ?? "")) end++;
    if (text[end] === "·" && inDottedName(text[end + 1])) {
      end++;
      continue;
    }
    break;
  }
  if (PLACE_OR_FIRM_AFTER.test(text.slice(end, end + 3))) return null;
  return { start, end };
}

/**
 * Words after a dotted whole that make it the name of a firm, a brand or a place (施普林格·自然集团,
 * 伊犁·那拉提草原, 海尔·卡奥斯平台), not a person's.
 */
const PLACE_OR_FIRM_AFTER =
  /^(?:集团|公司|出版|大学|学院|基金|中心|协会|银行|研究所|奖|平台|品牌|系列|草原|景区|古城|古镇|口岸|机场|公园|广场|大街|山脉|河谷|湖畔|湿地|牧场|小镇)/;

/**
 * Whether the Han character at `i`, next to a dot, belongs to the dotted name though the
 * table lacks it: the character beyond it, `next`, is in the table and does not end the part.
 */
function besideDot(text: string, i: number, next: number): boolean {
  return isHan(text[i]) && !inDottedName(text[i]) && boundaryAt(text, i) !== "strong" && inDottedName(text[next]);
}

const HYPHENS = new Set([..."-－‐"]);

/**
 * The start of a dotted name whose first part is hyphenated (让-皮埃尔·莫罗, 卡尔-海因茨·施密特):
 * the syllable right before the hyphen, whatever it is, and table characters before it, back
 * to a title; `start` itself when no hyphen stands before it.
 */
function hyphenatedStart(text: string, start: number, titleEndsAt: (i: number) => boolean): number {
  if (!HYPHENS.has(text[start - 1] ?? "") || !isHan(text[start - 2]) || titleEndsAt(start)) return start;
  let k = start - 2;
  while (k > 0 && inDottedName(text[k - 1]) && start - 1 - k < 4 && !titleEndsAt(k)) k--;
  return k;
}

/**
 * Syllables of Tibetan personal names: a Tibetan name is two of them (晋美旺措, 白玛赤林,
 * 向巴平措) and has no surname, so the surname-based reading cuts it short.
 */
const TIBETAN_SYLLABLES = new Set([
  "晋美", "旺措", "白玛", "赤林", "扎西", "次仁", "多吉", "顿珠", "平措", "格桑", "卓玛", "央金", "拉姆",
  "措姆", "达瓦", "尼玛", "索朗", "洛桑", "丹增", "益西", "强巴", "次旦", "德吉", "群培", "旺堆", "边巴",
  "普布", "罗布", "巴桑", "曲珍", "向巴", "阿旺", "土登", "贡嘎", "嘎玛", "仁青", "旦增", "欧珠", "朗杰",
  "加措", "嘉措", "坚参", "坚赞", "次珍", "央宗", "德庆", "桑珠", "米玛", "拉巴", "巴珠", "琼达", "热地",
  "帕巴", "白马", "赤列", "才旦", "卓嘎", "曲扎", "顿旦", "旺姆", "仁增", "格列", "次央",
  // Of Amdo and Kham (Qinghai, Sichuan, Gansu): 才仁江措, 昂文扎西, 永吉卓玛
  "才仁", "才让", "江措", "永吉", "昂文", "尕藏", "久美", "更登", "多杰", "索南", "扎巴", "桑杰", "公保", "东主",
  "更藏", "加羊", "周措", "拉毛", "吉毛", "措毛", "万玛", "南加", "官却", "角巴", "完玛", "夏吾", "华旦", "贡保",
  "本加", "三智", "群宗", "次成", "洛松", "泽仁", "泽旺", "降措", "降央", "旦巴", "贡布", "赤烈", "白珍", "玉珍",
  "曲吉", "巴珍", "拉珍", "达娃", "次旺", "扎堆", "尼珍", "土旦", "次丹",
  // Common closing syllables of women's and men's names (扎西桑姆, 次仁拉宗, 格桑占堆)
  "桑姆", "拉宗", "仓决", "占堆", "次措", "旺久", "旺杰", "贡觉", "加央", "斯朗", "斯郎", "洛绒", "降初", "拥措",
  "拉措", "青措", "央拉", "德央", "措吉", "次吉", "央吉", "曲宗", "普琼", "穷达", "达杰", "罗桑", "格勒", "其美",
  "单增", "曲尼", "坚才", "朗加", "旺珍", "桑吉", "益珍",
  // More of Amdo (端智扎西, 秋吉加措, 完德卓玛, 当周才让)
  "端智", "秋吉", "完德", "当周",
]);

/** The first characters of Tibetan names: where their reading may start. */
export const TIBETAN_FIRSTS: ReadonlySet<string> = new Set([...TIBETAN_SYLLABLES].map((w) => w[0] ?? ""));

/** The length of a Tibetan name of two syllables at `s` (4), or of one when `syllables` is 1 (2), or 0. */
export function readTibetanName(text: string, s: number, syllables: 1 | 2 = 2): number {
  if (!TIBETAN_SYLLABLES.has(text.slice(s, s + 2))) return 0;
  if (syllables === 1) return 2;
  return TIBETAN_SYLLABLES.has(text.slice(s + 2, s + 4)) ? 4 : 0;
}

/** The characters the listed syllables are made of. */
const TIBETAN_SYLLABLE_CHARS = charTable([...[...TIBETAN_SYLLABLES].join("")]);
/** A pair of characters the dictionary counts more often than this is a word of the prose (扎西平时), not a syllable. */
const SYLLABLE_AS_WORD = 20;

/**
 * The length of a Tibetan name whose closing syllable the table lacks (4), or 0: a listed first
 * syllable, then two characters of the listed syllables that make no listed syllable and no
 * word of the prose (卓玛仓觉 with 仓觉 unlisted; not 扎西平时, nor 晋美旺盛, whose 盛 no syllable
 * holds). The caller checks that a name may end after it.
 */
export function readTibetanNameOpenEnd(text: string, s: number): number {
  if (!TIBETAN_SYLLABLES.has(text.slice(s, s + 2))) return 0;
  const last = text.slice(s + 2, s + 4);
  if (last.length !== 2 || TIBETAN_SYLLABLES.has(last)) return 0;
  if (!TIBETAN_SYLLABLE_CHARS.at(text, s + 2) || !TIBETAN_SYLLABLE_CHARS.at(text, s + 3)) return 0;
  return dictionaryFrequency(last) > SYLLABLE_AS_WORD ? 0 : 4;
}

/**
 * Elements of Mongolian personal names: a name is two of them or more (额尔敦毕力格, 苏和巴特尔,
 * 那仁高娃) and has no surname. One character elements (仓, 门, 格) only close a name (阿拉坦仓).
 */
const MONGOLIAN_ELEMENTS = new Set([
  "巴特尔", "苏和", "乌兰", "图雅", "其其格", "其木格", "那仁", "娜仁", "高娃", "宝音", "德力格尔", "德力格", "额尔敦",
  "毕力格", "毕力格图", "阿拉坦", "朝鲁", "孟和", "图门", "斯琴", "敖其尔", "那顺", "乌力吉", "巴雅尔", "吉日嘎拉",
  "哈斯", "格日勒", "萨仁", "额尔德尼", "特木尔", "布和", "朝克", "白音", "阿古拉", "敖登", "满都拉", "青格勒", "呼和",
  "巴图", "宝力道", "陶格图", "查干", "苏日娜", "都兰", "萨日娜", "吉雅", "乌日娜", "通拉嘎", "道尔吉", "孟克", "阿木尔",
  "塔娜", "乌云", "敖日格勒", "宝力格", "额尔登", "胡日查", "乌恩", "赛音", "朝格图", "孟根", "苏雅拉", "乌日汗",
  "莫日根", "阿迪雅", "图古斯", "达古拉", "巴雅斯古楞", "嘎拉", "巴根", "扎那", "其木德", "斯日古楞", "额日和木", "额尔德木",
  "那日苏", "那日松", "苏布达", "乌日图", "阿拉腾",
]);
const MONGOLIAN_CLOSING = new Set([..."仓门格花图"]);
export const MONGOLIAN_FIRSTS: ReadonlySet<string> = new Set([...MONGOLIAN_ELEMENTS].map((w) => w[0] ?? ""));
/** The first two characters of the elements: most positions are ruled out by one look-up. */
const MONGOLIAN_OPENINGS = new Set([...MONGOLIAN_ELEMENTS].map((w) => w.slice(0, 2)));
const LONGEST_ELEMENT = 5;

/**
 * The Mongolian name at `s` read as elements, longest first: its length and how many elements
 * it has, or null. It stops at 8 characters.
 */
export function readMongolianName(text: string, s: number): { length: number; elements: number } | null {
  let i = s;
  let elements = 0;
  for (;;) {
    let step = 0;
    if (MONGOLIAN_OPENINGS.has(text.slice(i, i + 2))) {
      // At the text's end a slice is shorter than asked: its own length is the step.
      for (let len = Math.min(LONGEST_ELEMENT, text.length - i); len >= 2 && step === 0; len--) if (MONGOLIAN_ELEMENTS.has(text.slice(i, i + len))) step = len;
    }
    if (step === 0 && elements > 0 && MONGOLIAN_CLOSING.has(text[i] ?? "")) step = 1;
    if (step === 0 || i + step - s > 8) break;
    i += step;
    elements++;
    if (step === 1) break;
  }
  return elements === 0 ? null : { length: i - s, elements };
}
