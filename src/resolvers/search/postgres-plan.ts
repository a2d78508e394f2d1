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
 * The index part of a search on PostgreSQL (src/db/search-table.ts). Articles of one chunk
 * (nearly all) match when their tsvector holds every bigram of the terms (GIN) and their row's
 * text every term of three or more characters (`strpos`); an article of several chunks when
 * each term's phrase of bigrams is in one of its chunks (a second, small branch on the partial
 * GIN index, grouped by key). Facets and the date range are plain conditions. GIN yields no
 * order: newest first is a sort of the matches on "key" (a top-N sort with LIMIT, or a
 * backward walk of the key index); relevance ranks the newest matches by ts_rank
 * (`rankedWindow`). Counts with `boundedCount` on the newest `exactUpTo + 1` matches.
 *
 * The planner misjudges how many articles a common phrase is in: it multiplies its bigrams'
 * frequencies (5,853 estimated for a phrase in 35,078 of 102,915). For the newest few thousand
 * (the relevance window, the newest matches that bound the count) it then checks and ranks every
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
  const { ranged } = filter;
  // Articles of one chunk: GIN finds those holding every bigram in any order (exactly, with no
  // recheck), and each term of three or more characters is then looked for in the row's text
  // (strpos), which is in the row, where checking the phrase would read the tsvector from TOAST.
  // The walk of the key index checks every term in the text alone: it reads no tsvector.
  const anyOrder = Prisma.sql`${tsAnyOrder(indexTerms.map((term) => term.normalised))}::tsquery`;
  const inText = (terms: typeof indexTerms) =>
    terms.length === 0 ? Prisma.empty : Prisma.join(terms.map((term) => Prisma.sql`strpos(t."text", ${term.normalised}) > 0`), " AND ", "AND ");
  const phraseAfter = inText(indexTerms.filter((term) => term.normalised.length > 2));
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
  // `walk`: the one-chunk branch's match on the text alone, which GIN does not take, so that
  // the plan is the walk of the key index (only chosen without a date range, see `walks`).
  const matches = (withScore: boolean, from: Prisma.Sql = Prisma.empty, newestEach?: number, walk = false) => {
    const where = Prisma.sql`${Prisma.join(conditions, " AND ")} ${from}`;
    const branch = (select: Prisma.Sql) =>
      newestEach === undefined ? select : Prisma.sql`(${select} ORDER BY t."key" DESC LIMIT ${newestEach})`;
    const match = walk ? Prisma.sql`TRUE ${inText(indexTerms)}` : Prisma.sql`t."doc" @@ ${anyOrder} ${phraseAfter}`;
    return Prisma.sql`
    ${branch(Prisma.sql`SELECT t."key", t."articleId"${withScore ? Prisma.sql`, ${rank(all)} AS "score"` : Prisma.empty} FROM "ArticleSearchText" t
     WHERE ${match} AND t."chunks" = 1 AND ${where}`)}
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
    sample ??= sampleNewest(db, anyOrder, Prisma.sql`TRUE ${inText(indexTerms)}`, conditions);
    const { sampled, candidates, matched, rows } = await sample;
    return matched > 0 && (limit * sampled) / matched < (rows * candidates) / sampled;
  };
  // Counted as on SQLite, exactly up to `exactUpTo` (every term, two characters too): an exact
  // count of a common bigram reads every matching row, and with the text in the row (many
  // more heap pages) 58,000 took 90 ms.
  const count = async () =>
    boundedCount(db, newestFirst(Prisma.sql`s."key" AS k`, false, countUpTo, 0, Prisma.empty, await walks(countUpTo)), filter, exactUpTo, ARCHIVE_SIZE);
  // Asked for, the count runs beside the page, on a connection of its own (10 ms of a 40 ms
  // relevance search were the count, after the page).
  const ahead = query.countAhead ? count() : null;
  ahead?.catch(() => undefined);
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
  return { rows, count: () => ahead ?? count() };
}

/**
 * The archive's size for an estimated count, as PostgreSQL's planner reckons a table's rows: the
 * rows per page of the last ANALYZE or VACUUM times the table's pages now, so it follows the
 * archive's growth since. Counting the 102,915 keys took 10–17 ms of a 50 ms search; an estimate
 * needs no exact denominator. A table never analyzed is counted.
 */
const ARCHIVE_SIZE = Prisma.sql`SELECT CASE WHEN c.relpages > 0 AND c.reltuples >= 0
      THEN round(c.reltuples / c.relpages * (pg_relation_size(c.oid) / current_setting('block_size')::int))::bigint
      ELSE (SELECT COUNT(*) FROM "ArticleSearch") END
    FROM pg_class c WHERE c.oid = '"ArticleSearch"'::regclass`;

export const postgresIndexPlan: IndexPlan = { search };
