import type { Database } from "../db/database.ts";
import { ingestPaths, type IngestSummary } from "./edition-loader.ts";
import { seedsDir } from "../lib/paths.ts";

/** Loads every edition under seeds/ into a database that holds no page yet. */
export async function seedIfEmpty(database: Database, folder = seedsDir): Promise<IngestSummary | null> {
  if ((await database.reader.page.count()) > 0) return null;
  return ingestPaths(database.writer, [folder]);
}
