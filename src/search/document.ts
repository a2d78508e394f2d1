import { normaliseForSearch } from "./normalise.ts";
import { fieldTokens, publicationFacet, searchKey, sourceFacet } from "./tokens.ts";

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
 * lexeme cap cut it short). `doc` is the tsvector in its text form ('hhhhjjjj':1A,7A 'kkkkllll':2A …),
 * cast by the INSERT: explicit positions and weights, one bound parameter, and lexemes of letters
 * a–p need no quoting. `phrase`, for "ArticleSearchPhrase": the article's `phraseText` with its
 * facets, for an article of one chunk; null for a longer one (whose phrases the tsvector chunks check).
 */
export function pgSearchRows(doc: SearchDocument): { chunks: PgSearchChunk[]; phrase: PgPhraseRow | null } {
  const { key } = searchEntry(doc);
  const stream: (string | null)[] = [];
  const weights: string[] = [];
  const add = (text: string | null, weight: string) => {
    const tokens = fieldTokens(text);
    if (!tokens) return;
    for (const token of tokens.split(" ")) {
      stream.push(token);
      weights.push(weight);
    }
    stream.push(null);
    weights.push("");
  };
  add(doc.kicker, "B");
  add(doc.headline, "A");
  add(doc.subheadline, "B");
  add(doc.body, "C");
  add(doc.captions.join("\n"), "C");
  const chunks: string[] = [];
  let start = 0;
  do {
    const positions = new Map<string, string[]>();
    let end = start;
    while (end < stream.length && end - start < PG_CHUNK_POSITIONS) {
      const token = stream[end];
      if (token) {
        const list = positions.get(token) ?? [];
        if (list.length === PG_POSITIONS_PER_LEXEME) break;
        list.push(`${end - start + 1}${weights[end]}`);
        positions.set(token, list);
      }
      end++;
    }
    chunks.push([...positions].map(([token, list]) => `'${token}':${list.join(",")}`).join(" "));
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

/** A row of "ArticleSearchText": one chunk of an article's tsvector, with the article's facets. */
export type PgSearchChunk = {
  key: number;
  chunk: number;
  chunks: number;
  articleId: number;
  publicationId: number;
  source: string | null;
  doc: string;
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
