import { GraphQLError } from "graphql";
import type { Db } from "../db/client.ts";
import { Prisma } from "../generated/prisma/client.ts";
import { normalisePinyinPrefix } from "../search/pinyin.ts";
import { personKey } from "../ingest/person-key.ts";
import { escapeLike } from "../search/query.ts";
import { articleWhere, dateRange, newestFirst, type ArticleFilter, type PersonRole } from "./article-filter.ts";
import { foldedFindMany, type FoldedRoot } from "./folded-read.ts";

/**
 * The root lookups of the API. Each takes the selection plugin-prisma planned for the
 * request (`query`: include/select, and take/skip/cursor for connections), so that nested
 * fields are loaded in the same round of statements.
 */
type Planned = { include?: any; select?: any };
type Page = Planned & { take?: number; skip?: number; cursor?: any };

export const listPublications = (db: Db, query: Page) => db.publication.findMany({ ...query, orderBy: { slug: "asc" } });
export const countPublications = (db: Db) => db.publication.count();

export const findPublication = (db: Db, query: Planned, slug: string) =>
  db.publication.findUnique({ ...query, where: { slug } });

export interface IssueRange {
  publication?: string | null;
  from?: string | null;
  to?: string | null;
}

function issueWhere(range: IssueRange): Prisma.IssueWhereInput {
  const where: Prisma.IssueWhereInput = {};
  if (range.publication) where.publication = { slug: range.publication };
  if (range.from || range.to) where.date = dateRange(range.from, range.to);
  return where;
}

export const listIssues = (db: Db, query: Page, range: IssueRange) =>
  db.issue.findMany({ ...query, where: issueWhere(range), orderBy: [{ date: "desc" }, { id: "asc" }] });
export const countIssues = (db: Db, range: IssueRange) => db.issue.count({ where: issueWhere(range) });

/** The issue of a publication on a date, as folded-read.ts picks a root row. */
export const issueOn = (publication: string, date: string): FoldedRoot => ({
  where: Prisma.sql`t0."date" = ${date} AND t0."publicationId" = (SELECT "id" FROM "Publication" WHERE "slug" = ${publication})`,
  orderBy: [],
  unique: true,
});

/** The issue and everything the request asks of it in one statement (folded-read.ts), else through the client. */
export async function findIssue(db: Db, query: Planned, publication: string, date: string) {
  const folded = await foldedFindMany(db, "Issue", query, issueOn(publication, date));
  if (folded) return (folded[0] ?? null) as Awaited<ReturnType<typeof db.issue.findFirst>>;
  return db.issue.findFirst({ ...query, where: { date, publication: { slug: publication } } });
}

export const findPage = (db: Db, query: Planned, publication: string, date: string, number: number) =>
  db.page.findFirst({ ...query, where: { number, issue: { date, publication: { slug: publication } } } });

export const findArticle = (db: Db, query: Planned, id: number) => db.article.findUnique({ ...query, where: { id } });

/** Every article, newest first (the order of `newestFirst`, then ID), from a cursor when given. */
export const newestArticles = (page: Pick<Page, "take" | "skip" | "cursor">): FoldedRoot => ({
  where: Prisma.sql`TRUE`,
  orderBy: [["issueDate", "desc"], ["pageNumber", "asc"], ["position", "asc"], ["id", "asc"]],
  take: page.take,
  skip: page.skip,
  cursor: page.cursor,
});

/**
 * Articles newest first. Unfiltered, the page and what the request asks of each article are one
 * statement (folded-read.ts), and a page after a cursor starts at the cursor's place in the
 * (issueDate DESC, pageNumber, position, id) index instead of sorting the table.
 */
