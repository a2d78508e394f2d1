import { ConfigError } from "../lib/config-error.ts";
import { environmentUsage } from "./environment.ts";

const COMMANDS_USAGE = `usage: papergraph <command> [options]

commands:
  serve [--port N] [--host H] [--workers N] [--seed]
                                       start the API (GraphiQL at /graphql, /healthz, /readyz, /metrics); loads the sample
                                       editions into the default database when empty (--seed: into any empty database)
  migrate                              apply pending database migrations and exit
  ingest <files or folders> [--publication slug --date YYYY-MM-DD --page N] [--json]
                                       parse and store pages (<publication>/<YYYY-MM-DD>/page-NN.txt);
                                       a *.ndjson or *.jsonl file is an export, reloaded as stored
  export <publication> [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--output file]
                                       write the publication's pages as NDJSON (stdout by default)
  parse <file> [--date YYYY-MM-DD] [--region 太原市 --province 山西省]
                                       print the structure of one page as JSON
  eval <folder>                        compare parse output with every *.expected.json beside a .txt
  publications add <slug> --name N [--locale zh-CN] [--region 太原市] [--province 山西省] | publications list
                                       register a publication, for ingesting files with --publication
  keys create <name> --scope reader|editor|admin | keys revoke <name or prefix> | keys list
                                       API keys for the editors' mutations (the key is printed once, at creation)`;

export const USAGE = `${COMMANDS_USAGE}

environment (docs/configuration.md):
${environmentUsage()}`;

type Command = (args: string[]) => Promise<number>;

// Each command loads only its own modules: `parse` needs no database, `--help` nothing at all.
const COMMANDS: Record<string, () => Promise<Command>> = {
  serve: async () => (await import("./serve.ts")).serveCommand,
  migrate: async () => (await import("./migrate.ts")).migrateCommand,
  ingest: async () => (await import("./ingest.ts")).ingestCommand,
  export: async () => (await import("./export.ts")).exportCommand,
  keys: async () => (await import("./keys.ts")).keysCommand,
  publications: async () => (await import("./publications.ts")).publicationsCommand,
  parse: async () => (await import("./parse.ts")).parseCommand,
  eval: async () => (await import("./parse.ts")).evalCommand,
};

const HELP = new Set(["--help", "-h", "help"]);

/** Errors of the user's input: one line on stderr, exit code 2. */
const isUsageError = (error: unknown) =>
  error instanceof ConfigError || (error as Error).name === "PageInputError" || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS");

export async function main(argv: string[]): Promise<void> {
  const [name, ...args] = argv;
  if (name === undefined || HELP.has(name)) {
    // Asked for (or no command at all): the usage is the answer, on stdout.
    console.log(USAGE);
    process.exitCode = 0;
    return;
  }
  const load = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!load) {
    console.error(`papergraph: unknown command "${name}"\n\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  try {
    const code = await (await load())(args);
    if (code >= 0) process.exitCode = code;
  } catch (error) {
    if (isUsageError(error)) {
      console.error(`papergraph: ${(error as Error).message}`);
      process.exitCode = 2;
      return;
    }
    throw error;
  }
}
