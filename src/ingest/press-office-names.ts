/**
 * A press office's collective pen name, printed where a correspondent's name stands (通讯员 豫发改宣,
 * 通讯员/粤农宣, 通讯员 穗公宣): the one-character short form of a province or city, the office's own
 * short form, and 宣 (its publicity section). It is credited as printed, as one name, though it
 * opens with no surname or with one that would split it into two names (桂民宗宣 is not 桂民 + 宗宣).
 */
import { isHan } from "./han.ts";

/** One-character short forms of provinces and regions, and of cities known by one (穗, 榕, 蓉, 邕, 甬, 筑). */
const PLACE_SHORT_FORMS = new Set([
  ..."京津沪渝冀晋辽吉黑苏浙皖闽赣鲁豫鄂湘粤桂琼川蜀黔贵滇云陕秦甘陇青宁新藏蒙港澳台",
  ..."穗榕蓉邕甬筑",
]);

/** The office's short form between the place and 宣: one to three characters (纪, 发改, 民宗, 公). */
const MIN_LENGTH = 3;
const MAX_LENGTH = 5;

/** Whether `text` (no spaces) is a press office's pen name: a place's short form, the office, 宣. */
export function isPressOfficePenName(text: string): boolean {
  return (
    text.length >= MIN_LENGTH &&
    text.length <= MAX_LENGTH &&
    PLACE_SHORT_FORMS.has(text[0]!) &&
    text.endsWith("宣") &&
    [...text].every((c) => isHan(c))
  );
}
