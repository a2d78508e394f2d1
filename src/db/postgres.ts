import pg from "pg";
import { ConfigError } from "../lib/config-error.ts";

/** `postgres://` or `postgresql://`: everything else is a SQLite `file:` URL. */
export const isPostgresUrl = (url: string) => /^postgres(ql)?:\/\//.test(url);

/** The URL without its password, for messages and logs. */
export function redacted(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = "***";
  return parsed.toString();
}

export function poolSize(env: NodeJS.ProcessEnv = process.env): number {
  const size = Number(env.DATABASE_POOL_SIZE ?? 10);
  if (!Number.isInteger(size) || size < 1) throw new ConfigError(`DATABASE_POOL_SIZE must be a whole number of 1 or more, got ${env.DATABASE_POOL_SIZE}`);
  return size;
}

/**
 * DATABASE_STATEMENT_TIMEOUT: how long, in ms, PostgreSQL may run one statement of the API or
 * of ingest before cancelling it (default 30000; 0: no limit). A public API's safety net: a
 * query that would run for minutes holds a connection and a core, and a crawler can send many.
 */
export function statementTimeout(env: NodeJS.ProcessEnv = process.env): number {
  const ms = Number(env.DATABASE_STATEMENT_TIMEOUT ?? 30_000);
  if (!Number.isInteger(ms) || ms < 0) throw new ConfigError(`DATABASE_STATEMENT_TIMEOUT must be a whole number of milliseconds, 0 for none, got ${env.DATABASE_STATEMENT_TIMEOUT}`);
  return ms;
}

/**
 * Makes sure the database named in the URL exists with a UTF-8 character type, creating it
 * (C.UTF-8) when missing: with a non-UTF-8 LC_CTYPE, PostgreSQL's text search and pg_trgm
 * silently drop Chinese characters, so such a database is refused rather than half-served.
 */
export async function ensurePostgresDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.replace(/^\//, ""));
  if (!name) throw new ConfigError(`DATABASE_URL=${redacted(url)}: name the database, e.g. postgres://host:5432/papergraph`);
  const maintenance = new URL(url);
  maintenance.pathname = "/postgres";
  const client = new pg.Client({ connectionString: maintenance.toString() });
  try {
    await client.connect();
  } catch (error) {
    throw new ConfigError(`DATABASE_URL=${redacted(url)}: cannot reach PostgreSQL (${(error as Error).message})`);
  }
  try {
    const { rows } = await client.query<{ datctype: string }>("SELECT datctype FROM pg_database WHERE datname = $1", [name]);
    if (rows.length === 0) {
      await client
        .query(`CREATE DATABASE ${pg.escapeIdentifier(name)} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'`)
        .catch((error: { code?: string }) => {
          if (error.code !== "42P04") throw error; // another process created it first
        });
      return;
    }
    const ctype = rows[0]!.datctype;
    if (!/utf-?8/i.test(ctype)) {
      throw new ConfigError(
        `DATABASE_URL=${redacted(url)}: database ${name} has LC_CTYPE ${ctype}; Chinese text needs a UTF-8 one (CREATE DATABASE … LC_CTYPE 'C.UTF-8')`,
      );
    }
  } finally {
    await client.end();
  }
}

/**
 * Runs `work` on one connection of the pool in a transaction that `opening` begins (BEGIN and
 * what goes with it, in one round trip): committed if `work` resolves, rolled back if it throws.
 */
export async function inPgTransaction<T>(pool: pg.Pool, opening: string, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query(opening);
    const result = await work(client);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
