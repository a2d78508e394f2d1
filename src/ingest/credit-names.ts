/**
 * Names in credits: "(记者 殷雪莹、梁涛)", "(李俊华)", "新华社记者 张 三", "本报记者　刘　洋　孙丽华".
 *
 * A credit must look like a Chinese personal name, so that a parenthesised clause that is
 * not a name list ("(以下简称促进中心)", "(作者为研究员)") is never read as a credit.
 * All functions take the folded page text (see normalise.ts) and return absolute offsets.
 */
import { COMPOUND_SURNAMES, SINGLE_SURNAMES } from "./surnames.ts";
import { HAN_RANGES, isHanCode } from "./han.ts";
import { tagOfWord } from "./jieba.ts";
import { readMongolianName, readTibetanName, transliterationRunAt } from "./name-reading.ts";
import { readJapaneseName } from "./japanese-names.ts";
import { readYiName } from "./yi-names.ts";
import { isPressOfficePenName } from "./press-office-names.ts";
import { isSpaceCode } from "./normalise.ts";
import type { Span } from "./types.ts";

/** Marks some pages print before a credit, a byline or a brief's dispatch: "■本报记者 X 摄", "◎X 摄", "●本报讯（记者 X）…". */
export const LEAD_MARKS = "■●◆▲□◎★☆◇○▶►";

/** Labels printed before credited names, longest first so that 本报记者 wins over 记者. */
export const CREDIT_LABELS = [
  "新华社特约记者",
  "新华社记者",
  "本报特约通讯员",
  "本报特约记者",
  "本报见习记者",
  "本报通讯员",
  "本报实习生",
  "本报记者",
  "特约通讯员",
  "特约记者",
  "见习记者",
  "摄影记者",
  "本报特约评论员",
  "本报评论员",
  "特约评论员",
  "评论员",
  "特约撰稿人",
  "特约撰稿",
  "撰稿人",
  "撰稿",
  "撰文",
  "编译",
  "通讯员",
  "实习生",
  "记者",
  "作者",
  "读者",
] as const;

/**
 * Labels of people who wrote the piece without reporting it: they are its authors, as is any
 * commentator (…评论员), a reader who signs a letter ("读者 X") and the translator-editor of a
 * foreign report ("编译/X").
 */
const AUTHOR_LABELS = new Set(["作者", "撰文", "撰稿", "撰稿人", "特约撰稿", "特约撰稿人", "读者", "编译"]);

/** The label of a paper's staff photographer. */
const PHOTOGRAPHER_LABEL = "摄影记者";

/**
 * A label as printed, where typesetting may have put spaces inside it ("本报通讯 员", "记  者"):
 * the characters of one label with any spaces between them, longest label first.
 */
const SPACED_LABEL = new RegExp(CREDIT_LABELS.map((l) => [...l].join("\\s*")).join("|"), "y");

/** A medium's name: a paper, a site, an agency or a station (广州日报, 中国妇女报, 楚天都市报). */
const MEDIUM_NAME = `[${HAN_RANGES}]{2,8}?(?:报|网|社|台)`;

/**
 * A paper's or a site's name set before its web or app brand with a slash, a dot or a hyphen, which a
 * qualified label may open with: 扬子晚报/紫牛新闻记者, 农民日报·中国农网记者, 工人日报-中工网记者.
 */
const MEDIUM_BEFORE_BRAND = `[${HAN_RANGES}]{2,8}?(?:报|网|社|台|新闻|客户端)\\s*[/·・\\-‐]\\s*`;

/**
 * A paper's app, named with its kind (读特客户端, 极目新闻), between the paper's name and 记者
 * (深圳特区报读特客户端记者): longer than the qualifiers a paper's name may take, so named apart.
 */
const APP_BRAND = `[${HAN_RANGES}]{1,3}?(?:新闻客户端|客户端|新闻)`;

/**
 * Any other reporter's label: a qualifier or another paper's name, then 记者, 通讯员 or 评论员
 * ("全媒体记者", "融媒体记者", "首席记者", "南都记者", "新京报记者", "光明日报评论员"), a paper's
 * name and a qualifier or a brand ("中国妇女报全媒体记者", "楚天都市报极目新闻记者", "某某日报某某新闻客户端记者",
 * "扬子晚报/紫牛新闻记者", "中青报·中青网驻法国记者"). Only read where a credit may stand, at the
 * start of a token. After a paper's name and its brand a space may stand before the label
 * ("齐鲁晚报·齐鲁壹点 记者"): the pair names the medium, never a person.
 */
