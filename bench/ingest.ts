/**
 * npm run bench:ingest [-- --pages N]
 * Pages per second for parsing alone and for parse + write (one transaction per page) of N
 * copies of the sample front page under different dates, into a fresh SQLite file.
 * Target: at least 100 pages/s end to end on 2 cores.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { openDatabase } from "../src/db/database.ts";
import { parsePage } from "../src/ingest/parse-page.ts";
import { seedsDir } from "../src/lib/paths.ts";
import { ingestPage } from "../src/loader/ingest-page.ts";

const { values } = parseArgs({ options: { pages: { type: "string", default: "500" } } });
const pages = Number(values.pages);
const text = fs.readFileSync(path.join(seedsDir, "taiyuan-daily", "2022-06-03", "page-01.txt"), "utf8");
const publication = JSON.parse(fs.readFileSync(path.join(seedsDir, "taiyuan-daily", "publication.json"), "utf8"));
const dates = Array.from({ length: pages }, (_, index) => new Date(Date.UTC(2000, 0, 1) + index * 86_400_000).toISOString().slice(0, 10));
const context = { region: { city: publication.region, province: publication.province } };

parsePage(text, { issueDate: "2000-01-01", ...context }); // load the jieba dictionary outside the timing

let started = performance.now();
for (const date of dates) parsePage(text, { issueDate: date, ...context });
const parseSeconds = (performance.now() - started) / 1000;

const folder = fs.mkdtempSync(path.join(os.tmpdir(), "papergraph-bench-"));
const database = await openDatabase({ url: `file:${path.join(folder, "bench.db")}`, isDefault: false });
started = performance.now();
for (const date of dates) {
  await ingestPage(database.writer, { publication, date, pageNumber: 1, text }, `${date}/page-01.txt`);
}
const writeSeconds = (performance.now() - started) / 1000;
const articles = await database.reader.article.count();
await database.close();
fs.rmSync(folder, { recursive: true, force: true });

const rate = (seconds: number) => (pages / seconds).toFixed(0).padStart(6);
console.log(`pages: ${pages} (the sample front page, ${articles / pages} articles each), ${os.cpus().length} cores`);
console.log(`parse alone:   ${rate(parseSeconds)} pages/s  (${((parseSeconds / pages) * 1000).toFixed(2)} ms/page)`);
console.log(`parse + write: ${rate(writeSeconds)} pages/s  (${((writeSeconds / pages) * 1000).toFixed(2)} ms/page)  target ≥ 100`);
console.log(`peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
