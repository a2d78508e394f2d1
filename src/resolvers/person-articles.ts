import DataLoader from "dataloader";
import { dialectOf, type Db, type Dialect } from "../db/client.ts";
import { Prisma, type Article } from "../generated/prisma/client.ts";
import type { PersonRole } from "./article-filter.ts";
import { listPersonArticles, newestArticles } from "./queries.ts";
import { foldedFindMany } from "./folded-read.ts";
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
 * grouped by person in one, for one person as for many. Asked of one person, the first page is
 * one folded statement over the same candidates, with what the request asks of each article.
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

/** Conditions on the issue date of `column` (the article's, or the mention's copy of it). */
function dates(filter: PersonArticlesFilter, column: Prisma.Sql): Prisma.Sql {
  const conditions = [Prisma.sql`TRUE`];
  if (filter.from) conditions.push(Prisma.sql`${column} >= ${filter.from}`);
  if (filter.to) conditions.push(Prisma.sql`${column} <= ${filter.to}`);
  return Prisma.join(conditions, " AND ");
}

const creditRole = (role: PersonRole | null, column: Prisma.Sql) => (role && role !== "MENTIONED" ? Prisma.sql`${column} = ${role}` : Prisma.sql`TRUE`);

/** Below this many credits, a person's credits are read and sorted; from it on, the newest articles are walked. */
const FEW_CREDITS = 1000;

/** Whether `person` has fewer than FEW_CREDITS credits, counted no further: ordered by role, the (personId, role) index answers it (PostgreSQL scanned the table, 4 ms). */
const fewCredits = (person: Prisma.Sql) =>
  Prisma.sql`(SELECT count(*) FROM (SELECT 1 FROM "Credit" y WHERE y."personId" = ${person} ORDER BY y."role" LIMIT ${FEW_CREDITS}) f) < ${FEW_CREDITS}`;

/**
 * Each person's candidates for their newest `take` articles, as (personId, articleId): the
 * mentions dated on or after the `take`-th newest mention's date, read through the
 * (personId, issueDate DESC) index, so a person named 40,000 times costs `take` index entries,
 * not 40,000; and the credits dated on or after the `take`-th newest credit's (a credit carries
 * no date: the person's credits are read with their articles' dates). The true first page is
 * among them: the `take`-th newest article of the union is no older than either bound.
 * `people` is what `IN (…)` lists: IDs, or the column of a row around the statement.
 * `use` is what the caller does with `links`: numbers each article once (`"numbered"`: an
 * article that names and credits the person is one link), or only asks whether an article is
 * among them (`"member"`: UNION ALL, which spares PostgreSQL the hash of the union: with it,
 * one person's first page took 3.8 ms to plan and 4.3 to run, 1.0 and 0.7 without).
 */
