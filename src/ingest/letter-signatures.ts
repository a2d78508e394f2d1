/**
 * A letter's closing signature. A letter to the paper opens with a salutation (编辑同志：, 尊敬的…：)
 * and closes on a line of the writer's unit and job, a space, then the name (驻某部连队指导员 王明):
 * that name is the letter's author, and the line is no body. Only read in a letter, since a body
 * line of a unit and a name means nothing of the kind elsewhere.
 * Functions read the folded text (see normalise.ts) and return absolute offsets.
 */
import { looksLikePersonalName } from "./credit-names.ts";
import { HAN_RANGES } from "./han.ts";
import type { Span } from "./types.ts";

/** A salutation opening a letter: the addressee, then a colon. */
const SALUTATION = new RegExp(`^(?:尊敬的)?[${HAN_RANGES}]{0,10}?(?:同志|编辑|先生|女士|老师|朋友)们?(?:,\\s*)?[:：]`);

/** The writer's unit and job, a space, then a name (two characters may be padded: 王　明). */
const SIGNATURE = new RegExp(`^[${HAN_RANGES}]{2,24}?\\s+([${HAN_RANGES}]{2,4}|[${HAN_RANGES}]\\s+[${HAN_RANGES}])$`);

/** Whether the paragraph at [start, end) opens with a letter's salutation. */
export function opensWithSalutation(folded: string, start: number, end: number): boolean {
  return SALUTATION.test(folded.slice(start, end));
}

/** The signed name of a letter's closing line [start, end) and its span, or null. */
export function letterSignature(folded: string, start: number, end: number): { name: string; span: Span } | null {
  const m = SIGNATURE.exec(folded.slice(start, end));
  if (m === null) return null;
  const name = m[1]!.replace(/\s+/g, "");
  if (!looksLikePersonalName(name)) return null;
  return { name, span: { start: end - m[1]!.length, end } };
}
