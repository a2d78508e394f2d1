/**
 * How text becomes search-index tokens: overlapping character bigrams (the CJK approach of
 * Lucene's and Elasticsearch's analysers), pure functions shared by ingest, the start-up
 * backfill and the query side.
 *
 * Every position i of a normalised field gives one token for the code units i and i+1, so a
 * query of n ≥ 2 code units is a phrase of n-1 consecutive tokens, and the phrase matches
 * exactly the fields that contain the query as a substring: recall and precision 1.0 against
 * `LIKE '%query%'` on the normalised text, for 2-character names such as 韦韬 that trigram
 * indexes miss. Each code unit is spelled as four letters a–p (its hex digits), so a token is
 * 8 ASCII letters whatever the characters: FTS5's `ascii` tokenizer and PostgreSQL's `simple`
 * configuration both take it as one word, punctuation and spaces included, with no parser
 * surprises (digits would read as numbers). Facet tokens (publication, source) start with "z",
 * outside a–p, so they can never equal a text token.
 */
import { foldSearchCode, normaliseForSearch } from "./normalise.ts";

let letters: string[] | null = null;

/** The four-letter spelling of one UTF-16 code unit (0x97e6 → "jhop"). */
export function spellUnit(code: number): string {
  letters ??= Array.from({ length: 0x10000 }, (_, unit) =>
    String.fromCharCode(97 + (unit >> 12), 97 + ((unit >> 8) & 15), 97 + ((unit >> 4) & 15), 97 + (unit & 15)),
  );
  return letters[code]!;
}

/** The bigram tokens of already normalised text, in order, space-separated ("" below 2 code units). */
export const bigramTokens = (normalised: string): string => tokensOf(normalised, asIs);

/** The index text of one field as printed (normalised, then bigrams). */
export const fieldTokens = (text: string | null | undefined): string => (text ? tokensOf(text, foldSearchCode) : "");

const asIs = (code: number) => code;

/**
 * The bigram tokens of `text` with each code unit folded by `fold` (foldSearchCode folds as
 * normaliseForSearch does, one code unit at a time): spelled as bytes into one buffer read back
 * as one string, where a string per token joined, after a normalised copy of the text, cost the
 * page writer ~0.4 ms a sample page.
 */
function tokensOf(text: string, fold: (code: number) => number): string {
  if (text.length < 2) return "";
  const out = Buffer.allocUnsafe(9 * (text.length - 1) - 1);
  let previous = fold(text.charCodeAt(0));
  let at = 0;
  for (let i = 1; i < text.length; i++) {
    const current = fold(text.charCodeAt(i));
    if (i > 1) out[at++] = SPACE;
    spellInto(out, at, previous);
    spellInto(out, at + 4, current);
    at += 8;
    previous = current;
  }
  return out.toString("latin1", 0, at);
}

const SPACE = 0x20;
const LETTER_A = 0x61;

/** Writes spellUnit(code) at `at`: its four hex digits as the letters a–p. */
export function spellInto(out: Buffer, at: number, code: number): void {
  out[at] = LETTER_A + (code >> 12);
  out[at + 1] = LETTER_A + ((code >> 8) & 15);
  out[at + 2] = LETTER_A + ((code >> 4) & 15);
  out[at + 3] = LETTER_A + (code & 15);
}

/**
 * The bigrams fieldTokens spells, as 32-bit integers (the first code unit in the high half, the
 * second in the low, folded as search folds: small integers, which a Map hashes fast), appended
 * to `into`: the token of one is its two code units spelled (spellInto).
 */
export function fieldBigrams(text: string | null | undefined, into: number[]): void {
  if (!text || text.length < 2) return;
  let previous = foldSearchCode(text.charCodeAt(0));
  for (let i = 1; i < text.length; i++) {
    const current = foldSearchCode(text.charCodeAt(i));
    into.push((previous << 16) | current);
    previous = current;
  }
}

/** The facet token of a publication. */
export const publicationFacet = (publicationId: number): string => `zp${publicationId.toString(16).replace(/[0-9]/g, (d) => "qrstuvwxyz"[Number(d)]!)}`;

/** The facet token of a source designation (本报讯, 新华社, …), normalised. */
export const sourceFacet = (source: string): string => `zs${[...normaliseForSearch(source)].map((ch) => spellUnit(ch.charCodeAt(0))).join("")}`;

/** An FTS5 phrase (a double-quoted string of tokens) for a normalised term of 2 or more code units. */
export const ftsPhrase = (normalisedTerm: string): string => `"${bigramTokens(normalisedTerm)}"`;

