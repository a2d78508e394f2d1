import BetterSqlite3 from "better-sqlite3";
import pg from "pg";
import { PG_SEARCH_TABLE_DDL, phraseStatements, searchTextStatements } from "../src/db/search-table.ts";
import { pgRunner } from "../src/db/writer.ts";
import { groupsOf } from "../src/lib/groups-of.ts";
import { pgSearchRows } from "../src/search/document.ts";

/** Copies the archive tables of a SQLite file into a migrated, empty PostgreSQL database, in bulk. */
export async function copyToPostgres(file: string, url: string): Promise<void> {
  const source = new BetterSqlite3(file, { readonly: true });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // The GIN indexes are built once after the load: faster than growing them row by row. The
    // co-mention pairs are copied as they are, not recounted mention by mention by the trigger.
    await client.query(`DROP INDEX "ArticleSearchText_doc_idx"; DROP INDEX "ArticleSearchText_long_doc_idx"`);
    await client.query(`ALTER TABLE "Mention" DISABLE TRIGGER USER`);
    const insert = async (table: string, rows: unknown[]) => {
      for (const group of groupsOf(rows, 2_000)) {
        await client.query(`INSERT INTO "${table}" SELECT * FROM json_populate_recordset(NULL::"${table}", $1::json)`, [JSON.stringify(group)]);
      }
    };
    for (const table of ["Publication", "Issue", "Page", "Person", "Article", "Credit", "Mention", "Photo", "Continuation", "ArticleSearch", "CoMention"]) {
      await insert(table, source.prepare(`SELECT * FROM "${table}"`).all());
      if (!["ArticleSearch", "CoMention"].includes(table)) {
        await client.query(`SELECT setval(pg_get_serial_sequence('"${table}"', 'id'), GREATEST(1, (SELECT MAX("id") FROM "${table}")))`);
      }
    }
    await client.query(`ALTER TABLE "Mention" ENABLE TRIGGER USER`);
    const captions = new Map<number, string[]>();
    for (const photo of source.prepare(`SELECT "articleId", "caption" FROM "Photo" WHERE "articleId" IS NOT NULL ORDER BY "position"`).all() as { articleId: number; caption: string }[]) {
      captions.set(photo.articleId, [...(captions.get(photo.articleId) ?? []), photo.caption]);
    }
    const articles = source
      .prepare(
        `SELECT a."id", i."publicationId", a."issueDate", a."pageNumber", a."position", a."kicker", a."headline", a."subheadline", a."body", a."source"
           FROM "Article" a JOIN "Issue" i ON i."id" = a."issueId"`,
      )
      .all() as { id: number; publicationId: number; issueDate: string; pageNumber: number; position: number; kicker: string | null; headline: string | null; subheadline: string | null; body: string; source: string | null }[];
    const searchRows = articles.map((article) => pgSearchRows({ ...article, articleId: article.id, captions: captions.get(article.id) ?? [] }));
    const chunks = searchRows.flatMap((row) => row.chunks);
    const phrases = searchRows.flatMap((row) => (row.phrase ? [row.phrase] : []));
    for (const group of groupsOf(chunks, 2_000)) await pgRunner(client).runTogether(searchTextStatements(group));
    for (const group of groupsOf(phrases, 2_000)) await pgRunner(client).runTogether(phraseStatements(group));
    for (const statement of PG_SEARCH_TABLE_DDL) await client.query(statement);
    await client.query("VACUUM ANALYZE");
  } finally {
    source.close();
    await client.end();
  }
}