const QUALIFIED_LABEL = new RegExp(
  `(?:${MEDIUM_BEFORE_BRAND}[${HAN_RANGES}]{1,8}?\\s*|${MEDIUM_NAME}${APP_BRAND}|${MEDIUM_NAME}[${HAN_RANGES}]{1,4}?|[${HAN_RANGES}]{1,6}?)(?:记者|通讯员|评论员)`,
  "y",
);

/**
 * A web or app brand joined by a hyphen before the paper's name (新重庆-重庆日报记者, 厦门网-厦门日报讯):
 * left out as a brand after the name is (工人日报-中工网记者).
 */
export const BRAND_BEFORE_HYPHEN = `[${HAN_RANGES}]{1,5}?\\s*[\\-‐]\\s*`;

/**
 * An app brand printed before the paper's name and a space (潮新闻 钱江晚报记者 X), or a
 * provincial brand before it and a middle dot (新某省·某省日报记者 X): left out of the label like a
 * brand after a slash, so that the label still opens with the paper's name.
 */
const BRAND_BEFORE_MEDIUM = new RegExp(`(?:[${HAN_RANGES}]{1,4}?(?:新闻|客户端)\\s+|[${HAN_RANGES}]{2,4}?\\s*[·・]\\s*|${BRAND_BEFORE_HYPHEN})(?=${MEDIUM_NAME})`, "y");

/** The label starting at `i` (spaces inside it allowed), or null. */
export function labelAt(folded: string, i: number, end: number): { label: string; end: number } | null {
  SPACED_LABEL.lastIndex = i;
  const m = SPACED_LABEL.exec(folded);
  if (m !== null && i + m[0].length <= end) return { label: m[0].replace(/\s+/g, ""), end: i + m[0].length };
  // A label read whole comes first: in 工人日报-中工网记者 the paper's name leads, and no brand stands before it.
  const whole = qualifiedLabelAt(folded, i, end);
  if (whole !== null) return whole;
  BRAND_BEFORE_MEDIUM.lastIndex = i;
  const brand = BRAND_BEFORE_MEDIUM.exec(folded);
  return brand === null ? null : qualifiedLabelAt(folded, i + brand[0].length, end);
}

/** The qualified label starting at `i`, or null. */
function qualifiedLabelAt(folded: string, i: number, end: number): { label: string; end: number } | null {
  QUALIFIED_LABEL.lastIndex = i;
  const q = QUALIFIED_LABEL.exec(folded);
  if (q === null || i + q[0].length > end) return null;
  return { label: q[0].replace(/\s+/g, ""), end: i + q[0].length };
}

/**
 * The role of a credited name: a labelled name is a reporter; an unlabelled one in a byline or
 * a closing credit, or one after 作者, 撰文 or 评论员, is the author; one marked /图 or labelled
 * 摄影记者 (a photographer named among a byline's reporters) took the photos.
 */
export function creditRoleOf(name: CreditName): "REPORTER" | "AUTHOR" | "PHOTOGRAPHER" {
  if (name.photographer === true || name.label === PHOTOGRAPHER_LABEL) return "PHOTOGRAPHER";
  return name.label === null || AUTHOR_LABELS.has(name.label) || name.label.endsWith("评论员") ? "AUTHOR" : "REPORTER";
}

/** Words that sit in parentheses or before 摄 like a name but are not people. */
const NOT_NAMES = new Set([
  "新华社", "中新社", "本报", "记者", "完", "上图", "下图", "左图", "右图", "资料图", "待续",
  "未完待续", "全文完", "通讯员", "实习生", "图文", "图片", "视频", "航拍", "无人机", "手机",
  "手记", "观察", "调查", "述评", "札记", "专访", "连线", "快评", "短评", "时评", "文章", "来信",
]);

const MIDDLE_DOTS = "·•・‧.";

