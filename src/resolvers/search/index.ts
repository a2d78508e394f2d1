import { dialectOf, type Db, type Dialect } from "../../db/client.ts";
import { parseQuery, queryProblem } from "../../search/query.ts";
import { keyRange } from "../../search/tokens.ts";
import { CHECKED_FROM, CHECK_LIMIT } from "./check-limit.ts";
import { decodeCursor, searchInputError } from "./cursor.ts";
import { hitsOf } from "./hits.ts";
import { postgresIndexPlan } from "./postgres-plan.ts";
import { scanSearch } from "./scan.ts";
import { sqliteIndexPlan } from "./sqlite-plan.ts";
import type { IndexPlan, Row, SearchCount, SearchRequest, SearchResult } from "./types.ts";

export { SCAN_LIMIT } from "./scan.ts";
export { CHECK_LIMIT } from "./check-limit.ts";
export type { SearchCount, SearchFilter, SearchHit, SearchMethod, SearchOrder, SearchRequest, SearchResult } from "./types.ts";

/**
 * RELEVANCE ranks the newest this many matches (a rescoring window, as Elasticsearch's): BM25
 * on either database costs a microsecond or more a match, too much for the tens of thousands a common
 * name has. Older matches follow, newest first, without a score.
 */
export const RELEVANCE_WINDOW = 2_000;

/**
 * `totalCount` is exact up to this many matches; beyond, an estimate (see `boundedCount`): both
 * databases check each match (FTS5 reads its position lists, PostgreSQL looks for the term in
 * the article's text), some microseconds each. Counting the newest 10,001 took PostgreSQL 30–45 ms
 * of a search's 50 on an idle machine; the newest 2,001 (as many as RELEVANCE ranks) take 7.
 */
export const COUNT_EXACT_UP_TO = 2_000;

// The plan of each database, fixed when its client is created (see dialectOf).
const INDEX_PLANS: Record<Dialect, IndexPlan> = { sqlite: sqliteIndexPlan, postgresql: postgresIndexPlan };

/**
 * Articles whose kicker, headline, subheadline, body or captions contain every term of the
 * query (see src/search/query.ts). Terms of two or more characters are bigram phrases in the
 * database's index (sqlite-plan.ts, postgres-plan.ts), whose key orders hits newest first;
 * one-character terms are checked with LIKE on the articles the index found, or by a bounded
 * scan when the query has no longer term (scan.ts).
 */
export async function searchArticles(db: Db, request: SearchRequest): Promise<SearchResult> {
  const terms = parseQuery(request.query);
  const problem = queryProblem(request.query, terms);
  if (problem) throw searchInputError(problem);
  const filter = request.filter ?? {};
  let { low, high } = keyRange(filter.from, filter.to);
  let publicationId: number | null = null;
  if (filter.publication) {
    const publication = await db.publication.findUnique({ where: { slug: filter.publication }, select: { id: true } });
    if (!publication) return { hits: [], hasNextPage: false, totalCount: async () => ({ total: 0, exact: true }), method: "INDEX", complete: true };
    publicationId = publication.id;
  }
  const indexTerms = terms.filter((term) => term.normalised.length >= 2);
  const charTerms = terms.filter((term) => term.normalised.length < 2);
  const cursor = decodeCursor(request.after, indexTerms.length > 0 && request.orderBy === "RELEVANCE" ? "r" : "n");
  const take = request.first + 1;

  const exactUpTo = request.countExactUpTo ?? COUNT_EXACT_UP_TO;
  let ranged = Boolean(filter.from || filter.to);
  const source = filter.source || null;
  let rows: Row[];
  let count: () => Promise<SearchCount>;
  let complete = true;
  if (indexTerms.length > 0 && charTerms.length > 0) {
    const oldest = await CHECKED_FROM[dialectOf(db)](db, indexTerms, { low, high, publicationId, source }, request.checkLimit ?? CHECK_LIMIT);
    if (oldest !== null) {
      // Only the newest CHECK_LIMIT candidates: the key range starts after the next older one.
      low = Number(oldest) + 1;
      ranged = true;
      complete = false;
    }
  }
  if (indexTerms.length > 0) {
    ({ rows, count } = await INDEX_PLANS[dialectOf(db)].search(db, {
      indexTerms,
      charTerms,
      filter: { low, high, ranged, publicationId, source },
      orderBy: request.orderBy,
      cursor,
      take,
      exactUpTo,
      windowSize: request.relevanceWindow ?? RELEVANCE_WINDOW,
      newestBy: request.newestBy,
      countAhead: request.countAhead ?? false,
    }));
  } else {
    ({ rows, count, complete } = await scanSearch(db, charTerms, { low, high, publicationId, source }, { cursor, take }));
  }

  const page = rows.slice(0, request.first);
  const mode = indexTerms.length > 0 && request.orderBy === "RELEVANCE" ? "r" : "n";
  const hits = await hitsOf(db, page, terms, mode, request.articleQuery ?? {}, request.snippets ?? true);
  let counting: Promise<SearchCount> | null = null;
  const totalCount = () => (counting ??= count());
  return { hits, hasNextPage: rows.length > request.first, totalCount, method: indexTerms.length > 0 ? "INDEX" : "SCAN", complete };
}

