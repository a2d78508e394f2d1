import type { Db } from "../db/client.ts";
import type { SqlRunner } from "../db/writer.ts";
import type { Revision } from "../generated/prisma/client.ts";
import { articleAt } from "./keep-corrections.ts";
import { groupBy } from "../lib/group-by.ts";
import { groupsOf } from "../lib/groups-of.ts";
import { recordRevision } from "./corrections-store.ts";
import { addFormerNames } from "./people-by-name.ts";
import { personKey } from "../ingest/person-key.ts";
import type { ExportPerson, ExportRevision } from "./export-format.ts";

/**
 * The editors' history in an export (src/loader/export.ts) and its restore: revisions of
 * pages, articles and people, and people's former names. Revisions name what they changed by
 * database ID, which a restore does not keep: an export puts each one beside what it belongs
 * to (the page, the article, the person by name), and a restore files it under the new IDs.
 */

export interface PageHistory {
  revisions: ExportRevision[];
  /** By the article's position on the page. */
  articles: Map<number, ExportRevision[]>;
  people: ExportPerson[];
}

const exported = (revision: Revision): ExportRevision => ({
  action: revision.action,
  before: revision.before === null ? null : (JSON.parse(revision.before) as unknown),
  after: revision.after === null ? null : (JSON.parse(revision.after) as unknown),
  actor: revision.actor,
  createdAt: revision.createdAt.toISOString(),
});

/** The most IDs one statement binds (SQLite's limit is 999 parameters, some are taken by the rest). */
const BIND_LIMIT = 500;

async function inChunks<T>(ids: number[], read: (chunk: number[]) => Promise<T[]>): Promise<T[]> {
  const rows: T[] = [];
  for (const chunk of groupsOf(ids, BIND_LIMIT)) rows.push(...(await read(chunk)));
  return rows;
}

/**
 * Reads the history of batches of pages, in a fixed number of statements a batch; remembers
 * the people already exported, so that each is exported with the first page naming them.
 */
export function historyReader(db: Db) {
  const exportedPeople = new Set<number>();
  return async (pages: { id: number; articles: { id: number; position: number }[]; personIds: number[] }[]): Promise<PageHistory[]> => {
    const articleIds = pages.flatMap((page) => page.articles.map((article) => article.id));
    const newPeople = [...new Set(pages.flatMap((page) => page.personIds))].filter((id) => !exportedPeople.has(id));
    // Each list in its own statements, at most BIND_LIMIT IDs each: SQLite binds at most 999
    // parameters a statement, and a batch of pages names thousands of articles and people.
    const revisionsOf = (entityType: string, ids: number[]) =>
      inChunks(ids, (chunk) => db.revision.findMany({ where: { entityType, entityId: { in: chunk } } }));
    const [pageRevisions, articleRevisions, personRevisions, aliases, people] = await Promise.all([
      revisionsOf("Page", pages.map((page) => page.id)),
      revisionsOf("Article", articleIds),
      revisionsOf("Person", newPeople),
      inChunks(newPeople, (chunk) => db.personAlias.findMany({ where: { personId: { in: chunk } }, select: { name: true, personId: true } })),
      inChunks(newPeople, (chunk) => db.person.findMany({ where: { id: { in: chunk } }, select: { id: true, name: true } })),
    ]);
    const revisions = [...pageRevisions, ...articleRevisions, ...personRevisions].sort((a, b) => a.id - b.id);
    aliases.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const byEntity = groupBy(revisions, (revision) => `${revision.entityType}:${revision.entityId}`);
    const of = (entityType: string, entityId: number) => (byEntity.get(`${entityType}:${entityId}`) ?? []).map(exported);
    const formerNames = groupBy(aliases, (alias) => alias.personId);
    const names = new Map(people.map((person) => [person.id, person.name]));
    return pages.map((page) => {
      const personIds = [...new Set(page.personIds)].filter((id) => !exportedPeople.has(id));
      for (const id of personIds) exportedPeople.add(id);
      return {
        revisions: of("Page", page.id),
        articles: new Map(page.articles.map((article) => [article.position, of("Article", article.id)])),
        people: personIds
          .map((id) => ({
            name: names.get(id)!,
            formerNames: (formerNames.get(id) ?? []).map((alias) => alias.name),
            revisions: of("Person", id),
          }))
          .filter((person) => person.formerNames.length > 0 || person.revisions.length > 0)
          .sort((a, b) => a.name.localeCompare(b.name)),
      };
    });
  };
}

/** The history a page line carries, as a restore reads it back. */
export interface RestoredHistory {
  revisions: ExportRevision[];
  articles: { position: number; revisions: ExportRevision[] }[];
  people: ExportPerson[];
}

/**
 * Files a restored page's history under the new IDs, in the page's transaction. A revision
 * already there (the same change of the same thing, by the same key at the same time) is not
 * written twice, nor is a former name.
 */
export async function restoreHistory(sql: SqlRunner, pageId: number, issueId: number, pageNumber: number, history: RestoredHistory): Promise<void> {
  const file = async (entityType: "Page" | "Article" | "Person", entityId: number, revision: ExportRevision) => {
    const known = await sql.get(
      `SELECT 1 FROM "Revision" WHERE "entityType" = ? AND "entityId" = ? AND "action" = ? AND "actor" = ? AND "createdAt" = ?`,
      [entityType, entityId, revision.action, revision.actor, revision.createdAt],
    );
    if (!known) await recordRevision(sql, { entityType, entityId, ...revision });
  };
  for (const revision of history.revisions) await file("Page", pageId, revision);
  for (const article of history.articles) {
    const stored = await articleAt(sql, issueId, pageNumber, article.position);
    if (!stored) continue;
    for (const revision of article.revisions) await file("Article", stored.id, revision);
  }
  for (const person of history.people) {
    // By key: people an archive of before keys held apart in two scripts are one here.
    const stored = await sql.get<{ id: number; name: string }>(`SELECT "id", "name" FROM "Person" WHERE "nameKey" = ?`, [personKey(person.name)]);
    if (!stored) continue;
    await addFormerNames(sql, stored, [person.name, ...person.formerNames]);
    for (const revision of person.revisions) await file("Person", stored.id, revision);
  }
}
