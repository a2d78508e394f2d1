import { Prisma } from "../../generated/prisma/client.ts";
import type { ReadRaw, Row } from "./types.ts";

/**
 * A page of RELEVANCE hits. `window(size)` yields the newest `size` matches as "k" (the key)
 * and "r" (the score, higher is better); it is materialised once, and the page, the window's
 * size and its oldest key all come from it (a page past the window's end is one row of
 * bounds alone). Past the window, `older` gives the older matches newest first, so that
 * paging on still reaches every match. Cursors are positions in this order. The page is cut
 * from the window before its keys are joined to their articles (every key has its
 * "ArticleSearch" row): joined first, PostgreSQL hashed the whole table for 2,000 keys.
 */
export async function rankedWindow(
  read: ReadRaw,
  query: { window: (size: number) => Prisma.Sql; older: (before: bigint, limit: number, offset: number) => Prisma.Sql },
  { cursor, take, windowSize }: { cursor: string | null; take: number; windowSize: number },
): Promise<Row[]> {
  const offset = cursor === null ? 0 : Number(cursor) + 1;
  const ranked = await read<{ id: number | null; score: number | null; size: number | bigint; oldest: bigint | number | null }>(Prisma.sql`
    WITH w AS MATERIALIZED (${query.window(windowSize)}),
    page AS (SELECT s."articleId" AS "id", p.r, p.k FROM (SELECT w.r, w.k FROM w ORDER BY w.r DESC, w.k DESC LIMIT ${take} OFFSET ${offset}) p JOIN "ArticleSearch" s ON s."key" = p.k)
    SELECT page."id" AS "id", page.r AS "score", b.size AS "size", b.oldest AS "oldest"
      FROM (SELECT COUNT(*) AS size, MIN(k) AS oldest FROM w) b LEFT JOIN page ON TRUE ORDER BY page.r DESC, page.k DESC`);
  const found: { id: number; score: number | null }[] = ranked
    .filter((row) => row.id !== null)
    .map((row) => ({ id: Number(row.id), score: Number(row.score) }));
  const bounds = ranked[0]!;
  if (found.length < take && Number(bounds.size) === windowSize) {
    const older = await read<{ id: number }>(query.older(BigInt(bounds.oldest!), take - found.length, Math.max(0, offset - windowSize)));
    found.push(...older.map((row) => ({ id: Number(row.id), score: null })));
  }
  return found.map((row, index) => ({ id: row.id, key: String(offset + index), score: row.score }));
}
