import type { Db } from "../db/client.ts";
import type { SqlRunner } from "../db/writer.ts";

/** Every write to the archive calls this in its own transaction (see model DataVersion). */
export async function bumpDataVersion(sql: SqlRunner): Promise<void> {
  await sql.run(`UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1`);
}

/** The archive's current data version, as the response cache keys answers by it. */
export async function readDataVersion(db: Db): Promise<number> {
  const row = await db.dataVersion.findUnique({ where: { id: 1 }, select: { version: true } });
  return row?.version ?? 0;
}
