/**
 * Which printed words are a found name's title. Before a name the title reaches back from its role
 * noun word by word, across its organ and across 、 to earlier titles (省委常委、太原市委书记韦韬),
 * and stops at punctuation, a grammar word, a verb that governs the role, or another name; a vice
 * holder listed after the holder of the same body is given the body's name (市政协主席X、副主席Y).
 * After a name stand the postfix titles (习近平总书记) and the offices the news puts there when the
 * person speaks next (王刚局长说). These rules say how far a title reaches, not whether a word is
 * a person: that is the finders' job.
 */
import { isHan } from "../han.ts";
import type { Token } from "../jieba.ts";
import { roleEndingAt, type RoleTier, roleTier } from "../role-nouns.ts";
import { surnameLengthAt } from "../surnames.ts";
import { isOfficeWord, officeEndingAt, POSTFIX_TITLES, splitOffice } from "../titles.ts";
import { agentNounEndingAt } from "./derived-roles.ts";
import type { Found, Segment } from "./segments.ts";
import { speakerColonAt, speakerRoleEnd } from "./speaker-lines.ts";
import { FUNCTION_TAGS, NOUN_TAGS, PERSON_TAGS } from "./tags.ts";

/** Words a title cannot reach back across: 韦韬与汾酒集团党委书记…, 是省委书记林武. */
const TITLE_STOP_WORDS = new Set([
  "与", "和", "及", "以及", "同", "跟", "在", "由", "对", "向", "为", "是", "了", "的", "据", "经",
  "请", "让", "被", "把", "给", "从", "并", "等", "也", "都", "将", "会同", "陪同", "会见", "看望",
  "慰问", "听取", "邀请", "欢迎", "带领", "率领", "参加", "出席", "主持", "宣布", "任命", "担任",
  "接受", "介绍", "告诉", "表示", "说", "其中", "包括", "还有", "有", "如", "即", "向来",
  // Verbs done to a person, which open the clause before the role (古镇迎来游客, 中心派出首席预报员).
  "迎来", "接待", "招聘", "表彰", "表扬", "奖励", "派出", "选派", "帮助", "采访", "走访", "拜访", "聘请",
  "培养", "救助", "救治", "吸引", "动员", "感谢", "称赞", "赞扬", "约谈", "起诉", "逮捕", "抓获", "发现",
  "来到", "走进", "前往",
  // Results of a match, whose object is the opponent (战胜韩国选手, 击败法国组合); jieba tags some as nouns.
  "战胜", "击败", "击溃", "力克", "横扫", "完胜", "险胜", "负于", "不敌", "输给", "逼平", "战平", "淘汰", "对阵", "迎战",
]);
/**
 * Whether a numeral is part of the name of a unit or place in a title (中铁十一局, 九仙山气象站)
 * or counts the term of an assembly (十三届全国人大代表), though jieba tags it a numeral: written
 * in Chinese numerals and followed by a unit's last character or a place, or ending in 届.
 */
function numberedUnit(seg: Segment, tok: Token): boolean {
  if (tok.tag !== "m" || !/^[一二三四五六七八九十百零两]+届?$/.test(tok.word)) return false;
  if (tok.word.endsWith("届")) return true;
  const next = seg.tokens[seg.tokenAt[tok.end] ?? -1];
  return UNIT_ENDS.has(seg.text[tok.end] ?? "") || next?.tag === "ns";
}
const UNIT_ENDS = new Set([..."局处院所厂矿队团师旅营连冶建中校"]);

/**
 * Whether a word jieba tags as a function word is part of an organ's name before the role at
 * `roleStart`: 与/和 joining the fields of a department (观测与预报处, 国际关系与合作部), or a unit's
 * last character it tags a conjunction or classifier (半导体所/c, 基准台/q).
 */
function unitInOrgan(seg: Segment, tok: Token, roleStart: number): boolean {
  const t = seg.text;
  if (UNIT_FUNCTION_WORDS.has(tok.word)) return NOUN_TAGS.has(seg.tokens[seg.tokenAt[tok.start - 1] ?? -1]?.tag ?? "");
  if (tok.word !== "与" && tok.word !== "和") return false;
  const before = seg.tokens[seg.tokenAt[tok.start - 1] ?? -1];
  return ORGAN_MARK.test(t.slice(tok.end, roleStart)) && before !== undefined && (NOUN_TAGS.has(before.tag) || before.tag === "vn");
}
/** Last characters of units that jieba, inside a name, may tag as a conjunction or a classifier. */
const UNIT_FUNCTION_WORDS = new Set(["所", "台", "站", "处", "院"]);
/** Characters that end the name of an organ or unit. */
export const ORGAN_MARK = /[部局委院厅会办处所站队司署团社馆中心组室科]/;

