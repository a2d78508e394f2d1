import DataLoader from "dataloader";
import type { Db } from "../db/client.ts";
import { Prisma, type Article } from "../generated/prisma/client.ts";
import type { PersonRole } from "./article-filter.ts";
import { countPersonArticles, listPersonArticles } from "./queries.ts";
import { groupBy } from "../lib/group-by.ts";

/** What `Person.articles` asks of each person: the role and dates, the same for a whole list. */
export interface PersonArticlesFilter {
  role: PersonRole | null;
  from: string | null;
  to: string | null;
}

/** plugin-prisma's plan for the connection's first page: how many rows, and which columns. */
type FirstPage = { take?: number; skip?: number; select?: any; include?: any };

interface PageKey {
  personId: number;
  filter: PersonArticlesFilter;
  query: FirstPage;
}

interface CountKey {
  personId: number;
  filter: PersonArticlesFilter;
}

/**
 * `Person.articles` (first page) and its `totalCount` for every person a request lists, in a
 * fixed number of statements: the newest articles of each person numbered per person in one
 * query (ROW_NUMBER over their mentions and credits), their columns read in a second; counts
 * grouped by person in one. Asked of one person, the plain per-person query (a LIMIT on the
 * key order) is cheaper, and is used.
 */
export function createPersonArticlesLoaders(db: Db) {
  return {
    firstPages: new DataLoader<PageKey, Article[], string>((keys) => loadFirstPages(db, keys), {
      cacheKeyFn: (key) => JSON.stringify([key.personId, key.filter, key.query]),
    }),
    counts: new DataLoader<CountKey, number, string>((keys) => loadCounts(db, keys), {
      cacheKeyFn: (key) => JSON.stringify([key.personId, key.filter]),
    }),
  };
}

/** A person's articles in the role asked (any role: named or credited), as (personId, articleId). */
function links(personIds: number[], role: PersonRole | null): Prisma.Sql {
  const ids = Prisma.join(personIds);
  // DISTINCT: a person credited twice in one article (two roles) is one article.
  const mentioned = Prisma.sql`SELECT DISTINCT "personId", "articleId" FROM "Mention" WHERE "personId" IN (${ids})`;
  const credited = Prisma.sql`SELECT DISTINCT "personId", "articleId" FROM "Credit" WHERE "personId" IN (${ids})${role && role !== "MENTIONED" ? Prisma.sql` AND "role" = ${role}` : Prisma.empty}`;
  if (role === "MENTIONED") return mentioned;
  if (role) return credited;
  return Prisma.sql`${mentioned} UNION ${credited}`;
}

function dates(filter: PersonArticlesFilter): Prisma.Sql {
  const conditions = [Prisma.sql`TRUE`];
  if (filter.from) conditions.push(Prisma.sql`a."issueDate" >= ${filter.from}`);
  if (filter.to) conditions.push(Prisma.sql`a."issueDate" <= ${filter.to}`);
  return Prisma.join(conditions, " AND ");
}

async function loadFirstPages(db: Db, keys: readonly PageKey[]): Promise<Article[][]> {
  const pages = new Map<PageKey, Article[]>();
  for (const group of groupBy(keys, (key) => JSON.stringify([key.filter, key.query])).values()) {
    const { filter, query } = group[0]!;
    if (group.length === 1) {
      pages.set(group[0]!, (await listPersonArticles(db, query, group[0]!.personId, filter.role, filter)) as Article[]);
      continue;
    }
    const take = (query.skip ?? 0) + (query.take ?? 20);
    // Newest first, as listPersonArticles orders: issue date, page, position, then ID.
    const numbered = await db.$queryRaw<{ personId: number; articleId: number }[]>`
      SELECT t."personId" AS "personId", t."articleId" AS "articleId" FROM (
        SELECT x."personId", a."id" AS "articleId",
               ROW_NUMBER() OVER (PARTITION BY x."personId" ORDER BY a."issueDate" DESC, a."pageNumber", a."position", a."id") AS rn
          FROM (${links([...new Set(group.map((key) => key.personId))], filter.role)}) x JOIN "Article" a ON a."id" = x."articleId"
         WHERE ${dates(filter)}) t
       WHERE t.rn > ${query.skip ?? 0} AND t.rn <= ${take}
       ORDER BY t."personId", t.rn`;
    const articleIds = [...new Set(numbered.map((row) => Number(row.articleId)))];
    const where = { id: { in: articleIds } };
    const rows = (await (query.include
      ? db.article.findMany({ where, include: query.include })
      : db.article.findMany({ where, select: { ...(query.select ?? {}), id: true } }))) as unknown as Article[];
    const byId = new Map(rows.map((row) => [row.id, row]));
    const byPerson = groupBy(numbered, (row) => Number(row.personId));
    for (const key of group) pages.set(key, (byPerson.get(key.personId) ?? []).map((row) => byId.get(Number(row.articleId))!));
  }
  return keys.map((key) => pages.get(key)!);
}

async function loadCounts(db: Db, keys: readonly CountKey[]): Promise<number[]> {
  const counts = new Map<CountKey, number>();
  for (const group of groupBy(keys, (key) => JSON.stringify(key.filter)).values()) {
    const { filter } = group[0]!;
    if (group.length === 1) {
      counts.set(group[0]!, await countPersonArticles(db, group[0]!.personId, filter.role, filter));
      continue;
    }
    const rows = await db.$queryRaw<{ personId: number; n: number | bigint }[]>`
      SELECT x."personId" AS "personId", COUNT(*) AS "n"
        FROM (${links([...new Set(group.map((key) => key.personId))], filter.role)}) x JOIN "Article" a ON a."id" = x."articleId"
       WHERE ${dates(filter)}
       GROUP BY x."personId"`;
    const byPerson = new Map(rows.map((row) => [Number(row.personId), Number(row.n)]));
    for (const key of group) counts.set(key, byPerson.get(key.personId) ?? 0);
  }
  return keys.map((key) => counts.get(key)!);
}
