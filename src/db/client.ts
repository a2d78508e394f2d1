import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import type pg from "pg";
import type BetterSqlite3 from "better-sqlite3";
import type { SqlDriverAdapter, SqlDriverAdapterFactory, SqlQuery, Transaction } from "@prisma/driver-adapter-utils";
import { Prisma, PrismaClient } from "../generated/prisma/client.ts";
import { PrismaClient as PgPrismaClient } from "../generated/pg/client.ts";
import { inPgTransaction } from "./postgres.ts";
import { addSqliteFunctions, statementCache } from "./sqlite-functions.ts";
import { sqliteReadThread, type SqliteReadThread } from "./sqlite-read-thread.ts";

export type Db = PrismaClient;

/** The SQL a client speaks: raw queries (search) differ between the two. */
export type Dialect = "sqlite" | "postgresql";

// Recorded when a client is created, the one place that knows it.
const dialects = new WeakMap<Db, Dialect>();

/**
 * The dialect of a client made here; of one the caller wrapped (a test's Proxy, not the key
 * recorded), the one its generated client was made for.
 */
export function dialectOf(db: Db): Dialect {
  const provider = (db as unknown as { _activeProvider?: string })._activeProvider;
  const dialect = dialects.get(db) ?? (provider === "sqlite" || provider === "postgresql" ? provider : undefined);
  if (!dialect) throw new Error("This Prisma client was not made by createSqliteClient or createPgClient: its SQL dialect is unknown.");
  return dialect;
}

export type StatementHook = (sql: string) => void | Promise<void>;

export interface ClientOptions {
  /**
   * Called with the SQL of every statement before it reaches the driver, and awaited: tests
   * count statements with it, inject faults, and read in the middle of a write.
   */
  onStatement?: StatementHook;
}

/**
 * A Prisma client on one SQLite connection. WAL lets readers on one connection go on while
 * a writer on another commits; foreign keys and a busy timeout are set per connection.
 */
export function createSqliteClient(file: string, options: ClientOptions = {}): Db {
  const factory = new PrismaBetterSQLite3({ url: `file:${file}`, timeout: 10_000 });
  const setup = "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;";
  // The connection Prisma opened, and the reads prepared on it (preparedRead).
  let connection: BetterSqlite3.Database | undefined;
  const statements = statementCache(MAX_PREPARED, true);
  const rowStatements = statementCache(MAX_PREPARED, false);
  const onConnect = (adapter: SqlDriverAdapter) => {
    connection = (adapter as unknown as { client: BetterSqlite3.Database }).client;
    addSqliteFunctions(connection);
    statements.clear();
    rowStatements.clear();
  };
  const db = new PrismaClient({ adapter: instrument(factory, options, setup, onConnect) });
  dialects.set(db, "sqlite");
  const thread = sqliteReadThread(file, MAX_PREPARED);
  threads.set(db, thread);
  preparedReads.set(db, async ({ sql, values }) => {
    // Prisma's connection is the thread's fallback.
    if (!connection) await db.$connect();
    await options.onStatement?.(sql);
    return thread.read(sql, values, () => statements.of(connection!, sql).all(...values));
  });
  rowReads.set(db, async ({ sql, values }, planner) => {
    if (planner) throw new Error("planner settings are PostgreSQL's: SQLite has none to set for one read");
    if (!connection) await db.$connect();
    await options.onStatement?.(sql);
    return rowStatements.of(connection!, sql).all(...values);
  });
  return db;
}

const threads = new WeakMap<Db, SqliteReadThread>();

/** Stops a SQLite client's read thread (createSqliteClient), before the client disconnects. */
export async function closeReadThread(db: Db): Promise<void> {
  await threads.get(db)?.close();
}

/**
 * A Prisma client on a PostgreSQL pool shared with the caller. The app is typed against
 * the SQLite client; both are generated from one model, so their APIs agree.
 */
export function createPgClient(pool: pg.Pool, options: ClientOptions = {}): Db {
  const factory = new PrismaPg(pool);
  const db = new PgPrismaClient({ adapter: instrument(factory, options) }) as unknown as Db;
  dialects.set(db, "postgresql");
  const names = new Map<string, string>();
  preparedReads.set(db, async ({ text: sql, values }, { prepared }) => {
    await options.onStatement?.(sql);
    let name = prepared ? names.get(sql) : undefined;
    if (prepared && !name && names.size < MAX_PREPARED) names.set(sql, (name = `papergraph_read_${names.size}`));
    const { rows } = await pool.query({ ...(name ? { name } : {}), text: sql, values, rowMode: "array" });
    return rows.map((row: unknown[]) => row[0]);
  });
  // Not prepared: the search's statements are planned for their values, as through $queryRaw.
  rowReads.set(db, async ({ text: sql, values }, planner) => {
    await options.onStatement?.(sql);
    if (!planner) return (await pool.query({ text: sql, values })).rows;
    // BEGIN and the settings in one round trip; SET LOCAL keeps them to the transaction.
    const opening = `BEGIN; ${Object.entries(planner).map(([name, value]) => `SET LOCAL ${setting(name)} = ${setting(value)}`).join("; ")}`;
    return inPgTransaction(pool, opening, async (client) => (await client.query({ text: sql, values })).rows);
  });
  return db;
}

