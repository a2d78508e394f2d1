import { databaseUrlFromEnv, openDatabase } from "../db/database.ts";
import { consoleLogger as log } from "../lib/logger.ts";

/** `papergraph migrate`: applies pending migrations and exits. */
export async function migrateCommand(): Promise<number> {
  const database = await openDatabase(databaseUrlFromEnv(), {
    onMigrated: (result) =>
      log.info(result.applied.length ? `applied: ${result.applied.join(", ")}` : `up to date (${result.alreadyApplied.length} migrations)`),
  });
  await database.close();
  return 0;
}
