import type { SqlRunner, Statement } from "./writer.ts";

/** Every write to the archive calls this in its own transaction (see model DataVersion). */
export async function bumpDataVersion(sql: SqlRunner): Promise<void> {
  await sql.runTogether([DATA_VERSION_BUMP]);
}

/** The statement of bumpDataVersion, to run with others (SqlRunner.runTogether). */
export const DATA_VERSION_BUMP: Statement = { sql: `UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1`, params: [] };

/**
 * The archive's current data version, as the response cache keys answers by it: read on
 * every request, so in plain SQL (`Database.plain`), not through the Prisma client.
 */
export async function readDataVersion(sql: SqlRunner): Promise<number> {
  const row = await sql.get<{ version: number }>(`SELECT "version" FROM "DataVersion" WHERE "id" = 1`);
  return Number(row?.version ?? 0);
}
