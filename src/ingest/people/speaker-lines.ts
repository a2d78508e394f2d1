/**
 * A speaker line of a vox pop or an interview: a role phrase opening the paragraph, a space, the
 * speaker's name and a colon before what they said (货车司机　王大勇：“…”, 快递员 李明：). The space
 * stands where prose would run the role into the name, so the role is read across it.
 */
import type { Segment } from "./segments.ts";

/** Whether the code unit is a blank a page sets between a role and a name: a space, ideographic, no-break, or a tab. */
const blank = (code: number): boolean => code === 0x3000 || code === 0x20 || code === 0xa0 || code === 0x09;
/** The longest role phrase a speaker line opens with (电力巡线工, 国家电网某供电所运维班长). */
const MAX_ROLE_PHRASE = 14;

/**
 * Where the role phrase ends when blanks stand right before `s` and that phrase opens the
 * paragraph with no punctuation in it; -1 else. Whether a name and a colon follow is the caller's.
 */
export function speakerRoleEnd(seg: Segment, s: number): number {
  const t = seg.text;
  if (!blank(t.charCodeAt(s - 1))) return -1;
  let end = s - 1;
  while (end > 0 && blank(t.charCodeAt(end - 1))) end--;
  let start = 0;
  while (start < end && blank(t.charCodeAt(start))) start++;
  const phrase = t.slice(start, end);
  if (phrase.length < 2 || phrase.length > MAX_ROLE_PHRASE || !/^[\p{Script=Han}\dA-Za-z、·]+$/u.test(phrase)) return -1;
  return end;
}

/** Whether the colon that closes a speaker line stands at `i`. */
export function speakerColonAt(t: string, i: number): boolean {
  return t[i] === "：" || t[i] === ":";
}