function candidates(dialect: Dialect, people: Prisma.Sql, filter: PersonArticlesFilter, take: number, use: "numbered" | "member"): Prisma.Sql {
  const mentioned = filter.role === null || filter.role === "MENTIONED";
  const credited = filter.role !== "MENTIONED";
  const newestMention = Prisma.sql`(SELECT x."issueDate" FROM "Mention" x WHERE x."personId" = p."id" AND ${dates(filter, Prisma.sql`x."issueDate"`)}
      ORDER BY x."issueDate" DESC LIMIT 1 OFFSET ${take - 1})`;
  // A person's credits read through the (personId, role) index before any article is: the
  // fence (OFFSET 0, which PostgreSQL does not fold into the query around it) keeps PostgreSQL
  // from starting at the articles of the date range or walking every article newest first,
  // which it did when it took a person for the average of a few prolific reporters (30-56 ms for
  // a person credited nowhere). SQLite takes no OFFSET without a LIMIT, and starts at the
  // person's credits as it is.
  const fence = dialect === "postgresql" ? Prisma.sql` OFFSET 0` : Prisma.empty;
  const creditsOf = (people: Prisma.Sql) =>
    Prisma.sql`(SELECT y."personId", y."articleId" FROM "Credit" y WHERE y."personId" IN (${people}) AND ${creditRole(filter.role, Prisma.sql`y."role"`)}${fence})`;
  const creditedDates = dates(filter, Prisma.sql`a."issueDate"`);
  // A person credited fewer than FEW_CREDITS times: their credits' dates, each read by its
  // article's key and sorted (as a join, PostgreSQL walked every article for a person who was a
  // column of the statement around, whose credits it could not count: 20 ms for none). A prolific
  // one: the articles walked newest first, among which their credits are dense.
  const newestCredit = Prisma.sql`CASE WHEN ${fewCredits(Prisma.sql`p."id"`)}
      THEN (SELECT q."d" FROM (SELECT (SELECT a."issueDate" FROM "Article" a WHERE a."id" = x."articleId") AS "d" FROM ${creditsOf(Prisma.sql`p."id"`)} x) q
        WHERE ${dates(filter, Prisma.sql`q."d"`)} ORDER BY q."d" DESC LIMIT 1 OFFSET ${take - 1})
      ELSE (SELECT a."issueDate" FROM "Article" a
        WHERE EXISTS (SELECT 1 FROM "Credit" x WHERE x."articleId" = a."id" AND x."personId" = p."id" AND ${creditRole(filter.role, Prisma.sql`x."role"`)}) AND ${creditedDates}
        ORDER BY a."issueDate" DESC LIMIT 1 OFFSET ${take - 1}) END`;
  const parts = [
    mentioned &&
      Prisma.sql`SELECT m."personId" AS "personId", m."articleId" AS "articleId" FROM bound b JOIN "Mention" m ON m."personId" = b."personId"
        WHERE m."issueDate" >= b."mentionedSince" AND ${dates(filter, Prisma.sql`m."issueDate"`)}`,
    // A person with `take` credits or more (a bound): the articles from the bound on, a short
    // range, probed for their credits (CROSS JOIN fixes that order on SQLite, which started at
    // a prolific reporter's 34,000 credits when the person was a column of the statement around;
    // PostgreSQL orders it as any join). Fewer (no bound): the person's few credits, read first.
    credited &&
      Prisma.sql`SELECT c."personId" AS "personId", c."articleId" AS "articleId" FROM bound b CROSS JOIN "Article" a CROSS JOIN "Credit" c
        WHERE b."creditedSince" <> '' AND a."issueDate" >= b."creditedSince" AND c."articleId" = a."id" AND c."personId" = b."personId"
          AND ${creditRole(filter.role, Prisma.sql`c."role"`)} AND ${creditedDates}`,
    credited &&
      Prisma.sql`SELECT c."personId" AS "personId", c."articleId" AS "articleId" FROM bound b JOIN ${creditsOf(people)} c ON c."personId" = b."personId"
        JOIN "Article" a ON a."id" = c."articleId" WHERE b."creditedSince" = '' AND ${creditedDates}`,
  ].filter((part): part is Prisma.Sql => part !== false);
  return Prisma.sql`WITH bound AS MATERIALIZED (
      SELECT p."id" AS "personId",
             ${mentioned ? Prisma.sql`COALESCE(${newestMention}, '')` : Prisma.sql`''`} AS "mentionedSince",
             ${credited ? Prisma.sql`COALESCE(${newestCredit}, '')` : Prisma.sql`''`} AS "creditedSince"
        FROM "Person" p WHERE p."id" IN (${people})),
    links AS (${Prisma.join(parts, use === "numbered" ? " UNION " : " UNION ALL ")})`;
}

