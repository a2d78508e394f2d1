import DataLoader from "dataloader";
import type { Db } from "../db/client.ts";
import { Prisma, type Continuation, type Person, type Revision } from "../generated/prisma/client.ts";
import { listCoMentioned, type CoMention } from "./queries.ts";
import { createPersonArticlesLoaders } from "./person-articles.ts";
import { groupBy } from "../lib/group-by.ts";
import { createStoryLoaders } from "./stories.ts";
import { createPositionLoaders } from "./positions.ts";

/** One distinct (normalised) title a person was given, with when it was seen. */
export interface PersonTitle {
  /** The fullest printed form: the longest, so 省委常委、太原市委书记 over 省委常委、市委书记. */
  title: string;
  normalisedTitle: string;
  printedTitles: string[];
  firstSeen: string;
  lastSeen: string;
  count: number;
}

export interface PageKey {
  issueId: number;
  number: number;
}

/** A person named in the same articles as another, with how many they share. */
export type CoMentioned = CoMention & { person: Person };

/** What a revision is of: revisions name their entity by type and ID (model Revision). */
export interface RevisionKey {
  entityType: "Article" | "Person";
  entityId: number;
}

/**
 * Batch loaders for the fields that are not plain relations. Each loader turns all the
 * keys a request asks for in one tick into one query, so lists of parents cost the same
 * number of statements as one parent. Each is made when first used: most requests read
 * through one folded statement (folded-read.ts) and use none.
 */
export class Loaders {
  readonly #db: Db;
  #personTitles?: DataLoader<number, PersonTitle[]>;
  #continuationsIntoPage?: DataLoader<PageKey, Continuation[], string>;
  #revisions?: DataLoader<RevisionKey, Revision[], string>;
  #personArticles?: ReturnType<typeof createPersonArticlesLoaders>;
  #stories?: ReturnType<typeof createStoryLoaders>;
  #positions?: ReturnType<typeof createPositionLoaders>;
  #coMentioned?: DataLoader<{ personId: number; first: number }, CoMentioned[], string>;

  constructor(db: Db) {
    this.#db = db;
  }

  get personTitles() {
    return (this.#personTitles ??= new DataLoader((ids) => loadPersonTitles(this.#db, ids)));
  }

  get continuationsIntoPage() {
    return (this.#continuationsIntoPage ??= new DataLoader((keys) => loadContinuationsInto(this.#db, keys), {
      cacheKeyFn: (key) => `${key.issueId}:${key.number}`,
    }));
  }

  get revisions() {
    return (this.#revisions ??= new DataLoader((keys) => loadRevisions(this.#db, keys), {
      cacheKeyFn: (key) => `${key.entityType}:${key.entityId}`,
    }));
  }

  get personArticles() {
    return (this.#personArticles ??= createPersonArticlesLoaders(this.#db));
  }

  get stories() {
    return (this.#stories ??= createStoryLoaders(this.#db));
  }

  get positions() {
    return (this.#positions ??= createPositionLoaders(this.#db));
  }

  get coMentioned() {
    return (this.#coMentioned ??= new DataLoader((keys) => loadCoMentioned(this.#db, keys), {
      cacheKeyFn: (key) => `${key.personId}:${key.first}`,
    }));
  }
}

export const createLoaders = (db: Db): Loaders => new Loaders(db);

/**
 * The title groups of these people, read from the covering (personId, normalisedTitle, title,
 * issueDate, id) index alone and grouped in its order (no sort before grouping); a missing
 * printed title is the normalised one.
 */
export const personTitleGroups = (ids: readonly number[]) => Prisma.sql`
    SELECT m."personId" AS "personId", m."normalisedTitle" AS "normalisedTitle", m."title" AS "title",
           MIN(m."issueDate") AS "firstSeen", MAX(m."issueDate") AS "lastSeen", COUNT(*) AS "count", MIN(m."id") AS "firstId"
      FROM "Mention" m
     WHERE m."personId" IN (${Prisma.join([...new Set(ids)])}) AND m."normalisedTitle" IS NOT NULL
     GROUP BY m."personId", m."normalisedTitle", m."title"`;

/**
 * One grouped query per batch: the mentions with a title, grouped by person, normalised title
 * and printed form (a handful of rows per person however often they are named), with the first
 * and last issue dates and the count of each; the groups of one normalised title are then
 * merged here. The database does the counting, so a person named in 10,000 articles costs
 * the same few rows as one named twice. The dates are Mention's own copy of its article's
 * issue date, so the query reads Mention alone (the personId, normalisedTitle, issueDate index).
 */
