/**
 * Every environment variable papergraph reads, with its default: the one table. `papergraph
 * --help` prints it, and docs/configuration.md holds it as Markdown (a test compares the two:
 * `npx tsx scripts/print-environment.ts` writes it there).
 */
export interface EnvironmentVariable {
  name: string;
  /** As a person would write it; empty when unset means "off". */
  default: string;
  /** One line for `--help`. */
  brief: string;
  /** The full meaning, for the documentation (Markdown). */
  meaning: string;
}

export const ENVIRONMENT: readonly EnvironmentVariable[] = [
  {
    name: "DATABASE_URL",
    default: "file:./data/papergraph.db",
    brief: "file:… for SQLite, postgres://… for PostgreSQL",
    meaning:
      "`file:…` for SQLite (the default folder is created on first start; a folder named here must exist), `postgres://user@host:5432/name` for PostgreSQL (the database is created, with `C.UTF-8`, when missing).",
  },
  { name: "DATABASE_POOL_SIZE", default: "10", brief: "PostgreSQL connections per process", meaning: "PostgreSQL connections per server process." },
  {
    name: "DATABASE_STATEMENT_TIMEOUT",
    default: "30000",
    brief: "PostgreSQL: ms a statement may run before it is cancelled (0: none)",
    meaning: "PostgreSQL: ms one statement of the API or of ingest may run before it is cancelled (`QUERY_TIMEOUT`); migrations have none; `0`: no limit.",
  },
  { name: "PORT", default: "4000", brief: "HTTP port for serve (--port overrides)", meaning: "HTTP port of `papergraph serve` (`--port` overrides)." },
  { name: "WORKERS", default: "1", brief: "server processes on that port (--workers overrides)", meaning: "Server processes on that port (`--workers` overrides)." },
  {
    name: "RESPONSE_CACHE_TTL",
    default: "60000",
    brief: "ms an answer stays cached (0 turns the cache off)",
    meaning: "Milliseconds a whole answer stays cached; `0` turns the cache off.",
  },
  {
    name: "REDIS_URL",
    default: "",
    brief: "share the response cache and the rate limit between processes through Redis",
    meaning: "Share the response cache and the rate limit's counts between processes and machines through Redis (in memory, per process, otherwise).",
  },
  {
    name: "REDIS_PREFIX",
    default: "papergraph",
    brief: "first part of every Redis key; the database's identity follows it",
    meaning: "The first part of every key papergraph writes to Redis; a hash of the database's identity (host, port and name, without credentials) follows it, so deployments (or test runs) sharing one Redis keep their cached answers and counts apart.",
  },
  {
    name: "LOG_FORMAT",
    default: "text on a terminal, else json",
    brief: "json or text",
    meaning: "`json`: one JSON object a line on stderr (`time`, `level`, `pid`, `msg`, fields).",
  },
  {
    name: "LOG_LEVEL",
    default: "info",
    brief: "debug, info, warn or error: the least a line must be to be written",
    meaning: "The least level a line must have to be written: `debug` (several lines for every request), `info`, `warn` or `error`.",
  },
  { name: "NODE_ENV", default: "", brief: "production silences the schema builder's development warnings", meaning: "`production` silences the development warnings of the schema builder." },
  {
    name: "PERSISTED_DOCUMENTS",
    default: "",
    brief: "codegen's persisted-documents.json: serve also accepts these documents by hash",
    meaning: "A codegen `persisted-documents.json`: `/graphql` also accepts those documents by hash.",
  },
  {
    name: "PERSISTED_ONLY",
    default: "",
    brief: "true: serve refuses every operation not sent by hash (needs PERSISTED_DOCUMENTS)",
    meaning: "`true`: `/graphql` refuses every operation not sent by hash (needs `PERSISTED_DOCUMENTS`).",
  },
  { name: "QUERY_MAX_DEPTH", default: "12", brief: "deepest nesting of a query (0: this and each limit below off)", meaning: "Deepest nesting of a query (`QUERY_TOO_DEEP`). `0` turns this and each limit below off." },
  { name: "QUERY_MAX_ALIASES", default: "30", brief: "aliased fields in one operation", meaning: "Aliased fields in one operation (`TOO_MANY_ALIASES`)." },
  { name: "QUERY_MAX_TOKENS", default: "3000", brief: "tokens in one document", meaning: "Tokens in one document, checked while parsing (`TOO_MANY_TOKENS`)." },
  { name: "QUERY_MAX_DIRECTIVES", default: "50", brief: "directives in one operation", meaning: "Directives in one operation (`TOO_MANY_DIRECTIVES`)." },
  { name: "QUERY_MAX_COST", default: "50000", brief: "cost of one operation", meaning: "Cost of one operation (`QUERY_TOO_COSTLY`); see \"Limits\" in [production](production.md)." },
  { name: "QUERY_MAX_LIST_ITEMS", default: "100", brief: "items in any list argument (nodes(ids:), _entities)", meaning: "Items in any list argument, at any depth: `nodes(ids:)`, `_entities(representations:)` (`LIST_TOO_LONG`)." },
  { name: "INTROSPECTION", default: "true", brief: "false: refuse __schema and __type", meaning: "`false` refuses `__schema` and `__type` (`INTROSPECTION_DISABLED`), for a production API whose clients use the committed schema." },
  { name: "MAX_BODY_BYTES", default: "262144", brief: "bytes of a request body", meaning: "Bytes of a request body (413, `REQUEST_ENTITY_TOO_LARGE`)." },
  {
    name: "RATE_LIMIT",
    default: "1200",
    brief: "requests per client address and window (0: none)",
    meaning: "Requests to `/graphql` and `/subgraph` per client address and window (429, `RATE_LIMITED`), counted in Redis with `REDIS_URL`, per process otherwise; `0`: no limit.",
  },
  { name: "RATE_LIMIT_WINDOW", default: "60", brief: "the rate limit's window, in seconds", meaning: "The rate limit's window, in seconds." },
  {
    name: "TRUST_PROXY",
    default: "",
    brief: "true: the client address is the first X-Forwarded-For entry",
    meaning: "`true`: the client address is the first `X-Forwarded-For` entry (only behind a proxy you run).",
  },
  {
    name: "CORS_ORIGINS",
    default: "*",
    brief: "origins browsers may call the API from, comma-separated",
    meaning: "Origins browsers may call the API from, comma-separated; any origin by default, never with credentials.",
  },
  {
    name: "METRICS_TOKEN",
    default: "",
    brief: "a token: /metrics answers only Authorization: Bearer <token>",
    meaning: "When set, `/metrics` answers only requests with `Authorization: Bearer <token>` (401 otherwise); unset, anyone who reaches the port reads the metrics. Set it, or keep `/metrics` from the internet at the proxy.",
  },
  {
    name: "READS_REQUIRE_KEY",
    default: "",
    brief: "true: queries need an API key (scope reader or above), not only mutations",
    meaning: "`true`: queries need an API key of scope `reader` or above (mutations always need `editor`).",
  },
];

/** The default of a variable of the table (for code that reads it). */
export function defaultOf(name: string): string {
  const variable = ENVIRONMENT.find((entry) => entry.name === name);
  if (!variable) throw new Error(`${name} is not in the environment table`);
  return variable.default;
}

/** The table as `--help` prints it. */
export function environmentUsage(): string {
  const width = Math.max(...ENVIRONMENT.map((variable) => variable.name.length)) + 2;
  return ENVIRONMENT.map((variable) => {
    const fallback = variable.default ? ` (default ${variable.default})` : "";
    return `  ${variable.name.padEnd(width)}${variable.brief}${fallback}`;
  }).join("\n");
}

/** The table as docs/configuration.md holds it. */
export function environmentMarkdown(): string {
  const cell = (text: string) => text.replace(/\|/g, "\\|");
  const rows = ENVIRONMENT.map((variable) => `| \`${variable.name}\` | ${variable.default ? cell(variable.default.includes(" ") ? variable.default : `\`${variable.default}\``) : ""} | ${cell(variable.meaning)} |`);
  return ["| variable | default | meaning |", "|---|---|---|", ...rows].join("\n");
}