async function loadFirstPages(db: Db, keys: readonly PageKey[]): Promise<Article[][]> {
  const pages = new Map<PageKey, Article[]>();
  for (const group of groupBy(keys, (key) => JSON.stringify([key.filter, key.query])).values()) {
    const { filter, query } = group[0]!;
    const take = (query.skip ?? 0) + (query.take ?? 20);
    if (group.length === 1) {
      pages.set(group[0]!, (await onePersonFirstPage(db, group[0]!, take)) as Article[]);
      continue;
    }
    // Newest first, as listPersonArticles orders: issue date, page, position, then ID.
    const numbered = await db.$queryRaw<{ personId: number; articleId: number }[]>`
      ${candidates(dialectOf(db), Prisma.join([...new Set(group.map((key) => key.personId))]), filter, take, "numbered")}
      SELECT t."personId" AS "personId", t."articleId" AS "articleId" FROM (
        SELECT x."personId", a."id" AS "articleId",
               ROW_NUMBER() OVER (PARTITION BY x."personId" ORDER BY a."issueDate" DESC, a."pageNumber", a."position", a."id") AS rn
          FROM links x JOIN "Article" a ON a."id" = x."articleId") t
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

/**
 * One person's first page and what the request asks of each article, in one statement: the
 * articles among the person's bounded candidates, newest first (folded-read.ts). Through the
 * client, the same page cost 3 ms of Prisma's query compiler a request (its OR of two EXISTS and
 * the article's issue), several times the statements themselves.
 */
async function onePersonFirstPage(db: Db, key: PageKey, take: number) {
  const { take: pageTake, skip, ...planned } = key.query;
  const linked = Prisma.sql`t0."id" IN (${candidates(dialectOf(db), Prisma.sql`${key.personId}`, key.filter, take, "member")} SELECT "articleId" FROM links)`;
  const folded = await foldedFindMany(db, "Article", planned, { ...newestArticles({ take: pageTake, skip }), where: linked, plannedEachTime: true });
  return folded ?? listPersonArticles(db, key.query, key.personId, key.filter.role, key.filter);
}

/**
 * One person's articles as a whole operation's statement reads them (operation-statement.ts),
 * the person a column of the row around it (`person`): the IDs among which the first `take` are
 * (`candidates`, a statement of its own), and the count, by the same SQL as the loaders'.
 */
export function personArticlesOf(dialect: Dialect, person: Prisma.Sql, filter: PersonArticlesFilter, take: number): { candidates: Prisma.Sql; count: Prisma.Sql } {
  return {
    candidates: Prisma.sql`${candidates(dialect, person, filter, take, "member")} SELECT "articleId" FROM links`,
    count: Prisma.sql`(SELECT COALESCE(SUM(n."n"), 0) FROM (${counted(dialect, person, filter)}) n)`,
  };
}

async function loadCounts(db: Db, keys: readonly CountKey[]): Promise<number[]> {
  const counts = new Map<CountKey, number>();
  for (const group of groupBy(keys, (key) => JSON.stringify(key.filter)).values()) {
    const { filter } = group[0]!;
    const rows = await db.$queryRaw<{ personId: number; n: number | bigint }[]>`${counted(dialectOf(db), Prisma.join([...new Set(group.map((key) => key.personId))]), filter)}`;
    const byPerson = new Map(rows.map((row) => [Number(row.personId), Number(row.n)]));
    for (const key of group) counts.set(key, byPerson.get(key.personId) ?? 0);
  }
  return keys.map((key) => counts.get(key)!);
}

/**
 * Each person's number of articles in one statement, without reading an article row for a
 * mention: the mentions (an article names a person once), plus the articles that credit the
 * person without naming them.
 */
function counted(dialect: Dialect, ids: Prisma.Sql, filter: PersonArticlesFilter): Prisma.Sql {
  // Without dates, the count of mentions is the person's mentionCount, which ingest and the
  // editors keep (and the MENTIONS order reads): no index entry of a mention is read.
  const mentions = filter.from || filter.to
    ? Prisma.sql`SELECT m."personId" AS "personId", COUNT(*) AS "n" FROM "Mention" m
       WHERE m."personId" IN (${ids}) AND ${dates(filter, Prisma.sql`m."issueDate"`)} GROUP BY m."personId"`
    : Prisma.sql`SELECT p."id" AS "personId", p."mentionCount" AS "n" FROM "Person" p WHERE p."id" IN (${ids})`;
  const role = creditRole(filter.role, Prisma.sql`c."role"`);
  // Every role: the credited articles that do not also name the person (those are counted as mentions).
  const unnamed = (article: Prisma.Sql, person: Prisma.Sql) =>
    filter.role === null ? Prisma.sql`AND NOT EXISTS (SELECT 1 FROM "Mention" m WHERE m."articleId" = ${article} AND m."personId" = ${person})` : Prisma.empty;
  // Within dates on SQLite, a person's few credits are each dated by their article's key and a
  // prolific person's found by walking the range's articles: SQLite dated all 34,244 of one
  // reporter's to count a year's (130 ms, against 10 for the year's 12,000 articles). PostgreSQL
  // weighs the two as a join (as these two branches, 3 ms slower for a person credited nowhere).
  const credits =
    dialect === "sqlite" && (filter.from || filter.to)
      ? Prisma.sql`SELECT p."id" AS "personId", CASE WHEN ${fewCredits(Prisma.sql`p."id"`)}
          THEN (SELECT COUNT(DISTINCT q."articleId") FROM (SELECT c."articleId", (SELECT a."issueDate" FROM "Article" a WHERE a."id" = c."articleId") AS "d"
            FROM "Credit" c WHERE c."personId" = p."id" AND ${role} ${unnamed(Prisma.sql`c."articleId"`, Prisma.sql`p."id"`)}) q WHERE ${dates(filter, Prisma.sql`q."d"`)})
          ELSE (SELECT COUNT(*) FROM "Article" a WHERE ${dates(filter, Prisma.sql`a."issueDate"`)}
            AND EXISTS (SELECT 1 FROM "Credit" c WHERE c."articleId" = a."id" AND c."personId" = p."id" AND ${role}) ${unnamed(Prisma.sql`a."id"`, Prisma.sql`p."id"`)}) END AS "n"
         FROM "Person" p WHERE p."id" IN (${ids})`
      : Prisma.sql`SELECT c."personId" AS "personId", COUNT(DISTINCT c."articleId") AS "n"
         FROM "Credit" c ${filter.from || filter.to ? Prisma.sql`JOIN "Article" a ON a."id" = c."articleId"` : Prisma.empty}
         WHERE c."personId" IN (${ids}) AND ${role} AND ${dates(filter, Prisma.sql`a."issueDate"`)} ${unnamed(Prisma.sql`c."articleId"`, Prisma.sql`c."personId"`)}
         GROUP BY c."personId"`;
  if (filter.role === "MENTIONED") return mentions;
  if (filter.role) return credits;
  return Prisma.sql`SELECT t."personId" AS "personId", SUM(t."n") AS "n" FROM (${mentions} UNION ALL ${credits}) t GROUP BY t."personId"`;
}
