import type { Database } from "./database.ts";

/** Pages written by one ingest from which PostgreSQL's statistics are refreshed at its end. */
export const BULK_LOAD_PAGES = 50;

/**
 * After a large ingest on PostgreSQL: ANALYZE, so that the next queries are planned with the new
 * row counts and value frequencies at once, not when autovacuum gets to the tables (the search
 * plans weigh the table's row count, src/resolvers/search/postgres-sample.ts). A sample of each
 * table: seconds at most, within the statement timeout. The visibility map that index-only scans
 * rely on is left to autovacuum, which a large insert triggers (a VACUUM of a fresh archive can
 * outlast the timeout). SQLite's plans here do not depend on statistics.
 */
export async function refreshAfterBulkLoad(database: Database, pagesWritten: number): Promise<boolean> {
  if (database.provider !== "postgresql" || pagesWritten < BULK_LOAD_PAGES) return false;
  await database.writer.read.run("ANALYZE");
  return true;
}