export async function listArticles(db: Db, query: Page, filter: ArticleFilter | null | undefined) {
  const { take, skip, cursor, ...planned } = query;
  if (!filter || Object.values(filter).every((value) => value == null)) {
    const folded = await foldedFindMany(db, "Article", planned, newestArticles({ take, skip, cursor }));
    if (folded) return folded as Awaited<ReturnType<typeof db.article.findMany>>;
  }
  return db.article.findMany({ ...query, where: articleWhere(filter), orderBy: [...newestFirst, { id: "asc" }] });
}
export const countArticles = (db: Db, filter: ArticleFilter | null | undefined) =>
  db.article.count({ where: articleWhere(filter) });

export interface DateSpan {
  from?: string | null;
  to?: string | null;
}

/**
 * One person's articles by their ID (no join to Person). A date range bounds the mentions by
 * their own copy of the issue date too, so that the (personId, issueDate) index reads only the
 * range's mentions: bounding the articles alone, PostgreSQL hashed all of a common name's
 * mentions (58,000) to filter one year's articles.
 */
function personArticlesWhere(personId: number, role: PersonRole | null, span: DateSpan = {}): Prisma.ArticleWhereInput {
  const dated = span.from || span.to ? { issueDate: dateRange(span.from, span.to) } : {};
  const mentioned: Prisma.ArticleWhereInput = { mentions: { some: { personId, ...dated } } };
  const credited: Prisma.ArticleWhereInput = { credits: { some: { personId, ...(role && role !== "MENTIONED" ? { role } : {}) } } };
  const linked = role === "MENTIONED" ? mentioned : role ? credited : { OR: [mentioned, credited] };
  return { ...linked, ...dated };
}

export const listPersonArticles = (db: Db, query: Page, personId: number, role: PersonRole | null, span: DateSpan = {}) =>
  db.article.findMany({ ...query, where: personArticlesWhere(personId, role, span), orderBy: [...newestFirst, { id: "asc" }] });

/** The person of this name in any script (吳建軍 finds 吴建军: src/ingest/person-key.ts), as folded-read.ts picks a root row. */
export const personNamed = (name: string): FoldedRoot => ({ where: Prisma.sql`t0."nameKey" = ${personKey(name)}`, orderBy: [], unique: true });

/** The person and everything the request asks of them in one statement (folded-read.ts), else through the client. */
export async function findPerson(db: Db, query: Planned, name: string) {
  const folded = await foldedFindMany(db, "Person", query, personNamed(name));
  if (folded) return (folded[0] ?? null) as Awaited<ReturnType<typeof db.person.findUnique>>;
  return db.person.findUnique({ ...query, where: { nameKey: personKey(name) } });
}

/** The person of this name in any script, alone (a reference from another subgraph). */
export const personByName = (db: Db, name: string) => db.person.findUnique({ where: { nameKey: personKey(name) } });

export type PeopleOrder = "NAME" | "PINYIN" | "MENTIONS";

export interface PeopleQuery {
  nameContains?: string | null;
  pinyinPrefix?: string | null;
  orderBy?: PeopleOrder | null;
}

/** A name is at most this long (credits are refused past it): a longer `nameContains` matches nobody, and costs a scan. */
export const MAX_NAME_CONTAINS = 32;

/** LIKE's wildcards and its escape character, which a name may hold and which Prisma's `contains` passes on as wildcards. */
const LIKE_SPECIAL = /[%_\\]/;

/** People whose name's key holds the key of `text` literally: LIKE with the wildcards escaped, as `contains` does not. */
async function namesHolding(db: Db, text: string): Promise<number[]> {
  const pattern = `%${escapeLike(personKey(text))}%`;
  const rows = await db.$queryRaw<{ id: number }[]>`SELECT "id" FROM "Person" WHERE "nameKey" LIKE ${pattern} ESCAPE ${"\\"}`;
  return rows.map((row) => Number(row.id));
}

