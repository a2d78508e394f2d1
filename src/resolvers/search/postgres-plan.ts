import type { Db } from "../../db/client.ts";
import { Prisma } from "../../generated/prisma/client.ts";
import { normaliseForSearch } from "../../search/normalise.ts";
import { tsAnyOrder, tsPhrase } from "../../search/tokens.ts";
import { charJoin } from "./char-terms.ts";
import { boundedCount } from "./count-estimate.ts";
import { sampleNewest, type Sample } from "./postgres-sample.ts";
import { rankedWindow } from "./ranked-window.ts";
import type { IndexPlan, IndexQuery, Row, SearchCount } from "./types.ts";

// ts_rank's weights for RELEVANCE on PostgreSQL, {D, C, B, A}: headline (A) 5, kicker and
// subheadline (B) 2, body and captions (C) 1, as bm25's in sqlite-plan.ts (ts_rank takes weights up to 1).
const TS_RANK_WEIGHTS = "{0.2, 0.2, 0.4, 1.0}";

/**
 * The index part of a search on PostgreSQL (src/db/search-table.ts): every term a tsquery
 * phrase of its bigrams. Articles of one chunk (nearly all) match when their one tsvector
 * holds every phrase (`doc @@ (p1 & p2)`, GIN); an article of several chunks when each phrase
 * is in one of its chunks (a second, small branch on the partial GIN index, grouped by key).
 * Facets and the date range are plain conditions. GIN yields no order: newest first is a sort
 * of the matches on "key" (a top-N sort with LIMIT, or a backward walk of the key index);
 * relevance ranks the newest matches by ts_rank (`rankedWindow`). Counts with `boundedCount` on
 * the newest `exactUpTo + 1` matches, or exactly when that is cheap.
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
async function search(db: Db, query: IndexQuery): Promise<{ rows: Row[]; count: () => Promise<SearchCount> }> {
  const { indexTerms, charTerms, filter, orderBy, cursor, take, exactUpTo, windowSize, newestBy } = query;
  const countUpTo = exactUpTo + 1;
  const phrases = indexTerms.map((term) => tsPhrase(term.normalised));
  const all = Prisma.sql`${phrases.join(" & ")}::tsquery`;
  const hasPhrase = phrases.some((phrase) => phrase.includes("<->"));
  const { ranged } = filter;
  // A bitmap scan rechecks its index condition before any other condition, and checking a
  // phrase detoasts the candidate's tsvector (some microseconds). With a date range, the index
  // condition is the phrase's bigrams in any order (GIN answers that without a recheck) and
  // the phrase (ts_match_vq, which GIN does not take) comes after the range: 4× faster for a
  // year. Not without a range: a walk of the key index would then detoast each row twice.
  const anyOrder = Prisma.sql`${tsAnyOrder(indexTerms.map((term) => term.normalised))}::tsquery`;
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
  // sequential scan, which the planner prefers for a very common term, reads every one. In one
  // process: for 83,000 matches the planner takes two parallel workers, whose start and
  // gathering made the count 4× slower (165 ms against 35) on a busy two-core server.
  const exactCount = !hasPhrase && charTerms.length === 0 ? Prisma.sql`SELECT COUNT(*) AS "n" FROM (${matches(false)}) s` : null;
  const count = exactCount
    ? async () => {
        // Sequential scans and parallel workers ruled out for this transaction alone (set_config's is_local): see above.
        const [, [row]] = await db.$transaction([
          db.$queryRaw`SELECT set_config('enable_seqscan', 'off', true), set_config('max_parallel_workers_per_gather', '0', true)`,
          db.$queryRaw<{ n: bigint }[]>(exactCount),
        ]);
        return { total: Number(row?.n ?? 0), exact: true };
      }
    : async () => boundedCount(db, newestFirst(Prisma.sql`s."key" AS k`, false, countUpTo, 0, Prisma.empty, await walks(countUpTo)), filter, exactUpTo);
  return { rows, count };
}

export const postgresIndexPlan: IndexPlan = { search };
