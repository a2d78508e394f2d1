import type { Db } from "../../db/client.ts";
import { Prisma } from "../../generated/prisma/client.ts";
import { normaliseForSearch } from "../../search/normalise.ts";
import { tsAnyOrder, tsPhrase } from "../../search/tokens.ts";
import { charJoin } from "./char-terms.ts";
import { readThroughBitmap } from "./bitmap-read.ts";
import { boundedCount } from "./count-estimate.ts";
import { sampleNewest, type Sample } from "./postgres-sample.ts";
import { rankedWindow } from "./ranked-window.ts";
import { bm25Of, termCountsInChunk, termCountsInText } from "./postgres-relevance.ts";
import { readRaw, type IndexPlan, type IndexQuery, type Row, type SearchCount } from "./types.ts";

/**
 * The index part of a search on PostgreSQL (src/db/search-table.ts). Articles of one chunk
 * (nearly all) match when their tsvector holds every bigram of the terms (GIN) and their text
 * ("ArticleSearchPhrase") every term of three or more characters (`strpos`); an article of
 * several chunks when each term's phrase of bigrams is in one of its chunks (a second, small
 * branch on the partial GIN index, grouped by key). Facets and the date range are plain
 * conditions. GIN yields no order: newest first is a sort of the matches on "key" (a top-N sort
 * with LIMIT, or a backward walk of the key index); relevance ranks the newest matches by
 * BM25 on their texts (`rankedWindow`, postgres-relevance.ts). Counts with `boundedCount` on the
 * newest `exactUpTo + 1` matches.
 *
 * The planner misjudges how many articles a common phrase is in: it multiplies its bigrams'
 * frequencies (5,853 estimated for a phrase in 35,078 of 102,915), and it prices a row by its
 * heap tuple, not by the tsvector read from TOAST to check `@@` on it. For the newest few
 * thousand (the relevance window, the newest matches that bound the count) the plan is chosen
 * here instead, from the newest texts (`sampleNewest`, 1 ms): walking "ArticleSearchPhrase"
 * newest first reads about `limit / share of matches` texts; GIN's bitmap yields `rows × share
 * of candidates` (articles holding every bigram, in any order), each weighed by what it costs
 * against a walked text, and the cheaper is taken. (A phrase can be rare among its candidates:
 * its bigrams common, side by side only seldom; then the walk would read the whole table.)
 */