/** Length of the surname opening `name` (2 for 欧阳…), 0 when it does not open with one. */
function surnameLength(name: string): number {
  if (COMPOUND_SURNAMES.has(name.slice(0, 2))) return 2;
  const c = name[0];
  // The shared list leaves out surnames that are everyday words next to titles (原, 海…);
  // in a credit they are still surnames, so accept the few of them that start names.
  if (c !== undefined && (SINGLE_SURNAMES.has(c) || EXTRA_CREDIT_SURNAMES.has(c))) return 1;
  return 0;
}

/**
 * Surnames left out of the shared list (everyday words next to titles: 原, 海…) and rarer
 * surnames of the population lists (计, 渠, 效, 忻…): in a credit, where only names stand,
 * they still open names.
 */
const EXTRA_CREDIT_SURNAMES = new Set([
  ..."原海明时和南成全乐商官司师代位区",
  ..."计渠效忻云言闫琚綦郄呼衡弓双亢寿达扈蓟糜琚谯晁缑郦鄂祖郗芮禹洪巴贲宓宿谭仰隆",
]);

/**
 * True when `name` (spaces already removed) looks like a Chinese personal name: 2–4 Han
 * characters starting with a surname, or Han parts joined by a middle dot (阿不都·热合曼).
 */
export function looksLikePersonalName(name: string): boolean {
  if (NOT_NAMES.has(name)) return false;
  let dots = 0;
  for (let i = 0; i < name.length; i++) {
    const code = name.charCodeAt(i);
    if (MIDDLE_DOTS.includes(name[i]!)) {
      // A dot between two Han characters only.
      if (i === 0 || i === name.length - 1 || MIDDLE_DOTS.includes(name[i - 1]!)) return false;
      dots++;
    } else if (!isHanCode(code)) {
      return false;
    }
  }
  if (dots > 0) return name.length >= 3 && name.length <= 16;
  if (name.length < 2 || name.length > 4) return false;
  const s = surnameLength(name);
  if (s === 0) return false;
  // A four-character name is a compound surname with a two-character given name, or a
  // joined double surname; a single surname with a three-character given name is rare.
  return name.length < 4 || s === 2 || surnameLength(name.slice(1)) > 0;
}

/** A place of the administration (洪山区, 江城市, 南湖镇), which no name ends with. */
const WRITERS_PLACE = new RegExp(`^[${HAN_RANGES}]{2,8}[省市区县镇乡]$`);

export interface CreditName {
  name: string;
  label: string | null;
  /** Marked as the photographer by a /图 or /摄 after the name ("记者 王小明/文 李强/图" → 李强). */
  photographer?: true;
  /** From the first to the last character of the name as printed (padding included). */
  span: Span;
}

interface Token {
  start: number;
  end: number;
  /** True when the token was separated from the previous one by spaces only. */
  spaceBefore: boolean;
}

/** 、 , ; / and the colon after a label ("记者：王小明"). */
const isListSeparator = (code: number): boolean =>
  code === 0x3001 /* 、 */ || code === 0x2c || code === 0x3b || code === 0x2f || code === 0xff64 || code === 0x3a;

/**
 * Splits [start, end) on spaces and list separators (、 , ; /). An outlet named in book-title
 * marks ("《民生周刊》记者 郭鹏") separates too: it qualifies the label after it.
 */
function tokenize(folded: string, start: number, end: number): Token[] {
  const tokens: Token[] = [];
  let i = start;
  let sawSeparator = true;
  while (i < end) {
    const code = folded.charCodeAt(i);
    if (isSpaceCode(code)) {
      i++;
      continue;
    }
    if (isListSeparator(code)) {
      sawSeparator = true;
      i++;
      continue;
    }
    if (code === 0x300a /* 《 */) {
      const close = folded.indexOf("》", i + 1);
      if (close !== -1 && close < end) {
        sawSeparator = true;
        i = close + 1;
        continue;
      }
    }
    const tStart = i;
    while (i < end) {
      const c = folded.charCodeAt(i);
      if (isSpaceCode(c) || isListSeparator(c) || c === 0x300a) break;
      i++;
    }
    tokens.push({ start: tStart, end: i, spaceBefore: tokens.length > 0 && !sawSeparator });
    sawSeparator = false;
  }
  return tokens;
}

