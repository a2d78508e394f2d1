import fs from "node:fs";
import path from "node:path";
import { ingestPaths } from "../../src/loader/edition-loader.ts";
import { seedsDir, projectRoot } from "../../src/lib/paths.ts";
import type { ExpectedPage } from "../../src/ingest/expected-shape.ts";
import type { Writer } from "../../src/db/writer.ts";
import { ingestPage } from "../../src/loader/ingest-page.ts";
import type { PublicationInfo } from "../../src/loader/write-page.ts";

export const SAMPLE_PAGE = path.join(seedsDir, "taiyuan-daily", "2022-06-03", "page-01.txt");
export const SAMPLE_TEXT = fs.readFileSync(SAMPLE_PAGE, "utf8");
export const SAMPLE_EXPECTED = JSON.parse(
  fs.readFileSync(path.join(seedsDir, "taiyuan-daily", "2022-06-03", "page-01.expected.json"), "utf8"),
) as ExpectedPage;
export const SAMPLE_HEADLINES = SAMPLE_EXPECTED.articles.map((article) => article.headline);

/** The synthetic page 3 of the sample issue, holding pickups of the front page's jumps. */
export const PICKUP_PAGE = path.join(projectRoot, "test", "fixtures", "taiyuan-daily", "2022-06-03", "page-03.txt");

export const TAIYUAN_DAILY: PublicationInfo = {
  slug: "taiyuan-daily",
  name: "太原日报",
  locale: "zh-CN",
  region: "太原市",
  province: "山西省",
};

/** Loads the sample edition from seeds/, as the server does on first start. */
export const loadSample = (writer: Writer) => ingestPaths(writer, [seedsDir]);

/** Stores the sample front page again under other dates: more issues with known content. */
export async function loadSampleOnDates(writer: Writer, dates: string[]) {
  for (const date of dates) {
    await ingestPage(writer, { publication: TAIYUAN_DAILY, date, pageNumber: 1, text: SAMPLE_TEXT }, `${date}/page-01.txt`);
  }
}

/** `count` consecutive dates starting the day after `start`, YYYY-MM-DD. */
export function datesAfter(start: string, count: number): string[] {
  const day = new Date(`${start}T00:00:00Z`);
  return Array.from({ length: count }, (_, index) => {
    const next = new Date(day.getTime() + (index + 1) * 86_400_000);
    return next.toISOString().slice(0, 10);
  });
}
