// The one definition of a Han character for the whole parser (and for search, which folds
// text the same way): a CJK ideograph of the blocks newspapers print, Extension A, the unified
// block and the compatibility ideographs, all in the BMP. Astral ideographs are surrogate
// pairs and count as none.

/** The ranges as the body of a RegExp character class: `new RegExp(`[${HAN_RANGES}]`)`. */
export const HAN_RANGES = "\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff";

export function isHanCode(code: number): boolean {
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0xf900 && code <= 0xfaff);
}

export function isHan(ch: string | undefined): boolean {
  return ch !== undefined && ch.length > 0 && isHanCode(ch.charCodeAt(0));
}

/** Counts the Han characters in `text`. */
export function countHan(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (isHanCode(text.charCodeAt(i))) n++;
  return n;
}
