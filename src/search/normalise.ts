/**
 * Text normalisation for search: pure, and length-preserving per UTF-16 code unit.
 *
 * Both the indexed text and the query go through `normaliseForSearch`, so 韋韜 finds 韦韬,
 * ＡＢＣ finds abc and "，" finds ",". Because every code unit maps to exactly one code unit,
 * an offset found in the normalised copy of a field is the same offset in the field as
 * printed: highlights are computed on the normalised copy and always point into the original.
 * That is also why traditional characters are converted one character at a time
 * (src/ingest/traditional.ts).
 */
import { mapCodeUnits } from "../ingest/code-units.ts";
import { foldCode } from "../ingest/normalise.ts";
import { simplifiedCode } from "../ingest/traditional.ts";

// Half-width CJK punctuation (U+FF61–U+FF64) to its full-width form.
const HALF_WIDTH_CJK: Record<number, number> = { 65377: 0x3002, 65378: 0x300c, 65379: 0x300d, 65380: 0x3001 };

/**
 * Folds one code unit: full-width ASCII to ASCII and every space to " " (as the parser folds),
 * ASCII letters to lower case, half-width CJK punctuation to full width, traditional to simplified.
 */
export const foldSearchCode = (code: number): number => searchFolds[code]!;

/** foldSearchCode of every code unit: one read per character of the articles a page writer indexes. */
const searchFolds: Uint16Array = buildFolds();

function buildFolds(): Uint16Array {
  const folds = new Uint16Array(0x10000);
  for (let code = 0; code < 0x10000; code++) folds[code] = foldOne(code);
  return folds;
}

function foldOne(code: number): number {
  const folded = foldCode(code);
  if (folded >= 0x41 && folded <= 0x5a) return folded + 0x20;
  if (folded < 0x80) return folded;
  return HALF_WIDTH_CJK[folded] ?? simplifiedCode(folded);
}

/** The normalised copy of `text`, of exactly the same length. */
export function normaliseForSearch(text: string): string {
  return mapCodeUnits(text, foldSearchCode);
}

/** Every code unit that normalises to the same one as `char` (one code unit), `char` included. */
export function variantsOf(char: string): string[] {
  const target = foldSearchCode(char.charCodeAt(0));
  const variants = variantIndex().get(target) ?? [];
  return [...new Set([String.fromCharCode(target), ...variants])];
}

let variantsByTarget: Map<number, string[]> | null = null;

function variantIndex(): Map<number, string[]> {
  if (variantsByTarget) return variantsByTarget;
  variantsByTarget = new Map();
  for (let code = 0; code < 0x10000; code++) {
    if (code >= 0xd800 && code <= 0xdfff) continue;
    const target = foldSearchCode(code);
    if (target === code) continue;
    const list = variantsByTarget.get(target) ?? [];
    list.push(String.fromCharCode(code));
    variantsByTarget.set(target, list);
  }
  return variantsByTarget;
}
