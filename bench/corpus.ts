import fs from "node:fs";
import BetterSqlite3 from "better-sqlite3";
import { openDatabase, type Database } from "../src/db/database.ts";
import { parsePage } from "../src/ingest/parse-page.ts";
import { PARSER_VERSION } from "../src/ingest/version.ts";
import { writePageWith } from "../src/loader/write-page.ts";
import { generatePages } from "../test/support/generated-corpus.ts";
import { TAIYUAN_DAILY } from "../test/support/sample.ts";

/**
 * Opens the SQLite corpus in `file`, building it first when the file does not exist: about
 * `articles` articles of generated pages (test/support/generated-corpus.ts, 8 a page, from
 * 1990), parsed by the parser and written by ingest's writePageWith, 200 pages a transaction.
 * Building 100,000 articles takes minutes; a kept file is reused as it is.
 */
export async function openSqliteCorpus(file: string, articles: number, progress = true): Promise<{ database: Database; built: boolean }> {
  const reuse = fs.existsSync(file);
  const database = await openDatabase({ url: `file:${file}`, isDefault: false }, { onMigrated: () => undefined });
  if (!reuse) {
    const pages = generatePages(Math.ceil(articles / 8), { seed: 7, startDate: "1990-01-01" });
    const region = { city: TAIYUAN_DAILY.region, province: TAIYUAN_DAILY.province };
    for (let start = 0; start < pages.length; start += 200) {
      await database.writer.transaction(async (sql) => {
        for (const page of pages.slice(start, start + 200)) {
          const parsed = parsePage(page.text, { issueDate: page.date, region });
          await writePageWith(sql, { publication: TAIYUAN_DAILY, ...page }, parsed, PARSER_VERSION);
        }
      });
      if (progress) process.stderr.write(`\rbuilding corpus: ${Math.min(start + 200, pages.length)}/${pages.length} pages`);
    }
    if (progress) process.stderr.write("\n");
  }
  // As a long-running server's database would be: the write-ahead log checkpointed into the file.
  const checkpoint = new BetterSqlite3(file);
  checkpoint.pragma("wal_checkpoint(TRUNCATE)");
  checkpoint.close();
  return { database, built: !reuse };
}
