/**
 * Pages whose text sets articles apart by a wider gap than paragraphs: two empty lines or more
 * between articles, one between paragraphs. On such a page a heading line after the wider gap
 * opens an article though only body text stands under it, where after one empty line it would be
 * a subheading inside the running article.
 */
import type { Block } from "./blocks.ts";

/**
 * The lines (their numbers) that open a block after two empty lines or more, when the page also
 * sets blocks apart by exactly one empty line; an empty set when it uses one width of gap only.
 */
export function linesAfterWideGap(blocks: Block[], blankLines: boolean[]): Set<number> {
  const wide = new Set<number>();
  let narrow = false;
  for (const b of blocks) {
    if (b.line < 1 || blankLines[b.line - 1] !== true) continue;
    if (b.line >= 2 && blankLines[b.line - 2] === true) wide.add(b.line);
    else narrow = true;
  }
  return narrow ? wide : new Set();
}
