import type { Db } from "../../db/client.ts";
import { Prisma } from "../../generated/prisma/client.ts";
import { ftsMatch } from "../../search/tokens.ts";
import { charJoin } from "./char-terms.ts";
import { boundedCount } from "./count-estimate.ts";
import { rankedWindow } from "./ranked-window.ts";
import { readRaw, type IndexPlan, type IndexQuery, type Row, type SearchCount } from "./types.ts";

// Column weights of bm25() for RELEVANCE: a match in a headline counts most. The order is
// that of the FTS5 table's columns (kicker, headline, subheadline, body, captions, facets).
const BM25 = Prisma.sql`bm25("ArticleSearchText", 2.0, 5.0, 2.0, 1.0, 1.0, 0.0)`;

/**
 * The index part of a search on SQLite: every term a bigram phrase in the FTS5 table, whose
 * rowid (the search key) orders hits newest first; the publication and source are facet tokens
 * of the same MATCH, the date range a rowid range.
 */
async function search(db: Db, query: IndexQuery): Promise<{ rows: Row[]; count: () => Promise<SearchCount> }> {
  const { indexTerms, charTerms, filter, cursor, take, exactUpTo, windowSize } = query;
  const { low, high, publicationId } = filter;
  let rows: Row[];
  const match = ftsMatch(
    indexTerms.map((term) => term.normalised),
    publicationId,
    filter.source,
  );
  const from = Prisma.sql`"ArticleSearchText" JOIN "ArticleSearch" s ON s."key" = "ArticleSearchText".rowid ${charJoin(charTerms)}`;
  const where = Prisma.sql`"ArticleSearchText" MATCH ${match} AND "ArticleSearchText".rowid BETWEEN ${BigInt(low)} AND ${BigInt(high)}`;
  if (query.orderBy === "RELEVANCE") {
    // The join to "Article" only when one-character terms need it. bm25() is lower for better.
    rows = await rankedWindow(readRaw(db), {
      window: (size) => Prisma.sql`SELECT "ArticleSearchText".rowid AS k, -${BM25} AS r FROM ${charTerms.length > 0 ? from : Prisma.sql`"ArticleSearchText"`}
         WHERE ${where} ORDER BY "ArticleSearchText".rowid DESC LIMIT ${size}`,
      older: (before, limit, offset) => Prisma.sql`SELECT s."articleId" AS "id" FROM ${from} WHERE ${where} AND "ArticleSearchText".rowid < ${before}
         ORDER BY "ArticleSearchText".rowid DESC LIMIT ${limit} OFFSET ${offset}`,
    }, { cursor, take, windowSize });
  } else {
    const before = cursor === null ? Prisma.empty : Prisma.sql`AND "ArticleSearchText".rowid < ${BigInt(cursor)}`;
    const found = await readRaw(db)<{ id: number; key: string }>(Prisma.sql`
      SELECT s."articleId" AS "id", CAST("ArticleSearchText".rowid AS TEXT) AS "key" FROM ${from}
       WHERE ${where} ${before} ORDER BY "ArticleSearchText".rowid DESC LIMIT ${take}`);
    rows = found.map((row) => ({ id: Number(row.id), key: row.key, score: null }));
  }
  // Every FTS5 row has its "ArticleSearch" row: counting needs the join only for one-character terms.
  const counted = charTerms.length > 0 ? from : Prisma.sql`"ArticleSearchText"`;
  const newest = Prisma.sql`SELECT "ArticleSearchText".rowid AS k FROM ${counted} WHERE ${where}
    ORDER BY "ArticleSearchText".rowid DESC LIMIT ${exactUpTo + 1}`;
  return { rows, count: () => boundedCount(readRaw(db), newest, filter, exactUpTo) };
}

export const sqliteIndexPlan: IndexPlan = { search };
