/**
 * Chinese surnames, for telling a name from the word that happens to follow a title.
 *
 * The single surnames are the common ones of the mainland population lists (about 300,
 * covering well over 95% of people), plus rare ones seen in the news (习, 操, 屠) that are no
 * everyday word (not 宣 of 宣布, 廉 of 廉政, 杭 of 杭州). Left out
 * on purpose (EXCLUDED): characters that are surnames only rarely but are everyday words or
 * place/organ characters right after a title (副, 市, 省, 党, 全, 和, 时…). Common surnames that
 * double as prepositions (于, 向) stay: the people reader rejects them by part of speech.
 */
import { charTable } from "./char-table.ts";

const SINGLE =
  "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤" +
  "傅常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阎帅" +
  "操揭竺訾逯晋习隗屠昝钮芮雍檀郦邰亓邴禹蒯笪逄禤缑郇眭狄朴冶" +
  // Of the hundred commonest, left out of the lists above (洪, 赖, and 萧 beside its variant 肖).
  "洪赖萧" +
  // Rarer surnames of the population lists, each a few tens of thousands of people or more, that
  // open few of jieba's dictionary's words other than places (under 600 counted in all: 裘 6,
  // 矫 352, 昌 429; not 祖 of 祖国 5773, 富 10284, 权 27102) and are no grammar word alone (not
  // 於, 毋, 暨, 甫, 乜, 卯, nor 帖 of 帖子, 盖 and 续, verbs).
  "裘綦阚庹晁嵇扈矫郄禄戈昌赫靖贲卿邸荀钭亢琚殳仉蓟雒旷汝茹宓桓粱尉蹇励郏戎麴羿汲糜莘璩濮慕庾弘阙沃夔巢韶佴郗姒苌酆骞谯厍睢蔚";

/** Characters removed from SINGLE again: see the comment above. */
const EXCLUDED = new Set(["副", "市", "省", "党", "代", "原", "区", "海", "明", "时", "和", "南", "成", "全", "位", "乐", "商", "官", "司", "师"]);

export const SINGLE_SURNAMES: ReadonlySet<string> = new Set(
  [...SINGLE].filter((c) => !EXCLUDED.has(c)),
);

/**
 * Taiwan's double surnames, two families' surnames joined (张简雅婷, 范姜国良, 张廖万坚): each half is
 * a surname of its own, so standing alone they are a surname and a given name (张简说).
 */
export const JOINED_SURNAMES: ReadonlySet<string> = new Set(["张简", "范姜", "张廖"]);

/** Two-character surnames: tried before single ones so that 欧阳 is not read as 欧 + 阳…. */
export const COMPOUND_SURNAMES: ReadonlySet<string> = new Set([
  "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "令狐", "慕容", "夏侯", "尉迟", "公孙", "长孙",
  "宇文", "司徒", "端木", "独孤", "南宫", "申屠", "轩辕", "澹台", "呼延", "万俟", "闻人", "赫连",
  "西门", "钟离", "太史", "公羊", "濮阳", "淳于", "单于", "百里", "东郭", "拓跋", "完颜", "羊舌",
  // Rarer ones still borne today; not 第五 (an ordinal), 东门/南门 (gates), 即墨 (a city), 微生
  // (微生物) nor 漆雕 (a craft), which are words before they are names.
  "司空", "左丘", "鲜于", "闾丘", "公冶", "宗政", "乐正", "巫马", "梁丘", "亓官", "谷梁", "段干",
  "仲孙", "叔孙", "公良", "宰父", "夹谷", "壤驷", "公西", "颛孙", "司寇",
  // Of the classic lists too, and the Manchu 纳兰; none opens a word of the dictionary (子车 6, 归海 7,
  // words of no use). Not 东宫 (a palace), 王孙 (nobles) nor 贺兰 (a mountain).
  "太叔", "子车", "归海", "伯赏", "商牟", "公仪", "达奚", "纳兰",
  ...JOINED_SURNAMES,
]);

/** First characters of the compound surnames: most positions need no slice to be ruled out. */
const COMPOUND_FIRSTS = charTable([...COMPOUND_SURNAMES].map((s) => s[0] ?? ""));
const SINGLE_TABLE = charTable(SINGLE_SURNAMES);

/** Length (1 or 2) of the surname standing at `i` in `text`, 0 when none. */
export function surnameLengthAt(text: string, i: number): 0 | 1 | 2 {
  if (COMPOUND_FIRSTS.at(text, i) && COMPOUND_SURNAMES.has(text.slice(i, i + 2))) return 2;
  return SINGLE_TABLE.at(text, i) ? 1 : 0;
}

/** Rank of each single surname in the population list above (0 = most common). */
const RANK = new Map([...SINGLE].map((c, i) => [c, i] as const));

/**
 * How likely the surname standing at `i` is as a surname, 0 to 1: the population share falls
 * fast down the list, so the hundred commonest weigh 1, the next hundred 0.8, the rest 0.6;
 * compound surnames 0.8 (rare, but unambiguous).
 */
export function surnameLikelihood(text: string, i: number): number {
  const length = surnameLengthAt(text, i);
  if (length === 2) return 0.8;
  if (length === 0) return 0;
  const rank = RANK.get(text[i] ?? "") ?? Number.POSITIVE_INFINITY;
  return rank < 100 ? 1 : rank < 200 ? 0.8 : 0.6;
}
