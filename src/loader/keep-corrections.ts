import type { SqlRunner } from "../db/writer.ts";
import {
  TEXT_FIELDS,
  linkJump,
  replaceCredits,
  type ContinuationValue,
  type CreditValue,
  type TextField,
} from "./corrections-store.ts";
import { placeholders } from "./insert-rows.ts";
import type { IssuePage } from "./resolve-continuations.ts";

/** What the page writer passes of each article it wrote (its rows, by position). */
export type WrittenArticle = { issueId: number; pageNumber: number; position: number } & Record<TextField, string | null>;

/**
 * Re-applies the editors' corrections after the page writer (write-page.ts) stored a page's
 * parsed articles, in the same transaction: editors win over the parser, whether the page was
 * read again by a newer parser or its text changed. Corrected text fields are also set on
 * `articles` (the writer's rows), so that the search rows the writer builds from them next index
 * the corrected text. Returns how many corrections it re-applied:
 * - each corrected field (kicker, headline, subheadline, body, credits) of an article still at
 *   its position; corrections of a position the page no longer has stay stored, unapplied,
 *   until an article stands there again;
 * - each jump an editor linked, out of this page or into it, whose two articles still exist.
 * Former names of renamed or merged people printed again are found with the page's people
 * (people-by-name.ts), and counted there.
 */
export async function keepCorrections(sql: SqlRunner, pageId: number, articles: WrittenArticle[]): Promise<number> {
  if (articles.length === 0) return 0;
  const { issueId, pageNumber } = articles[0]!;
  let kept = 0;
  // The page's own corrections and the jumps editors linked from the issue's other pages, in one read.
  const found = await sql.all<{ own: number; fromPage: number; position: number; field: string; value: string }>(
    // Two branches, each on an index (one OR scanned the table).
    `SELECT 1 AS "own", 0 AS "fromPage", "position", "field", "value" FROM "Correction" WHERE "pageId" = ?
     UNION ALL
     SELECT 0, p."number", c."position", c."field", c."value" FROM "Page" p JOIN "Correction" c ON c."pageId" = p."id"
      WHERE p."issueId" = ? AND p."id" <> ? AND c."field" = 'continuation'
      ORDER BY 3, 4`,
    [pageId, issueId, pageId],
  );
  const corrections = found.filter((correction) => Number(correction.own) === 1);
  if (corrections.length > 0) {
    const stored = await sql.all<{ id: number; position: number; spanStart: number; spanEnd: number }>(
      `SELECT "id", "position", "spanStart", "spanEnd" FROM "Article" WHERE "pageId" = ?`,
      [pageId],
    );
    const byPosition = new Map(stored.map((article) => [article.position, article]));
    for (const correction of corrections) {
      const article = byPosition.get(correction.position);
      if (!article) continue;
      const value: unknown = JSON.parse(correction.value);
      const field = correction.field;
      if ((TEXT_FIELDS as readonly string[]).includes(field)) {
        await sql.run(`UPDATE "Article" SET "${field}" = ? WHERE "id" = ?`, [value, article.id]);
        const row = articles.find((written) => written.position === correction.position);
        if (row) row[field as TextField] = value as string | null;
      } else if (field === "credits") {
        await replaceCredits(sql, article, value as CreditValue[]);
      } else if (field === "continuation") {
        const target = value as ContinuationValue;
        const to = await articleAt(sql, issueId, target.page, target.position);
        if (!to) continue;
        await linkJump(sql, article.id, to);
      } else {
        continue;
      }
      kept += 1;
    }
  }
  kept += await keepJumpsInto(sql, issueId, pageNumber, found.filter((correction) => Number(correction.own) === 0));
  return kept;
}

/** The article of an issue at a page and position, if one stands there. */
export const articleAt = (sql: SqlRunner, issueId: number, page: number, position: number) =>
  sql.get<{ id: number; pageNumber: number }>(`SELECT "id", "pageNumber" FROM "Article" WHERE "issueId" = ? AND "pageNumber" = ? AND "position" = ?`, [
    issueId,
    page,
    position,
  ]);

/** Jumps linked by editors from other pages of the issue into this one: the write cleared their target. */
async function keepJumpsInto(sql: SqlRunner, issueId: number, pageNumber: number, links: { fromPage: number; position: number; value: string }[]): Promise<number> {
  let kept = 0;
  for (const link of links) {
    const target = JSON.parse(link.value) as ContinuationValue;
    if (target.page !== pageNumber) continue;
    const [from, to] = [await articleAt(sql, issueId, link.fromPage, link.position), await articleAt(sql, issueId, target.page, target.position)];
    if (!from || !to) continue;
    await linkJump(sql, from.id, to);
    kept += 1;
  }
  return kept;
}

/**
 * keepCorrections for pages just created (a run written together): they have no corrections of
 * their own yet, so only the jumps editors linked from their issues' other pages into them are
 * linked again, read for every page in one statement. Returns how many for each page, by index.
 */
export async function keepJumpsIntoNewPages(sql: SqlRunner, pages: IssuePage[]): Promise<number[]> {
  const issues = [...new Set(pages.map((page) => page.issueId))];
  const links = await sql.all<{ issueId: number; fromPage: number; position: number; value: string }>(
    `SELECT p."issueId", p."number" AS "fromPage", c."position", c."value" FROM "Page" p JOIN "Correction" c ON c."pageId" = p."id"
      WHERE p."issueId" IN ${placeholders(issues.length)} AND c."field" = 'continuation'
      ORDER BY 1, 2, 3`,
    issues,
  );
  const kept: number[] = [];
  for (const { issueId, pageNumber } of pages) {
    kept.push(await keepJumpsInto(sql, issueId, pageNumber, links.filter((link) => Number(link.issueId) === issueId)));
  }
  return kept;
}
