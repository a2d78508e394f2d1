import type { SqlRunner, Writer } from "../db/writer.ts";
import { positionsOfTitle } from "../ingest/positions.ts";
import { insertRows, placeholders } from "./insert-rows.ts";
import { bumpDataVersion } from "../db/data-version.ts";

/** A mention with the normal form of its title, and the region of the publication that printed it. */
export interface TitledMention {
  id: number;
  title: string;
  city: string | null;
  province: string | null;
}

/**
 * Writes the positions (organisation and role) named by the titles of a page's mentions, in
 * the page's transaction, after its mentions: each title is read with the region of the
 * publication that printed it (src/ingest/positions.ts). A page's former positions went with
 * its former mentions (ON DELETE CASCADE); organisations no title names any more are removed.
 */
export async function writePositions(sql: SqlRunner, pageId: number): Promise<number> {
  const mentions = await sql.all<TitledMention>(
    // The normal form: the parser resolves a title printed once for several people (市政协主席甲、副主席乙).
    `SELECT m."id", m."normalisedTitle" AS "title", pub."region" AS "city", pub."province"
       FROM "Mention" m JOIN "Article" a ON a."id" = m."articleId" JOIN "Issue" i ON i."id" = a."issueId"
       JOIN "Publication" pub ON pub."id" = i."publicationId"
      WHERE a."pageId" = ? AND m."normalisedTitle" IS NOT NULL`,
    [pageId],
  );
  const written = await writePositionsOf(sql, mentions);
  // After the new positions: an organisation the page names again keeps its ID.
  await removeUnnamedOrganisations(sql);
  return written;
}

/**
 * Writes the positions the titles of these mentions name (the page writer passes the mentions
 * it has just written); returns how many. Organisations are found by name, the missing ones created.
 */
export async function writePositionsOf(sql: SqlRunner, mentions: TitledMention[]): Promise<number> {
  const positions = mentions.flatMap((mention) =>
    positionsOfTitle(mention.title, { city: mention.city, province: mention.province }).map((position, ordinal) => ({ mentionId: mention.id, ordinal, ...position })),
  );
  if (positions.length === 0) return 0;
  const organisations = await organisationIds(sql, [...new Set(positions.map((position) => position.organisation))]);
  await insertRows(
    sql,
    "Position",
    positions.map(({ mentionId, ordinal, organisation, role }) => ({ mentionId, ordinal, organisationId: organisations.get(organisation)!, role })),
  );
  return positions.length;
}

/**
 * The IDs of organisations by name, creating the missing ones: one read when all are known (most
 * pages name organisations named before). A concurrent write may create one first: read again.
 */
async function organisationIds(sql: SqlRunner, names: string[]): Promise<Map<string, number>> {
  const read = (wanted: string[]) =>
    sql.all<{ id: number; name: string }>(`SELECT "id", "name" FROM "Organisation" WHERE "name" IN ${placeholders(wanted.length)}`, wanted);
  const found = new Map((await read(names)).map((organisation) => [organisation.name, organisation.id]));
  const missing = names.filter((name) => !found.has(name));
  if (missing.length === 0) return found;
  const created = await insertRows<{ id: number; name: string }>(sql, "Organisation", missing.map((name) => ({ name })), ["id", "name"], ["name"]);
  for (const organisation of created) found.set(organisation.name, organisation.id);
  const raced = missing.filter((name) => !found.has(name));
  if (raced.length > 0) for (const organisation of await read(raced)) found.set(organisation.name, organisation.id);
  return found;
}

/**
 * Removes organisations whose last position went (with a re-ingested page's mentions, or a
 * merge of two people); the organisationId index answers each probe.
 */
export async function removeUnnamedOrganisations(sql: SqlRunner): Promise<void> {
  await sql.run(`DELETE FROM "Organisation" WHERE NOT EXISTS (SELECT 1 FROM "Position" p WHERE p."organisationId" = "Organisation"."id")`);
}

/**
 * Writes the positions of every stored page that has titled mentions: for a database migrated
 * from before positions existed (migration 20261205100146_organisation_positions), read from
 * the stored titles. One transaction, so that a crash leaves none written and the next start
 * does it all. Whether any position exists is asked before it (one cheap statement, so it runs
 * at every start) and again inside it, for another process that started at the same time.
 */
export async function backfillPositions(writer: Writer): Promise<number> {
  if (await writer.read.get(`SELECT 1 AS "found" FROM "Position" LIMIT 1`)) return 0;
  return writer.transaction(async (sql) => {
    // Another process starting at the same time may have written them while this one waited to write.
    if (await sql.get(`SELECT 1 AS "found" FROM "Position" LIMIT 1`)) return 0;
    const pages = await sql.all<{ pageId: number }>(
      `SELECT DISTINCT a."pageId" AS "pageId" FROM "Mention" m JOIN "Article" a ON a."id" = m."articleId" WHERE m."normalisedTitle" IS NOT NULL`,
    );
    let written = 0;
    for (const { pageId } of pages) written += await writePositions(sql, Number(pageId));
    // Answers cached before the backfill lack the positions.
    if (written > 0) await bumpDataVersion(sql);
    return written;
  });
}
