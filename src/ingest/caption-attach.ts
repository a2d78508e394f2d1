/**
 * Which article a photo caption printed between two articles illustrates.
 *
 * A caption is laid out next to its photo, not next to its article's text: it may stand
 * after an article's jump marker or before the next article's headline and belong to either.
 * The deciding evidence is the photographer, when only one neighbour credits them (a reporter
 * who took the photos of their own report), and else shared wording (names, places, the event)
 * with each neighbour, words shared with the headings counting more than words shared with the body.
 */

import { isHanCode } from "./han.ts";

/** Distinct pairs of adjacent Han characters in `text`. */
export function hanBigrams(text: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + 1 < text.length; i++) {
    const a = text.charCodeAt(i);
    const b = text.charCodeAt(i + 1);
    if (isHanCode(a) && isHanCode(b)) out.add(text.slice(i, i + 2));
  }
  return out;
}

export interface NeighbourText {
  /** Kicker, headline and subheadline. */
  headings: Set<string>;
  body: Set<string>;
  /** The names the article credits (its reporters, authors and photographers). */
  credited: Set<string>;
}

const HEADING_WEIGHT = 3;

/** How strongly `caption` (its bigrams) overlaps a neighbouring article. */
export function overlapScore(caption: Set<string>, article: NeighbourText): number {
  let score = 0;
  for (const bigram of caption) {
    if (article.headings.has(bigram)) score += HEADING_WEIGHT;
    else if (article.body.has(bigram)) score += 1;
  }
  return score;
}

/**
 * Picks "previous" or "next" for a caption standing between two articles, by who took the
 * photos (`photographers`), else by shared wording. On a tie the previous article wins: a caption under an article's last column is the more common layout.
 */
export function chooseNeighbour(caption: string, previous: NeighbourText, next: NeighbourText, photographers: string[] = []): "previous" | "next" {
  const creditedIn = (article: NeighbourText) => photographers.some((name) => article.credited.has(name));
  if (creditedIn(previous) !== creditedIn(next)) return creditedIn(next) ? "next" : "previous";
  const bigrams = hanBigrams(caption);
  return overlapScore(bigrams, next) > overlapScore(bigrams, previous) ? "next" : "previous";
}
