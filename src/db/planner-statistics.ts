import pg from "pg";
import type { Database } from "./database.ts";

/** Pages written by one ingest from which PostgreSQL's statistics are refreshed at its end. */
export const BULK_LOAD_PAGES = 50;

/**
 * After a large ingest on PostgreSQL: VACUUM (ANALYZE), so that the next queries are planned with
 * the new row counts and value frequencies at once, not when autovacuum gets to the tables (the
 * search plans weigh the table's row count, src/resolvers/search/postgres-sample.ts), and so that
 * index-only scans need not visit the heap of the new rows: until a VACUUM sets the visibility
 * map, counting a person's 4,142 mentions read 1,723 heap pages (35 ms), and a server with
 * autovacuum off or behind never gets there. VACUUM reads only what is not yet all-visible: the
 * ingest's new pages (2.4 s after 2,920 pages, 24,045 articles). On a connection of its own,
 * without the statement timeout, which a fresh archive's VACUUM may outlast. SQLite's plans here
 * do not depend on statistics, and it has no visibility map.
 */
export async function refreshAfterBulkLoad(database: Database, pagesWritten: number): Promise<boolean> {
  if (database.provider !== "postgresql" || pagesWritten < BULK_LOAD_PAGES) return false;
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    await client.query("SET statement_timeout = 0");
    await client.query("VACUUM (ANALYZE)");
  } finally {
    await client.end();
  }
  return true;
}
