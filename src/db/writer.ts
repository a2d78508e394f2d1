import Database from "better-sqlite3";
import type pg from "pg";
import type { StatementHook } from "./client.ts";
import { startWalCheckpointer } from "./wal-checkpointer.ts";
import { inPgTransaction } from "./postgres.ts";
import { wellFormed } from "../lib/well-formed.ts";

/** One statement with its bound parameters (`?`). */
export interface Statement {
  sql: string;
  params: unknown[];
}

/** Runs SQL with bound parameters (`?`) inside a write transaction. */
export interface SqlRunner {
  /** For the few statements that differ between the two (full-text search). */
  dialect: "sqlite" | "postgresql";
  all<Row>(sql: string, params?: unknown[]): Promise<Row[]>;
  get<Row>(sql: string, params?: unknown[]): Promise<Row | undefined>;
  /** Returns the number of rows changed. */
  run(sql: string, params?: unknown[]): Promise<number>;
  /**
   * Runs INSERTs, UPDATEs and DELETEs of which none reads or changes rows another of them writes,
   * in any order: on PostgreSQL as one statement (each a WITH query of it), a round trip instead
   * of one each; on SQLite, where a statement costs no round trip, one after another.
   */
  runTogether(statements: Statement[]): Promise<void>;
}

/**
 * The connection that ingest writes through. Pages are written with plain SQL rather than
 * the Prisma client: a page is some fifteen statements with kilobytes of text, and the
 * client's query compiler made that three times slower than the statements themselves.
 */
export interface Writer {
  /** Reads outside any transaction (e.g. whether a page is already stored). */
  read: SqlRunner;
  /** Runs `work` in one transaction: committed if it resolves, rolled back if it throws. */
  transaction<T>(work: (sql: SqlRunner) => Promise<T>): Promise<T>;
  /**
   * For a long run of writes (SQLite only): checkpoints move to a thread of their own until the
   * returned function is called (src/db/wal-checkpointer.ts).
   */
  checkpointApart?(): () => Promise<void>;
  /**
   * For a long run of page writes: a writer whose transactions are made durable later, and
   * `flush`, which makes every one of them durable. Each transaction stays whole: until the flush
   * a crash can lose the run's last pages, each whole (a re-run writes them again), never part of
   * one. On PostgreSQL they commit without waiting for the WAL flush; on SQLite several share one
   * commit, each in a savepoint of its own. Other writes are not deferred.
   */
  deferredCommits?(): { writer: Writer; flush(): Promise<void> };
  close(): void;
}

/**
 * A writer on its own SQLite connection. Transactions are serialised in this process and
 * begin IMMEDIATE, so that a second process waits for the write lock (busy timeout) instead
 * of failing half-way; readers on other connections see a page only once it is committed.
 */
export function createSqliteWriter(file: string, onStatement?: StatementHook): Writer {
  const db = new Database(file, { timeout: 10_000 });
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.pragma("foreign_keys = ON");
  // A page writes its full-text segments too: fewer, larger checkpoints and a bigger page
  // cache keep FTS5 merges from rereading and re-syncing the same pages (measured: 86 → 110+ pages/s).
  db.pragma("cache_size = -65536");
  // Each page is written in a savepoint, and a multi-row INSERT opens a statement journal: both
  // copy every page they change into a sub-journal, which past 64 KiB SQLite spills to a temporary
  // file unless temporary storage is in memory: some 400 writes a sample page (pwrite calls for
  // 300 pages: 161,000 with files, 42,500 in memory; writing 1,000 sample pages alone took 5.1-6.3
  // CPU ms a page instead of 6.7-7.0).
  db.pragma("temp_store = MEMORY");
  db.pragma(`wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}`);
  const runner = sqliteRunner(db, onStatement);
  let queue: Promise<unknown> = Promise.resolve();
  const serialised = <T>(run: () => Promise<T>): Promise<T> => {
    const result = queue.then(run, run);
    queue = result.catch(() => undefined);
    return result;
  };
  const groups = commitGroups(db, serialised);
  return {
    read: runner,
    transaction<T>(work: (sql: SqlRunner) => Promise<T>): Promise<T> {
      return serialised(async () => {
        // Any other write ends a group of deferred page writes first: it commits on its own.
        groups.commit();
        db.exec("BEGIN IMMEDIATE");
        try {
          const result = await work(runner);
          db.exec("COMMIT");
          return result;
        } catch (error) {
          if (db.inTransaction) db.exec("ROLLBACK");
          throw error;
        }
      });
    },
    deferredCommits: () => ({
      writer: { read: runner, transaction: (work) => serialised(() => groups.inGroup(() => work(runner))), close: () => undefined },
      flush: () => serialised(async () => groups.commit()),
    }),
    checkpointApart() {
      db.pragma("wal_autocheckpoint = 0");
      const checkpointer = startWalCheckpointer(file);
      return async () => {
        await checkpointer.stop();
        db.pragma(`wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}`);
      };
    },
    close: () => {
      groups.commit();
      db.close();
    },
  };
}