/** Surnames by frequency rank (the shared list is ordered most common first). */
const SURNAME_RANK = new Map([...SINGLE_SURNAMES].map((c, i) => [c, i] as const));
/** Characters of function words and place units, which no given name is made of. */
const NEVER_IN_GIVEN_NAME = new Set([..."的了是在与及或等为对从到把被将之其这那此每各该有无不也都就要说称报道讯电省市县区乡镇村局部委厅处摄供稿版"]);
/** A given-name character that is one of the most common surnames hints that a new name starts there. */
const COMMON_SURNAME_RANK = 60;

/** How unlikely `name` is as one of several names printed without separators (lower is likelier). */
function gluedNameCost(name: string): number {
  const s = surnameLength(name);
  if (s === 0 || name.length - s < 1 || name.length - s > 2) return Number.POSITIVE_INFINITY;
  let cost = s === 2 ? 0.5 : (SURNAME_RANK.get(name[0]!) ?? 300) / 150;
  for (const c of name.slice(s)) {
    if (NEVER_IN_GIVEN_NAME.has(c) || !isHanCode(c.charCodeAt(0))) return Number.POSITIVE_INFINITY;
    if ((SURNAME_RANK.get(c) ?? COMMON_SURNAME_RANK) < COMMON_SURNAME_RANK) cost += 1.5;
  }
  // Three-character names are the more common form.
  return name.length === 2 ? cost + 0.2 : cost;
}

/**
 * Splits names printed without any separator ("柯青罗丹", "丁昕彤王鹏张钰祺") into the likeliest
 * sequence of two- to four-character names, each opening with a surname; null when no split
 * covers the whole text.
 */
export function splitGluedNames(text: string): string[] | null {
  const n = text.length;
  if (n < 4) return null;
  const best: { cost: number; prev: number }[] = Array.from({ length: n + 1 }, () => ({ cost: Number.POSITIVE_INFINITY, prev: -1 }));
  best[0]!.cost = 0;
  for (let i = 0; i < n; i++) {
    const from = best[i]!;
    if (from.cost === Number.POSITIVE_INFINITY) continue;
    for (let len = 2; len <= 4 && i + len <= n; len++) {
      const cost = from.cost + gluedNameCost(text.slice(i, i + len));
      if (cost < best[i + len]!.cost) best[i + len] = { cost, prev: i };
    }
  }
  if (best[n]!.cost === Number.POSITIVE_INFINITY) return null;
  const names: string[] = [];
  for (let e = n; e > 0; e = best[e]!.prev) names.unshift(text.slice(best[e]!.prev, e));
  return names.length >= 2 ? names : null;
}

/** Marks after a name and a slash that say what the person did: wrote (文) or took the photos (图, 摄). */
const ROLE_MARKS = new Map<string, "writer" | "photographer">([
  ["文", "writer"],
  ["图", "photographer"],
  ["摄", "photographer"],
]);

/** Two or three Han characters that could be a name whose surname is missing from the tables. */
function labelledRareName(text: string): boolean {
  if (text.length < 2 || text.length > 3 || NOT_NAMES.has(text) || looksLikePersonalName(text)) return false;
  for (const c of text) if (!isHanCode(c.charCodeAt(0)) || NEVER_IN_GIVEN_NAME.has(c)) return false;
  return true;
}

/**
 * Whether token `k` stands in a line of two or three whole names set apart by spaces, none of them
 * a word of the dictionary, beside one the surname table vouches for (杭文涛 蒲思源): a name-only
 * byline, where only names stand.
 */
function besideNames(folded: string, tokens: Token[], k: number): boolean {
  if (tokens.length < 2 || tokens.length > 3) return false;
  const texts = tokens.map((t) => folded.slice(t.start, t.end));
  if (tokens.some((t, j) => j > 0 && !t.spaceBefore) || texts.some((t) => t.length < 2 || t.length > 3 || tagOfWord(t) !== null)) return false;
  return texts.some((t, j) => j !== k && looksLikePersonalName(t));
}

/**
 * A name with no Chinese surname, of a Mongolian, Uyghur, Kazakh, Tibetan, Yi or Japanese reporter,
 * after a label that vouches for it (记者 其其格, 通讯员 阿斯哈尔, 记者 次仁罗布, 记者 曲比阿依): Mongolian name
 * elements, transliteration characters, two Tibetan syllables or a Yi clan and two characters,
 * from end to end.
 */
