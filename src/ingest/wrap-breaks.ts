/**
 * Line breaks that a wrap at a column's width left inside running text. OCR output and some
 * exports break every printed line, so a dispatch and its parenthesis run over two or three
 * lines ("新华社雅加达3月20日电（记者 吴昊 郑" / "世波）…"). A break right between two printed
 * characters is such a wrap, not a separator: reading through it gives the text as printed.
 */
import { isSpaceCode } from "./normalise.ts";

export interface UnwrappedText {
  /** [start, end) with its bare line breaks taken out and its other breaks read as spaces. */
  text: string;
  /** Where each character of `text` stands in the original. */
  offsets: number[];
}

const isBreak = (code: number): boolean => code === 0x0a || code === 0x0d;

/**
 * [start, end) of the folded text read through its wraps: a line break (\n or \r\n) between two
 * printed characters is taken out; one with spaces or another break beside it, which sets parts
 * apart, is read as a space.
 */
export function withoutWrapBreaks(folded: string, start: number, end: number): UnwrappedText {
  let text = "";
  const offsets: number[] = [];
  for (let i = start; i < end; i++) {
    const code = folded.charCodeAt(i);
    if (!isBreak(code)) {
      text += folded[i];
      offsets.push(i);
      continue;
    }
    const after = code === 0x0d && folded.charCodeAt(i + 1) === 0x0a && i + 1 < end ? i + 2 : i + 1;
    const before = i > start ? folded.charCodeAt(i - 1) : 0x20;
    const next = after < end ? folded.charCodeAt(after) : 0x20;
    const bare = !isSpaceCode(before) && !isBreak(before) && !isSpaceCode(next) && !isBreak(next);
    if (!bare) {
      for (let j = i; j < after; j++) {
        text += " ";
        offsets.push(j);
      }
    }
    i = after - 1;
  }
  return { text, offsets };
}

/** The span in the original of [start, end) of the unwrapped text; `reach` stands for its end. */
export function originalSpan(view: UnwrappedText, start: number, end: number, reach: number): { start: number; end: number } {
  return { start: originalOffset(view, start, reach), end: end === 0 ? originalOffset(view, 0, reach) : view.offsets[end - 1]! + 1 };
}

/** The original offset of position `i` of the unwrapped text (`reach` for its end). */
export function originalOffset(view: UnwrappedText, i: number, reach: number): number {
  return i < view.offsets.length ? view.offsets[i]! : reach;
}
