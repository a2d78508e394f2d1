import { preparedRead, type Db } from "../db/client.ts";
import { Prisma } from "../generated/prisma/client.ts";
import { getDatamodel } from "../generated/pothos-types.ts";

/**
 * Runs the selection plugin-prisma planned for a request (`include`/`select` trees with their
 * `orderBy`, `take`, `skip` and plain `where`) as ONE statement: each relation becomes a
 * correlated subquery that returns its rows as JSON (`json_group_array` on SQLite, `json_agg`
 * on PostgreSQL), where the Prisma client would run one statement per level of the tree. The
 * rows come back in the shape the client would have given, so plugin-prisma's fields read
 * them as they would the client's.
 *
 * Only what can be given exactly is folded: Int, String and enum columns, relations keyed by
 * an `id`, scalar orderings, equality filters. For anything else `foldedFindMany` answers
 * null and the caller asks the Prisma client, as before.
 */

type Dialect = "sqlite" | "postgresql";

interface Field {
  name: string;
  kind: "scalar" | "object" | "enum";
  type: string;
  isList: boolean;
  isId?: boolean;
  relationName?: string;
  relationFromFields?: string[];
}

interface Model {
  fields: Field[];
  primaryKey: unknown;
}

const models = getDatamodel().datamodel.models as unknown as Record<string, Model>;

/** Column types whose values JSON carries unchanged on both databases. */
const EXACT_TYPES = new Set(["Int", "String"]);

export type Direction = "asc" | "desc";

export interface FoldedRoot {
  /** Conditions on the root rows, on the alias `t0`. */
  where: Prisma.Sql;
  /** The root order, as scalar fields of the model; the last must be the unique `id` when a cursor is given. */
  orderBy: [string, Direction][];
  take?: number | undefined;
  skip?: number | undefined;
  /** plugin-prisma's cursor, `{ id }`: the rows from that row on, in `orderBy` order, as Prisma reads a cursor. */
  cursor?: Record<string, unknown> | undefined;
}

/** The planned selection plugin-prisma passes to a resolver. */
export interface PlannedQuery {
  include?: Record<string, unknown>;
  select?: Record<string, unknown>;
}

class Unsupported extends Error {}

const isPostgres = (db: Db) => (db as unknown as { _activeProvider?: string })._activeProvider === "postgresql";

const identifier = (name: string) => {
  if (!/^\w+$/.test(name)) throw new Unsupported(name);
  return Prisma.raw(`"${name}"`);
};

/**
 * The rows of `model` that `root` picks, with the selection `query` plans, in one statement;
 * null when the selection holds something this reader does not fold.
 */
export async function foldedFindMany(db: Db, model: string, query: PlannedQuery, root: FoldedRoot): Promise<Record<string, unknown>[] | null> {
  const statement = foldedStatement(db, model, query, root);
  if (!statement) return null;
  const values = await preparedRead(db, statement);
  const rows = values.map((j) => (typeof j === "string" ? JSON.parse(j) : j) as Record<string, unknown>);
  const place = newFoldedPlace();
  for (const row of rows) (row as FoldedRow)[FOLDED_PLACE] = place;
  return rows;
}

/**
 * Where a row of a folded read stands in the response: the root rows of one read share a place,
 * and the rows a field of theirs returns share the place below it (src/schema/folded-fields.ts
 * hands it on). Every row at one place was loaded by the same planned selection, alike.
 */
export interface FoldedPlace {
  /** The places of the rows each field returns, by the field's response key. */
  below: Map<string, FoldedPlace>;
  /** The field's rows came from the planned selection, as plugin-prisma found for the first row here. */
  answered: boolean;
}

export const FOLDED_PLACE = Symbol("folded place");

export type FoldedRow = { [FOLDED_PLACE]?: FoldedPlace };

export const newFoldedPlace = (): FoldedPlace => ({ below: new Map(), answered: false });

/** The one statement `foldedFindMany` runs (its rows: one JSON column `j`), or null when the selection is not folded. */
export function foldedStatement(db: Db, model: string, query: PlannedQuery, root: FoldedRoot): Prisma.Sql | null {
  const dialect: Dialect = isPostgres(db) ? "postgresql" : "sqlite";
  try {
    return rootStatement(dialect, model, query, root);
  } catch (error) {
    if (error instanceof Unsupported) return null;
    throw error;
  }
}

/**
 * The JSON object of a root row for each selection seen, by dialect, model and the planned query:
 * a document asks the same of every request, so its statement is built once. Bounded, as a
 * client can send as many different documents as it likes; null for a selection not folded.
 */
const MAX_OBJECTS = 256;
const objects = new Map<string, Prisma.Sql | null>();

function rootObject(dialect: Dialect, model: string, query: PlannedQuery): Prisma.Sql {
  const key = `${dialect} ${model} ${JSON.stringify(query)}`;
  let object = objects.get(key);
  if (object === undefined) {
    try {
      object = objectOf(new Builder(dialect), model, query, "t0");
    } catch (error) {
      if (!(error instanceof Unsupported)) throw error;
      object = null;
    }
    if (objects.size < MAX_OBJECTS) objects.set(key, object);
  }
  if (!object) throw new Unsupported(model);
  return object;
}

