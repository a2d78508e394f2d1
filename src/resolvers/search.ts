import { GraphQLError } from "graphql";
import type { Db } from "../db/client.ts";
import { Prisma, type Article, type Photo } from "../generated/prisma/client.ts";
import { variantsOf } from "../search/normalise.ts";
import { escapeLike, parseQuery, queryProblem, type SearchTerm } from "../search/query.ts";
import { snippetsOf, type FieldText, type Snippet } from "../search/snippets.ts";
import { normaliseForSearch } from "../search/normalise.ts";
import { ftsPhrase, keyRange, publicationFacet, sourceFacet, tsPhrase } from "../search/tokens.ts";

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
}

export interface SearchHit {
  article: Article;
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

/**
 * One-character terms have no bigram: a query made only of them scans the newest articles
 * that match the filter, at most this many. (Two or more characters always use the index.)
 */
export const SCAN_LIMIT = 5_000;

/**
 * One-character terms beside longer ones are checked (LIKE) on the newest this many articles
 * the index finds for the longer ones; `complete: false` when it found more. A common name is
 * in tens of thousands of articles, and checking them all took seconds.
 */
export const CHECK_LIMIT = 2_000;

/**
 * RELEVANCE ranks the newest this many matches (a rescoring window, as Elasticsearch's): BM25
 * and ts_rank cost a few microseconds a match, too much for the tens of thousands a common
 * name has. Older matches follow, newest first, without a score.
 */
export const RELEVANCE_WINDOW = 2_000;

/**
 * `totalCount` is exact up to this many matches; beyond, an estimate (see `boundedCount`): both
 * databases read a match's whole index entry to check a phrase (FTS5 its position lists,
 * PostgreSQL its detoasted `tsvector`), some microseconds each, too much for tens of thousands.
 */
export const COUNT_EXACT_UP_TO = 10_000;

// Column weights of bm25() for RELEVANCE: a match in a headline counts most. The order is
// that of the FTS5 table's columns (kicker, headline, subheadline, body, captions, facets).
const BM25 = Prisma.sql`bm25("ArticleSearchText", 2.0, 5.0, 2.0, 1.0, 1.0, 0.0)`;

// ts_rank's weights for RELEVANCE on PostgreSQL, {D, C, B, A}: headline (A) 5, kicker and
// subheadline (B) 2, body and captions (C) 1, as bm25's above (ts_rank takes weights up to 1).
const TS_RANK_WEIGHTS = "{0.2, 0.2, 0.4, 1.0}";

const isPostgres = (db: Db) => (db as unknown as { _activeProvider?: string })._activeProvider === "postgresql";

const badInput = (message: string) => new GraphQLError(message, { extensions: { code: "BAD_USER_INPUT" } });

/**
 * Articles whose kicker, headline, subheadline, body or captions contain every term of the
 * query (see src/search/query.ts). Terms of two or more characters are bigram phrases in the
 * FTS5 index, whose rowid orders hits newest first; one-character terms are checked with LIKE
 * on the articles the index found, or by a bounded scan when the query has no longer term.
 */
export async function searchArticles(db: Db, request: SearchRequest): Promise<SearchResult> {
  const terms = parseQuery(request.query);
  const problem = queryProblem(request.query, terms);
  if (problem) throw badInput(problem);
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
  let rows: Row[];
  let count: () => Promise<SearchCount>;
  let complete = true;
  if (indexTerms.length > 0 && charTerms.length > 0) {
    const oldest = await checkedFrom(db, indexTerms, { low, high, publicationId, source: filter.source ?? null }, request.checkLimit ?? CHECK_LIMIT);
    if (oldest !== null) {
      // Only the newest CHECK_LIMIT candidates: the key range starts after the next older one.
      low = Number(oldest) + 1;
      ranged = true;
      complete = false;
    }
  }
  if (indexTerms.length > 0 && isPostgres(db)) {
    let newest: () => Promise<Prisma.Sql>;
    let exactCount: Prisma.Sql | null;
    ({ rows, newest, exactCount } = await pgIndexSearch(
      db,
      indexTerms,
      charTerms,
      { low, high, ranged, publicationId, source: filter.source ?? null },
      { orderBy: request.orderBy, cursor, take, countUpTo: exactUpTo + 1, windowSize: request.relevanceWindow ?? RELEVANCE_WINDOW, newestBy: request.newestBy },
    ));
    count = exactCount
      ? async () => {
          // Sequential scans priced out for this statement alone (SET LOCAL): see pgIndexSearch.
          const [, [row]] = await db.$transaction([db.$executeRaw`SET LOCAL enable_seqscan = off`, db.$queryRaw<{ n: bigint }[]>(exactCount)]);
          return { total: Number(row?.n ?? 0), exact: true };
        }
      : async () => boundedCount(db, await newest(), { low, high, ranged }, exactUpTo);
  } else if (indexTerms.length > 0) {
    const match = [
      ...indexTerms.map((term) => ftsPhrase(term.normalised)),
      ...(publicationId !== null ? [publicationFacet(publicationId)] : []),
      ...(filter.source ? [sourceFacet(filter.source)] : []),
    ].join(" AND ");
    const from = Prisma.sql`"ArticleSearchText" JOIN "ArticleSearch" s ON s."key" = "ArticleSearchText".rowid ${charJoin(charTerms)}`;
    const where = Prisma.sql`"ArticleSearchText" MATCH ${match} AND "ArticleSearchText".rowid BETWEEN ${BigInt(low)} AND ${BigInt(high)}`;
    if (request.orderBy === "RELEVANCE") {
      // The join to "Article" only when one-character terms need it. bm25() is lower for better.
      rows = await rankedWindow(db, {
        window: (size) => Prisma.sql`SELECT "ArticleSearchText".rowid AS k, -${BM25} AS r FROM ${charTerms.length > 0 ? from : Prisma.sql`"ArticleSearchText"`}
           WHERE ${where} ORDER BY "ArticleSearchText".rowid DESC LIMIT ${size}`,
        older: (before, limit, offset) => Prisma.sql`SELECT s."articleId" AS "id" FROM ${from} WHERE ${where} AND "ArticleSearchText".rowid < ${before}
           ORDER BY "ArticleSearchText".rowid DESC LIMIT ${limit} OFFSET ${offset}`,
      }, { cursor, take, windowSize: request.relevanceWindow ?? RELEVANCE_WINDOW });
    } else {
      const before = cursor === null ? Prisma.empty : Prisma.sql`AND "ArticleSearchText".rowid < ${BigInt(cursor)}`;
      const found = await db.$queryRaw<{ id: number; key: string }[]>`
        SELECT s."articleId" AS "id", CAST("ArticleSearchText".rowid AS TEXT) AS "key" FROM ${from}
         WHERE ${where} ${before} ORDER BY "ArticleSearchText".rowid DESC LIMIT ${take}`;
      rows = found.map((row) => ({ id: Number(row.id), key: row.key, score: null }));
    }
    // Every FTS5 row has its "ArticleSearch" row: counting needs the join only for one-character terms.
    const counted = charTerms.length > 0 ? from : Prisma.sql`"ArticleSearchText"`;
    const newest = Prisma.sql`SELECT "ArticleSearchText".rowid AS k FROM ${counted} WHERE ${where}
      ORDER BY "ArticleSearchText".rowid DESC LIMIT ${exactUpTo + 1}`;
    count = () => boundedCount(db, newest, { low, high, ranged }, exactUpTo);
  } else {
    // The newest SCAN_LIMIT articles that pass the filter, then LIKE on those only.
    const conditions = [Prisma.sql`s."key" BETWEEN ${BigInt(low)} AND ${BigInt(high)}`];
    if (publicationId !== null) conditions.push(Prisma.sql`a."issueId" IN (SELECT "id" FROM "Issue" WHERE "publicationId" = ${publicationId})`);
    if (filter.source) conditions.push(Prisma.sql`a."source" = ${filter.source}`);
    const examined = Prisma.sql`SELECT s."key", s."articleId" FROM "ArticleSearch" s JOIN "Article" a ON a."id" = s."articleId"
      WHERE ${Prisma.join(conditions, " AND ")} ORDER BY s."key" DESC`;
    const [scanned] = await db.$queryRaw<{ n: number }[]>`SELECT COUNT(*) AS "n" FROM (${examined} LIMIT ${SCAN_LIMIT + 1}) e`;
    complete = Number(scanned?.n ?? 0) <= SCAN_LIMIT;
    const from = Prisma.sql`(${examined} LIMIT ${SCAN_LIMIT}) s ${charJoin(charTerms)}`;
    const before = cursor === null ? Prisma.empty : Prisma.sql`WHERE s."key" < ${BigInt(cursor)}`;
    const found = await db.$queryRaw<{ id: number; key: string }[]>`
      SELECT s."articleId" AS "id", CAST(s."key" AS TEXT) AS "key" FROM ${from} ${before} ORDER BY s."key" DESC LIMIT ${take}`;
    rows = found.map((row) => ({ id: Number(row.id), key: row.key, score: null }));
    count = async () => {
      const [row] = await db.$queryRaw<{ n: number }[]>`SELECT COUNT(*) AS "n" FROM ${from}`;
      return { total: Number(row?.n ?? 0), exact: true };
    };
  }

  const page = rows.slice(0, request.first);
  const mode = indexTerms.length > 0 && request.orderBy === "RELEVANCE" ? "r" : "n";
  const hits = await hitsOf(db, page, terms, mode, request.articleQuery ?? {});
  let counting: Promise<SearchCount> | null = null;
  const totalCount = () => (counting ??= count());
  return { hits, hasNextPage: rows.length > request.first, totalCount, method: indexTerms.length > 0 ? "INDEX" : "SCAN", complete };
}

/**
 * The key of the newest article past the `limit` newest that hold every index term (on
 * PostgreSQL, every bigram in any order: GIN answers that without reading a tsvector), or
 * null when there are no more than `limit`. One walk of the index, newest first.
 */
async function checkedFrom(
  db: Db,
  indexTerms: SearchTerm[],
  filter: { low: number; high: number; publicationId: number | null; source: string | null },
  limit: number,
): Promise<bigint | number | null> {
  if (isPostgres(db)) {
    const anyOrder = indexTerms.map((term) => tsPhrase(term.normalised)).join(" & ").replace(/ <-> /g, " & ");
    const conditions = [Prisma.sql`t."doc" @@ ${anyOrder}::tsquery`, Prisma.sql`t."key" BETWEEN ${BigInt(filter.low)} AND ${BigInt(filter.high)}`];
    if (filter.publicationId !== null) conditions.push(Prisma.sql`t."publicationId" = ${filter.publicationId}`);
    if (filter.source) conditions.push(Prisma.sql`t."source" = ${normaliseForSearch(filter.source)}`);
    const [row] = await db.$queryRaw<{ k: bigint }[]>`
      SELECT DISTINCT t."key" AS k FROM "ArticleSearchText" t WHERE ${Prisma.join(conditions, " AND ")} ORDER BY t."key" DESC LIMIT 1 OFFSET ${limit}`;
    return row?.k ?? null;
  }
  const match = [
    ...indexTerms.map((term) => ftsPhrase(term.normalised)),
    ...(filter.publicationId !== null ? [publicationFacet(filter.publicationId)] : []),
    ...(filter.source ? [sourceFacet(filter.source)] : []),
  ].join(" AND ");
  const [row] = await db.$queryRaw<{ k: bigint | number }[]>`
    SELECT rowid AS k FROM "ArticleSearchText" WHERE "ArticleSearchText" MATCH ${match} AND rowid BETWEEN ${BigInt(filter.low)} AND ${BigInt(filter.high)}
     ORDER BY rowid DESC LIMIT 1 OFFSET ${limit}`;
  return row?.k ?? null;
}

/**
 * A page of RELEVANCE hits. `window(size)` yields the newest `size` matches as "k" (the key)
 * and "r" (the score, higher is better); it is materialised once, and the page, the window's
 * size and its oldest key all come from it (a page past the window's end is one row of
 * bounds alone). Past the window, `older` gives the older matches newest first, so that
 * paging on still reaches every match. Cursors are positions in this order.
 */
async function rankedWindow(
  db: Db,
  query: { window: (size: number) => Prisma.Sql; older: (before: bigint, limit: number, offset: number) => Prisma.Sql },
  { cursor, take, windowSize }: { cursor: string | null; take: number; windowSize: number },
): Promise<Row[]> {
  const offset = cursor === null ? 0 : Number(cursor) + 1;
  const ranked = await db.$queryRaw<{ id: number | null; score: number | null; size: number | bigint; oldest: bigint | number | null }[]>`
    WITH w AS MATERIALIZED (${query.window(windowSize)}),
    page AS (SELECT s."articleId" AS "id", w.r, w.k FROM w JOIN "ArticleSearch" s ON s."key" = w.k ORDER BY w.r DESC, w.k DESC LIMIT ${take} OFFSET ${offset})
    SELECT page."id" AS "id", page.r AS "score", b.size AS "size", b.oldest AS "oldest"
      FROM (SELECT COUNT(*) AS size, MIN(k) AS oldest FROM w) b LEFT JOIN page ON TRUE ORDER BY page.r DESC, page.k DESC`;
  const found: { id: number; score: number | null }[] = ranked
    .filter((row) => row.id !== null)
    .map((row) => ({ id: Number(row.id), score: Number(row.score) }));
  const bounds = ranked[0]!;
  if (found.length < take && Number(bounds.size) === windowSize) {
    const older = await db.$queryRaw<{ id: number }[]>(query.older(BigInt(bounds.oldest!), take - found.length, Math.max(0, offset - windowSize)));
    found.push(...older.map((row) => ({ id: Number(row.id), score: null })));
  }
  return found.map((row, index) => ({ id: row.id, key: String(offset + index), score: row.score }));
}

/**
 * Counts the matches `newest` yields, newest first as column "k" (the search key), at most
 * `exactUpTo + 1` of them. More than `exactUpTo`: extrapolated from the share of the range's
 * articles that the newest `exactUpTo + 1` matches span (close for a term spread over the
 * years, high for one that is frequent only lately; capped at the range's articles). One
 * statement: the two key counts run only then (CASE), on the key index; without a date range,
 * the whole table's count.
 */
async function boundedCount(db: Db, newest: Prisma.Sql, range: { low: number; high: number; ranged: boolean }, exactUpTo: number): Promise<SearchCount> {
  const allKeys = range.ranged
    ? Prisma.sql`SELECT COUNT(*) FROM "ArticleSearch" WHERE "key" BETWEEN ${BigInt(range.low)} AND ${BigInt(range.high)}`
    : Prisma.sql`SELECT COUNT(*) FROM "ArticleSearch"`;
  const [row] = await db.$queryRaw<{ n: number | bigint; all: number | bigint | null; newer: number | bigint | null }[]>`
    WITH c AS (${newest})
    SELECT b.n AS "n",
           CASE WHEN b.n > ${exactUpTo} THEN (${allKeys}) END AS "all",
           CASE WHEN b.n > ${exactUpTo} THEN (SELECT COUNT(*) FROM "ArticleSearch" WHERE "key" BETWEEN b.last AND ${BigInt(range.high)}) END AS "newer"
      FROM (SELECT COUNT(*) AS n, MIN(k) AS last FROM c) b`;
  const n = Number(row?.n ?? 0);
  if (n <= exactUpTo) return { total: n, exact: true };
  const all = Number(row!.all);
  // n matches lie in the "newer" articles, the newest of the range.
  const estimate = Math.round((n * all) / Math.max(1, Number(row!.newer)));
  return { total: Math.max(exactUpTo + 1, Math.min(estimate, all)), exact: false };
}

type Row = { id: number; key: string; score: number | null };

/**
 * The index part of a search on PostgreSQL (src/db/search-table.ts): every term a tsquery
 * phrase of its bigrams. Articles of one chunk (nearly all) match when their one tsvector
 * holds every phrase (`doc @@ (p1 & p2)`, GIN); an article of several chunks when each phrase
 * is in one of its chunks (a second, small branch on the partial GIN index, grouped by key).
 * Facets and the date range are plain conditions. GIN yields no order: newest first is a sort
 * of the matches on "key" (a top-N sort with LIMIT, or a backward walk of the key index);
 * relevance ranks the newest matches by ts_rank (`rankedWindow`). Returns the page's rows, the
 * newest `countUpTo` matches for `boundedCount`, and a cheap exact count when there is one.
 *
 * The planner misjudges how many articles a common phrase is in: it multiplies its bigrams'
 * frequencies (5,853 estimated for a phrase in 35,078 of 102,915). For the newest few thousand
 * (the relevance window, the newest 10,001 that bound the count) it then checks and ranks every
 * match found through GIN and sorts them (1 s), where walking the key index newest first and
 * checking each article until enough match takes 30 ms. Before those two, the newest articles
 * are sampled (`sampleNewest`, 2 ms): the walk reads about `limit / share of matches` rows,
 * GIN about `rows × share of candidates` (articles holding every bigram, in any order), and the
 * plan that reads fewer is taken. (A phrase can be rare among its candidates: its bigrams
 * common, side by side only seldom; then the walk would read the whole table.)
 */
async function pgIndexSearch(
  db: Db,
  indexTerms: SearchTerm[],
  charTerms: SearchTerm[],
  filter: { low: number; high: number; ranged: boolean; publicationId: number | null; source: string | null },
  { orderBy, cursor, take, countUpTo, windowSize, newestBy }: { orderBy: SearchOrder; cursor: string | null; take: number; countUpTo: number; windowSize: number; newestBy?: "walk" | "index" | undefined },
): Promise<{ rows: Row[]; newest: () => Promise<Prisma.Sql>; exactCount: Prisma.Sql | null }> {
  const phrases = indexTerms.map((term) => tsPhrase(term.normalised));
  const all = Prisma.sql`${phrases.join(" & ")}::tsquery`;
  const hasPhrase = phrases.some((phrase) => phrase.includes("<->"));
  const { ranged } = filter;
  // A bitmap scan rechecks its index condition before any other condition, and checking a
  // phrase detoasts the candidate's tsvector (some microseconds). With a date range, the index
  // condition is the phrase's bigrams in any order (GIN answers that without a recheck) and
  // the phrase (ts_match_vq, which GIN does not take) comes after the range: 4× faster for a
  // year. Not without a range: a walk of the key index would then detoast each row twice.
  const anyOrder = Prisma.sql`${phrases.join(" & ").replace(/ <-> /g, " & ")}::tsquery`;
  const [indexed, phraseAfter] = hasPhrase && ranged ? [anyOrder, Prisma.sql`AND ts_match_vq(t."doc", ${all})`] : [all, Prisma.empty];
  const any = Prisma.sql`${phrases.join(" | ")}::tsquery`;
  const conditions = [Prisma.sql`TRUE`];
  // No date range, no condition on "key": the planner would weigh a btree range that selects everything.
  if (ranged) conditions.push(Prisma.sql`t."key" BETWEEN ${BigInt(filter.low)} AND ${BigInt(filter.high)}`);
  if (filter.publicationId !== null) conditions.push(Prisma.sql`t."publicationId" = ${filter.publicationId}`);
  if (filter.source) conditions.push(Prisma.sql`t."source" = ${normaliseForSearch(filter.source)}`);
  const rank = (query: Prisma.Sql) => Prisma.sql`ts_rank(${TS_RANK_WEIGHTS}::float4[], t."doc", ${query}, 1)`;
  const everyPhrase = Prisma.join(
    phrases.map((phrase) => Prisma.sql`bool_or(t."doc" @@ ${phrase}::tsquery)`),
    " AND ",
  );
  // `newestEach`: each branch newest first with its own LIMIT, so that the planner can walk the
  // "key" index backwards and stop after a page, where a sort of every match would detoast each
  // one's tsvector (seconds for a name in half the archive); a rare term still takes the GIN index.
  // `walk`: the one-chunk branch's match as a function call, which GIN does not take, so that
  // the plan is the walk of the key index (only chosen without a date range, see `walks`).
  const matches = (withScore: boolean, from: Prisma.Sql = Prisma.empty, newestEach?: number, walk = false) => {
    const where = Prisma.sql`${Prisma.join(conditions, " AND ")} ${from}`;
    const branch = (select: Prisma.Sql) =>
      newestEach === undefined ? select : Prisma.sql`(${select} ORDER BY t."key" DESC LIMIT ${newestEach})`;
    const match = walk ? Prisma.sql`ts_match_vq(t."doc", ${all})` : Prisma.sql`t."doc" @@ ${indexed}`;
    return Prisma.sql`
    ${branch(Prisma.sql`SELECT t."key", t."articleId"${withScore ? Prisma.sql`, ${rank(all)} AS "score"` : Prisma.empty} FROM "ArticleSearchText" t
     WHERE ${match} AND t."chunks" = 1 AND ${where} ${phraseAfter}`)}
    UNION ALL
    ${branch(Prisma.sql`SELECT t."key", t."articleId"${withScore ? Prisma.sql`, MAX(${rank(any)}) AS "score"` : Prisma.empty} FROM "ArticleSearchText" t
     WHERE t."doc" @@ ${any} AND t."chunks" > 1 AND ${where}
     GROUP BY t."key", t."articleId" HAVING ${everyPhrase}`)}`;
  };
  // "s" as charJoin expects it: the hits, with their "articleId".
  const joined = (withScore: boolean, from: Prisma.Sql = Prisma.empty) => Prisma.sql`(${matches(withScore, from)}) s ${charJoin(charTerms)}`;
  // The newest `limit` after `offset` (and before the key `before`), newest first; with
  // one-character terms, the hits are filtered after the branches: no per-branch LIMIT.
  const newestFirst = (select: Prisma.Sql, withScore: boolean, limit: number, offset = 0, before: Prisma.Sql = Prisma.empty, walk = false) =>
    charTerms.length === 0
      ? Prisma.sql`SELECT ${select} FROM (${matches(withScore, before, limit + offset, walk)}) s ORDER BY s."key" DESC LIMIT ${limit} OFFSET ${offset}`
      : Prisma.sql`SELECT ${select} FROM ${joined(withScore, before)} ORDER BY s."key" DESC LIMIT ${limit} OFFSET ${offset}`;
  // With a date range, the range's condition already leads the plan; one-character terms are
  // checked after the branches, which then have no LIMIT to walk to.
  let sample: Promise<Sample> | undefined;
  const walks = async (limit: number): Promise<boolean> => {
    if (ranged || charTerms.length > 0) return false;
    if (newestBy) return newestBy === "walk";
    sample ??= sampleNewest(db, anyOrder, all, conditions);
    const { sampled, candidates, matched, rows } = await sample;
    return matched > 0 && (limit * sampled) / matched < (rows * candidates) / sampled;
  };
  let rows: Row[];
  if (orderBy === "RELEVANCE") {
    const walk = await walks(windowSize);
    rows = await rankedWindow(db, {
      window: (size) => newestFirst(Prisma.sql`s."key" AS k, s."score" AS r`, true, size, 0, Prisma.empty, walk),
      older: (before, limit, offset) => newestFirst(Prisma.sql`s."articleId" AS "id"`, false, limit, offset, Prisma.sql`AND t."key" < ${before}`),
    }, { cursor, take, windowSize });
  } else {
    const before = cursor !== null ? Prisma.sql`AND t."key" < ${BigInt(cursor)}` : Prisma.empty;
    const found = await db.$queryRaw<{ id: number; key: string }[]>(newestFirst(Prisma.sql`s."articleId" AS "id", CAST(s."key" AS TEXT) AS "key"`, false, take, 0, before));
    rows = found.map((row) => ({ id: Number(row.id), key: row.key, score: null }));
  }
  // Terms of two characters are one bigram each, no phrase: GIN finds exactly their matches,
  // and a bitmap scan counts them without reading any tsvector (58,000 in 18 ms), where a
  // sequential scan, which the planner prefers for a very common term, reads every one.
  const exactCount = !hasPhrase && charTerms.length === 0 ? Prisma.sql`SELECT COUNT(*) AS "n" FROM (${matches(false)}) s` : null;
  return { rows, newest: async () => newestFirst(Prisma.sql`s."key" AS k`, false, countUpTo, 0, Prisma.empty, await walks(countUpTo)), exactCount };
}

interface Sample {
  /** The newest one-chunk articles that pass the filter, read. */
  sampled: number;
  /** Of those, how many hold every bigram of the query (in any order: what GIN finds), and the query itself. */
  candidates: number;
  matched: number;
  /** The table's rows, as the planner last counted them. */
  rows: number;
}

const SAMPLE_SIZE = 200;

/** Reads the newest SAMPLE_SIZE articles that pass the filter, by the key index, and checks the query on each. */
async function sampleNewest(db: Db, anyOrder: Prisma.Sql, query: Prisma.Sql, conditions: Prisma.Sql[]): Promise<Sample> {
  const [row] = await db.$queryRaw<{ sampled: bigint; candidates: bigint; matched: bigint; rows: number | null }[]>`
    SELECT COUNT(*) AS "sampled", COUNT(*) FILTER (WHERE s."doc" @@ ${anyOrder}) AS "candidates",
           COUNT(*) FILTER (WHERE ts_match_vq(s."doc", ${query})) AS "matched",
           (SELECT GREATEST(reltuples, 0) FROM pg_class WHERE oid = '"ArticleSearchText"'::regclass) AS "rows"
      FROM (SELECT t."doc" FROM "ArticleSearchText" t WHERE t."chunks" = 1 AND ${Prisma.join(conditions, " AND ")} ORDER BY t."key" DESC LIMIT ${SAMPLE_SIZE}) s`;
  return { sampled: Number(row?.sampled ?? 0), candidates: Number(row?.candidates ?? 0), matched: Number(row?.matched ?? 0), rows: Number(row?.rows ?? 0) };
}

/** Joins "Article" a and requires each one-character term in one of the article's fields. */
function charJoin(terms: SearchTerm[]): Prisma.Sql {
  if (terms.length === 0) return Prisma.empty;
  const conditions = terms.map((term) => {
    const alternatives = variantsOf(term.normalised).flatMap((variant) => {
      const pattern = `%${escapeLike(variant)}%`;
      const like = (column: string) => Prisma.sql`${Prisma.raw(column)} LIKE ${pattern} ESCAPE '\\'`;
      return [
        like(`a."kicker"`),
        like(`a."headline"`),
        like(`a."subheadline"`),
        like(`a."body"`),
        Prisma.sql`EXISTS (SELECT 1 FROM "Photo" p WHERE p."articleId" = a."id" AND p."caption" LIKE ${pattern} ESCAPE '\\')`,
      ];
    });
    return Prisma.sql`(${Prisma.join(alternatives, " OR ")})`;
  });
  return Prisma.sql`JOIN "Article" a ON a."id" = s."articleId" AND ${Prisma.join(conditions, " AND ")}`;
}

async function hitsOf(
  db: Db,
  rows: { id: number; key: string; score: number | null }[],
  terms: SearchTerm[],
  mode: "n" | "r",
  articleQuery: NonNullable<SearchRequest["articleQuery"]>,
): Promise<SearchHit[]> {
  if (rows.length === 0) return [];
  // The whole article and its photos make the snippets; the request's plan (a select: Article is in
  // select mode) adds the relations it asks for. Its own photo selection, if any, gives way: snippets
  // need every caption, in order.
  const select = {
    ...articleQuery.select,
    ...Object.fromEntries(Object.keys(Prisma.ArticleScalarFieldEnum).map((field) => [field, true])),
    photos: { orderBy: { position: "asc" as const } },
  } as Prisma.ArticleSelect & { photos: { orderBy: { position: "asc" } } };
  const articles = (await db.article.findMany({ where: { id: { in: rows.map((row) => row.id) } }, select })) as (Article & { photos: Photo[] })[];
  const byId = new Map(articles.map((article) => [article.id, article]));
  const normalised = terms.map((term) => term.normalised);
  return rows.flatMap((row) => {
    const found = byId.get(row.id);
    if (!found) return [];
    const { photos, ...article } = found;
    const fields: FieldText[] = [
      { field: "KICKER", text: article.kicker ?? "" },
      { field: "HEADLINE", text: article.headline ?? "" },
      { field: "SUBHEADLINE", text: article.subheadline ?? "" },
      { field: "BODY", text: article.body },
      ...photos.map((photo) => ({ field: "CAPTION" as const, text: photo.caption, photoId: photo.id })),
    ];
    const photoById = new Map(photos.map((photo) => [photo.id, photo]));
    const snippets = snippetsOf(fields, normalised).map((snippet) => ({
      ...snippet,
      photo: snippet.photoId === null ? null : photoById.get(snippet.photoId)!,
    }));
    return [{ article, snippets, score: row.score, cursor: encodeCursor(mode, row.key) }];
  });
}

// Cursors: "n:<key>" (newest first: the search key of the last hit) or "r:<offset>" (relevance).
const encodeCursor = (mode: "n" | "r", value: string) => Buffer.from(`search:${mode}:${value}`).toString("base64url");

function decodeCursor(cursor: string | null | undefined, mode: "n" | "r"): string | null {
  if (!cursor) return null;
  const match = /^search:([nr]):(\d+)$/.exec(Buffer.from(cursor, "base64url").toString());
  if (!match || match[1] !== mode) throw badInput(`Invalid cursor for this search: ${cursor}`);
  return match[2]!;
}
