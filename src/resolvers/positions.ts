import DataLoader from "dataloader";
import type { Db } from "../db/client.ts";
import { Prisma, type Article, type Person } from "../generated/prisma/client.ts";
import { groupBy } from "../lib/group-by.ts";

/** A position one person held, as the archive saw it: one organisation and role, with when and how often. */
export interface PersonPosition {
  personId: number;
  organisation: { id: number; name: string };
  role: string;
  firstSeen: string;
  lastSeen: string;
  count: number;
}

/** Someone who held a role in an organisation, with when and how often the archive names them so. */
export interface OrganisationMember {
  person: Person;
  role: string;
  firstSeen: string;
  lastSeen: string;
  count: number;
}

/** Who held which role in an organisation: `Organisation.people(role:, from:, to:)`. */
export interface MembersKey {
  organisationId: number;
  role: string | null;
  from: string | null;
  to: string | null;
}

export interface PositionArticlesKey {
  personId: number;
  organisationId: number;
  role: string;
  first: number;
}

type Count = number | bigint;

/**
 * One grouped query per batch of people: their positions (Position joined to its Mention, whose
 * person and date are current after merges and corrections), in the order first seen, then in
 * the order the titles print them (省委常委 before 太原市委书记).
 */
async function loadPersonPositions(db: Db, personIds: readonly number[]): Promise<PersonPosition[][]> {
  const rows = await db.$queryRaw<{ personId: number; organisationId: number; name: string; role: string; firstSeen: string; lastSeen: string; count: Count; ordinal: number }[]>`
    SELECT m."personId" AS "personId", p."organisationId" AS "organisationId", o."name" AS "name", p."role" AS "role",
           MIN(m."issueDate") AS "firstSeen", MAX(m."issueDate") AS "lastSeen", COUNT(*) AS "count", MIN(p."ordinal") AS "ordinal"
      FROM "Mention" m JOIN "Position" p ON p."mentionId" = m."id" JOIN "Organisation" o ON o."id" = p."organisationId"
     WHERE m."personId" IN (${Prisma.join([...new Set(personIds)])})
     GROUP BY m."personId", p."organisationId", o."name", p."role"`;
  rows.sort((a, b) => a.firstSeen.localeCompare(b.firstSeen) || Number(a.ordinal) - Number(b.ordinal) || a.name.localeCompare(b.name) || a.role.localeCompare(b.role));
  const byPerson = groupBy(rows, (row) => Number(row.personId));
  return personIds.map((personId) =>
    (byPerson.get(personId) ?? []).map((row) => ({
      personId,
      organisation: { id: Number(row.organisationId), name: row.name },
      role: row.role,
      firstSeen: row.firstSeen,
      lastSeen: row.lastSeen,
      count: Number(row.count),
    })),
  );
}