async function peopleWhere(db: Db, { nameContains, pinyinPrefix }: PeopleQuery): Promise<Prisma.PersonWhereInput> {
  if (nameContains && [...nameContains].length > MAX_NAME_CONTAINS) {
    throw new GraphQLError(`nameContains has ${[...nameContains].length} characters; a name has at most ${MAX_NAME_CONTAINS}.`, { extensions: { code: "BAD_USER_INPUT" } });
  }
  if (pinyinPrefix && pinyinPrefix.length > MAX_NAME_CONTAINS * 8) {
    throw new GraphQLError(`pinyinPrefix has ${pinyinPrefix.length} characters; at most ${MAX_NAME_CONTAINS * 8} are read.`, { extensions: { code: "BAD_USER_INPUT" } });
  }
  const where: Prisma.PersonWhereInput = {};
  if (nameContains && LIKE_SPECIAL.test(nameContains)) where.id = { in: await namesHolding(db, nameContains) };
  // In any script, as `person(name:)`: 吳 finds 吴建军.
  else if (nameContains) where.nameKey = { contains: personKey(nameContains) };
  const prefix = pinyinPrefix ? normalisePinyinPrefix(pinyinPrefix) : "";
  // A range on the indexed column (not LIKE, which SQLite cannot serve from a plain index):
  // every string that starts with "wei" lies in ["wei", "wei\uffff").
  if (prefix) where.pinyin = { gte: prefix, lt: `${prefix}\uffff` };
  return where;
}

const peopleOrder: Record<PeopleOrder, Prisma.PersonOrderByWithRelationInput[]> = {
  NAME: [{ name: "asc" }, { id: "asc" }],
  PINYIN: [{ pinyin: "asc" }, { name: "asc" }, { id: "asc" }],
  MENTIONS: [{ mentionCount: "desc" }, { pinyin: "asc" }, { id: "asc" }],
};

export const listPeople = async (db: Db, query: Page, args: PeopleQuery) =>
  db.person.findMany({ ...query, where: await peopleWhere(db, args), orderBy: peopleOrder[args.orderBy ?? "NAME"] });
export const countPeople = async (db: Db, args: PeopleQuery) => db.person.count({ where: await peopleWhere(db, args) });

export interface CoMention {
  personId: number;
  sharedArticles: number;
}

/**
 * For each of `personIds`, the people named in the same articles, most shared articles first
 * (then pinyin), at most `first`: the person's "CoMention" rows, which triggers on Mention keep
 * (see that model).
 */
export async function listCoMentioned(db: Db, personIds: number[], first: number): Promise<Map<number, CoMention[]>> {
  // One person: a LIMIT on the (personId, sharedArticles) order; several: numbered per person.
  const rows = personIds.length === 1
    ? await db.$queryRaw<{ ofId: number; personId: number; shared: number }[]>`
        SELECT c."personId" AS "ofId", c."otherId" AS "personId", c."sharedArticles" AS "shared"
          FROM "CoMention" c JOIN "Person" p ON p."id" = c."otherId"
         WHERE c."personId" = ${personIds[0]}
         ORDER BY c."sharedArticles" DESC, p."pinyin", p."name" LIMIT ${first}`
    : await db.$queryRaw<{ ofId: number; personId: number; shared: number }[]>`
        SELECT t."ofId", t."personId", t."shared" FROM (
          SELECT c."personId" AS "ofId", c."otherId" AS "personId", c."sharedArticles" AS "shared",
                 ROW_NUMBER() OVER (PARTITION BY c."personId" ORDER BY c."sharedArticles" DESC, p."pinyin", p."name") AS rn
            FROM "CoMention" c JOIN "Person" p ON p."id" = c."otherId"
           WHERE c."personId" IN (${Prisma.join(personIds)})) t
         WHERE t.rn <= ${first}
         ORDER BY t."ofId", t.rn`;
  const byPerson = new Map<number, CoMention[]>(personIds.map((id) => [id, []]));
  for (const row of rows) byPerson.get(Number(row.ofId))!.push({ personId: Number(row.personId), sharedArticles: Number(row.shared) });
  return byPerson;
}
