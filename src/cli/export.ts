import fs from "node:fs";
import { parseArgs } from "node:util";
import { ConfigError } from "../lib/config-error.ts";
import { databaseUrlFromEnv, openDatabase } from "../db/database.ts";
import { isCalendarDate } from "../lib/dates.ts";
import { exportPublication, UnknownPublicationError, type ExportSummary, type LineSink } from "../loader/export.ts";

/**
 * `papergraph export <publication> [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--output file]`:
 * NDJSON on stdout (or the file), the summary on stderr so that stdout stays clean for a pipe.
 */
export async function exportCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { from: { type: "string" }, to: { type: "string" }, output: { type: "string", short: "o" } },
  });
  if (positionals.length !== 1) throw new ConfigError("export takes exactly one publication (its slug, e.g. taiyuan-daily)");
  const slug = positionals[0]!;
  for (const flag of ["from", "to"] as const) {
    const value = values[flag];
    if (value !== undefined && !isCalendarDate(value)) throw new ConfigError(`--${flag} must be a calendar date YYYY-MM-DD, got ${value}`);
  }
  if (values.from && values.to && values.from > values.to) throw new ConfigError(`--from ${values.from} is after --to ${values.to}`);
  const options = { ...(values.from ? { from: values.from } : {}), ...(values.to ? { to: values.to } : {}) };
  const database = await openDatabase(databaseUrlFromEnv());
  try {
    let summary: ExportSummary;
    if (values.output) {
      // Written beside the target and renamed when complete: a failed export never leaves
      // a truncated backup under the name of a good one.
      const partial = `${values.output}.partial`;
      const stream = fs.createWriteStream(partial);
      try {
        await new Promise<void>((resolve, reject) => stream.once("open", () => resolve()).once("error", reject));
        summary = await exportPublication(database.reader, slug, stream as LineSink, options);
        await new Promise<void>((resolve, reject) => stream.end((error?: Error | null) => (error ? reject(error) : resolve())));
        fs.renameSync(partial, values.output);
      } catch (error) {
        stream.destroy();
        fs.rmSync(partial, { force: true });
        throw error;
      }
    } else {
      summary = await exportPublication(database.reader, slug, process.stdout as LineSink, options);
    }
    const range = values.from || values.to ? ` from ${values.from ?? "the first issue"} to ${values.to ?? "the last issue"}` : "";
    process.stderr.write(
      `exported ${summary.pages} pages (${summary.issues} issue${summary.issues === 1 ? "" : "s"}, ${summary.articles} articles) of ${slug}${range} to ${values.output ?? "stdout"}\n`,
    );
    return 0;
  } catch (error) {
    if (error instanceof UnknownPublicationError) throw new ConfigError(error.message);
    if ((error as NodeJS.ErrnoException).code === "ENOENT" && values.output) {
      throw new ConfigError(`--output ${values.output}: the folder does not exist`);
    }
    throw error;
  } finally {
    await database.close();
  }
}
