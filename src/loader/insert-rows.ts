import type { SqlRunner } from "../db/writer.ts";

// Well under SQLite's limit of 32,766 bound values per statement for any of our tables.
const ROWS_PER_STATEMENT = 500;

export const quote = (identifier: string) => `"${identifier}"`;

/** `(?, ?, ?)` for a list of n bound values. */
export const placeholders = (count: number) => `(${Array.from({ length: count }, () => "?").join(", ")})`;

/**
 * Inserts rows with one multi-row INSERT per 500 rows and returns the `returning` columns
 * of the new rows (in no promised order). With `skipConflictsOn`, rows that would break the
 * unique key on those columns are skipped (and not returned). Table and column names come
 * from code, never from input; values are bound parameters.
 */
export async function insertRows<Returned extends Record<string, unknown> = never>(
  sql: SqlRunner,
  table: string,
  rows: Record<string, unknown>[],
  returning: (keyof Returned & string)[] = [],
  skipConflictsOn: string[] = [],
): Promise<Returned[]> {
  if (rows.length === 0) return [];
  const columns = Object.keys(rows[0]!);
  const head = `INSERT INTO ${quote(table)} (${columns.map(quote).join(", ")}) VALUES `;
  const conflict = skipConflictsOn.length ? ` ON CONFLICT (${skipConflictsOn.map(quote).join(", ")}) DO NOTHING` : "";
  const tail = conflict + (returning.length ? ` RETURNING ${returning.map(quote).join(", ")}` : "");
  const rowPlaceholders = placeholders(columns.length);
  const returned: Returned[] = [];
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const end = Math.min(rows.length, start + ROWS_PER_STATEMENT);
    const statement = head + new Array<string>(end - start).fill(rowPlaceholders).join(", ") + tail;
    // One flat array, filled in place: a page's mentions are hundreds of values.
    const params = new Array<unknown>((end - start) * columns.length);
    let at = 0;
    for (let index = start; index < end; index++) {
      const row = rows[index]!;
      for (const column of columns) params[at++] = row[column];
    }
    if (returning.length) returned.push(...(await sql.all<Returned>(statement, params)));
    else await sql.run(statement, params);
  }
  return returned;
}
