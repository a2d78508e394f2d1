import type BetterSqlite3 from "better-sqlite3";

/**
 * The functions papergraph's statements call that SQLite lacks, for each connection that reads
 * them (Prisma's, and the read thread's: src/db/sqlite-read-thread.ts).
 */
export function addSqliteFunctions(connection: BetterSqlite3.Database): void {
  // Node IDs built in a statement (src/resolvers/operation-statement.ts): SQLite has no base64 of its own.
  connection.function("base64", { deterministic: true }, base64OfUtf8);
}

/**
 * Base64 of a text's UTF-8, as PostgreSQL's encode(convert_to(…, 'UTF8'), 'base64') gives it. The
 * texts are IDs and cursors (`Article:123`), printable ASCII, whose UTF-8 is their Latin-1: btoa reads
 * those without a Buffer, some 0.25 µs of the call's 0.5 (a page of 100 IDs: 25 µs a statement).
 */
function base64OfUtf8(value: unknown): string {
  const text = String(value);
  return PRINTABLE_ASCII.test(text) ? btoa(text) : Buffer.from(text).toString("base64");
}

const PRINTABLE_ASCII = /^[ -~]*$/;

/**
 * A connection's statements prepared once per text, the first `max` texts kept (the distinct texts
 * of the API's reads are few, a client's inventions are not), plucking their first column or not.
 */
export function statementCache(max: number, pluck: boolean) {
  const statements = new Map<string, BetterSqlite3.Statement>();
  return {
    of(connection: BetterSqlite3.Database, sql: string): BetterSqlite3.Statement {
      let statement = statements.get(sql);
      if (!statement) {
        statement = connection.prepare(sql).pluck(pluck);
        if (statements.size < max) statements.set(sql, statement);
      }
      return statement;
    },
    /** For a new connection: the statements were prepared on the one before. */
    clear: () => statements.clear(),
  };
}
