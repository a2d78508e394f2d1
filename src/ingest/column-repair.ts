/**
 * Column-break repair. OCR of a multi-column page cuts paragraphs where a column ends,
 * sometimes mid-word ("正坚" / "决贯彻"), sometimes with the character at the break printed
 * twice ("雄安新区" / "区,优化"). A block that does not end a sentence is continued by the
 * next body block; a real paragraph end is never crossed.
 */

import { isHanCode } from "./han.ts";

/** Punctuation that ends a sentence (folded forms: ！→! ？→? ；→; ：→:). */
const SENTENCE_END = "。!?;:…";
/** Closing quotes and brackets, which end a paragraph when what they close ended a sentence. */
const CLOSERS = "\u201d\u2019」』》>]";

/**
 * Whether the "." at `i` is a full stop that OCR printed half-width ("…事故发生."): it follows a
 * Han character or a closing quote, where a decimal point (6.8%) or an abbreviation never stands.
 */
export function isHalfWidthFullStop(folded: string, i: number): boolean {
  if (folded[i] !== "." || i === 0) return false;
  const before = folded[i - 1]!;
  return isHanCode(before.charCodeAt(0)) || "\u201d\u2019".includes(before);
}

/** True when [start, end) of the folded text ends a sentence, so a paragraph may end there. */
export function endsSentence(folded: string, start: number, end: number): boolean {
  if (end <= start) return true;
  const last = folded[end - 1]!;
  if (SENTENCE_END.includes(last)) return true;
  if (end - 1 > start && isHalfWidthFullStop(folded, end - 1)) return true;
  if (CLOSERS.includes(last)) return end - 2 >= start && SENTENCE_END.includes(folded[end - 2]!);
  if (last === ")") {
    // "…感谢。(新华社)" ends; "…中心(以下简称中心)" does not.
    const open = folded.lastIndexOf("(", end - 2);
    if (open < start) return false;
    return open === start || SENTENCE_END.includes(folded[open - 1]!) || CLOSERS.includes(folded[open - 1]!);
  }
  return false;
}

/**
 * Reduplicated words that a break can legitimately fall into ("人" / "人持证"): the second
 * character is printed text, not an OCR double.
 */
const REDUPLICATIONS = new Set(
  (
    "人人 天天 常常 渐渐 看看 个个 一一 年年 层层 步步 处处 家家 户户 时时 事事 紧紧 牢牢 默默 慢慢 刚刚 " +
    "仅仅 稳稳 深深 好好 轻轻 久久 往往 纷纷 频频 连连 节节 面面 点点 滴滴 条条 件件 样样 村村 " +
    "殷殷 谆谆 孜孜 兢兢 津津 源源 滚滚 浩浩 荡荡 堂堂 明明 白白 清清 楚楚 实实 在在 切切 " +
    "大大 小小 高高 长长 短短 早早 匆匆 忙忙 热热 闹闹 平平 安安 静静 悄悄 统统 通通 重重 " +
    "妈妈 爸爸 哥哥 姐姐 弟弟 妹妹 爷爷 奶奶 姥姥 叔叔 宝宝 星星 娃娃 泱泱 赫赫 巍巍 莘莘 " +
    "冉冉 袅袅 绵绵 茫茫 苍苍 洋洋 济济 比比 历历 累累 种种 声声 句句 字字 心心 代代 世世 " +
    "岁岁 日日 夜夜 月月 项项 环环 井井 熠熠 郁郁 蒸蒸 欣欣 形形 色色 方方 团团 家家 分分 秒秒 " +
    "多多 少少 快快 乐乐 红红 火火 蓬蓬 勃勃 轰轰 烈烈 扎扎 踏踏 亭亭 款款 徐徐 缓缓 暖暖 款款"
  ).split(" "),
);

/**
 * True when the first character of the continuing block repeats the last one of the
 * broken block as an OCR double: same Han character, and not a reduplicated word.
 * The caller has already checked that the broken block did not end a sentence.
 */
export function isDoubledAtBreak(prevLast: string | undefined, nextFirst: string | undefined): boolean {
  if (prevLast === undefined || nextFirst === undefined || prevLast !== nextFirst) return false;
  const code = prevLast.charCodeAt(0);
  return isHanCode(code) && !REDUPLICATIONS.has(prevLast + nextFirst);
}
