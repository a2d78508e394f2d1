import { Prisma } from "../../generated/prisma/client.ts";
import { preparedRows, type Db, type Dialect } from "../../db/client.ts";
import { normaliseForSearch } from "../../search/normalise.ts";
import type { SearchTerm } from "../../search/query.ts";
import { ftsMatch, tsAnyOrder } from "../../search/tokens.ts";

/**
 * One-character terms beside longer ones are checked (LIKE) on the newest this many articles
 * the index finds for the longer ones; `complete: false` when it found more. A common name is
 * in tens of thousands of articles, and checking them all took seconds.
 */
export const CHECK_LIMIT = 2_000;

interface CheckFilter {
  low: number;
  high: number;
  publicationId: number | null;
  source: string | null;
}

type CheckedFrom = (db: Db, indexTerms: SearchTerm[], filter: CheckFilter, limit: number) => Promise<bigint | number | string | null>;

/** PostgreSQL: every bigram in any order, which GIN answers without reading a tsvector. */
const postgresCheckedFrom: CheckedFrom = async (db, indexTerms, filter, limit) => {
  const anyOrder = tsAnyOrder(indexTerms.map((term) => term.normalised));
  const conditions = [Prisma.sql`t."doc" @@ ${anyOrder}::tsquery`, Prisma.sql`t."key" BETWEEN ${BigInt(filter.low)} AND ${BigInt(filter.high)}`];
  if (filter.publicationId !== null) conditions.push(Prisma.sql`t."publicationId" = ${filter.publicationId}`);
  if (filter.source) conditions.push(Prisma.sql`t."source" = ${normaliseForSearch(filter.source)}`);
  const [row] = await preparedRows<{ k: bigint | number | string }>(
    db,
    Prisma.sql`SELECT DISTINCT t."key" AS k FROM "ArticleSearchText" t WHERE ${Prisma.join(conditions, " AND ")} ORDER BY t."key" DESC LIMIT 1 OFFSET ${limit}`,
  );
  return row?.k ?? null;
};

/** SQLite: the FTS5 phrases with the publication and source facets, on the key range. */
const sqliteCheckedFrom: CheckedFrom = async (db, indexTerms, filter, limit) => {
  const match = ftsMatch(
    indexTerms.map((term) => term.normalised),
    filter.publicationId,
    filter.source,
  );
  const [row] = await preparedRows<{ k: bigint | number }>(
    db,
    Prisma.sql`SELECT rowid AS k FROM "ArticleSearchText" WHERE "ArticleSearchText" MATCH ${match} AND rowid BETWEEN ${BigInt(filter.low)} AND ${BigInt(filter.high)}
     ORDER BY rowid DESC LIMIT 1 OFFSET ${limit}`,
  );
  return row?.k ?? null;
};

/**
 * The key of the newest article past the `limit` newest that hold every index term, or null
 * when there are no more than `limit`: one walk of the index, newest first.
 */
export const CHECKED_FROM: Record<Dialect, CheckedFrom> = { postgresql: postgresCheckedFrom, sqlite: sqliteCheckedFrom };
