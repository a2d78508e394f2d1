import type { SqlRunner } from "../db/writer.ts";
import { placeholders } from "./insert-rows.ts";

/** Deletes those of the given people that no credit, mention or photo refers to any more. */
export async function removeUnreferencedPeople(sql: SqlRunner, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  await sql.run(
    `DELETE FROM "Person" WHERE "id" IN ${placeholders(ids.length)}
       AND NOT EXISTS (SELECT 1 FROM "Credit" WHERE "personId" = "Person"."id")
       AND NOT EXISTS (SELECT 1 FROM "Mention" WHERE "personId" = "Person"."id")
       AND NOT EXISTS (SELECT 1 FROM "Photo" WHERE "photographerId" = "Person"."id")`,
    ids,
  );
}
