/**
 * What a search query means, as pure functions: space-separated terms, all of which must occur
 * (AND); a "quoted phrase" is one term, spaces and all. Every term matches as a substring of a
 * field after normalisation (full/half width, case, traditional → simplified).
 */
import { normaliseForSearch } from "./normalise.ts";

export interface SearchTerm {
  /** The term as typed. */
  text: string;
  /** The term normalised for matching (same length as `text`). */
  normalised: string;
  /** True for a "quoted phrase". */
  quoted: boolean;
}

// ASCII and full-width double quotes delimit phrases, and so do Chinese quotation marks “…”,
// the phrase quotes of a Chinese keyboard.
const QUOTE = /["＂“”]/;
const SPACE = /[\s\u3000]+/;

/** The distinct terms of a query, in the order typed (blank terms dropped). */
export function parseQuery(query: string): SearchTerm[] {
  const terms: SearchTerm[] = [];
  const add = (text: string, quoted: boolean) => {
    const clean = quoted ? text.split(SPACE).filter(Boolean).join(" ") : text;
    if (!clean) return;
    const normalised = normaliseForSearch(clean);
    if (!terms.some((term) => term.normalised === normalised)) terms.push({ text: clean, normalised, quoted });
  };
  const parts = query.split(QUOTE);
  // Even parts are outside quotes, odd parts inside; an unclosed quote runs to the end.
  parts.forEach((part, index) => {
    if (index % 2 === 1) add(part, true);
    else for (const word of part.split(SPACE)) add(word, false);
  });
  return terms;
}

/**
 * The most a query may hold. Every term is a phrase the index checks in every article that has
 * its bigrams, and SQLite answers in the server's one thread: 5,000 terms took a second, during
 * which nothing else was served. People type a few words (Google reads 32, Elasticsearch
 * clauses stop at 1,024); these bounds leave room for a pasted sentence.
 */
export const MAX_QUERY_LENGTH = 200;
export const MAX_QUERY_TERMS = 16;
/**
 * One-character terms are not in the index: each is a LIKE over every field of every article
 * it is checked on. Fifteen of them beside a common name took 7 s on SQLite, during which
 * nothing else was served.
 */
export const MAX_CHAR_TERMS = 4;

/** Why a query cannot be searched, or null when it can (its terms as parseQuery reads them). */
export function queryProblem(query: string, terms: SearchTerm[]): string | null {
  if (terms.length === 0) return "The search query has no term: give at least one character.";
  if ([...query].length > MAX_QUERY_LENGTH) return `The search query has ${[...query].length} characters; at most ${MAX_QUERY_LENGTH} are searched.`;
  if (terms.length > MAX_QUERY_TERMS) return `The search query has ${terms.length} terms; at most ${MAX_QUERY_TERMS} are searched together.`;
  const charTerms = terms.filter((term) => term.normalised.length < 2).length;
  if (charTerms > MAX_CHAR_TERMS) {
    return `The search query has ${charTerms} one-character terms; at most ${MAX_CHAR_TERMS} are searched together: join them into longer terms or a "quoted phrase".`;
  }
  return null;
}

/** Escapes a LIKE pattern's wildcards with "\" (used with `ESCAPE '\'`). */
export const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (ch) => `\\${ch}`);
