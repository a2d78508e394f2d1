import type { SqlRunner, Statement } from "../db/writer.ts";
import { wellFormed } from "../lib/well-formed.ts";

// Well under SQLite's limit of 32,766 bound values per statement for any of our tables.
const ROWS_PER_STATEMENT = 500;

export const quote = (identifier: string) => `"${identifier}"`;

/** `(?, ?, ?)` for a list of n bound values. */
export const placeholders = (count: number) => `(${Array.from({ length: count }, () => "?").join(", ")})`;

/**
 * Inserts rows and returns the `returning` columns of the new rows (in no promised order). With
 * `skipConflictsOn`, rows that would break the unique key on those columns are skipped (and not
 * returned). Table and column names come from code, never from input; values are bound
 * parameters. The statements are insertStatements'.
 */
export async function insertRows<Returned extends Record<string, unknown> = never>(
  sql: SqlRunner,
  table: string,
  rows: Record<string, unknown>[],
  returning: (keyof Returned & string)[] = [],
  skipConflictsOn: string[] = [],
): Promise<Returned[]> {
  const returned: Returned[] = [];
  for (const statement of insertStatements(sql.dialect, table, rows, returning, skipConflictsOn)) {
    if (returning.length) returned.push(...(await sql.all<Returned>(statement.sql, statement.params)));
    else await sql.run(statement.sql, statement.params);
  }
  return returned;
}

/**
 * The statements of insertRows, to run with others (SqlRunner.runTogether); none when there are
 * no rows. SQLite: one multi-row INSERT per 500 rows. PostgreSQL: one INSERT of every row, given
 * as one JSON array of the rows and read by the table's row type, so that its text is the same
 * whatever the number of rows: the server parses and plans it once a connection (SqlRunner keeps
 * it prepared) instead of analysing hundreds of VALUES parameters for each page (3 of the 12 ms
 * of server time a sample page cost).
 */
export function insertStatements(
  dialect: SqlRunner["dialect"],
  table: string,
  rows: Record<string, unknown>[],
  returning: string[] = [],
  skipConflictsOn: string[] = [],
): Statement[] {
  if (rows.length === 0) return [];
  const columns = Object.keys(rows[0]!);
  const into = `INSERT INTO ${quote(table)} (${columns.map(quote).join(", ")}) `;
  const conflict = skipConflictsOn.length ? ` ON CONFLICT (${skipConflictsOn.map(quote).join(", ")}) DO NOTHING` : "";
  const tail = conflict + (returning.length ? ` RETURNING ${returning.map(quote).join(", ")}` : "");
  if (dialect === "postgresql") {
    const select = `SELECT ${columns.map(quote).join(", ")} FROM json_populate_recordset(NULL::${quote(table)}, ?::json)`;
    return [{ sql: into + select + tail, params: [jsonOf(rows.map((row) => rowOf(columns, row)))] }];
  }
  const rowPlaceholders = placeholders(columns.length);
  const statements: Statement[] = [];
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const end = Math.min(rows.length, start + ROWS_PER_STATEMENT);
    // One flat array, filled in place: a page's mentions are hundreds of values. (The SQLite
    // runner makes each string well formed, src/db/writer.ts.)
    const params = new Array<unknown>((end - start) * columns.length);
    let at = 0;
    for (let index = start; index < end; index++) {
      const row = rows[index]!;
      for (const column of columns) params[at++] = row[column];
    }
    statements.push({ sql: `${into}VALUES ${new Array<string>(end - start).fill(rowPlaceholders).join(", ")}${tail}`, params });
  }
  return statements;
}

/** The row's values of `columns` only, undefined as null (JSON would drop the key, and so the column's NULL, all the same). */
function rowOf(columns: string[], row: Record<string, unknown>): Record<string, unknown> {
  const only: Record<string, unknown> = {};
  for (const column of columns) only[column] = row[column] ?? null;
  return only;
}

/**
 * The rows as JSON, each lone surrogate as U+FFFD (JSON.stringify escapes it as \uD800, which
 * PostgreSQL's json refuses): with wellFormed as the replacer only when one may be there (a
 * replacer slows every value down).
 */
function jsonOf(rows: Record<string, unknown>[]): string {
  const json = JSON.stringify(rows);
  // Lone surrogates come out as \uD800–\uDFFF escapes (a pair is written as its characters); a
  // text holding the six characters "\ud…" comes out as "\\ud…", and takes the slow way for nothing.
  return json.includes("\\ud") ? JSON.stringify(rows, (_key, value: unknown) => wellFormed(value)) : json;
}