const AUTOCHECKPOINT_PAGES = 10_000;

/**
 * A group of page writes (a page, or a run of new pages written together) ends once it holds
 * GROUP_PAGES of them or is GROUP_MS old, whichever is first: a commit of 16 sample pages costs about what one of them did (the WAL holds each b-tree
 * page once; FTS5 still writes a segment per page, when the page's savepoint is released), and a
 * reader waits at most a fraction of a second for a page.
 */
const GROUP_PAGES = 16;
const GROUP_MS = 250;

/**
 * Page writes that share one SQLite transaction (BEGIN IMMEDIATE: the write lock is held from
 * the first of them), each in a savepoint of its own, so that a page that fails is rolled back
 * alone and its group goes on.
 */
function commitGroups(db: Database.Database, serialised: <T>(run: () => Promise<T>) => Promise<T>) {
  let open: { pages: number; timer: NodeJS.Timeout } | null = null;
  const commit = () => {
    if (!open) return;
    clearTimeout(open.timer);
    open = null;
    db.exec("COMMIT");
  };
  return {
    commit,
    async inGroup<T>(work: () => Promise<T>): Promise<T> {
      if (!open) {
        db.exec("BEGIN IMMEDIATE");
        const group = { pages: 0, timer: setTimeout(() => void serialised(async () => open === group && commit()), GROUP_MS) };
        open = group;
      }
      db.exec("SAVEPOINT page");
      try {
        const result = await work();
        db.exec("RELEASE page");
        if (++open.pages >= GROUP_PAGES) commit();
        return result;
      } catch (error) {
        if (db.inTransaction) {
          db.exec("ROLLBACK TO page");
          db.exec("RELEASE page");
          throw error;
        }
        // SQLite rolled back the whole transaction (a full disk, say): the group's earlier pages went with it.
        const pages = open.pages;
        clearTimeout(open.timer);
        open = null;
        throw new GroupRolledBackError(`${(error as Error).message}; SQLite rolled back the transaction, and with it ${pages} page(s) written before in it`, { cause: error });
      }
    },
  };
}

/** A write failed and SQLite rolled back the whole group of page writes it was part of (commitGroups). */
export class GroupRolledBackError extends Error {
  override name = "GroupRolledBackError";
}

/**
 * Plain SQL on a SQLite connection, each statement prepared once: the writer's, or the
 * read-only one of `Database.plain`.
 */
export function sqliteRunner(db: Database.Database, onStatement?: StatementHook): SqlRunner {
  const statements = new Map<string, Database.Statement>();
  const prepare = (sql: string) => {
    let statement = statements.get(sql);
    if (!statement) statements.set(sql, (statement = db.prepare(sql)));
    return statement;
  };
  return {
    dialect: "sqlite",
    async all<Row>(sql: string, params: unknown[] = []) {
      await onStatement?.(sql);
      return prepare(sql).all(...storable(params)) as Row[];
    },
    async get<Row>(sql: string, params: unknown[] = []) {
      await onStatement?.(sql);
      return prepare(sql).get(...storable(params)) as Row | undefined;
    },
    async run(sql: string, params: unknown[] = []) {
      await onStatement?.(sql);
      return prepare(sql).run(...storable(params)).changes;
    },
    async runTogether(statements: Statement[]) {
      for (const { sql, params } of statements) {
        await onStatement?.(sql);
        prepare(sql).run(...storable(params));
      }
    },
  };
}

