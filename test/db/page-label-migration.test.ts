import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import BetterSqlite3 from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "../../src/db/database.ts";
import { migratePostgres, migrateSqlite, readMigrations } from "../../src/db/migrate.ts";
import { pgMigrationsDir } from "../../src/lib/paths.ts";
import { searchKey } from "../../src/search/tokens.ts";
import { createServer } from "../../src/server/index.ts";
import { createDatabase } from "../support/global-setup.ts";
import { databaseKind } from "../support/database.ts";
import { query } from "../support/graphql.ts";
import { admin, databaseUrl } from "../support/postgres.ts";

// A database written before page labels: migrated up to the migration before them, holding
// one page (3) whose article has a search key in the layout of then (page in 9 bits).
const before = (migrations: ReturnType<typeof readMigrations>) => migrations.filter((migration) => migration.name < "20261205100302");
const oldSearchKey = (day: number, page: number, position: number, publicationId: number) =>
  day * 2 ** 32 + (511 - page) * 2 ** 23 + (511 - position) * 2 ** 14 + (16_383 - publicationId);
const DAY_OF_2022_06_03 = Math.round((Date.UTC(2022, 5, 3) - Date.UTC(1700, 0, 1)) / 86_400_000);

const ROWS = [
  `INSERT INTO "Publication" ("id", "slug", "name", "locale") VALUES (1, 'old-daily', '旧日报', 'zh-CN')`,
  `INSERT INTO "Issue" ("id", "publicationId", "date") VALUES (1, 1, '2022-06-03')`,
  `INSERT INTO "Page" ("id", "issueId", "number", "text", "textHash", "parserVersion") VALUES (1, 1, 3, '# 汾河湿地公园开园', 'hash', 'old')`,
  `INSERT INTO "Article" ("id", "pageId", "issueId", "issueDate", "pageNumber", "position", "headline", "body", "spanStart", "spanEnd")
     VALUES (1, 1, 1, '2022-06-03', 3, 1, '汾河湿地公园开园', '市民游客踏青赏景。', 0, 12)`,
  `INSERT INTO "ArticleSearch" ("key", "articleId") VALUES (${oldSearchKey(DAY_OF_2022_06_03, 3, 1, 1)}, 1)`,
];

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** A database of before page labels, holding ROWS, opened (and so migrated) by today's code. */
async function migratedFromBeforeLabels(): Promise<Database> {
  let url: string;
  if (databaseKind() === "postgresql") {
    const name = `papergraph_test_${process.pid}_labels_${Date.now()}`;
    await admin([createDatabase(name)]);
    cleanups.push(() => admin([`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`]).then(() => undefined));
    url = databaseUrl(name);
    const pool = new pg.Pool({ connectionString: url });
    await migratePostgres(pool, name, before(readMigrations(pgMigrationsDir)));
    for (const statement of ROWS) await pool.query(statement);
    await pool.end();
  } else {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), "papergraph-labels-migration-"));
    cleanups.push(async () => fs.rmSync(folder, { recursive: true, force: true }));
    const file = path.join(folder, "old.db");
    migrateSqlite(file, before(readMigrations()));
    const connection = new BetterSqlite3(file);
    for (const statement of ROWS) connection.exec(statement);
    connection.close();
    url = `file:${file}`;
  }
  const database = await openDatabase({ url, isDefault: false });
  cleanups.unshift(() => database.close());
  return database;
}

describe("the migration that adds page labels", () => {
  it("labels each stored page with its number, moves its search keys in order, and search still finds its articles", async () => {
    const database = await migratedFromBeforeLabels();
    const data = await query(
      createServer(database.reader),
      `{ issue(publication: "old-daily", date: "2022-06-03") { page(label: "03") { number label section } }
         search(query: "湿地公园", first: 5) { edges { node { article { headline page { label } } } } } }`,
    );
    expect(data.issue.page).toEqual({ number: 3, label: "3", section: null });
    expect(data.search.edges).toEqual([{ node: { article: { headline: "汾河湿地公园开园", page: { label: "3" } } } }]);
    const [stored] = await database.reader.articleSearch.findMany({ select: { key: true } });
    expect(Number(stored!.key)).toBe(searchKey("2022-06-03", 3, 1, 1));
  });
});
