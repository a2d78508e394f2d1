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

/**
 * The rows of one article in "ArticleSearch" and the FTS5 table "ArticleSearchText" (created by
 * src/db/migrate.ts; see src/search/tokens.ts for the tokens). Captions are joined by "\n":
 * no query term holds a newline, so no match spans two captions, as none spans two paragraphs.
 */
export function searchRows(doc: SearchDocument) {
  const key = searchKey(doc.issueDate, doc.pageNumber, doc.position, doc.publicationId);
  const facets = [publicationFacet(doc.publicationId), ...(doc.source ? [sourceFacet(doc.source)] : [])].join(" ");
  return {
    search: { key, articleId: doc.articleId },
    text: {
      rowid: key,
      kicker: fieldTokens(doc.kicker),
      headline: fieldTokens(doc.headline),
      subheadline: fieldTokens(doc.subheadline),
      body: fieldTokens(doc.body),
      captions: fieldTokens(doc.captions.join("\n")),
      facets,
    },
  };
}

