/**
 * Length-preserving folding of the page text for matching.
 *
 * OCR output mixes ASCII and full-width punctuation ("(" and "（", "," and "，"). Every rule
 * matches against the folded copy, and because each UTF-16 code unit maps to exactly one
 * code unit, an offset found in the folded copy is the same offset in the original text:
 * spans stay valid and printed text is always sliced from the original.
 */
import { mapCodeUnits } from "./code-units.ts";
import { isTraditional, simplifiedCode } from "./traditional.ts";

/**
 * Middle dots that OCR and typesetting print for the · of a transcribed name (詹妮弗・史密斯, 约翰‧李):
 * the katakana middle dot, its half-width form and the hyphenation point. The bullet • is left
 * alone: it opens list items.
 */
const NAME_DOT_VARIANTS = new Set([0x30fb, 0xff65, 0x2027]);

/** A name's variant middle dot as ·, any other code unit as it is. */
export const nameDotCode = (code: number): number => (NAME_DOT_VARIANTS.has(code) ? 0xb7 : code);

/** Folds one UTF-16 code unit: full-width ASCII to ASCII, every kind of space to " ", a name's middle dot to ·. */
export function foldCode(code: number): number {
  if (code >= 0xff01 && code <= 0xff5e) return code - 0xfee0;
  if (isSpaceCode(code)) return 0x20;
  return nameDotCode(code);
}

/**
 * The folded copy of `text`, of exactly the same length; a text printed in traditional
 * characters is folded to simplified ones too (traditional.ts), which the rules are written in.
 */
export function foldForMatching(text: string): string {
  return mapCodeUnits(text, isTraditional(text) ? (code) => simplifiedCode(foldCode(code)) : foldCode);
}

/**
 * Spaces of all widths: ASCII space and tab, the no-break space of e-paper dispatch lines,
 * the ideographic space of e-paper indentation, the BOM and the typographic spaces.
 */
export function isSpaceCode(code: number): boolean {
  return (
    code === 0x20 ||
    code === 0x09 ||
    code === 0x0b ||
    code === 0x0c ||
    code === 0xa0 ||
    code === 0x3000 ||
    code === 0xfeff ||
    (code >= 0x2000 && code <= 0x200b) ||
    code === 0x202f ||
    code === 0x205f
  );
}

/** Skips spaces forward from `i` (up to `end`). */
export function skipSpaces(text: string, i: number, end: number = text.length): number {
  while (i < end && isSpaceCode(text.charCodeAt(i))) i++;
  return i;
}

/** Moves `end` back over trailing spaces (not before `start`). */
export function trimSpacesEnd(text: string, start: number, end: number): number {
  while (end > start && isSpaceCode(text.charCodeAt(end - 1))) end--;
  return end;
}
