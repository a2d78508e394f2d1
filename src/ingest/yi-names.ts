/**
 * Yi personal names (彝族, of Liangshan and beyond): a clan name of two characters and a given name
 * of two (阿西阿呷, 吉克曲布, 沙马拉古), with no Chinese surname, so the surname-based reading cuts them
 * (吉克曲) or misses them. They are read only in an article that speaks of the Yi.
 */
import { isHan } from "./han.ts";
import { boundaryAt } from "./name-reading.ts";

/** Clan names of the Yi, the commonest first (吉克, 阿西, 沙马, 曲比, 阿苏, 马海…). */
const CLANS = new Set([
  "吉克", "阿西", "沙马", "曲比", "阿苏", "马海", "俄木", "海来", "吉木", "阿侯", "勒格", "阿约", "吉尔", "木乃",
  "日火", "瓦扎", "加拉", "马黑", "罗洪", "尔古", "吉伍", "阿硕", "阿牛", "俄狄", "阿尔", "阿克", "吉吉", "巴莫",
  "的日", "阿力", "吉俄", "阿支", "比补", "拉马", "沙玛", "木呷", "阿说", "安木", "吉力", "倮伍", "迪惹",
]);

/**
 * The length (4) of the Yi name at `s`, a clan and two characters that `endsAt` accepts as a
 * name's end, or 0; the characters after the clan are no grammar word (吉克的, 阿西老师 are none).
 */
export function readYiName(text: string, s: number, endsAt: (i: number) => boolean): number {
  if (!CLANS.has(text.slice(s, s + 2))) return 0;
  // 则 closes many given names (拉则, 日则) where a name's end follows it: a clan with one character is rare.
  for (let i = s + 2; i < s + 4; i++) if (!isHan(text[i]) || (boundaryAt(text, i) !== "none" && !(i === s + 3 && text[i] === "则"))) return 0;
  return endsAt(s + 4) ? 4 : 0;
}

/**
 * Whether a text speaks of the Yi, so that a clan may open a name: by the people's name, or by a
 * place where most people are Yi, Liangshan's city and counties and those of the Xiaoliangshan
 * (a local report names its county, not the prefecture: 西昌市公安局, 昭觉县).
 */
export function speaksOfYi(text: string): boolean {
  return /彝|凉山|西昌|昭觉|布拖|美姑|金阳|喜德|越西|甘洛|雷波|普格|冕宁|峨边|马边|宁蒗/.test(text);
}
