import { normaliseForSearch } from "./normalise.ts";
import { fieldBigrams, fieldTokens, publicationFacet, searchKey, sourceFacet, spellInto } from "./tokens.ts";

/** What the search index holds of one article: its fields as stored, and where it stands. */
export interface SearchDocument {
  articleId: number;
  publicationId: number;
  issueDate: string;
  pageNumber: number;
  position: number;
  kicker: string | null;
  headline: string | null;
  subheadline: string | null;
  body: string;
  /** The captions of the photos attached to the article. */
  captions: string[];
  source: string | null;
}

/** The article's row in "ArticleSearch", on both databases: its key, newest first, and its ID. */
export const searchEntry = (doc: SearchDocument): { key: number; articleId: number } => ({
  key: searchKey(doc.issueDate, doc.pageNumber, doc.position, doc.publicationId),
  articleId: doc.articleId,
});

/**
 * The rows of one article in "ArticleSearch" and the FTS5 table "ArticleSearchText" (created by
 * src/db/migrate.ts; see src/search/tokens.ts for the tokens). Captions are joined by "\n":
 * no query term holds a newline, so no match spans two captions, as none spans two paragraphs.
 */
export function searchRows(doc: SearchDocument) {
  const search = searchEntry(doc);
  const facets = [publicationFacet(doc.publicationId), ...(doc.source ? [sourceFacet(doc.source)] : [])].join(" ");
  return {
    search,
    text: {
      rowid: search.key,
      kicker: fieldTokens(doc.kicker),
      headline: fieldTokens(doc.headline),
      subheadline: fieldTokens(doc.subheadline),
      body: fieldTokens(doc.body),
      captions: fieldTokens(doc.captions.join("\n")),
      facets,
    },
  };
}


/** A tsvector chunk holds at most this many positions (PostgreSQL allows 1–16,383). */
export const PG_CHUNK_POSITIONS = 16_000;
/**
 * Consecutive chunks of a long article share this many positions, so that every phrase of up
 * to this many bigrams (a term of up to 4,001 characters) lies whole within one chunk.
 */
export const PG_CHUNK_OVERLAP = 4_000;
/** PostgreSQL keeps at most 256 positions of one lexeme in a tsvector (MAXNUMPOS). */
const PG_POSITIONS_PER_LEXEME = 256;

/**
 * The rows of one article in PostgreSQL's search tables (src/db/search-table.ts). `chunks`, for
 * "ArticleSearchText": the article's bigram tokens field after field (kicker B, headline A,
 * subheadline B, body C, captions C), each field followed by one unused position so that no
 * phrase spans two fields, cut into chunks of at most PG_CHUNK_POSITIONS positions and 256
 * positions per lexeme, which overlap by PG_CHUNK_OVERLAP positions (half the chunk when the
 * lexeme cap cut it short). `doc` is the tsvector, with explicit positions and weights, in
 * PostgreSQL's binary format, one bound value the server reads without parsing. `phrase`, for "ArticleSearchPhrase": the article's `phraseText` with its
 * facets, for an article of one chunk; null for a longer one (whose phrases the tsvector chunks check).
 */
export function pgSearchRows(doc: SearchDocument): { chunks: PgSearchChunk[]; phrase: PgPhraseRow | null } {
  const { key } = searchEntry(doc);
  // The fields' bigrams (as numbers: a string per token and per position cost ~1 ms a sample page)
  // with the weight of each, each field followed by a position of its own (weight FIELD_END).
  const stream: number[] = [];
  const weights: number[] = [];
  const add = (text: string | null, weight: number) => {
    const from = stream.length;
    fieldBigrams(text, stream);
    if (stream.length === from) return;
    for (let at = from; at < stream.length; at++) weights.push(weight);
    stream.push(0);
    weights.push(FIELD_END);
  };
  add(doc.kicker, WEIGHT_B);
  add(doc.headline, WEIGHT_A);
  add(doc.subheadline, WEIGHT_B);
  add(doc.body, WEIGHT_C);
  add(doc.captions.join("\n"), WEIGHT_C);
  const chunks: Buffer[] = [];
  let start = 0;
  do {
    const end = chunkInto(chunks, stream, weights, start);
    if (end >= stream.length) break;
    start = Math.max(start + 1, end - Math.min(PG_CHUNK_OVERLAP, Math.floor((end - start) / 2)));
  } while (start < stream.length);
  const source = doc.source ? normaliseForSearch(doc.source) : null;
  const facets = { articleId: doc.articleId, publicationId: doc.publicationId, source };
  return {
    chunks: chunks.map((tsvector, chunk) => ({ key, chunk, chunks: chunks.length, ...facets, doc: tsvector })),
    phrase: chunks.length === 1 ? { key, ...facets, text: phraseText(doc) } : null,
  };
}