/**
 * The values, each string well formed (src/lib/well-formed.ts): better-sqlite3 stored a lone
 * surrogate as three bytes of invalid UTF-8, read back as three U+FFFD. The same array when every
 * value is (the common case costs a scan, no copy).
 */
function storable(params: unknown[]): unknown[] {
  let copy: unknown[] | null = null;
  for (let index = 0; index < params.length; index++) {
    const value = wellFormed(params[index]);
    if (value !== params[index]) (copy ??= [...params])[index] = value;
  }
  return copy ?? params;
}

/** `?` placeholders as PostgreSQL's `$1, $2, …` (the statements here hold no `?` in literals). */
const numbered = (sql: string) => {
  let index = 0;
  return sql.replace(/\?/g, () => `$${++index}`);
};

/**
 * Write transactions of every process take this lock first (transaction-scoped), so that on
 * PostgreSQL, as on SQLite, they run one at a time. Ingests of different pages share rows —
 * their people's mention counts, the co-mention pairs their triggers keep, new issues — and
 * side by side they deadlocked (14 of 24 concurrent ingests, when tried), and a merge racing
 * an ingest could fail its foreign key. One at a time, an editor's change also reads, as
 * `before`, what it replaces, and a correction committed during an ingest of its page is kept.
 * Writes are ingests of a page and editors' changes, each a short transaction; reads do not
 * wait for them.
 */
const WRITE_LOCK = 7_202_207;

/**
 * A writer on a PostgreSQL pool: each transaction takes a client of its own, and readers (other
 * clients) see a page only once committed; transactions run one at a time (WRITE_LOCK).
 */
export function createPgWriter(pool: pg.Pool, onStatement?: StatementHook): Writer {
  const compression = toastCompression(pool);
  return {
    ...pgWriter(pool, onStatement, async () => `${BEGIN}${await compression()}`),
    deferredCommits: () => ({
      writer: pgWriter(pool, onStatement, async () => `${BEGIN}${await compression()}; SET LOCAL synchronous_commit = off`),
      async flush() {
        // A commit that has a transaction ID (pg_current_xact_id assigns one) waits for the WAL
        // up to its commit record, which holds every commit before it.
        const client = await pool.connect();
        try {
          await client.query("BEGIN; SELECT pg_current_xact_id(); COMMIT");
        } finally {
          client.release();
        }
      },
    }),
  };
}

// One round trip: the lock is a constant of the code, not a parameter.
const BEGIN = `BEGIN; SELECT pg_advisory_xact_lock(${WRITE_LOCK})`;

/**
 * What a write transaction sets of TOAST compression: lz4 where the server was built with it. A
 * page's text, its articles' bodies and search rows are kilobytes each; compressing them with lz4
 * instead of pglz cost the server about 1 ms less a sample page written (some 8%), and lz4 is
 * read back faster too. Asked once the server answers; without lz4, pglz as before.
 */
function toastCompression(pool: pg.Pool): () => Promise<string> {
  let known: string | null = null;
  return async () => {
    known ??= (
      await pool.query<{ lz4: boolean }>(`SELECT 'lz4' = ANY (enumvals) AS "lz4" FROM pg_settings WHERE name = 'default_toast_compression'`)
    ).rows[0]?.lz4
      ? "; SET LOCAL default_toast_compression = lz4"
      : "";
    return known;
  };
}