/** One grouped query per distinct (role, from, to) in the batch, with the people's rows joined in. */
async function loadMembers(db: Db, keys: readonly MembersKey[]): Promise<OrganisationMember[][]> {
  const found = new Map<string, OrganisationMember[]>();
  for (const [, asked] of groupBy(keys, (key) => JSON.stringify([key.role, key.from, key.to]))) {
    const { role, from, to } = asked[0]!;
    const conditions = [Prisma.sql`p."organisationId" IN (${Prisma.join([...new Set(asked.map((key) => key.organisationId))])})`];
    if (role !== null) conditions.push(Prisma.sql`p."role" = ${role}`);
    if (from !== null) conditions.push(Prisma.sql`m."issueDate" >= ${from}`);
    if (to !== null) conditions.push(Prisma.sql`m."issueDate" <= ${to}`);
    const rows = await db.$queryRaw<{ organisationId: number; role: string; firstSeen: string; lastSeen: string; count: Count; id: number; name: string; nameKey: string | null; pinyin: string; mentionCount: number }[]>`
      SELECT p."organisationId" AS "organisationId", p."role" AS "role", MIN(m."issueDate") AS "firstSeen", MAX(m."issueDate") AS "lastSeen", COUNT(*) AS "count",
             pe."id" AS "id", pe."name" AS "name", pe."nameKey" AS "nameKey", pe."pinyin" AS "pinyin", pe."mentionCount" AS "mentionCount"
        FROM "Position" p JOIN "Mention" m ON m."id" = p."mentionId" JOIN "Person" pe ON pe."id" = m."personId"
       WHERE ${Prisma.join(conditions, " AND ")}
       GROUP BY p."organisationId", p."role", pe."id", pe."name", pe."nameKey", pe."pinyin", pe."mentionCount"`;
    // First seen first; among equals, the most often named, then by pinyin as Chinese indexes sort.
    rows.sort(
      (a, b) =>
        a.firstSeen.localeCompare(b.firstSeen) || Number(b.count) - Number(a.count) || a.pinyin.localeCompare(b.pinyin) || a.name.localeCompare(b.name) || a.role.localeCompare(b.role),
    );
    for (const key of asked) {
      found.set(
        membersKey(key),
        rows
          .filter((row) => Number(row.organisationId) === key.organisationId)
          .map((row) => ({
            person: { id: Number(row.id), name: row.name, nameKey: row.nameKey, pinyin: row.pinyin, mentionCount: Number(row.mentionCount) },
            role: row.role,
            firstSeen: row.firstSeen,
            lastSeen: row.lastSeen,
            count: Number(row.count),
          })),
      );
    }
  }
  return keys.map((key) => found.get(membersKey(key)) ?? []);
}

const membersKey = (key: MembersKey) => JSON.stringify([key.organisationId, key.role, key.from, key.to]);

/**
 * The newest `first` articles of each position in the batch: one query numbers each
 * (person, organisation, role)'s mentions newest first (a window function), one loads the articles.
 */
async function loadPositionArticles(db: Db, keys: readonly PositionArticlesKey[]): Promise<Article[][]> {
  const first = Math.max(...keys.map((key) => key.first));
  const numbered = await db.$queryRaw<{ personId: number; organisationId: number; role: string; articleId: number }[]>`
    SELECT n."personId" AS "personId", n."organisationId" AS "organisationId", n."role" AS "role", n."articleId" AS "articleId" FROM (
      SELECT m."personId", p."organisationId", p."role", m."articleId",
             ROW_NUMBER() OVER (PARTITION BY m."personId", p."organisationId", p."role" ORDER BY m."issueDate" DESC, m."articleId" DESC) AS "n"
        FROM "Mention" m JOIN "Position" p ON p."mentionId" = m."id"
       WHERE m."personId" IN (${Prisma.join([...new Set(keys.map((key) => key.personId))])})
         AND p."organisationId" IN (${Prisma.join([...new Set(keys.map((key) => key.organisationId))])})
    ) n WHERE n."n" <= ${first} ORDER BY n."n"`;
  const articles = await db.article.findMany({ where: { id: { in: [...new Set(numbered.map((row) => Number(row.articleId)))] } } });
  const byId = new Map(articles.map((article) => [article.id, article]));
  return keys.map((key) =>
    numbered
      .filter((row) => Number(row.personId) === key.personId && Number(row.organisationId) === key.organisationId && row.role === key.role)
      .slice(0, key.first)
      .flatMap((row) => byId.get(Number(row.articleId)) ?? []),
  );
}

/** Batch loaders for positions and organisations: a fixed number of statements however many people or organisations a request lists. */
export function createPositionLoaders(db: Db) {
  return {
    ofPerson: new DataLoader<number, PersonPosition[]>((ids) => loadPersonPositions(db, ids)),
    members: new DataLoader<MembersKey, OrganisationMember[], string>((keys) => loadMembers(db, keys), { cacheKeyFn: membersKey }),
    articles: new DataLoader<PositionArticlesKey, Article[], string>((keys) => loadPositionArticles(db, keys), {
      cacheKeyFn: (key) => JSON.stringify([key.personId, key.organisationId, key.role, key.first]),
    }),
  };
}
