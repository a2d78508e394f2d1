import { databaseKind } from "./database.ts";

/** The verb and first table of a statement: "INSERT Mention", "SELECT Article". */
const kindOf = (sql: string) => `${sql.trim().split(/\s/)[0]} ${sql.match(/(?:FROM|INTO|UPDATE)\s+"(\w+)"/)?.[1]}`;

/**
 * The kind of each statement, or of each part of one written by SqlRunner.runTogether on
 * PostgreSQL (WITH queries), joined by " + ". BEGIN, COMMIT and PostgreSQL's write lock are not
 * recorded as statements.
 */
export const statementKinds = (statements: string[]) =>
  statements.map((sql) =>
    sql.startsWith("WITH ")
      ? [...sql.matchAll(/"w\d+" AS \(([\s\S]*?)(?=, "w\d+" AS \(|\) SELECT 1$)/g)].map((part) => kindOf(part[1]!)).join(" + ")
      : kindOf(sql),
  );

/** Writes run together: one statement of their kinds on PostgreSQL, one after another on SQLite. */
export const together = (...writes: string[]) => (databaseKind() === "postgresql" ? [writes.join(" + ")] : writes);