async function search(db: Db, query: IndexQuery): Promise<{ rows: Row[]; count: () => Promise<SearchCount> }> {
  const { indexTerms, charTerms, filter, orderBy, cursor, take, exactUpTo, windowSize, newestBy } = query;
  const countUpTo = exactUpTo + 1;
  const phrases = indexTerms.map((term) => tsPhrase(term.normalised));
  const { ranged } = filter;
  // Articles of one chunk: GIN finds those holding every bigram in any order (exactly, with no
  // recheck), and each term of three or more characters is then looked for (strpos) in the
  // article's text, in "ArticleSearchPhrase", where checking the phrase would read the tsvector
  // from TOAST. The walk reads "ArticleSearchPhrase" alone, newest first, and checks every term
  // in the text: it reads no tsvector.
  const anyOrder = Prisma.sql`${tsAnyOrder(indexTerms.map((term) => term.normalised))}::tsquery`;
  const inText = (terms: typeof indexTerms, alias = "t") =>
    terms.length === 0
      ? Prisma.empty
      : Prisma.join(terms.map((term) => Prisma.sql`strpos(${Prisma.raw(alias)}."text", ${term.normalised}) > 0`), " AND ", "AND ");
  const checkedInText = indexTerms.filter((term) => term.normalised.length > 2);
  // Ranked, the text is read for its counts whether or not a term is checked in it.
  const phraseJoin = (ranked: boolean) =>
    checkedInText.length === 0 && !ranked ? Prisma.empty : Prisma.sql`JOIN "ArticleSearchPhrase" x ON x."key" = t."key" ${inText(checkedInText, "x")}`;
  const any = Prisma.sql`${phrases.join(" | ")}::tsquery`;
  const conditions = [Prisma.sql`TRUE`];
  // No date range, no condition on "key": the planner would weigh a btree range that selects everything.
  if (ranged) conditions.push(Prisma.sql`t."key" BETWEEN ${BigInt(filter.low)} AND ${BigInt(filter.high)}`);
  if (filter.publicationId !== null) conditions.push(Prisma.sql`t."publicationId" = ${filter.publicationId}`);
  if (filter.source) conditions.push(Prisma.sql`t."source" = ${normaliseForSearch(filter.source)}`);
  const everyPhrase = Prisma.join(
    phrases.map((phrase) => Prisma.sql`bool_or(t."doc" @@ ${phrase}::tsquery)`),
    " AND ",
  );
  // `newestEach`: each branch newest first with its own LIMIT, so that the planner can walk the
  // "key" index backwards and stop after a page, where a sort of every match would detoast each
  // one's tsvector (seconds for a name in half the archive); a rare term still takes the GIN index.
  // `via` the sample's choice (see `plan`), for the newest few thousand: "walk" reads the
  // one-chunk branch from "ArticleSearchPhrase" newest first, its terms checked in the text alone;
  // "bitmap" orders it by an expression no index yields, so that (with `readThroughBitmap`)
  // it is GIN's bitmap, never the key index walked with each row's tsvector read from TOAST to
  // check `@@` (the planner prices that as a narrow row: 56,000 buffers for 王纯's 2,001).
  const matches = (withScore: boolean, from: Prisma.Sql = Prisma.empty, newestEach?: number, via?: Via) => {
    const where = Prisma.sql`${Prisma.join(conditions, " AND ")} ${from}`;
    const branch = (select: Prisma.Sql, order = Prisma.sql`t."key"`) =>
      newestEach === undefined ? select : Prisma.sql`(${select} ORDER BY ${order} DESC LIMIT ${newestEach})`;
    // Ranked, each branch yields the counts BM25 needs (postgres-relevance.ts), read from the text.
    const counts = (alias: string) => (withScore ? Prisma.sql`, ${termCountsInText(indexTerms, alias)}` : Prisma.empty);
    const oneChunk =
      via === "walk"
        ? Prisma.sql`SELECT t."key", t."articleId"${counts("t")} FROM "ArticleSearchPhrase" t WHERE TRUE ${inText(indexTerms)} AND ${where}`
        : Prisma.sql`SELECT t."key", t."articleId"${counts("x")} FROM "ArticleSearchText" t ${phraseJoin(withScore)}
     WHERE t."doc" @@ ${anyOrder} AND t."chunks" = 1 AND ${where}`;
    return Prisma.sql`
    ${branch(oneChunk, via === "bitmap" ? Prisma.sql`t."key" + 0` : undefined)}
    UNION ALL
    ${branch(Prisma.sql`SELECT t."key", t."articleId"${withScore ? Prisma.sql`, ${termCountsInChunk(indexTerms, "t")}` : Prisma.empty} FROM "ArticleSearchText" t
     WHERE t."doc" @@ ${any} AND t."chunks" > 1 AND ${where}
     GROUP BY t."key", t."articleId" HAVING ${everyPhrase}`)}`;
  };
  // "s" as charJoin expects it: the hits, with their "articleId".
  const joined = (withScore: boolean, from: Prisma.Sql = Prisma.empty) => Prisma.sql`(${matches(withScore, from)}) s ${charJoin(charTerms)}`;
  // The newest `limit` after `offset` (and before the key `before`), newest first; with
  // one-character terms, the hits are filtered after the branches: no per-branch LIMIT.
  const newestFirst = (select: Prisma.Sql, withScore: boolean, limit: number, offset = 0, before: Prisma.Sql = Prisma.empty, via?: Via) =>
    charTerms.length === 0
      ? Prisma.sql`SELECT ${select} FROM (${matches(withScore, before, limit + offset, via)}) s ORDER BY s."key" DESC LIMIT ${limit} OFFSET ${offset}`
      : Prisma.sql`SELECT ${select} FROM ${joined(withScore, before)} ORDER BY s."key" DESC LIMIT ${limit} OFFSET ${offset}`;
  // One-character terms are checked after the branches, which then have no LIMIT to walk to.
  let sample: Promise<Sample> | undefined;
  const plan = async (limit: number, ranked = false): Promise<Via | undefined> => {
    if (charTerms.length > 0) return undefined;
    if (newestBy) return newestBy === "walk" ? "walk" : "bitmap";
    const articles = ranged ? Prisma.sql`SELECT COUNT(*) FROM "ArticleSearch" WHERE "key" BETWEEN ${BigInt(filter.low)} AND ${BigInt(filter.high)}` : undefined;
    sample ??= sampleNewest(db, { bigrams: bigramsOf(indexTerms), inText: Prisma.sql`TRUE ${inText(indexTerms)}`, conditions, articles });
    const { sampled, candidates, matched, rows } = await sample;
    const perCandidate = checkedInText.length > 0 || ranked ? CHECKED_CANDIDATE_COST : UNCHECKED_CANDIDATE_COST;
    const walked = matched > 0 ? Math.min(rows, (limit * sampled) / matched) : rows;
    return walked <= (rows * candidates * perCandidate) / Math.max(1, sampled) ? "walk" : "bitmap";
  };
  const read = readRaw(db);
  const readVia = (via: Via | undefined) => (via === "bitmap" ? readThroughBitmap(db) : read);
  // Counted as on SQLite, exactly up to `exactUpTo` (every term, two characters too).
  const count = async () => {
    const via = await plan(countUpTo);
    return boundedCount(readVia(via), newestFirst(Prisma.sql`s."key" AS k`, false, countUpTo, 0, Prisma.empty, via), filter, exactUpTo, ARCHIVE_SIZE);
  };
  // Asked for, the count runs beside the page, on a connection of its own (10 ms of a 40 ms
  // relevance search were the count, after the page).
  const ahead = query.countAhead ? count() : null;
  ahead?.catch(() => undefined);
  let rows: Row[];
  if (orderBy === "RELEVANCE") {
    const via = await plan(windowSize, true);
    const counted = Prisma.join([Prisma.sql`s."key"`, ...indexTerms.map((_, index) => Prisma.raw(`s."f${index}"`)), Prisma.sql`s."dl"`], ", ");
    rows = await rankedWindow(readVia(via), {
      window: (size) => bm25Of(indexTerms, newestFirst(counted, true, size, 0, Prisma.empty, via)),
      older: (before, limit, offset) => newestFirst(Prisma.sql`s."articleId" AS "id"`, false, limit, offset, Prisma.sql`AND t."key" < ${before}`),
    }, { cursor, take, windowSize });
  } else {
    const before = cursor !== null ? Prisma.sql`AND t."key" < ${BigInt(cursor)}` : Prisma.empty;
    const found = await read<{ id: number; key: string }>(newestFirst(Prisma.sql`s."articleId" AS "id", CAST(s."key" AS TEXT) AS "key"`, false, take, 0, before));
    rows = found.map((row) => ({ id: Number(row.id), key: row.key, score: null }));
  }
  return { rows, count: () => ahead ?? count() };
}

/** How the newest few thousand matches are found: see `matches` in `search`. */
type Via = "walk" | "bitmap";

/**
 * What a candidate found through GIN costs against a walked row (`strpos` over an article's text
 * in "ArticleSearchPhrase"), measured on the bench corpus side by side. With no term checked in
 * its text (two-character terms only, which GIN answers exactly), a tuple of the narrow heap:
 * 王纯 (17% of the articles) 17,498 candidates in 10 ms against 11,899 walked rows in 19 ms, 韦韬
 * (57%) 57,570 in 23 ms against 3,624 in 6 ms. With a term to check, a candidate is also a probe
 * of "ArticleSearchPhrase" by key and its `strpos`: 安全生产 in one year, 4,905 candidates in
 * 30 ms against 5,070 walked rows in 7 ms.
 */
const UNCHECKED_CANDIDATE_COST = 0.3;
const CHECKED_CANDIDATE_COST = 3;

/** The distinct bigrams of the terms, as strings: what GIN finds in any order. */
const bigramsOf = (terms: { normalised: string }[]): string[] => [
  ...new Set(terms.flatMap((term) => Array.from({ length: term.normalised.length - 1 }, (_, at) => term.normalised.slice(at, at + 2)))),
];

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
