import { dialectOf, preparedRows, type Db } from "../../db/client.ts";
import { Prisma } from "../../generated/prisma/client.ts";
import type { SearchTerm } from "../../search/query.ts";
import { charJoin } from "./char-terms.ts";
import type { Row, SearchCount } from "./types.ts";

/**
 * One-character terms have no bigram: a query made only of them scans the newest articles
 * that match the filter, at most this many. (Two or more characters always use the index.)
 */
export const SCAN_LIMIT = 5_000;

/** A query of one-character terms only: the same SQL on both databases, but for PostgreSQL's texts (see pgTextScan). */
export async function scanSearch(
  db: Db,
  charTerms: SearchTerm[],
  filter: { low: number; high: number; publicationId: number | null; source: string | null },
  { cursor, take }: { cursor: string | null; take: number },
): Promise<{ rows: Row[]; count: () => Promise<SearchCount>; complete: boolean }> {
  const { low, high, publicationId } = filter;
  // The newest SCAN_LIMIT articles that pass the filter, then LIKE on those only. The article's
  // row is joined for the scan only when the filter reads it.
  const range = Prisma.sql`s."key" BETWEEN ${BigInt(low)} AND ${BigInt(high)}`;
  const ofArticle: Prisma.Sql[] = [];
  if (publicationId !== null) ofArticle.push(Prisma.sql`a."issueId" IN (SELECT "id" FROM "Issue" WHERE "publicationId" = ${publicationId})`);
  if (filter.source !== null) ofArticle.push(Prisma.sql`a."source" = ${filter.source}`);
  const article = ofArticle.length === 0 ? Prisma.empty : Prisma.sql`JOIN "Article" a ON a."id" = s."articleId"`;
  const examined = Prisma.sql`SELECT s."key", s."articleId" FROM "ArticleSearch" s ${article}
    WHERE ${Prisma.join([range, ...ofArticle], " AND ")} ORDER BY s."key" DESC`;
  const [scanned] = await preparedRows<{ n: number | bigint | string; oldest: bigint | number | string | null }>(
    db,
    Prisma.sql`SELECT COUNT(*) AS "n", MIN(e."key") AS "oldest" FROM (${examined} LIMIT ${SCAN_LIMIT + 1}) e`,
  );
  const complete = Number(scanned?.n ?? 0) <= SCAN_LIMIT;
  // Every match among them, newest first, read once: the page and the count are cut from it
  // (at most SCAN_LIMIT keys), where a page and a count each checked the LIKEs on every article.
  const matches =
    dialectOf(db) === "postgresql" && ofArticle.length === 0
      ? await preparedRows<{ id: number; key: string }>(db, pgTextScan(charTerms, complete ? BigInt(low) : BigInt(scanned!.oldest!) + 1n, BigInt(high)))
      : await preparedRows<{ id: number; key: string }>(
          db,
          Prisma.sql`SELECT s."articleId" AS "id", CAST(s."key" AS TEXT) AS "key" FROM (${examined} LIMIT ${SCAN_LIMIT}) s ${charJoin(charTerms)} ORDER BY s."key" DESC`,
        );
  const before = cursor === null ? null : BigInt(cursor);
  const rows = matches
    .filter((match) => before === null || BigInt(match.key) < before)
    .slice(0, take)
    .map((match) => ({ id: Number(match.id), key: match.key, score: null }));
  const count = async (): Promise<SearchCount> => ({ total: matches.length, exact: true });
  return { rows, count, complete };
}

/**
 * The matches among the articles keyed `low` to `high` on PostgreSQL, newest first: each term
 * looked for (strpos) in the normalised text of "ArticleSearchPhrase" (every field and caption,
 * normalised as the term is, so one needle stands for all of the term's variants), read in key
 * order, where joining "Article" and its photos probed two indexes an article (20,849 buffers for
 * 5,000 articles). An article of several chunks has no text there: its fields are checked with LIKE.
 */
function pgTextScan(charTerms: SearchTerm[], low: bigint, high: bigint): Prisma.Sql {
  const inText = Prisma.join(
    charTerms.map((term) => Prisma.sql`strpos(t."text", ${term.normalised}) > 0`),
    " AND ",
  );
  return Prisma.sql`
    SELECT m."articleId" AS "id", CAST(m."key" AS TEXT) AS "key" FROM (
      SELECT t."key", t."articleId" FROM "ArticleSearchPhrase" t WHERE t."key" BETWEEN ${low} AND ${high} AND ${inText}
      UNION ALL
      SELECT s."key", s."articleId" FROM "ArticleSearchText" s ${charJoin(charTerms)}
       WHERE s."key" BETWEEN ${low} AND ${high} AND s."chunks" > 1 AND s."chunk" = 0
    ) m ORDER BY m."key" DESC`;
}