/**
 * Appends the tsvector of the stream's positions from `start` to `chunks`, in PostgreSQL's binary
 * format of a tsvector (what tsvectorsend writes and tsvectorrecv reads): at most
 * PG_CHUNK_POSITIONS positions, ending before a lexeme's 257th; returns where it ended. Lexemes in
 * the order they first occur (the server sorts them as it reads), each with its positions in order.
 * Binary, not the text form ('hhhhjjjj':1A,7A): the server read a sample page's 55 kB of text
 * form, through JSON, in some 2 ms of its 5.5 for the rows; in binary, 43 kB read in place.
 */
function chunkInto(chunks: Buffer[], stream: number[], weights: number[], start: number): number {
  const lexemeOf = new Map<number, number>();
  const bigrams: number[] = [];
  const counts: number[] = [];
  const lexemes = new Int32Array(Math.min(PG_CHUNK_POSITIONS, stream.length - start));
  let end = start;
  while (end < stream.length && end - start < PG_CHUNK_POSITIONS) {
    const bigram = stream[end]!;
    let lexeme = -1;
    if (weights[end] !== FIELD_END) {
      lexeme = lexemeOf.get(bigram) ?? -1;
      if (lexeme === -1) {
        lexeme = bigrams.length;
        lexemeOf.set(bigram, lexeme);
        bigrams.push(bigram);
        counts.push(0);
      } else if (counts[lexeme] === PG_POSITIONS_PER_LEXEME) break;
      counts[lexeme]! += 1;
    }
    lexemes[end - start] = lexeme;
    end++;
  }
  // Each lexeme's positions, in order, from where its count says they start.
  const first = new Int32Array(bigrams.length + 1);
  for (let lexeme = 0; lexeme < bigrams.length; lexeme++) first[lexeme + 1] = first[lexeme]! + counts[lexeme]!;
  const filled = first.slice(0, bigrams.length);
  const positions = new Int32Array(first[bigrams.length]!);
  for (let at = 0; at < end - start; at++) if (lexemes[at]! >= 0) positions[filled[lexemes[at]!]!++] = at + 1;
  // The number of lexemes; each lexeme's 8 letters and NUL, its number of positions, and each
  // position as 16 bits: its weight (A 3, B 2, C 1) above 14 bits of position.
  const out = Buffer.allocUnsafe(4 + 11 * bigrams.length + 2 * positions.length);
  out.writeInt32BE(bigrams.length, 0);
  let at = 4;
  for (let lexeme = 0; lexeme < bigrams.length; lexeme++) {
    const bigram = bigrams[lexeme]!;
    spellInto(out, at, bigram >>> 16);
    spellInto(out, at + 4, bigram & 0xffff);
    out[at + 8] = 0;
    out.writeUInt16BE(first[lexeme + 1]! - first[lexeme]!, at + 9);
    at += 11;
    for (let index = first[lexeme]!; index < first[lexeme + 1]!; index++) {
      const position = positions[index]!;
      const entry = ((4 - weights[start + position - 1]!) << 14) | position;
      out[at++] = entry >>> 8;
      out[at++] = entry & 0xff;
    }
  }
  chunks.push(out);
  return end;
}

/** The weight of the unused position after each field, so that no phrase runs from one field into the next. */
const FIELD_END = 0;
const [WEIGHT_A, WEIGHT_B, WEIGHT_C] = [1, 2, 3];

/** A row of "ArticleSearchText": one chunk of an article's tsvector, with the article's facets. */
export type PgSearchChunk = {
  key: number;
  chunk: number;
  chunks: number;
  articleId: number;
  publicationId: number;
  source: string | null;
  /** The tsvector in PostgreSQL's binary format (see chunkInto), sent as such (src/db/search-table.ts). */
  doc: Buffer;
};

/** A row of "ArticleSearchPhrase": the normalised text of an article of one chunk, with its facets. */
export type PgPhraseRow = {
  key: number;
  articleId: number;
  publicationId: number;
  source: string | null;
  text: string;
};

/**
 * The article's fields normalised (kicker, headline, subheadline, body, captions), one after
 * the other with "\n" between: what PostgreSQL checks terms on (`strpos`), instead of the
 * tsvector's phrase. No term holds a newline (src/search/query.ts
 * splits on white space), so a term is in this text exactly when it is in one field, as the
 * phrase of its bigrams is. Kept in a table of its own, in the row (src/db/search-table.ts): a
 * tsvector is read from TOAST, several buffers an article.
 */
export function phraseText(doc: Pick<SearchDocument, "kicker" | "headline" | "subheadline" | "body" | "captions">): string {
  return [doc.kicker, doc.headline, doc.subheadline, doc.body, doc.captions.join("\n")].map((field) => normaliseForSearch(field ?? "")).join("\n");
}
