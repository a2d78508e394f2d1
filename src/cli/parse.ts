import { parseArgs } from "node:util";
import { ConfigError } from "../lib/config-error.ts";
import { isCalendarDate } from "../lib/dates.ts";
import { readPageFile } from "../ingest/decode.ts";
import { toExpectedShape } from "../ingest/expected-shape.ts";
import { pageLocationFromPath } from "../ingest/layout.ts";
import { pageRefOfOrder } from "../ingest/page-label.ts";
import { parsePage } from "../ingest/parse-page.ts";
import { isRecordsFile, parseRecordsFile, parseRecordsPage } from "../ingest/parse-records.ts";
import { publicationContextFor } from "./publication-context.ts";

/** `papergraph parse <file>`: the structure of one page as JSON, without a database. */
export async function parseCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { date: { type: "string" }, region: { type: "string" }, province: { type: "string" } },
  });
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new ConfigError("parse takes exactly one file");
  const location = pageLocationFromPath(file);
  const date = values.date ?? location?.date;
  if (!date || !isCalendarDate(date)) throw new ConfigError(`${file}: give --date YYYY-MM-DD (the path does not carry the issue date)`);
  const context = { issueDate: date, ...(await publicationContextFor(file, values)) };
  const content = await readPageFile(file);
  const parsed = isRecordsFile(file) ? parseRecordsPage(parseRecordsFile(content, file).articles, context).parsed : parsePage(content, context);
  const shaped = toExpectedShape(parsed, { publication: location?.publication ?? "", date, pageNumber: (location && pageRefOfOrder(location.page)) ?? 0 });
  console.log(JSON.stringify(shaped, null, 1));
  return 0;
}
