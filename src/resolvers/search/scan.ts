import type { Db } from "../../db/client.ts";
import { Prisma } from "../../generated/prisma/client.ts";
import type { SearchTerm } from "../../search/query.ts";
import { charJoin } from "./char-terms.ts";
import type { Row, SearchCount } from "./types.ts";

/**
 * One-character terms have no bigram: a query made only of them scans the newest articles
 * that match the filter, at most this many. (Two or more characters always use the index.)
 */
export const SCAN_LIMIT = 5_000;

/** A query of one-character terms only, the same SQL on both databases. */
export async function scanSearch(
  db: Db,
  charTerms: SearchTerm[],
  filter: { low: number; high: number; publicationId: number | null; source: string | null },
  { cursor, take }: { cursor: string | null; take: number },
): Promise<{ rows: Row[]; count: () => Promise<SearchCount>; complete: boolean }> {
  const { low, high, publicationId } = filter;
  // The newest SCAN_LIMIT articles that pass the filter, then LIKE on those only.
  const conditions = [Prisma.sql`s."key" BETWEEN ${BigInt(low)} AND ${BigInt(high)}`];
  if (publicationId !== null) conditions.push(Prisma.sql`a."issueId" IN (SELECT "id" FROM "Issue" WHERE "publicationId" = ${publicationId})`);
  if (filter.source !== null) conditions.push(Prisma.sql`a."source" = ${filter.source}`);
  const examined = Prisma.sql`SELECT s."key", s."articleId" FROM "ArticleSearch" s JOIN "Article" a ON a."id" = s."articleId"
    WHERE ${Prisma.join(conditions, " AND ")} ORDER BY s."key" DESC`;
  const [scanned] = await db.$queryRaw<{ n: number }[]>`SELECT COUNT(*) AS "n" FROM (${examined} LIMIT ${SCAN_LIMIT + 1}) e`;
  const complete = Number(scanned?.n ?? 0) <= SCAN_LIMIT;
  const from = Prisma.sql`(${examined} LIMIT ${SCAN_LIMIT}) s ${charJoin(charTerms)}`;
  const before = cursor === null ? Prisma.empty : Prisma.sql`WHERE s."key" < ${BigInt(cursor)}`;
  const found = await db.$queryRaw<{ id: number; key: string }[]>`
    SELECT s."articleId" AS "id", CAST(s."key" AS TEXT) AS "key" FROM ${from} ${before} ORDER BY s."key" DESC LIMIT ${take}`;
  const rows = found.map((row) => ({ id: Number(row.id), key: row.key, score: null }));
  const count = async () => {
    const [row] = await db.$queryRaw<{ n: number }[]>`SELECT COUNT(*) AS "n" FROM ${from}`;
    return { total: Number(row?.n ?? 0), exact: true };
  };
  return { rows, count, complete };
}
