import type { Dialect } from "../db/client.ts";
import { Prisma } from "../generated/prisma/client.ts";
import { getDatamodel } from "../generated/pothos-types.ts";

/**
 * The Prisma data model read as pieces of SQL, for the statements that build JSON in the
 * database (folded-read.ts, operation-statement.ts): tables and columns, how a relation joins
 * its parent, orderings and pages. Whatever cannot be given exactly throws `Unsupported`, and
 * the caller reads another way.
 */

export type { Dialect };

export interface ModelField {
  name: string;
  kind: "scalar" | "object" | "enum";
  type: string;
  isList: boolean;
  isRequired: boolean;
  isId?: boolean;
  relationName?: string;
  relationFromFields?: string[];
}

interface Model {
  fields: ModelField[];
  primaryKey: unknown;
}

export const models = getDatamodel().datamodel.models as unknown as Record<string, Model>;

/** Column types whose values JSON carries unchanged on both databases. */
const EXACT_TYPES = new Set(["Int", "String"]);

export type Direction = "asc" | "desc";

export class Unsupported extends Error {}

export const identifier = (name: string) => {
  if (!/^\w+$/.test(name)) throw new Unsupported(name);
  return Prisma.raw(`"${name}"`);
};

/** A column of a row under its alias: `t3."headline"`. */
export const column = (alias: string, name: string) => Prisma.sql`${Prisma.raw(alias)}.${identifier(name)}`;

function page(take: number | undefined, skip: number | undefined): Prisma.Sql {
  if (take !== undefined && (!Number.isInteger(take) || take < 0)) throw new Unsupported("take");
  if (skip !== undefined && (!Number.isInteger(skip) || skip < 0)) throw new Unsupported("skip");
  const limit = take === undefined ? Prisma.empty : Prisma.sql` LIMIT ${take}`;
  if (!skip) return limit;
  // SQLite takes no OFFSET without a LIMIT; -1 is "no limit" there.
  return take === undefined ? Prisma.sql` LIMIT -1 OFFSET ${skip}` : Prisma.sql`${limit} OFFSET ${skip}`;
}

const orderTerm = (alias: string, field: string, direction: Direction) =>
  Prisma.sql`${column(alias, field)} ${Prisma.raw(direction === "desc" ? "DESC" : "ASC")}`;

/** Rows of a table under an alias: the conditions they meet, their order and a page of them. */
export interface TableRows {
  table: string;
  alias: string;
  where: Prisma.Sql[];
  order: [string, Direction][];
  take?: number | undefined;
  skip?: number | undefined;
  /** Rows of other tables joined to each row (`CROSS JOIN … ON …`), one each: see operation-statement.ts' `joinedRow`. */
  joins?: Prisma.Sql[] | undefined;
}

/** `FROM <table> <alias> WHERE … ORDER BY … LIMIT … OFFSET …` of `rows`, for a SELECT of their columns. */
export function fromRows(rows: TableRows): Prisma.Sql {
  const order = rows.order.map(([name, direction]) => orderTerm(rows.alias, name, direction));
  const joins = rows.joins?.length ? Prisma.sql` ${Prisma.join(rows.joins, " ")}` : Prisma.empty;
  return Prisma.sql`FROM ${identifier(rows.table)} ${Prisma.raw(rows.alias)}${joins} WHERE ${Prisma.join(rows.where, " AND ")}${order.length ? Prisma.sql` ORDER BY ${Prisma.join(order)}` : Prisma.empty}${page(rows.take, rows.skip)}`;
}

export function fieldOf(model: string, name: string): ModelField {
  const field = models[model]?.fields.find((candidate) => candidate.name === name);
  if (!field) throw new Unsupported(`${model}.${name}`);
  return field;
}

/** A column whose value JSON carries exactly: Int, String or an enum. */
export function scalarField(model: string, name: string): ModelField {
  const field = fieldOf(model, name);
  if (field.kind === "object" || field.isList || (field.kind === "scalar" && !EXACT_TYPES.has(field.type))) throw new Unsupported(`${model}.${name}`);
  return field;
}

/** How the rows of a relation join its parent: `child.childColumn = parent.parentColumn`. */
export function joinOf(model: string, field: ModelField): { childColumn: string; parentColumn: string } {
  const idOf = (of: string) => {
    const id = models[of]!.fields.find((candidate) => candidate.isId);
    if (!id || models[of]!.primaryKey) throw new Unsupported(`${of} key`);
    return id.name;
  };
  if (field.relationFromFields?.length === 1) return { childColumn: idOf(field.type), parentColumn: field.relationFromFields[0]! };
  const back = models[field.type]!.fields.find(
    (candidate) => candidate.relationName === field.relationName && candidate.type === model && candidate.relationFromFields?.length === 1,
  );
  if (!back) throw new Unsupported(`${model}.${field.name}`);
  return { childColumn: back.relationFromFields![0]!, parentColumn: idOf(model) };
}

