import type { Prisma, Article, Photo } from "../../generated/prisma/client.ts";
import type { SearchTerm } from "../../search/query.ts";
import type { Snippet } from "../../search/snippets.ts";
import { preparedRows, type Db } from "../../db/client.ts";

/** Runs one raw statement and gives its rows: `preparedRows`, or a plan's variant of it. */
export type ReadRaw = <T>(statement: Prisma.Sql) => Promise<T[]>;

export const readRaw =
  (db: Db): ReadRaw =>
  <T>(statement: Prisma.Sql) =>
    preparedRows<T>(db, statement);

export type SearchOrder = "NEWEST" | "RELEVANCE";
export type SearchMethod = "INDEX" | "SCAN";

export interface SearchFilter {
  publication?: string | null;
  from?: string | null;
  to?: string | null;
  source?: string | null;
}

export interface SearchRequest {
  query: string;
  filter?: SearchFilter | null;
  orderBy: SearchOrder;
  first: number;
  after?: string | null;
  /** Up to how many matches `totalCount` counts exactly (COUNT_EXACT_UP_TO unless given). */
  countExactUpTo?: number;
  /** How many of the newest index matches one-character terms are checked on (CHECK_LIMIT unless given). */
  checkLimit?: number;
  /** RELEVANCE: how many of the newest matches are ranked (RELEVANCE_WINDOW unless given). */
  relevanceWindow?: number;
  /**
   * PostgreSQL, without a date range: whether the newest few thousand matches (the relevance
   * window, the bound of the count) are found by walking the key index or through GIN; chosen
   * from a sample of the newest articles when not given (tests have both give the same answers).
   */
  newestBy?: "walk" | "index";
  /** What the request selects of each hit's article (plugin-prisma's plan): loaded with the hits. */
  articleQuery?: { select?: Prisma.ArticleSelect };
  /** `totalCount` is asked for: a plan that can count beside the page starts counting at once. */
  countAhead?: boolean;
  /**
   * The hits' snippets are asked for (the default): they need each whole article and its photos.
   * Without, a hit's article is loaded as the request plans it, and its `snippets` are empty.
   */
  snippets?: boolean;
}

export interface SearchHit {
  article: Article;
  /** Empty when the request did not ask for them (`SearchRequest.snippets`). */
  snippets: (Snippet & { photo: Photo | null })[];
  /** BM25 relevance (higher is better) when ordered by relevance through the index. */
  score: number | null;
  cursor: string;
}

/** How many articles match: exact, or an estimate when more than COUNT_EXACT_UP_TO do. */
export interface SearchCount {
  total: number;
  exact: boolean;
}

export interface SearchResult {
  hits: SearchHit[];
  hasNextPage: boolean;
  /** Counted once, when first asked for (`totalCount` and `totalCountExact` share it). */
  totalCount: () => Promise<SearchCount>;
  method: SearchMethod;
  complete: boolean;
}

/** A match as a plan finds it: the article, its cursor key, and its score when ranked. */
export type Row = { id: number; key: string; score: number | null };

/** A query with at least one term of two or more characters, as an index plan receives it. */
export interface IndexQuery {
  /** Terms of two or more characters: phrases of bigrams in the index. */
  indexTerms: SearchTerm[];
  /** One-character terms, checked with LIKE on the articles the index found (see charJoin). */
  charTerms: SearchTerm[];
  filter: { low: number; high: number; ranged: boolean; publicationId: number | null; source: string | null };
  orderBy: SearchOrder;
  /** The decoded cursor: the key of the last hit (NEWEST) or the offset past it (RELEVANCE). */
  cursor: string | null;
  /** A page and one more row, to tell whether a next page exists. */
  take: number;
  exactUpTo: number;
  windowSize: number;
  newestBy?: "walk" | "index" | undefined;
  /** Count beside the page (SearchRequest.countAhead). */
  countAhead: boolean;
}

/**
 * How one database finds the matches of an index query: the rows of the page, newest first or
 * ranked, and how to count every match (run only when `totalCount` is asked for).
 */
export interface IndexPlan {
  search(db: Db, query: IndexQuery): Promise<{ rows: Row[]; count: () => Promise<SearchCount> }>;
}
