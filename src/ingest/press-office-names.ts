/**
 * A press office's collective pen name, printed where a correspondent's name stands (通讯员 豫发改宣,
 * 通讯员/粤农宣, 通讯员 穗公宣): the one-character short form of a province or city, the office's own
 * short form, and 宣 (its publicity section). It is credited as printed, as one name, though it
 * opens with no surname or with one that would split it into two names (桂民宗宣 is not 桂民 + 宗宣).
 * A district's or county's office signs with the place's two-character name instead (上城教宣, 萧山公宣).
 */
import { isHan } from "./han.ts";
import { COMPOUND_SURNAMES } from "./surnames.ts";

/** One-character short forms of provinces and regions, and of cities known by one (穗, 榕, 蓉, 邕, 甬, 筑). */
const PLACE_SHORT_FORMS = new Set([
  ..."京津沪渝冀晋辽吉黑苏浙皖闽赣鲁豫鄂湘粤桂琼川蜀黔贵滇云陕秦甘陇青宁新藏蒙港澳台",
  ..."穗榕蓉邕甬筑",
]);

/** A pen name's length: the place's short form, the office's of one to three characters (纪, 发改, 民宗, 公), and 宣. */
const MIN_LENGTH = 3;
const MAX_LENGTH = 5;

/** A district's pen name: the place's two characters, one office character, 宣. */
const DISTRICT_PEN_NAME_LENGTH = 4;

/** A district's name in a pen name, which a compound surname does not open (欧阳文宣 is a name). */
const isDistrictPenName = (text: string): boolean => text.length === DISTRICT_PEN_NAME_LENGTH && !COMPOUND_SURNAMES.has(text.slice(0, 2));

/** Whether `text` (no spaces) is a press office's pen name: a place's short form or a district's name, the office, 宣. */
export function isPressOfficePenName(text: string): boolean {
  return (
    text.length >= MIN_LENGTH &&
    text.length <= MAX_LENGTH &&
    (PLACE_SHORT_FORMS.has(text[0]!) || isDistrictPenName(text)) &&
    text.endsWith("宣") &&
    [...text].every((c) => isHan(c))
  );
}
