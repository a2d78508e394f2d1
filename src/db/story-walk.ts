import type { Db } from "./client.ts";
import { Prisma } from "../generated/prisma/client.ts";

/**
 * A story: an article read across its jumps (下转第3版 → 上接第1版), computed from the
 * continuation links whenever it is read, so that ingest in any page order, re-ingest,
 * editors' relinking and corrections change it with the links themselves.
 */
export interface StoryShape {
  /** The first part's article ID: the story's key. */
  id: number;
  /** The parts' article IDs in reading order, first to last. */
  partIds: number[];
  /** Where each part is printed (same order): its page number and position on the page. */
  places: { page: number; position: number }[];
  /** False while the story has a jump whose pickup is unknown, or opens with a pickup of a part not stored. */
  complete: boolean;
}

/** At most this many parts are followed: a longer chain of links is an editor's mistake, not a story. */
export const MAX_STORY_PARTS = 50;

interface ChainRow {
  seed: number;
  id: number;
  pageNumber: number;
  position: number;
  continuedFromPage: number | null;
  next: number | null;
  jump: number | null;
}

/**
 * The stories of a batch of articles in one statement: a recursive walk of the continuation
 * links both ways from each article (UNION stops at a cycle), with each part's outgoing jump.
 */
export async function loadStories(db: Db, articleIds: readonly number[]): Promise<StoryShape[]> {
  const rows = await db.$queryRaw<ChainRow[]>`
    WITH RECURSIVE chain("seed", "id") AS (
      SELECT a."id", a."id" FROM "Article" a WHERE a."id" IN (${Prisma.join([...new Set(articleIds)])})
      UNION
      SELECT chain."seed", CASE WHEN c."fromArticleId" = chain."id" THEN c."toArticleId" ELSE c."fromArticleId" END
        FROM chain JOIN "Continuation" c
          ON (c."fromArticleId" = chain."id" AND c."toArticleId" IS NOT NULL) OR c."toArticleId" = chain."id"
    )
    SELECT chain."seed" AS "seed", chain."id" AS "id", a."pageNumber" AS "pageNumber", a."position" AS "position", a."continuedFromPage" AS "continuedFromPage",
           c."toArticleId" AS "next", c."id" AS "jump"
      FROM chain JOIN "Article" a ON a."id" = chain."id" LEFT JOIN "Continuation" c ON c."fromArticleId" = chain."id"`;
  const bySeed = new Map<number, ChainRow[]>();
  for (const row of rows) {
    const seed = Number(row.seed);
    bySeed.set(seed, [...(bySeed.get(seed) ?? []), row]);
  }
  return articleIds.map((articleId) => storyOf(articleId, bySeed.get(articleId) ?? []));
}

/** Orders one connected set of parts by its links: the part nothing links into comes first. */
function storyOf(articleId: number, rows: ChainRow[]): StoryShape {
  if (rows.length === 0) return { id: articleId, partIds: [], places: [], complete: true }; // no such article
  const byId = new Map(rows.map((row) => [Number(row.id), row]));
  const linkedInto = new Set(rows.flatMap((row) => (row.next === null ? [] : [Number(row.next)])));
  // A cycle (links an editor closed on themselves) has no first part: start at the oldest article.
  const head = rows.find((row) => !linkedInto.has(Number(row.id))) ?? rows.reduce((a, b) => (Number(a.id) < Number(b.id) ? a : b));
  const partIds: number[] = [];
  const places: StoryShape["places"] = [];
  let complete = head.continuedFromPage === null;
  for (let part: ChainRow | undefined = head; part && partIds.length < MAX_STORY_PARTS; ) {
    if (partIds.includes(Number(part.id))) break;
    partIds.push(Number(part.id));
    places.push({ page: Number(part.pageNumber), position: Number(part.position) });
    if (part.jump !== null && part.next === null) complete = false;
    part = part.next === null ? undefined : byId.get(Number(part.next));
  }
  return { id: partIds[0]!, partIds, places, complete };
}