/** A planner setting's name or value, written into SQL: the code's own, checked all the same. */
function setting(word: string): string {
  if (!/^[a-z_0-9]+$/.test(word)) throw new RangeError(`not a planner setting's name or value: ${JSON.stringify(word)}`);
  return word;
}

/** The statements a client keeps prepared, first come: the distinct texts of the API's reads are few, a client's inventions are not. */
const MAX_PREPARED = 256;

/** `prepared: false`: planned anew each time (PostgreSQL; a SQLite plan depends on no value). */
type ReadOptions = { prepared: boolean };
type PreparedRead = (statement: Prisma.Sql, options: ReadOptions) => Promise<unknown[]>;
const preparedReads = new WeakMap<Db, PreparedRead>();

/**
 * The first column of every row a read returns, as a statement prepared once per text: on
 * PostgreSQL on the client's pool, JSON already parsed; on SQLite in the client's read thread
 * (src/db/sqlite-read-thread.ts), JSON left as text. Prisma's
 * raw queries pass through its query compiler and prepare the statement again each time, which
 * costs the hottest reads (src/resolvers/folded-read.ts) more than the database does. The
 * statement hook sees it as it sees every other. A client not made here (a test's wrapper
 * around one) reads through `$queryRaw`, as before.
 */
export async function preparedRead(db: Db, statement: Prisma.Sql, options: ReadOptions = { prepared: true }): Promise<unknown[]> {
  const read = preparedReads.get(db);
  if (read) return read(statement, options);
  const rows = await db.$queryRaw<Record<string, unknown>[]>(statement);
  return rows.map((row) => Object.values(row)[0]);
}

/** PostgreSQL planner settings for one read (`enable_seqscan: "off"`), in a transaction of its own. */
export type PlannerSettings = Record<string, string>;

const rowReads = new WeakMap<Db, (statement: Prisma.Sql, planner?: PlannerSettings) => Promise<unknown[]>>();

/**
 * Every row of a read, as objects keyed by column, on the client's own connection without Prisma's
 * runtime: on SQLite a statement prepared once per text (integers as numbers), on PostgreSQL one
 * planned for its values (64-bit integers and numerics as strings). A search's statement on SQLite
 * cost 0.3-0.45 ms more through `$queryRaw` than prepared (0.5-1.0 ms against 0.3-0.5), the most
 * of a request after the statement itself. A client not made here (a test's wrapper) reads
 * through `$queryRaw` (64-bit integers as bigint): callers take either. With `planner`
 * (PostgreSQL), the statement runs in a transaction of its own with those settings.
 */
export async function preparedRows<Row>(db: Db, statement: Prisma.Sql, planner?: PlannerSettings): Promise<Row[]> {
  const read = rowReads.get(db);
  if (read) return (await read(statement, planner)) as Row[];
  if (!planner) return db.$queryRaw<Row[]>(statement);
  const settings = Object.entries(planner).map(([name, value]) => Prisma.sql`set_config(${name}, ${value}, true)`);
  const [, rows] = await db.$transaction([db.$queryRaw`SELECT ${Prisma.join(settings)}`, db.$queryRaw<Row[]>(statement)]);
  return rows;
}

function instrument(factory: SqlDriverAdapterFactory, { onStatement }: ClientOptions, setup?: string, onConnect?: (adapter: SqlDriverAdapter) => void): SqlDriverAdapterFactory {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    if (setup) await adapter.executeScript(setup);
    onConnect?.(adapter);
    return onStatement ? counted(adapter, onStatement) : adapter;
  };
  return factory;
}

function counted(adapter: SqlDriverAdapter, onStatement: StatementHook): SqlDriverAdapter {
  countQueries(adapter, onStatement);
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (isolationLevel) => {
    const transaction: Transaction = await startTransaction(isolationLevel);
    countQueries(transaction, onStatement);
    return transaction;
  };
  return adapter;
}

function countQueries(queryable: Pick<SqlDriverAdapter, "queryRaw" | "executeRaw">, onStatement: StatementHook): void {
  const queryRaw = queryable.queryRaw.bind(queryable);
  const executeRaw = queryable.executeRaw.bind(queryable);
  queryable.queryRaw = async (query: SqlQuery) => {
    await onStatement(query.sql);
    return queryRaw(query);
  };
  queryable.executeRaw = async (query: SqlQuery) => {
    await onStatement(query.sql);
    return executeRaw(query);
  };
}