/** Words that mark a post as held before (文联原主席, 前主席): inside a title, not a name's end. */
export const FORMER = new Set(["原", "前"]);

/** Verbs that qualify a role rather than govern it: they stay at the head of a title (退休教师). */
const QUALIFYING_VERBS = new Set([
  "退休", "离休", "退伍", "复员", "值班", "值守", "执勤", "值勤", "带班", "承办", "主办", "主审", "主管", "分管",
  "主治", "主刀", "驻村", "驻站", "援鄂", "援疆", "援藏", "挂职", "兼职", "专职", "特聘", "留守", "返乡", "在职", "在岗",
  "外卖", "快递",
]);
/**
 * An office printed in quotation marks right before the name at `s`, as a paper prints the posts
 * of a body it does not recognise (民进党籍“立委”X, 台北“市长”X): the office with its marks, a
 * title like any other. A quoted phrase that only ends in an office (“老县长”高德荣) is a nickname.
 */
export function quotedOfficeBefore(t: string, s: number): { word: string; tier: RoleTier } | null {
  if (t[s - 1] !== "”") return null;
  const role = roleEndingAt(t, s - 1);
  if (role === null || role.tier !== "office" || t[s - 2 - role.word.length] !== "“") return null;
  return { word: `“${role.word}”`, tier: role.tier };
}

/**
 * The title before a name with · found where it stands: ending in a listed role or one named by
 * its last character (粮农组织首席经济学家, 制表师) right before `s`; or, in a speaker line of a
 * round of voices (speaker-lines.ts), the role phrase opening the line before the blank
 * (塔吊司机　X·Y：“…”). Where it starts and ends, or null; a kinship word is no title.
 */
export function titleBeforeDottedName(seg: Segment, s: number, nameEnd: number, nameEnds: Set<number>): { start: number; end: number } | null {
  const t = seg.text;
  const gap = speakerColonAt(t, nameEnd) ? speakerRoleEnd(seg, s) : -1;
  const end = gap >= 0 ? gap : s;
  const role = roleEndingAt(t, end) ?? agentNounEndingAt(seg, end);
  if (role === null || role.tier === "kinship") return null;
  const start = titleBefore(seg, end, role.word, nameEnds);
  return start === null ? null : { start, end };
}

/** A title longer than this is a sentence, not a title. */
const MAX_TITLE = 40;

/**
 * Offices and professions that follow a name in the news only when something is said of the
 * person right after them (王刚局长说, 陈红主任介绍, 李娜律师提醒); the longer ones first, so that
 * 副局长 is read as itself, not as 局长.
 */
const SPOKEN_POSTFIX_TITLES: readonly string[] = [
  "董事长", "总经理", "副书记", "副局长", "副主任", "副市长", "副县长", "副区长", "副镇长", "副院长", "副校长", "研究员",
  "工程师", "副秘书长", "秘书长", "书记", "局长", "主任", "市长", "县长", "区长", "镇长", "乡长", "部长", "厅长", "处长", "科长", "校长", "院长",
  "所长", "站长", "馆长", "队长", "社长", "会长", "经理", "主编", "医生", "律师", "法官", "教练", "博士",
];

/** One pass over a paragraph for all of them: at each place the longest that matches. */
export const SPOKEN_POSTFIX = new RegExp(SPOKEN_POSTFIX_TITLES.join("|"), "g");

/** The postfix title standing at `i` (王阳元院士 → 院士), or null. */
export function postfixTitleAt(t: string, i: number): string | null {
  for (const title of POSTFIX_TITLES) if (t.startsWith(title, i)) return title;
  return null;
}

/**
 * Where the title that ends at `s` (with `office`) begins, or null when the office word is
 * not a title for the name at `s`. The title reaches back word by word across its organ
 * (汾酒集团党委书记) and across 、 to earlier titles (省委常委、太原市委书记), stopping at
 * punctuation, a function word, a verb such as 与/是/听取, or a name.
 */
