import type { SqlRunner } from "../db/writer.ts";
import { matchContinuations } from "./continuation-match.ts";
import { placeholders } from "./insert-rows.ts";

interface Headings {
  kicker: string | null;
  headline: string | null;
  subheadline: string | null;
}

const headingsOf = (article: Headings) => [article.kicker, article.headline, article.subheadline].filter(Boolean).join(" ");

// Only the text near the jump matters for telling stories apart.
const NEAR_JUMP = 300;

/**
 * Matches the open jumps that touch one page of an issue — out of it, or into it — with
 * the pickup articles already stored, whichever page was ingested first. Returns how many
 * jumps it resolved. Pages, jumps and pickups are stored by page number, which a printed label
 * maps to one to one (src/ingest/page-label.ts): 下转B02版 meets 上接A01版 by number as by label.
 */
export async function resolveContinuations(sql: SqlRunner, issueId: number, pageNumber: number): Promise<number> {
  const jumps = await sql.all<{ id: number; toPageNumber: number; fromArticleId: number; fromPage: number }>(
    sql.dialect === "postgresql"
      ? // PostgreSQL keeps no CROSS JOIN order: the jumps are found by "fromArticleId" among the
        // issue's articles, and the open test is an expression that no index answers (with the
        // statistics of a bulk ingest not yet updated, it led with "toArticleId" as below, 1 ms a page at 600 pages).
        `SELECT c."id", c."toPageNumber", c."fromArticleId", a."pageNumber" AS "fromPage"
           FROM "Article" a JOIN "Continuation" c ON c."fromArticleId" = a."id"
          WHERE c."fromArticleId" = ANY (ARRAY(SELECT "id" FROM "Article" WHERE "issueId" = ?)) AND COALESCE(c."toArticleId", 0) = 0
            AND (c."toPageNumber" = ? OR a."pageNumber" = ?)`
      : // From the issue's articles (CROSS JOIN keeps SQLite to that order): led by the index on
        // "toArticleId", it read every open jump of the archive.
        `SELECT c."id", c."toPageNumber", c."fromArticleId", a."pageNumber" AS "fromPage"
           FROM "Article" a CROSS JOIN "Continuation" c
          WHERE c."fromArticleId" = a."id" AND a."issueId" = ? AND c."toArticleId" IS NULL AND (c."toPageNumber" = ? OR a."pageNumber" = ?)`,
    [issueId, pageNumber, pageNumber],
  );
  if (jumps.length === 0) return 0;
  const targetPages = [...new Set(jumps.map((jump) => jump.toPageNumber))];
  const pickups = await sql.all<{ id: number; pageNumber: number; continuedFromPage: number }>(
    `SELECT a."id", a."pageNumber", a."continuedFromPage" FROM "Article" a
      WHERE a."issueId" = ? AND a."continuedFromPage" IS NOT NULL AND a."pageNumber" IN ${placeholders(targetPages.length)}
        AND NOT EXISTS (SELECT 1 FROM "Continuation" c WHERE c."toArticleId" = a."id")`,
    [issueId, ...targetPages],
  );
  const pairsOfPages = new Set(pickups.map((pickup) => `${pickup.continuedFromPage}>${pickup.pageNumber}`));
  const matchable = jumps.filter((jump) => pairsOfPages.has(`${jump.fromPage}>${jump.toPageNumber}`));
  if (matchable.length === 0) return 0;
  // Text is read only when there is something to match: most pages have jumps whose other half is not stored yet.
  const ids = [...matchable.map((jump) => jump.fromArticleId), ...pickups.map((pickup) => pickup.id)];
  const texts = new Map(
    (
      await sql.all<Headings & { id: number; body: string }>(
        `SELECT "id", "kicker", "headline", "subheadline", "body" FROM "Article" WHERE "id" IN ${placeholders(ids.length)}`,
        ids,
      )
    ).map((article) => [article.id, article]),
  );
  const pairs = matchContinuations(
    matchable.map((jump) => ({
      continuationId: jump.id,
      fromPage: jump.fromPage,
      toPage: jump.toPageNumber,
      headings: headingsOf(texts.get(jump.fromArticleId)!),
      body: texts.get(jump.fromArticleId)!.body.slice(-NEAR_JUMP),
    })),
    pickups.map((pickup) => ({
      articleId: pickup.id,
      page: pickup.pageNumber,
      fromPage: pickup.continuedFromPage,
      headings: headingsOf(texts.get(pickup.id)!),
      body: texts.get(pickup.id)!.body.slice(0, NEAR_JUMP),
    })),
  );
  for (const pair of pairs) {
    await sql.run(`UPDATE "Continuation" SET "toArticleId" = ? WHERE "id" = ?`, [pair.toArticleId, pair.continuationId]);
  }
  return pairs.length;
}