/** A PostgreSQL tsquery phrase (`a <-> b <-> c`, text form) for a normalised term of 2 or more code units. */
export const tsPhrase = (normalisedTerm: string): string => `(${bigramTokens(normalisedTerm).split(" ").join(" <-> ")})`;

/**
 * The FTS5 MATCH of a search: every term's phrase, and the publication and source facets when
 * given, all required.
 */
export const ftsMatch = (normalisedTerms: string[], publicationId: number | null, source: string | null): string =>
  [
    ...normalisedTerms.map(ftsPhrase),
    ...(publicationId !== null ? [publicationFacet(publicationId)] : []),
    ...(source ? [sourceFacet(source)] : []),
  ].join(" AND ");

/** A tsquery (text form) of every term's bigrams in any order: GIN answers it without reading a tsvector. */
export const tsAnyOrder = (normalisedTerms: string[]): string => normalisedTerms.map(tsPhrase).join(" & ").replace(/ <-> /g, " & ");

// Articles are ordered newest first by one integer: day, then page and position ascending,
// then publication. The ranges below bound what the key can hold; 2^53 - 1 is the largest exact
// JS number. The page is its number in the issue (src/ingest/page-label.ts: plain pages 1–999,
// section pages 1001–3599), hence 12 bits; keys of before labels, with 9, were moved by the
// migration that added them (prisma/migrations/*_page_label).
const EPOCH = Date.UTC(1700, 0, 1);
const DAY = 86_400_000;
const MAX_PAGE = 4095;
const MAX_POSITION = 511;
const MAX_PUBLICATION = 16_383;
const PER_DAY = 2 ** 35;

/** The first and last issue dates a search key holds. */
export const FIRST_ISSUE_DATE = "1700-01-01";
export const LAST_ISSUE_DATE = new Date(EPOCH + (2 ** 18 - 1) * DAY).toISOString().slice(0, 10);

/**
 * Why a page cannot be stored (its articles would have no search key), or null: the date,
 * page number and number of articles, checked before anything is written.
 */
export function storableProblem(date: string, pageNumber: number, articles?: number): string | null {
  const day = dayOf(date);
  if (!(day >= 0 && day < 2 ** 18)) return `the date ${date} is outside ${FIRST_ISSUE_DATE} to ${LAST_ISSUE_DATE}, the issue dates the archive holds`;
  if (!Number.isInteger(pageNumber) || pageNumber < 1 || pageNumber > MAX_PAGE) return `the page number ${pageNumber} is outside 1 to ${MAX_PAGE}`;
  if (articles !== undefined && articles > MAX_POSITION) return `the page holds ${articles} articles; at most ${MAX_POSITION} are stored`;
  return null;
}

/** Days since 1700-01-01 of a YYYY-MM-DD date. */
function dayOf(date: string): number {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  return Math.round((Date.UTC(year, month - 1, day) - EPOCH) / DAY);
}

/**
 * The search key of an article: larger is newer; within a day, smaller page and position are
 * larger (page 1 first). Throws for what it cannot order (a page beyond 4095, a date before 1700).
 */
export function searchKey(date: string, pageNumber: number, position: number, publicationId: number): number {
  const day = dayOf(date);
  if (day < 0 || day >= 2 ** 18) throw new RangeError(`search key: date ${date} is outside 1700–2417`);
  if (pageNumber < 0 || pageNumber > MAX_PAGE) throw new RangeError(`search key: page ${pageNumber} is beyond ${MAX_PAGE}`);
  if (position < 0 || position > MAX_POSITION) throw new RangeError(`search key: position ${position} is beyond ${MAX_POSITION}`);
  if (publicationId < 0 || publicationId > MAX_PUBLICATION) throw new RangeError(`search key: publication ${publicationId} is beyond ${MAX_PUBLICATION}`);
  return day * PER_DAY + (MAX_PAGE - pageNumber) * 2 ** 23 + (MAX_POSITION - position) * 2 ** 14 + (MAX_PUBLICATION - publicationId);
}

/** The smallest and largest key of articles in issues dated from `from` to `to` (inclusive). */
export function keyRange(from: string | null | undefined, to: string | null | undefined): { low: number; high: number } {
  return {
    low: from ? Math.max(0, dayOf(from)) * PER_DAY : 0,
    high: to ? (Math.min(dayOf(to), 2 ** 18 - 1) + 1) * PER_DAY - 1 : 2 ** 53 - 1,
  };
}