export function titleBefore(seg: Segment, s: number, office: string, nameEnds: Set<number>): number | null {
  const t = seg.text;
  let pos = s - office.length;
  for (;;) {
    if (pos <= 0 || s - pos > MAX_TITLE) break;
    if (nameEnds.has(pos)) break;
    const c = t[pos - 1] ?? "";
    if (c === "、") {
      // A list of titles continues only if what stands before 、 is itself a title.
      if (officeEndingAt(t, pos - 1) !== null && !nameEnds.has(pos - 1)) {
        pos -= 1;
        continue;
      }
      break;
    }
    if (c === "”") {
      // A quoted name of an award, programme or project is part of the title (“一带一路”气象访问学者).
      const open = t.lastIndexOf("“", pos - 2);
      if (open >= 0 && s - open <= MAX_TITLE && !/[。！？，；：、]/.test(t.slice(open + 1, pos - 1))) {
        pos = open;
        continue;
      }
      break;
    }
    if (!isHan(c)) break;
    const k = seg.tokenAt[pos - 1] ?? -1;
    const tok = k >= 0 ? seg.tokens[k] : undefined;
    if (!tok) {
      pos -= 1;
      continue;
    }
    // An ordinal names an organ (南京市第一中学校长, 第二人民医院院长), though jieba tags it a numeral;
    // a role noun it tags a time word qualifies the role (青年/t 钢琴家).
    const qualifies =
      /^第[一二三四五六七八九十百0-9]+$/.test(tok.word) ||
      roleTier(tok.word) !== null ||
      numberedUnit(seg, tok) ||
      unitInOrgan(seg, tok, s - office.length) ||
      FORMER.has(tok.word);
    if (!qualifies && (TITLE_STOP_WORDS.has(tok.word) || FUNCTION_TAGS.has(tok.tag))) break;
    if (PERSON_TAGS.has(tok.tag) && tok.word.length >= 2 && surnameLengthAt(tok.word, 0) > 0 && startsWithRole(seg, pos)) {
      // 习近平总书记殷殷…: a postfix title belongs to the name before it.
      if (pos === s - office.length && POSTFIX_TITLES.has(office)) return null;
      break;
    }
    // Nor into a word jieba ran on from a name's end (扎西平措和纳西族同事: 措和/x).
    if (endsInside(nameEnds, tok.start, pos)) break;
    pos = tok.start;
  }
  // A verb the walk took for part of an organ (感谢市长张三) does not begin a title, unless it
  // says what kind of holder the person is (退休教师, 值班预报员, 承办法官).
  for (;;) {
    const tok = seg.tokens[seg.tokenAt[pos] ?? -1];
    if (!tok || tok.start !== pos || tok.tag !== "v" || tok.end > s - office.length || QUALIFYING_VERBS.has(tok.word)) break;
    pos = tok.end;
  }
  // Nor a preposition jieba joined to the word after it (据市交警支队…: 据市/x), when no body's name opens with it.
  const first = seg.tokens[seg.tokenAt[pos] ?? -1];
  if (first?.start === pos && first.tag === "x" && first.word.length >= 2 && LEADING_PREPOSITIONS.has(t[pos]!)) pos += 1;
  return pos;
}

/** Whether a name ends strictly inside (start, end). */
function endsInside(nameEnds: Set<number>, start: number, end: number): boolean {
  for (const e of nameEnds) if (e > start && e < end) return true;
  return false;
}

/**
 * Whether the title's words from `pos` open with an office or a role (韦韬/市长, 习近平/总书记): a
 * name jieba tags before one is a person's. Before an organ it is a place's or a firm's name that
 * jieba tags as a person's (秦淮/nr 分局民警, 宁德/nr 时代董事长).
 */
function startsWithRole(seg: Segment, pos: number): boolean {
  const tok = seg.tokens[seg.tokenAt[pos] ?? -1];
  return tok === undefined || tok.start !== pos || roleTier(tok.word) !== null || isOfficeWord(tok.word);
}

/** Prepositions that open no organisation's name: 据, 被, 请, 让, 把, 给 (对外经贸大学 and 向阳区 rule out 对 and 向). */
const LEADING_PREPOSITIONS = new Set([..."据被请让把给"]);

/**
 * The full title of a vice holder listed after the holder of the same body:
 * 市政协主席操学诚、副主席陈继光 → 市政协副主席 for 陈继光. Null when not such a case.
 */
export function viceTitle(found: Found[], t: string, titleStart: number, s: number): string | null {
  const printed = t.slice(titleStart, s);
  if (!/^(?:常务)?副/.test(printed) || !isOfficeWord(printed) || t[titleStart - 1] !== "、") return null;
  const prev = found.findLast((f) => f.at + f.name.length === titleStart - 1 && f.title !== null);
  const lastUnit = (prev?.fullTitle ?? prev?.title ?? "").split("、").pop() ?? "";
  const split = splitOffice(lastUnit);
  return split && split.body.length > 0 ? split.body + printed : null;
}