async function loadPersonTitles(db: Db, ids: readonly number[]): Promise<PersonTitle[][]> {
  const groups = await db.$queryRaw<{ personId: number; normalisedTitle: string; title: string | null; firstSeen: string; lastSeen: string; count: bigint | number; firstId: number }[]>(
    personTitleGroups(ids),
  );
  // The longest printed form is the title; among forms of one length, the one printed first.
  groups.sort((a, b) => Number(a.firstId) - Number(b.firstId));
  const byPerson = new Map<number, Map<string, PersonTitle>>();
  for (const group of groups) {
    const personId = Number(group.personId);
    const count = Number(group.count);
    const printed = group.title ?? group.normalisedTitle;
    const titles = byPerson.get(personId) ?? new Map<string, PersonTitle>();
    byPerson.set(personId, titles);
    const entry = titles.get(group.normalisedTitle);
    if (!entry) {
      titles.set(group.normalisedTitle, {
        title: printed,
        normalisedTitle: group.normalisedTitle,
        printedTitles: [printed],
        firstSeen: group.firstSeen,
        lastSeen: group.lastSeen,
        count,
      });
      continue;
    }
    entry.count += count;
    if (group.firstSeen < entry.firstSeen) entry.firstSeen = group.firstSeen;
    if (group.lastSeen > entry.lastSeen) entry.lastSeen = group.lastSeen;
    if (!entry.printedTitles.includes(printed)) entry.printedTitles.push(printed);
    if (printed.length > entry.title.length) entry.title = printed;
  }
  return ids.map((id) =>
    [...(byPerson.get(id)?.values() ?? [])]
      .map((entry) => ({ ...entry, printedTitles: entry.printedTitles.sort() }))
      .sort((a, b) => a.firstSeen.localeCompare(b.firstSeen) || b.count - a.count || a.normalisedTitle.localeCompare(b.normalisedTitle)),
  );
}

async function loadContinuationsInto(db: Db, keys: readonly PageKey[]): Promise<Continuation[][]> {
  const rows = await db.continuation.findMany({
    where: {
      toPageNumber: { in: [...new Set(keys.map((key) => key.number))] },
      fromArticle: { issueId: { in: [...new Set(keys.map((key) => key.issueId))] } },
    },
    include: { fromArticle: { select: { issueId: true, pageNumber: true, position: true } } },
  });
  rows.sort((a, b) => a.fromArticle.pageNumber - b.fromArticle.pageNumber || a.fromArticle.position - b.fromArticle.position);
  return keys.map((key) =>
    rows
      .filter((row) => row.fromArticle.issueId === key.issueId && row.toPageNumber === key.number)
      .map(({ fromArticle: _, ...continuation }) => continuation),
  );
}

/** One query per entity type in the batch (the entityType, entityId, id index), oldest first. */
async function loadRevisions(db: Db, keys: readonly RevisionKey[]): Promise<Revision[][]> {
  const found = await Promise.all(
    [...groupBy(keys, (key) => key.entityType)].map(([entityType, ofType]) =>
      db.revision.findMany({ where: { entityType, entityId: { in: [...new Set(ofType.map((key) => key.entityId))] } }, orderBy: { id: "asc" } }),
    ),
  );
  const byEntity = groupBy(found.flat(), (revision) => `${revision.entityType}:${revision.entityId}`);
  return keys.map((key) => byEntity.get(`${key.entityType}:${key.entityId}`) ?? []);
}

/** One query for the pairs of each `first` asked in the batch, and one for all the people they name. */
async function loadCoMentioned(db: Db, keys: readonly { personId: number; first: number }[]): Promise<CoMentioned[][]> {
  const pairs = new Map<string, CoMention[]>();
  for (const [first, asked] of groupBy(keys, (key) => key.first)) {
    for (const [personId, rows] of await listCoMentioned(db, [...new Set(asked.map((key) => key.personId))], first)) pairs.set(`${personId}:${first}`, rows);
  }
  const people = await db.person.findMany({ where: { id: { in: [...new Set([...pairs.values()].flat().map((row) => row.personId))] } } });
  const byId = new Map(people.map((person) => [person.id, person]));
  return keys.map((key) =>
    (pairs.get(`${key.personId}:${key.first}`) ?? []).flatMap((row) => (byId.has(row.personId) ? [{ ...row, person: byId.get(row.personId)! }] : [])),
  );
}
