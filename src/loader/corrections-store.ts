// The writes that editors' corrections share between the mutations (corrections.ts) and their
// re-application when a page is ingested again (keep-corrections.ts). Plain SQL through the
// writer's SqlRunner, `?` placeholders, portable to SQLite and PostgreSQL.
import { removeUnnamedOrganisations } from "./write-positions.ts";
import type { SqlRunner } from "../db/writer.ts";
import { removeUnreferencedPeople } from "./unreferenced-people.ts";
import type { CreditRole } from "../generated/prisma/enums.ts";
import { insertRows } from "./insert-rows.ts";
import { addFormerNames, peopleByName } from "./people-by-name.ts";

/** The article fields an editor may correct, as columns of "Article". */
export const TEXT_FIELDS = ["kicker", "headline", "subheadline", "body"] as const;
export type TextField = (typeof TEXT_FIELDS)[number];

/** A credit as an editor gives it: who, in which role, with the label printed before the name. */
export interface CreditValue {
  name: string;
  role: CreditRole;
  label: string | null;
}

/** Where an editor linked a jump to: the pickup article by page and position in the same issue (as stable as article IDs). */
export interface ContinuationValue {
  page: number;
  position: number;
}

export const nowIso = () => new Date().toISOString();

/** Writes one revision: made now, or, restored from an export, when it was made. */
export async function recordRevision(
  sql: SqlRunner,
  revision: { entityType: "Article" | "Person" | "Page"; entityId: number; action: string; before: unknown; after: unknown; actor: string; createdAt?: string },
): Promise<void> {
  await sql.run(`INSERT INTO "Revision" ("entityType", "entityId", "action", "before", "after", "actor", "createdAt") VALUES (?, ?, ?, ?, ?, ?, ?)`, [
    revision.entityType,
    revision.entityId,
    revision.action,
    revision.before === null || revision.before === undefined ? null : JSON.stringify(revision.before),
    revision.after === null || revision.after === undefined ? null : JSON.stringify(revision.after),
    revision.actor,
    revision.createdAt ?? nowIso(),
  ]);
}

/**
 * Stores (or replaces) the editor's value of one field of the article at (page, position):
 * made now, or, restored from an export, when it was made.
 */
export async function saveCorrection(sql: SqlRunner, pageId: number, position: number, field: string, value: unknown, updatedAt = nowIso()): Promise<void> {
  await sql.run(
    `INSERT INTO "Correction" ("pageId", "position", "field", "value", "updatedAt") VALUES (?, ?, ?, ?, ?)
     ON CONFLICT ("pageId", "position", "field") DO UPDATE SET "value" = excluded."value", "updatedAt" = excluded."updatedAt"`,
    [pageId, position, field, JSON.stringify(value), updatedAt],
  );
}

/** The article's credits in printed order, as an editor sees them. */
export async function creditsOf(sql: SqlRunner, articleId: number): Promise<CreditValue[]> {
  return sql.all<CreditValue>(
    `SELECT p."name", c."role", c."label" FROM "Credit" c JOIN "Person" p ON p."id" = c."personId" WHERE c."articleId" = ? ORDER BY c."position", c."id"`,
    [articleId],
  );
}

/**
 * Replaces an article's credits with an editor's list. A credit that was printed keeps its span
 * in the page text; one the editor added points at the whole article (it was not printed, and a
 * span must point somewhere in the page). People no longer referenced anywhere are removed, as
 * ingest removes them.
 */
export async function replaceCredits(sql: SqlRunner, article: { id: number; spanStart: number; spanEnd: number }, credits: CreditValue[]): Promise<void> {
  const former = await sql.all<{ personId: number; role: string; spanStart: number; spanEnd: number }>(
    `SELECT "personId", "role", "spanStart", "spanEnd" FROM "Credit" WHERE "articleId" = ?`,
    [article.id],
  );
  await sql.run(`DELETE FROM "Credit" WHERE "articleId" = ?`, [article.id]);
  // A name in any script, or a former name, means the person ingest would find for it.
  const { ids: people } = await peopleByName(sql, [...new Set(credits.map((credit) => credit.name))]);
  const seen = new Set<string>();
  const rows = [];
  for (const [position, credit] of credits.entries()) {
    const personId = people.get(credit.name)!;
    if (seen.has(`${credit.role}:${personId}`)) continue;
    seen.add(`${credit.role}:${personId}`);
    const printed = former.find((row) => row.personId === personId && row.role === credit.role);
    rows.push({
      articleId: article.id,
      personId,
      role: credit.role,
      label: credit.label,
      position,
      spanStart: printed?.spanStart ?? article.spanStart,
      spanEnd: printed?.spanEnd ?? article.spanEnd,
    });
  }
  await insertRows(sql, "Credit", rows);
  await removeUnreferencedPeople(sql, former.map((row) => row.personId));
}

