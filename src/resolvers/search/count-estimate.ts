import { Prisma } from "../../generated/prisma/client.ts";
import type { ReadRaw, SearchCount } from "./types.ts";

/**
 * Counts the matches `newest` yields, newest first as column "k" (the search key), at most
 * `exactUpTo + 1` of them. More than `exactUpTo`: extrapolated from the share of the range's
 * articles that the newest `exactUpTo + 1` matches span (close for a term spread over the
 * years, high for one that is frequent only lately; capped at the range's articles). One
 * statement: the two key counts run only then (CASE), on the key index; without a date range,
 * `archiveSize` (by default the whole table's count).
 */
export async function boundedCount(
  read: ReadRaw,
  newest: Prisma.Sql,
  range: { low: number; high: number; ranged: boolean },
  exactUpTo: number,
  archiveSize: Prisma.Sql = Prisma.sql`SELECT COUNT(*) FROM "ArticleSearch"`,
): Promise<SearchCount> {
  const allKeys = range.ranged ? Prisma.sql`SELECT COUNT(*) FROM "ArticleSearch" WHERE "key" BETWEEN ${BigInt(range.low)} AND ${BigInt(range.high)}` : archiveSize;
  const [row] = await read<{ n: number | bigint; all: number | bigint | null; newer: number | bigint | null }>(Prisma.sql`
    WITH c AS (${newest})
    SELECT b.n AS "n",
           CASE WHEN b.n > ${exactUpTo} THEN (${allKeys}) END AS "all",
           CASE WHEN b.n > ${exactUpTo} THEN (SELECT COUNT(*) FROM "ArticleSearch" WHERE "key" BETWEEN b.last AND ${BigInt(range.high)}) END AS "newer"
      FROM (SELECT COUNT(*) AS n, MIN(k) AS last FROM c) b`);
  const n = Number(row?.n ?? 0);
  if (n <= exactUpTo) return { total: n, exact: true };
  const all = Number(row!.all);
  // n matches lie in the "newer" articles, the newest of the range.
  const estimate = Math.round((n * all) / Math.max(1, Number(row!.newer)));
  return { total: Math.max(exactUpTo + 1, Math.min(estimate, all)), exact: false };
}
