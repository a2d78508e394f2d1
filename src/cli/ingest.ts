import { parseArgs } from "node:util";
import cliProgress from "cli-progress";
import { databaseUrlFromEnv, openDatabase } from "../db/database.ts";
import { refreshAfterBulkLoad } from "../db/planner-statistics.ts";
import type { Writer } from "../db/writer.ts";
import { ConfigError } from "../lib/config-error.ts";
import { isCalendarDate } from "../lib/dates.ts";
import { pageOrderOfLabel } from "../ingest/page-label.ts";
import { ingestPaths, type IngestOptions, type IngestSummary } from "../loader/edition-loader.ts";
import { consoleLogger } from "../lib/logger.ts";
import { keyPeopleOf } from "./key-people.ts";

/** `papergraph ingest <files or folders>`: parses and stores pages, or restores an export. */
export async function ingestCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { publication: { type: "string" }, date: { type: "string" }, page: { type: "string" }, json: { type: "boolean" } },
  });
  if (positionals.length === 0) throw new ConfigError("ingest needs at least one file or folder");
  if (values.date !== undefined && !isCalendarDate(values.date)) throw new ConfigError(`--date must be a calendar date YYYY-MM-DD, got ${values.date}`);
  const page = values.page === undefined ? undefined : pageOrderOfLabel(values.page);
  if (page === null) throw new ConfigError(`--page must be a page number from 1 to 999 or a section page such as A01, got ${values.page}`);
  const database = await openDatabase(databaseUrlFromEnv());
  try {
    // Pages are written by the key of each name: people stored before keys get theirs first.
    await keyPeopleOf(database.writer, consoleLogger);
    const summary = await ingestWithProgress(
      database.writer,
      positionals,
      { ...(values.publication ? { publication: values.publication } : {}), ...(values.date ? { date: values.date } : {}), ...(page ? { page } : {}) },
      !values.json && process.stderr.isTTY === true,
    );
    await refreshAfterBulkLoad(database, summary.pages.created + summary.pages.replaced);
    console.log(values.json ? JSON.stringify(summary, null, 2) : formatSummary(summary));
    return summary.errors.length > 0 ? 1 : 0;
  } finally {
    await database.close();
  }
}

/** Runs an ingest with a progress bar on a terminal; returns the summary. */
export async function ingestWithProgress(writer: Writer, paths: string[], options: IngestOptions, showProgress: boolean): Promise<IngestSummary> {
  if (!showProgress) return ingestPaths(writer, paths, options);
  const bar = new cliProgress.SingleBar(
    { format: "ingesting {bar} {value}/{total} pages  {file}", hideCursor: true, stream: process.stderr },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  try {
    return await ingestPaths(writer, paths, {
      ...options,
      onProgress: ({ done, total, file }) => {
        if (!started) {
          bar.start(total, 0, { file: "" });
          started = true;
        }
        bar.update(done, { file });
      },
    });
  } finally {
    if (started) bar.stop();
  }
}

export function formatSummary(summary: IngestSummary): string {
  const { created, replaced, unchanged } = summary.pages;
  const lines = [
    `pages: ${created + replaced + unchanged} (${created} new, ${replaced} replaced, ${unchanged} unchanged)`,
    `articles: ${summary.articles}`,
    `people: ${summary.people}`,
    `continuations resolved: ${summary.continuationsResolved}`,
    ...(summary.correctionsKept > 0 ? [`editors' corrections kept: ${summary.correctionsKept}`] : []),
    `errors: ${summary.errors.length}`,
    ...summary.errors.map((error) => `  ${error.message}`),
  ];
  return lines.join("\n");
}