class Builder {
  private aliases = 0;
  constructor(readonly dialect: Dialect) {}
  alias(): string {
    return `t${++this.aliases}`;
  }
}

function rootStatement(dialect: Dialect, model: string, query: PlannedQuery, root: FoldedRoot): Prisma.Sql {
  const object = rootObject(dialect, model, query);
  const order = root.orderBy.map(([field, direction]) => orderTerm("t0", field, direction));
  const conditions = [root.where];
  if (root.cursor) conditions.push(cursorCondition(model, root.orderBy, root.cursor));
  return Prisma.sql`SELECT ${object} AS j FROM ${identifier(model)} t0 WHERE ${Prisma.join(conditions, " AND ")}${order.length ? Prisma.sql` ORDER BY ${Prisma.join(order)}` : Prisma.empty}${page(root.take, root.skip)}`;
}

/**
 * The rows at or after the cursor row in the order given (Prisma's reading of a cursor, whose
 * `skip: 1` then drops the cursor row): a lexicographic comparison with the cursor row's values,
 * led by a plain range on the first column so that an index on the order starts its walk there.
 * The values are uncorrelated subqueries, which both databases evaluate once, before the walk
 * (PostgreSQL's InitPlans), and can take as an index bound.
 */
function cursorCondition(model: string, orderBy: [string, Direction][], cursor: Record<string, unknown>): Prisma.Sql {
  const keys = Object.keys(cursor);
  const id = cursor.id;
  if (keys.length !== 1 || typeof id !== "number" || orderBy.at(-1)?.[0] !== "id") throw new Unsupported("cursor");
  for (const [field] of orderBy) scalarField(model, field);
  const markOf = (field: string) => Prisma.sql`(SELECT ${identifier(field)} FROM ${identifier(model)} WHERE "id" = ${id})`;
  const after = (index: number): Prisma.Sql => {
    const [field, direction] = orderBy[index]!;
    const column = Prisma.sql`t0.${identifier(field)}`;
    const mark = markOf(field);
    if (index === orderBy.length - 1) return direction === "asc" ? Prisma.sql`${column} >= ${mark}` : Prisma.sql`${column} <= ${mark}`;
    const beyond = direction === "asc" ? Prisma.sql`${column} > ${mark}` : Prisma.sql`${column} < ${mark}`;
    return Prisma.sql`(${beyond} OR (${column} = ${mark} AND ${after(index + 1)}))`;
  };
  const [first, direction] = orderBy[0]!;
  const start = direction === "asc" ? Prisma.sql`t0.${identifier(first)} >= ${markOf(first)}` : Prisma.sql`t0.${identifier(first)} <= ${markOf(first)}`;
  return Prisma.sql`${start} AND ${after(0)}`;
}

function page(take: number | undefined, skip: number | undefined): Prisma.Sql {
  if (take !== undefined && (!Number.isInteger(take) || take < 0)) throw new Unsupported("take");
  if (skip !== undefined && (!Number.isInteger(skip) || skip < 0)) throw new Unsupported("skip");
  const limit = take === undefined ? Prisma.empty : Prisma.sql` LIMIT ${take}`;
  if (!skip) return limit;
  // SQLite takes no OFFSET without a LIMIT; -1 is "no limit" there.
  return take === undefined ? Prisma.sql` LIMIT -1 OFFSET ${skip}` : Prisma.sql`${limit} OFFSET ${skip}`;
}

const orderTerm = (alias: string, field: string, direction: Direction) =>
  Prisma.sql`${Prisma.raw(alias)}.${identifier(field)} ${Prisma.raw(direction === "desc" ? "DESC" : "ASC")}`;

function fieldOf(model: string, name: string): Field {
  const field = models[model]?.fields.find((candidate) => candidate.name === name);
  if (!field) throw new Unsupported(`${model}.${name}`);
  return field;
}

function scalarField(model: string, name: string): Field {
  const field = fieldOf(model, name);
  if (field.kind === "object" || field.isList || (field.kind === "scalar" && !EXACT_TYPES.has(field.type))) throw new Unsupported(`${model}.${name}`);
  return field;
}

