import fs from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { ConfigError } from "./db/config-error.ts";
import { databaseUrlFromEnv, openDatabase } from "./db/database.ts";
import { PageInputError, readPageFile } from "./ingest/decode.ts";
import { toExpectedShape } from "./ingest/expected-shape.ts";
import { pageLocationFromPath } from "./ingest/layout.ts";
import { parsePage } from "./ingest/parse-page.ts";
import { isRecordsFile, parseRecordsFile, parseRecordsPage } from "./ingest/parse-records.ts";
import { isCalendarDate } from "./dates.ts";
import { consoleLogger as log, createLogger, logFormatFromEnv, logLevelFromEnv } from "./commands/logger.ts";
import { formatSummary, ingestWithProgress } from "./commands/ingest.ts";
import { serve } from "./commands/serve.ts";
import { exportCommand } from "./commands/export.ts";
import { keysCommand } from "./commands/keys.ts";
import { evalCommand } from "./commands/eval.ts";
import { regionFor } from "./commands/region.ts";

const USAGE = `usage: papergraph <command> [options]

commands:
  serve [--port N] [--workers N]       start the API (GraphiQL at /graphql, /healthz, /readyz, /metrics); loads the sample editions into an empty database
  migrate                              apply pending database migrations and exit
  ingest <files or folders> [--publication slug --date YYYY-MM-DD --page N] [--json]
                                       parse and store pages (<publication>/<YYYY-MM-DD>/page-NN.txt, or the page's
                                       article records page-NN.records.json / .records.ndjson, read instead of the text);
                                       any other *.ndjson or *.jsonl file is an export, reloaded as stored
  export <publication> [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--output file]
                                       write the publication's pages as NDJSON (stdout by default)
  parse <file> [--date YYYY-MM-DD] [--region 太原市 --province 山西省]
                                       print the structure of one page (text or article records) as JSON
  eval <folder>... [--form text|records]
                                       compare parse output with every *.expected.json beside a .txt (and a
                                       .records.json): per-field precision, recall and F1 per folder and form, in
                                       total, and the mismatches
  keys create <name> --scope reader|editor|admin | keys revoke <name or prefix> | keys list
                                       API keys for the editors' mutations (the key is printed once, at creation)

environment:
  DATABASE_URL   file:… for SQLite (default file:./data/papergraph.db), postgres://… for PostgreSQL
  DATABASE_POOL_SIZE  PostgreSQL connections per process (default 10)
  DATABASE_STATEMENT_TIMEOUT  PostgreSQL: ms a statement may run before it is cancelled (default 30000; 0: none)
  PORT           HTTP port for serve (default 4000)
  WORKERS        server processes on that port (default 1; --workers overrides)
  RESPONSE_CACHE_TTL  ms an answer stays cached (default 60000; 0 turns the cache off)
  REDIS_URL      share the response cache and the rate limit between processes through Redis
  LOG_FORMAT     json or text (default: text on a terminal, json otherwise)
  LOG_LEVEL      debug, info, warn or error: the least a line must be to be written (default info)
  PERSISTED_DOCUMENTS  codegen's persisted-documents.json: serve also accepts these documents by hash
  PERSISTED_ONLY       true: serve refuses every operation not sent by hash (needs PERSISTED_DOCUMENTS)
  QUERY_MAX_DEPTH, QUERY_MAX_ALIASES, QUERY_MAX_TOKENS, QUERY_MAX_DIRECTIVES, QUERY_MAX_COST, MAX_BODY_BYTES,
  RATE_LIMIT, RATE_LIMIT_WINDOW, TRUST_PROXY, CORS_ORIGINS   limits and CORS (README: Running in production)
  READS_REQUIRE_KEY    true: queries need an API key (scope reader or above), not only mutations`;

type Command = (args: string[]) => Promise<number>;