/** The conditions on a related row under `child`: joined to its parent under `parent`, and the relation's equalities. */
export function relatedConditions(model: string, field: ModelField, where: unknown, child: string, parent: string): Prisma.Sql[] {
  const { childColumn, parentColumn } = joinOf(model, field);
  return [Prisma.sql`${column(child, childColumn)} = ${column(parent, parentColumn)}`, ...equalities(field.type, where, child)];
}

/**
 * The rows at or after the cursor row in the order given (Prisma's reading of a cursor, whose
 * `skip: 1` then drops the cursor row): a lexicographic comparison with the cursor row's values,
 * led by a plain range on the first column so that an index on the order starts its walk there.
 * The values are uncorrelated subqueries, which both databases evaluate once, before the walk
 * (PostgreSQL's InitPlans), and can take as an index bound.
 */
export function cursorCondition(model: string, orderBy: [string, Direction][], cursor: Record<string, unknown>, alias: string): Prisma.Sql {
  const keys = Object.keys(cursor);
  const id = cursor.id;
  if (keys.length !== 1 || typeof id !== "number" || orderBy.at(-1)?.[0] !== "id") throw new Unsupported("cursor");
  for (const [field] of orderBy) scalarField(model, field);
  const markOf = (field: string) => Prisma.sql`(SELECT ${identifier(field)} FROM ${identifier(model)} WHERE "id" = ${id})`;
  const after = (index: number): Prisma.Sql => {
    const [field, direction] = orderBy[index]!;
    const here = column(alias, field);
    const mark = markOf(field);
    if (index === orderBy.length - 1) return direction === "asc" ? Prisma.sql`${here} >= ${mark}` : Prisma.sql`${here} <= ${mark}`;
    const beyond = direction === "asc" ? Prisma.sql`${here} > ${mark}` : Prisma.sql`${here} < ${mark}`;
    return Prisma.sql`(${beyond} OR (${here} = ${mark} AND ${after(index + 1)}))`;
  };
  const [first, direction] = orderBy[0]!;
  const start = direction === "asc" ? Prisma.sql`${column(alias, first)} >= ${markOf(first)}` : Prisma.sql`${column(alias, first)} <= ${markOf(first)}`;
  return Prisma.sql`${start} AND ${after(0)}`;
}

/** A relation's `orderBy`: one object or a list of them, each one scalar field and a direction. */
export function orderingOf(model: string, orderBy: unknown): [string, Direction][] {
  if (orderBy === undefined) return [];
  const list = Array.isArray(orderBy) ? orderBy : [orderBy];
  return list.flatMap((entry) => {
    if (!entry || typeof entry !== "object") throw new Unsupported("orderBy");
    return Object.entries(entry as Record<string, unknown>).map(([name, direction]): [string, Direction] => {
      if (direction !== "asc" && direction !== "desc") throw new Unsupported("orderBy");
      scalarField(model, name);
      return [name, direction];
    });
  });
}

/** A relation's `where`, when it is equalities on scalar fields (`{ number: 3 }`). */
export function equalities(model: string, where: unknown, alias: string): Prisma.Sql[] {
  if (where === undefined) return [];
  if (!where || typeof where !== "object") throw new Unsupported("where");
  return Object.entries(where as Record<string, unknown>).map(([name, value]) => {
    scalarField(model, name);
    if (typeof value !== "string" && typeof value !== "number") throw new Unsupported("where");
    return Prisma.sql`${column(alias, name)} = ${value}`;
  });
}

/** The JSON object of `pairs` (key, SQL expression). PostgreSQL's json_build_object takes at most 100 arguments. */
export function jsonObject(dialect: Dialect, pairs: [string, Prisma.Sql][]): Prisma.Sql {
  if (pairs.length === 0 || pairs.length > 50) throw new Unsupported("selection size");
  const joined = Prisma.join(pairs.map(([name, expression]) => Prisma.sql`${literal(name)}, ${expression}`));
  return dialect === "postgresql" ? Prisma.sql`json_build_object(${joined})` : Prisma.sql`json_object(${joined})`;
}

/** A name (or `Name:`) as an SQL string literal: names are GraphQL or Prisma names, checked all the same. */
export function literal(name: string): Prisma.Sql {
  if (!/^\w+:?$/.test(name)) throw new Unsupported(name);
  return Prisma.raw(`'${name}'`);
}

/**
 * The JSON array of `object` for each row of `table` (under `alias`) that meets `where`, in
 * `order`, paged. SQLite keeps a FROM subquery's ORDER BY when the query around it is an
 * aggregate such as json_group_array, and never flattens such a subquery into it, so the
 * aggregate takes the rows in that order (select.c: the ORDER BY is kept when "the outer query
 * uses an aggregate function other than count(), min() or max()", for group_concat); sorting
 * again inside the aggregate cost a temporary B-tree at every level: 10-20% of a front page's
 * statement. PostgreSQL promises no order to an aggregate over a sorted subquery: json_agg sorts
 * its input by the order's columns, selected beside the object.
 */
