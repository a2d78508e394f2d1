import type { SqlRunner } from "../db/writer.ts";

/** A page by what names it: publication, issue date and number. */
export interface PageName {
  publication: string;
  date: string;
  number: number;
}

/**
 * Serialises the writes of a page on PostgreSQL, where write transactions run side by side: an
 * ingest of the page, another ingest of it, and an editor's change to one of its articles take
 * the same transaction-scoped advisory lock, so that none works from rows another is changing
 * (an editor's revision would record a `before` already overwritten; an ingest would re-apply
 * the corrections without the one committed meanwhile). Locks are taken in name order, so two
 * writers of the same two pages cannot wait on each other. SQLite writes one transaction at a
 * time already: there it takes none, and says so (false).
 */
export async function lockPages(sql: SqlRunner, pages: PageName[]): Promise<boolean> {
  if (sql.dialect !== "postgresql") return false;
  const keys = [...new Set(pages.map((page) => `page:${page.publication}/${page.date}/${page.number}`))].sort();
  for (const key of keys) await sql.get(`SELECT pg_advisory_xact_lock(hashtextextended(?, 0))`, [key]);
  return true;
}