/** The JSON object of one row of `model` under `alias`, with the relations `query` asks for. */
function objectOf(builder: Builder, model: string, query: PlannedQuery, alias: string): Prisma.Sql {
  const known = new Set(["include", "select"]);
  for (const key of Object.keys(query)) if (!known.has(key)) throw new Unsupported(key);
  if (query.include && query.select) throw new Unsupported("include and select");
  const entries: [string, Prisma.Sql][] = [];
  const selection = query.select ?? query.include ?? {};
  if (!query.select) {
    for (const field of models[model]!.fields) {
      if (field.kind === "object") continue;
      scalarField(model, field.name);
      entries.push([field.name, Prisma.sql`${Prisma.raw(alias)}.${identifier(field.name)}`]);
    }
  }
  for (const [name, value] of Object.entries(selection)) {
    if (value === false || value === undefined) continue;
    const field = fieldOf(model, name);
    if (field.kind !== "object") {
      if (!query.select) continue;
      if (value !== true) throw new Unsupported(name);
      scalarField(model, name);
      entries.push([name, Prisma.sql`${Prisma.raw(alias)}.${identifier(name)}`]);
      continue;
    }
    entries.push([name, relationOf(builder, model, field, value === true ? {} : (value as RelationArgs), alias)]);
  }
  // PostgreSQL's json_build_object takes at most 100 arguments.
  if (entries.length === 0 || entries.length > 50) throw new Unsupported("selection size");
  const pairs = entries.map(([name, expression]) => Prisma.sql`'${Prisma.raw(name)}', ${expression}`);
  return builder.dialect === "postgresql" ? Prisma.sql`json_build_object(${Prisma.join(pairs)})` : Prisma.sql`json_object(${Prisma.join(pairs)})`;
}

interface RelationArgs extends PlannedQuery {
  orderBy?: unknown;
  where?: unknown;
  take?: number;
  skip?: number;
}

/** How the rows of a relation join its parent: `child.childColumn = parent.parentColumn`. */
function joinOf(model: string, field: Field): { childColumn: string; parentColumn: string } {
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

function relationOf(builder: Builder, model: string, field: Field, args: RelationArgs, parent: string): Prisma.Sql {
  const known = new Set(["include", "select", "orderBy", "where", "take", "skip"]);
  for (const key of Object.keys(args)) if (!known.has(key)) throw new Unsupported(key);
  const child = builder.alias();
  const { childColumn, parentColumn } = joinOf(model, field);
  const object = objectOf(builder, field.type, { ...(args.include ? { include: args.include } : {}), ...(args.select ? { select: args.select } : {}) }, child);
  const conditions = [Prisma.sql`${Prisma.raw(child)}.${identifier(childColumn)} = ${Prisma.raw(parent)}.${identifier(parentColumn)}`, ...equalities(field.type, args.where, child)];
  const where = Prisma.join(conditions, " AND ");
  const table = Prisma.sql`${identifier(field.type)} ${Prisma.raw(child)}`;
  const json = (expression: Prisma.Sql) => (builder.dialect === "sqlite" ? Prisma.sql`json(${expression})` : expression);
  if (!field.isList) {
    if (args.orderBy !== undefined || args.take !== undefined || args.skip !== undefined) throw new Unsupported("to-one paging");
    return json(Prisma.sql`(SELECT ${object} FROM ${table} WHERE ${where})`);
  }
  const order = orderingOf(field.type, args.orderBy);
  const inner = order.map(([name, direction]) => orderTerm(child, name, direction));
  const ordered = (columns: Prisma.Sql[]) =>
    Prisma.sql`SELECT ${Prisma.join(columns)} FROM ${table} WHERE ${where}${inner.length ? Prisma.sql` ORDER BY ${Prisma.join(inner)}` : Prisma.empty}${page(args.take, args.skip)}`;
  // SQLite keeps a FROM subquery's ORDER BY when the query around it is an aggregate such as
  // json_group_array, and never flattens such a subquery into it, so the aggregate takes the rows
  // in that order (select.c: the ORDER BY is kept when "the outer query uses an aggregate function
  // other than count(), min() or max()", for group_concat). Sorting again inside the aggregate
  // cost a temporary B-tree at every level: 10-20% of a front page's statement.
  if (builder.dialect === "sqlite") return Prisma.sql`(SELECT json_group_array(json(x.j)) FROM (${ordered([Prisma.sql`${object} AS j`])}) x)`;
  // PostgreSQL promises no order to an aggregate over a sorted subquery: json_agg sorts its input.
  const keys = order.map(([name], index) => Prisma.sql`${Prisma.raw(child)}.${identifier(name)} AS o${Prisma.raw(String(index))}`);
  const outer = order.map(([, direction], index) => Prisma.sql`x.o${Prisma.raw(String(index))} ${Prisma.raw(direction === "desc" ? "DESC" : "ASC")}`);
  const sorted = outer.length ? Prisma.sql` ORDER BY ${Prisma.join(outer)}` : Prisma.empty;
  return Prisma.sql`(SELECT coalesce(json_agg(x.j${sorted}), '[]'::json) FROM (${ordered([Prisma.sql`${object} AS j`, ...keys])}) x)`;
}

/** A relation's `orderBy`: one object or a list of them, each one scalar field and a direction. */
function orderingOf(model: string, orderBy: unknown): [string, Direction][] {
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
function equalities(model: string, where: unknown, alias: string): Prisma.Sql[] {
  if (where === undefined) return [];
  if (!where || typeof where !== "object") throw new Unsupported("where");
  return Object.entries(where as Record<string, unknown>).map(([name, value]) => {
    scalarField(model, name);
    if (typeof value !== "string" && typeof value !== "number") throw new Unsupported("where");
    return Prisma.sql`${Prisma.raw(alias)}.${identifier(name)} = ${value}`;
  });
}