function isMinorityName(text: string): boolean {
  if (text.length < 2 || text.length > 8) return false;
  if (text.length === 4 && (readTibetanName(text, 0) === 4 || readYiName(text, 0, (i) => i === 4) === 4)) return true;
  if (readMongolianName(text, 0)?.length === text.length || transliterationRunAt(text, 0) === text.length) return true;
  // A Japanese name, with a surname of the list only (山田由美子): two-character surnames made up
  // by their last character would take in Chinese words.
  return readJapaneseName(text, 0, (i) => i === text.length, () => true) === text.length;
}

/** How many one-character tokens run from `k` on, each after spaces only. */
function singleCharRun(tokens: Token[], k: number): number {
  let n = 0;
  while (k + n < tokens.length && tokens[k + n]!.end - tokens[k + n]!.start === 1 && (n === 0 || tokens[k + n]!.spaceBefore)) n++;
  return n;
}

export interface CreditListOptions {
  /**
   * Whether a dotted name may stand without a label. On a line of its own "走基层·蹲点调研"
   * is a column name, not a person: there a dotted name needs a label before it.
   */
  unlabelledDotted?: boolean;
  /** Whether unlabelled names printed without separators may be split (the context is a credit). */
  gluedUnlabelled?: boolean;
}

/** What closes a credit with the work done rather than a name: "（记者 刘洋 整理）", "编译", "采写", "报道" (报导 in Taiwan). */
const CLOSING_WORK = /\s*(?:整理|编译|采写|执笔|报道|报导)$/;
/**
 * A label glued to the word after it and a colon is the name of a field, not a credit: "作者单位：…",
 * "作者简介：…" give a unit or a note, and the text after the colon is no name.
 */
function isFieldName(folded: string, labelEnd: number, token: Token): boolean {
  return token.start < labelEnd && token.end > labelEnd && /[:：]/.test(folded[token.end] ?? "");
}

/** Where a credited report was filed, before 报道: "本报记者 曹晓东 上海报道", and Taiwan's "记者王小明／台北报导". */
const FILED_FROM = new RegExp(`(\\s+|\\s*/\\s*)([${HAN_RANGES}]{2,4})报[道导]$`);

/**
 * Where the names of a credit end in [start, end): before a closing word for the work done
 * (整理, 编译, 报道) or a place it was filed from (上海报道: a word jieba tags as a place, so
 * that a name glued to 报道 stays a name; after a slash, any place: 记者王小明／高雄报导).
 */
export function creditNamesEnd(folded: string, start: number, end: number): number {
  const text = folded.slice(start, end);
  const filed = FILED_FROM.exec(text);
  if (filed !== null && (filed[1]!.includes("/") || tagOfWord(filed[2]!) === "ns")) return start + filed.index;
  const work = CLOSING_WORK.exec(text);
  return work === null ? end : start + work.index;
}

/**
 * Reads [start, end) as a credit list: optional labels, each followed by one or more names.
 * Names padded to three characters' width ("张 三") are put back together; names printed
 * without separators after a label ("通讯员李璐黄桉凡") are split. Returns null when any part
 * is neither a label nor a name, or when there is no name at all.
 */