function pgWriter(pool: pg.Pool, onStatement: StatementHook | undefined, begin: () => Promise<string>): Writer {
  const runnerOn = (client: pg.Pool | pg.PoolClient) => pgRunner(client, onStatement);
  return {
    read: runnerOn(pool),
    async transaction<T>(work: (sql: SqlRunner) => Promise<T>): Promise<T> {
      return inPgTransaction(pool, await begin(), (client) => work(runnerOn(client)));
    },
    close: () => undefined,
  };
}

/** Plain SQL on a PostgreSQL pool (each statement on any free client) or on one client or connection. */
export function pgRunner(client: pg.Pool | pg.PoolClient | pg.Client, onStatement?: StatementHook): SqlRunner {
  const query = (sql: string, params: unknown[]) => {
    const text = numbered(sql);
    const name = preparedName(text);
    return name === undefined ? client.query(text, params) : client.query({ name, text, values: params });
  };
  return {
    dialect: "postgresql",
    async all<Row>(sql: string, params: unknown[] = []) {
      await onStatement?.(sql);
      return (await query(sql, params)).rows as Row[];
    },
    async get<Row>(sql: string, params: unknown[] = []) {
      await onStatement?.(sql);
      return (await query(sql, params)).rows[0] as Row | undefined;
    },
    async run(sql: string, params: unknown[] = []) {
      await onStatement?.(sql);
      return (await query(sql, params)).rowCount ?? 0;
    },
    async runTogether(statements: Statement[]) {
      for (const { sql, params } of withQueries(statements)) {
        await onStatement?.(sql);
        await query(sql, params);
      }
    },
  };
}

/** Texts seen once, and the names of those prepared (see preparedName). */
const seenOnce = new Set<string>();
const preparedNames = new Map<string, string>();

/**
 * The name to prepare a statement under (each connection parses and plans it once, and runs it
 * after), for a text seen before; undefined for a first sighting, past MAX_PREPARED texts, and for
 * a text with a list of values (IN (?, …)): it is made for its number of values and may never come
 * again, and after five runs PostgreSQL may keep a generic plan, made for no values in particular,
 * which for a read of a growing table is a trap (a page's people by name took 3 ms instead of 0.3
 * once prepared). A page's INSERTs have one text whatever their rows (insert-rows.ts): prepared,
 * a sample page cost the server 9 ms instead of 12.
 */
function preparedName(text: string): string | undefined {
  const name = preparedNames.get(text);
  if (name !== undefined || preparedNames.size >= MAX_PREPARED || VALUE_LIST.test(text)) return name;
  if (!seenOnce.delete(text)) {
    // Texts that never came again are forgotten now and then, so that the ones that do still count.
    if (seenOnce.size >= MAX_PREPARED) seenOnce.clear();
    seenOnce.add(text);
    return undefined;
  }
  const named = `papergraph_write_${preparedNames.size}`;
  preparedNames.set(text, named);
  return named;
}

const VALUE_LIST = /\bIN \(\$\d/;
const MAX_PREPARED = 256;

/**
 * Statements as few statements: each of them a WITH query of one, so long as that one binds at
 * most MAX_BOUND_VALUES. PostgreSQL runs every data-modifying WITH query once, referenced or not,
 * all on one snapshot (hence runTogether's rule); foreign keys are checked when the whole
 * statement has run, so a row may reference one another WITH query inserts.
 */
export function withQueries(statements: Statement[]): Statement[] {
  const combined: Statement[] = [];
  let group: Statement[] = [];
  let bound = 0;
  const close = () => {
    if (group.length === 1) combined.push(group[0]!);
    else if (group.length > 1) {
      combined.push({
        sql: `WITH ${group.map((statement, index) => `"w${index}" AS (${statement.sql})`).join(", ")} SELECT 1`,
        params: group.flatMap((statement) => statement.params),
      });
    }
    group = [];
    bound = 0;
  };
  for (const statement of statements) {
    if (group.length > 0 && bound + statement.params.length > MAX_BOUND_VALUES) close();
    group.push(statement);
    bound += statement.params.length;
  }
  close();
  return combined;
}

/** Half of the protocol's 65,535 bound values a statement. */
const MAX_BOUND_VALUES = 32_767;
