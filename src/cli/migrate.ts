import { databaseUrlFromEnv, openDatabase } from "../db/database.ts";
import { consoleLogger as log } from "../lib/logger.ts";
import { backfillPositions } from "../loader/write-positions.ts";
import { keyPeopleOf } from "./key-people.ts";

/** `papergraph migrate`: applies pending migrations and exits. */
export async function migrateCommand(): Promise<number> {
  const database = await openDatabase(databaseUrlFromEnv(), {
    onMigrated: (result) =>
      log.info(result.applied.length ? `applied: ${result.applied.join(", ")}` : `up to date (${result.alreadyApplied.length} migrations)`),
  });
  try {
    await keyPeopleOf(database.writer, log);
    const positions = await backfillPositions(database.writer);
    if (positions > 0) log.info(`read ${positions} positions from the stored titles`);
  } finally {
    await database.close();
  }
  return 0;
}