export function parseCreditList(
  folded: string,
  start: number,
  end: number,
  options: CreditListOptions | boolean = {},
): CreditName[] | null {
  const { unlabelledDotted = true, gluedUnlabelled = false } = typeof options === "boolean" ? { unlabelledDotted: options } : options;
  const tokens = tokenize(folded, start, end);
  if (tokens.length === 0) return null;
  const out: CreditName[] = [];
  let label: string | null = null;
  let k = 0;
  /** The names read since the last /文 or /图 mark: the next mark says what they did. */
  let unmarked = 0;
  while (k < tokens.length) {
    const t = tokens[k]!;
    let s = t.start;
    // "王小明/文 李强/图": a role mark after a slash says the names before it wrote or took the photos.
    const mark = t.end - t.start === 1 && folded[t.start - 1] === "/" ? ROLE_MARKS.get(folded[t.start]!) : undefined;
    if (mark !== undefined && out.length > unmarked) {
      if (mark === "photographer") for (const n of out.slice(unmarked)) n.photographer = true;
      unmarked = out.length;
      k++;
      continue;
    }
    const lab = labelAt(folded, t.start, end);
    if (lab !== null) {
      label = lab.label;
      // The label may run over spaces into the following tokens ("通讯 员").
      while (k < tokens.length && tokens[k]!.end <= lab.end) k++;
      if (k >= tokens.length) break;
      s = Math.max(lab.end, tokens[k]!.start);
      if (isFieldName(folded, lab.end, tokens[k]!)) return null;
    }
    const cur = tokens[k]!;
    const text = folded.slice(s, cur.end);
    // Where a reader who signs a letter lives, before the name: "（洪山区　王小明）". A place is no name.
    if (WRITERS_PLACE.test(text)) {
      k++;
      continue;
    }
    // Exactly three single characters apart across spaces only: a three-character name that OCR
    // or letter-spacing pulled apart ("王 晓 明"); a run of four is two padded names ("李 娜 杨 军").
    // After a label the padding vouches for a name with no Chinese surname too (记者 玉 香 兰).
    if (text.length === 1 && singleCharRun(tokens, k) === 3) {
      const spaced = tokens.slice(k, k + 3);
      const joined = spaced.map((x) => folded[x.start]).join("");
      if (looksLikePersonalName(joined) || (label !== null && labelledRareName(joined))) {
        out.push({ name: joined, label, span: { start: s, end: spaced[2]!.end } });
        k += 3;
        continue;
      }
    }
    // A single character followed, across spaces only, by another single character: a
    // two-character name padded to the width of three ("张 三", "刘　洋").
    const next = tokens[k + 1];
    if (text.length === 1 && next !== undefined && next.spaceBefore && next.end - next.start === 1) {
      const joined = text + folded.slice(next.start, next.end);
      // The padding itself says "a two-character name", so a rare surname (宜, 佴) is accepted.
      if (NOT_NAMES.has(joined) || !isHanCode(joined.charCodeAt(0)) || !isHanCode(joined.charCodeAt(1))) return null;
      out.push({ name: joined, label, span: { start: s, end: next.end } });
      k += 2;
      continue;
    }
    // A surname set apart by padding from the given name that makes a three-character name with it:
    // one character before two ("魏　志远"; one character alone is no name), or a compound surname
    // before one ("司马　宁").
    const padded = next?.spaceBefore ? next.end - next.start : 0;
    if ((text.length === 1 && padded === 2) || (text.length === 2 && padded === 1 && COMPOUND_SURNAMES.has(text))) {
      const joined = text + folded.slice(next!.start, next!.end);
      if (looksLikePersonalName(joined)) {
        out.push({ name: joined, label, span: { start: s, end: next!.end } });
        k += 2;
        continue;
      }
    }
    if (label !== null && isPressOfficePenName(text)) {
      // After a label, a press office's pen name (通讯员 豫发改宣) is one name, as printed.
      out.push({ name: text, label, span: { start: s, end: cur.end } });
      k++;
      continue;
    }
    if ((label !== null || besideNames(folded, tokens, k)) && labelledRareName(text)) {
      // After a label only a name can stand: a rare surname (励漪) is still a surname; so it is
      // in a line of whole names with no label, beside a name the surname table vouches for.
      out.push({ name: text, label, span: { start: s, end: cur.end } });
      k++;
      continue;
    }
    if (!looksLikePersonalName(text)) {
      const parts = label !== null || gluedUnlabelled ? splitGluedNames(text) : null;
      if (parts === null && label !== null && isMinorityName(text)) {
        out.push({ name: text, label, span: { start: s, end: cur.end } });
        k++;
        continue;
      }
      if (parts === null) return null;
      let at = s;
      for (const name of parts) {
        out.push({ name, label, span: { start: at, end: at + name.length } });
        at += name.length;
      }
      k++;
      continue;
    }
    if (!unlabelledDotted && label === null && /[·•・‧.]/.test(text)) return null;
    out.push({ name: text, label, span: { start: s, end: cur.end } });
    k++;
  }
  return out.length > 0 ? out : null;
}
