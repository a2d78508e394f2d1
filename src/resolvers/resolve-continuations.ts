import type { Db } from "../db/client.ts";
import { matchContinuations } from "./continuation-match.ts";

/** The client handed to an interactive transaction. */
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

const headingsOf = (article: { kicker: string | null; headline: string | null; subheadline: string | null }) =>
  [article.kicker, article.headline, article.subheadline].filter(Boolean).join(" ");

// Only the text near the jump matters for telling stories apart.
const NEAR_JUMP = 300;

/**
 * Matches the open jumps that touch one page of an issue — out of it, or into it — with
 * the pickup articles already stored, whichever page was ingested first. Returns how many
 * jumps it resolved.
 */
export async function resolveContinuations(tx: Tx, issueId: number, pageNumber: number): Promise<number> {
  const jumps = await tx.continuation.findMany({
    where: {
      toArticleId: null,
      fromArticle: { issueId },
      OR: [{ toPageNumber: pageNumber }, { fromArticle: { pageNumber } }],
    },
    select: {
      id: true,
      toPageNumber: true,
      fromArticle: { select: { pageNumber: true, kicker: true, headline: true, subheadline: true, body: true } },
    },
  });
  if (jumps.length === 0) return 0;
  const pickups = await tx.article.findMany({
    where: {
      issueId,
      continuedFromPage: { not: null },
      continuedFrom: { is: null },
      pageNumber: { in: [...new Set(jumps.map((jump) => jump.toPageNumber))] },
    },
    select: { id: true, pageNumber: true, continuedFromPage: true, kicker: true, headline: true, subheadline: true, body: true },
  });
  const pairs = matchContinuations(
    jumps.map((jump) => ({
      continuationId: jump.id,
      fromPage: jump.fromArticle.pageNumber,
      toPage: jump.toPageNumber,
      headings: headingsOf(jump.fromArticle),
      body: jump.fromArticle.body.slice(-NEAR_JUMP),
    })),
    pickups.map((pickup) => ({
      articleId: pickup.id,
      page: pickup.pageNumber,
      fromPage: pickup.continuedFromPage!,
      headings: headingsOf(pickup),
      body: pickup.body.slice(0, NEAR_JUMP),
    })),
  );
  for (const pair of pairs) {
    await tx.continuation.update({ where: { id: pair.continuationId }, data: { toArticleId: pair.toArticleId } });
  }
  return pairs.length;
}