export function jsonRows(dialect: Dialect, object: Prisma.Sql, rows: TableRows): Prisma.Sql {
  const { alias, order } = rows;
  const ordered = (columns: Prisma.Sql[]) => Prisma.sql`SELECT ${Prisma.join(columns)} ${fromRows(rows)}`;
  if (dialect === "sqlite") return Prisma.sql`(SELECT json_group_array(json(x.j)) FROM (${ordered([Prisma.sql`${object} AS j`])}) x)`;
  const keys = order.map(([name], index) => Prisma.sql`${column(alias, name)} AS o${Prisma.raw(String(index))}`);
  const outer = order.map(([, direction], index) => Prisma.sql`x.o${Prisma.raw(String(index))} ${Prisma.raw(direction === "desc" ? "DESC" : "ASC")}`);
  const sorted = outer.length ? Prisma.sql` ORDER BY ${Prisma.join(outer)}` : Prisma.empty;
  return Prisma.sql`(SELECT coalesce(json_agg(x.j${sorted}), '[]'::json) FROM (${ordered([Prisma.sql`${object} AS j`, ...keys])}) x)`;
}

/** The number of rows of `model` that meet `conditions` on the alias `c`, as a subquery. */
export function countOf(model: string, conditions: Prisma.Sql[]): Prisma.Sql {
  return Prisma.sql`(SELECT count(*) FROM ${identifier(model)} c${conditions.length ? Prisma.sql` WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty})`;
}

/** The JSON object of the one row of `table` (under `alias`) that meets `where`, or null. */
export const jsonRow = (dialect: Dialect, object: Prisma.Sql, rows: { table: string; alias: string; where: Prisma.Sql[] }) =>
  embedded(dialect, Prisma.sql`(SELECT ${object} FROM ${identifier(rows.table)} ${Prisma.raw(rows.alias)} WHERE ${Prisma.join(rows.where, " AND ")})`);

/** Root rows of a model: conditions on the alias `t0`, their order, a page of them, and a cursor. */
export interface RootRows {
  /** Conditions on the root rows, on the alias `t0`. */
  where: Prisma.Sql;
  /** The root order, as scalar fields of the model; the last must be the unique `id` when a cursor is given. */
  orderBy: [string, Direction][];
  take?: number | undefined;
  skip?: number | undefined;
  /** plugin-prisma's cursor, `{ id }`: the rows from that row on, in `orderBy` order, as Prisma reads a cursor. */
  cursor?: Record<string, unknown> | undefined;
  /** Its best plan depends on its values: planned for each read, not prepared (see RootConnectionRows). */
  plannedEachTime?: boolean;
  /**
   * `where` names a unique key: one row at most, read without a LIMIT. Under `LIMIT 1` PostgreSQL
   * costed a scan of all 12,658 people like the unique index on their name, and scanned (6 ms).
   */
  unique?: boolean;
}

/** `SELECT <object> AS j` for each of the root rows `root` picks of `model`, in its order and page. */
export function rootRows(model: string, object: Prisma.Sql, root: RootRows, joins?: Prisma.Sql[]): Prisma.Sql {
  const where = [root.where, ...(root.cursor ? [cursorCondition(model, root.orderBy, root.cursor, "t0")] : [])];
  return Prisma.sql`SELECT ${object} AS j ${fromRows({ table: model, alias: "t0", where, order: root.orderBy, take: root.take, skip: root.skip, joins })}`;
}

/** A subquery's one JSON value as JSON, not text: SQLite's subqueries hand on text. */
export const embedded = (dialect: Dialect, expression: Prisma.Sql) => (dialect === "sqlite" ? Prisma.sql`json(${expression})` : expression);

/** base64 of a text (base64url without padding when `url`), as Buffer writes it. SQLite's connection has base64() (src/db/client.ts). */
export function base64Of(dialect: Dialect, text: Prisma.Sql, url = false): Prisma.Sql {
  if (dialect === "sqlite") return url ? Prisma.sql`rtrim(replace(replace(base64(${text}), '+', '-'), '/', '_'), '=')` : Prisma.sql`base64(${text})`;
  // PostgreSQL breaks base64 lines at 76 characters.
  const encoded = Prisma.sql`encode(convert_to(${text}, 'UTF8'), 'base64')`;
  return url ? Prisma.sql`rtrim(translate(${encoded}, E'+/\\n', '-_'), '=')` : Prisma.sql`replace(${encoded}, E'\\n', '')`;
}

/** A JSON true or false. */
export const jsonBoolean = (dialect: Dialect, condition: Prisma.Sql) =>
  dialect === "postgresql" ? Prisma.sql`(${condition})` : Prisma.sql`json(CASE WHEN ${condition} THEN 'true' ELSE 'false' END)`;
