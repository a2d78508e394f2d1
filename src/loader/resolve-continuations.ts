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

/** A page of an issue, by its order in the issue. */
export interface IssuePage {
  issueId: number;
  pageNumber: number;
}

/**
 * Matches the open jumps that touch one page of an issue — out of it, or into it — with
 * the pickup articles already stored, whichever page was ingested first. Returns how many
 * jumps it resolved. Pages, jumps and pickups are stored by page number, which a printed label
 * maps to one to one (src/ingest/page-label.ts): 下转B02版 meets 上接A01版 by number as by label.
 */
export async function resolveContinuations(sql: SqlRunner, issueId: number, pageNumber: number): Promise<number> {
  return (await resolveContinuationsOf(sql, [{ issueId, pageNumber }])).length;
}

/**
 * resolveContinuations for several pages at once (a run of pages written together), in as many
 * statements as for one; returns the jumps it resolved, each with the pages of its two articles.
 * Jumps are matched within each pair of pages (continuation-match.ts), so matching the pages
 * together resolves what matching them one after another would.
 */
export async function resolveContinuationsOf(sql: SqlRunner, pages: IssuePage[]): Promise<ResolvedJump[]> {
  const issues = [...new Set(pages.map((page) => page.issueId))];
  const numbers = [...new Set(pages.map((page) => page.pageNumber))];
  const touched = new Set(pages.map((page) => `${page.issueId}:${page.pageNumber}`));
  const postgres = sql.dialect === "postgresql";
  // Every issue's pages of every number are read, and the pairs that are not pages of `pages` dropped here.
  const read = await sql.all<{ id: number; issueId: number; toPageNumber: number; fromArticleId: number; fromPage: number }>(
    postgres
      ? // PostgreSQL keeps no CROSS JOIN order: the jumps are found by "fromArticleId" among the
        // issues' articles, and the open test is an expression that no index answers (with the
        // statistics of a bulk ingest not yet updated, it led with "toArticleId" as below, 1 ms a page at 600 pages).
        `SELECT c."id", a."issueId", c."toPageNumber", c."fromArticleId", a."pageNumber" AS "fromPage"
           FROM "Article" a JOIN "Continuation" c ON c."fromArticleId" = a."id"
          WHERE c."fromArticleId" = ANY (ARRAY(SELECT "id" FROM "Article" WHERE "issueId" = ANY (?::int[]))) AND COALESCE(c."toArticleId", 0) = 0
            AND (c."toPageNumber" = ANY (?::int[]) OR a."pageNumber" = ANY (?::int[]))`
      : // From the issues' articles (CROSS JOIN keeps SQLite to that order): led by the index on
        // "toArticleId", it read every open jump of the archive.
        `SELECT c."id", a."issueId", c."toPageNumber", c."fromArticleId", a."pageNumber" AS "fromPage"
           FROM "Article" a CROSS JOIN "Continuation" c
          WHERE c."fromArticleId" = a."id" AND a."issueId" IN ${placeholders(issues.length)} AND c."toArticleId" IS NULL
            AND (c."toPageNumber" IN ${placeholders(numbers.length)} OR a."pageNumber" IN ${placeholders(numbers.length)})`,
    postgres ? [issues, numbers, numbers] : [...issues, ...numbers, ...numbers],
  );
  const jumps = read.filter((jump) => touched.has(`${jump.issueId}:${jump.toPageNumber}`) || touched.has(`${jump.issueId}:${jump.fromPage}`));
  if (jumps.length === 0) return [];
  const targets = new Set(jumps.map((jump) => `${jump.issueId}:${jump.toPageNumber}`));
  const targetPages = [...new Set(jumps.map((jump) => jump.toPageNumber))];
  const jumpIssues = [...new Set(jumps.map((jump) => jump.issueId))];
  const pickups = (
    await sql.all<{ id: number; issueId: number; pageNumber: number; continuedFromPage: number }>(
      `SELECT a."id", a."issueId", a."pageNumber", a."continuedFromPage" FROM "Article" a
        WHERE a."issueId" IN ${placeholders(jumpIssues.length)} AND a."continuedFromPage" IS NOT NULL AND a."pageNumber" IN ${placeholders(targetPages.length)}
          AND NOT EXISTS (SELECT 1 FROM "Continuation" c WHERE c."toArticleId" = a."id")`,
      [...jumpIssues, ...targetPages],
    )
  ).filter((pickup) => targets.has(`${pickup.issueId}:${pickup.pageNumber}`));
  const pairsOfPages = new Set(pickups.map((pickup) => `${pickup.issueId}:${pickup.continuedFromPage}>${pickup.pageNumber}`));
  const matchable = jumps.filter((jump) => pairsOfPages.has(`${jump.issueId}:${jump.fromPage}>${jump.toPageNumber}`));
  if (matchable.length === 0) return [];
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
  const resolved: ResolvedJump[] = [];
  for (const issueId of new Set(matchable.map((jump) => jump.issueId))) {
    const issueJumps = matchable.filter((jump) => jump.issueId === issueId);
    const pairs = matchContinuations(
      issueJumps.map((jump) => ({
        continuationId: jump.id,
        fromPage: jump.fromPage,
        toPage: jump.toPageNumber,
        headings: headingsOf(texts.get(jump.fromArticleId)!),
        body: texts.get(jump.fromArticleId)!.body.slice(-NEAR_JUMP),
      })),
      pickups
        .filter((pickup) => pickup.issueId === issueId)
        .map((pickup) => ({
          articleId: pickup.id,
          page: pickup.pageNumber,
          fromPage: pickup.continuedFromPage,
          headings: headingsOf(texts.get(pickup.id)!),
          body: texts.get(pickup.id)!.body.slice(0, NEAR_JUMP),
        })),
    );
    const jumpOf = new Map(issueJumps.map((jump) => [jump.id, jump]));
    for (const pair of pairs) {
      const jump = jumpOf.get(pair.continuationId)!;
      resolved.push({ ...pair, issueId, fromPage: jump.fromPage, toPage: jump.toPageNumber });
    }
  }
  // Each jump is a row of its own: the updates touch no row another of them does.
  await sql.runTogether(
    resolved.map((pair) => ({ sql: `UPDATE "Continuation" SET "toArticleId" = ? WHERE "id" = ?`, params: [pair.toArticleId, pair.continuationId] })),
  );
  return resolved;
}

/** A jump matched with its pickup, and the pages of the two. */
export interface ResolvedJump {
  continuationId: number;
  toArticleId: number;
  issueId: number;
  fromPage: number;
  toPage: number;
}