const commands: Record<string, Command> = {
  async serve(args) {
    const { values } = parseArgs({
      args,
      options: { port: { type: "string" }, host: { type: "string" }, workers: { type: "string" } },
    });
    const port = wholeNumber("port", values.port ?? process.env.PORT ?? "4000", 0, 65535);
    const workers = wholeNumber("--workers", values.workers ?? process.env.WORKERS ?? "1", 1, 64);
    const cacheTtl = wholeNumber("RESPONSE_CACHE_TTL", process.env.RESPONSE_CACHE_TTL ?? "60000", 0, 86_400_000);
    const serverLog = createLogger(logFormatFromEnv(), undefined, logLevelFromEnv());
    const open = () =>
      openDatabase(databaseUrlFromEnv(), {
        onMigrated: (result) => result.applied.length && serverLog.info(`applied migrations: ${result.applied.join(", ")}`),
      });
    await serve(
      open,
      { port, workers, cacheTtl, ...(values.host ? { host: values.host } : {}), ...(process.env.REDIS_URL ? { redisUrl: process.env.REDIS_URL } : {}) },
      serverLog,
    );
    return -1;
  },

  async migrate() {
    const database = await openDatabase(databaseUrlFromEnv(), {
      onMigrated: (result) =>
        log.info(result.applied.length ? `applied: ${result.applied.join(", ")}` : `up to date (${result.alreadyApplied.length} migrations)`),
    });
    await database.close();
    return 0;
  },

  async ingest(args) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { publication: { type: "string" }, date: { type: "string" }, page: { type: "string" }, json: { type: "boolean" } },
    });
    if (positionals.length === 0) throw new ConfigError("ingest needs at least one file or folder");
    if (values.date !== undefined && !isCalendarDate(values.date)) throw new ConfigError(`--date must be a calendar date YYYY-MM-DD, got ${values.date}`);
    const page = values.page === undefined ? undefined : Number(values.page);
    if (page !== undefined && (!Number.isInteger(page) || page < 1)) throw new ConfigError(`--page must be a positive whole number, got ${values.page}`);
    const database = await openDatabase(databaseUrlFromEnv());
    try {
      const summary = await ingestWithProgress(
        database.writer,
        positionals,
        { ...(values.publication ? { publication: values.publication } : {}), ...(values.date ? { date: values.date } : {}), ...(page ? { page } : {}) },
        !values.json && process.stderr.isTTY === true,
      );
      console.log(values.json ? JSON.stringify(summary, null, 2) : formatSummary(summary));
      return summary.errors.length > 0 ? 1 : 0;
    } finally {
      await database.close();
    }
  },

  export: exportCommand,
  keys: keysCommand,

  async parse(args) {
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
    const region = await regionFor(file, values);
    const content = await readPageFile(file);
    const parsed = isRecordsFile(file)
      ? parseRecordsPage(parseRecordsFile(content, file).articles, { issueDate: date, region }).parsed
      : parsePage(content, { issueDate: date, region });
    const shaped = toExpectedShape(parsed, { publication: location?.publication ?? "", date, pageNumber: location?.page ?? 0 });
    console.log(JSON.stringify(shaped, null, 1));
    return 0;
  },

  eval: evalCommand,
};

function wholeNumber(name: string, value: string, min: number, max: number): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < min || number > max) throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, got ${value}`);
  return number;
}

export async function main(argv: string[]): Promise<void> {
  const [name, ...args] = argv;
  const command = name ? commands[name] : undefined;
  if (!command) {
    console.error(name && name !== "--help" && name !== "help" ? `papergraph: unknown command "${name}"\n\n${USAGE}` : USAGE);
    process.exitCode = name && name !== "--help" && name !== "help" ? 2 : 0;
    return;
  }
  try {
    const code = await command(args);
    if (code >= 0) process.exitCode = code;
  } catch (error) {
    if (error instanceof ConfigError || error instanceof PageInputError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      console.error(`papergraph: ${(error as Error).message}`);
      process.exitCode = 2;
      return;
    }
    throw error;
  }
}
