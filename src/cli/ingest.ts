import cliProgress from "cli-progress";
import type { Writer } from "../db/writer.ts";
import { ingestPaths, type IngestOptions, type IngestSummary } from "../loader/edition-loader.ts";

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