/**
 * Moves everything that references person `from` to person `into` and deletes `from`. Where
 * both are credited in the same role of an article, or both named in it, `into`'s row stays.
 * Mention counts are left to the caller (ingest counts the page's mentions after this).
 */
async function foldPerson(sql: SqlRunner, from: number, into: number): Promise<void> {
  await sql.run(
    `DELETE FROM "Credit" WHERE "personId" = ? AND EXISTS (SELECT 1 FROM "Credit" k WHERE k."articleId" = "Credit"."articleId" AND k."role" = "Credit"."role" AND k."personId" = ?)`,
    [from, into],
  );
  await sql.run(`UPDATE "Credit" SET "personId" = ? WHERE "personId" = ?`, [into, from]);
  await sql.run(
    `DELETE FROM "Mention" WHERE "personId" = ? AND EXISTS (SELECT 1 FROM "Mention" k WHERE k."articleId" = "Mention"."articleId" AND k."personId" = ?)`,
    [from, into],
  );
  await sql.run(`UPDATE "Mention" SET "personId" = ? WHERE "personId" = ?`, [into, from]);
  await sql.run(`UPDATE "Photo" SET "photographerId" = ? WHERE "photographerId" = ?`, [into, from]);
  await sql.run(`UPDATE "PersonAlias" SET "personId" = ? WHERE "personId" = ?`, [into, from]);
  await sql.run(`DELETE FROM "Person" WHERE "id" = ?`, [from]);
  // A mention deleted above may have held an organisation's last position.
  await removeUnnamedOrganisations(sql);
}

/**
 * Makes person `from` part of person `into`, as an editor's merge does: everything that
 * referenced `from` goes to `into`, whose aliases take `from`'s names, whose history takes its
 * revisions, and whose mention count is recounted.
 */
export async function mergeInto(sql: SqlRunner, into: { id: number; name: string }, from: { id: number; name: string }): Promise<void> {
  await foldPerson(sql, from.id, into.id);
  await addFormerNames(sql, into, [from.name]);
  await sql.run(`UPDATE "Revision" SET "entityId" = ? WHERE "entityType" = 'Person' AND "entityId" = ?`, [into.id, from.id]);
  await recountMentions(sql, into.id);
}

/** Recounts a person's mentions (after a merge moved some). */
async function recountMentions(sql: SqlRunner, personId: number): Promise<void> {
  await sql.run(`UPDATE "Person" SET "mentionCount" = (SELECT COUNT(*) FROM "Mention" m WHERE m."personId" = ?) WHERE "id" = ?`, [personId, personId]);
}

/**
 * Makes article `from` continue in article `to`: its jump (printed or not) now points there.
 * A jump that pointed at `to` before lets go of it ("toArticleId" is unique). An editor's jump
 * with no printed marker has the marker "".
 */
export async function linkJump(sql: SqlRunner, from: number, to: { id: number; pageNumber: number }): Promise<void> {
  await sql.run(`UPDATE "Continuation" SET "toArticleId" = NULL WHERE "toArticleId" = ? AND "fromArticleId" <> ?`, [to.id, from]);
  const changed = await sql.run(`UPDATE "Continuation" SET "toArticleId" = ?, "toPageNumber" = ? WHERE "fromArticleId" = ?`, [to.id, to.pageNumber, from]);
  if (changed === 0) {
    await sql.run(`INSERT INTO "Continuation" ("fromArticleId", "toPageNumber", "toArticleId", "marker") VALUES (?, ?, ?, '')`, [from, to.pageNumber, to.id]);
  }
}
