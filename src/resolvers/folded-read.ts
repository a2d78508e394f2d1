import { dialectOf, preparedRead, type Db } from "../db/client.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import {
  column,
  fieldOf,
  jsonObject,
  jsonRow,
  jsonRows,
  models,
  orderingOf,
  relatedConditions,
  rootRows,
  scalarField,
  Unsupported,
  type Dialect,
  type Direction,
  type ModelField,
  type RootRows,
} from "./model-sql.ts";

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

export type { Direction };

/** The root rows a folded read picks (model-sql.ts). */
export type FoldedRoot = RootRows;

/** The planned selection plugin-prisma passes to a resolver. */
export interface PlannedQuery {
  include?: Record<string, unknown>;
  select?: Record<string, unknown>;
}

/**
 * The rows of `model` that `root` picks, with the selection `query` plans, in one statement;
 * null when the selection holds something this reader does not fold.
 */
export async function foldedFindMany(db: Db, model: string, query: PlannedQuery, root: FoldedRoot): Promise<Record<string, unknown>[] | null> {
  const statement = foldedStatement(db, model, query, root);
  if (!statement) return null;
  const values = await preparedRead(db, statement, { prepared: !root.plannedEachTime });
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
  const dialect = dialectOf(db);
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
  return rootRows(model, rootObject(dialect, model, query), root);
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
      entries.push([field.name, column(alias, field.name)]);
    }
  }
  for (const [name, value] of Object.entries(selection)) {
    if (value === false || value === undefined) continue;
    const field = fieldOf(model, name);
    if (field.kind !== "object") {
      if (!query.select) continue;
      if (value !== true) throw new Unsupported(name);
      scalarField(model, name);
      entries.push([name, column(alias, name)]);
      continue;
    }
    entries.push([name, relationOf(builder, model, field, value === true ? {} : (value as RelationArgs), alias)]);
  }
  return jsonObject(builder.dialect, entries);
}

interface RelationArgs extends PlannedQuery {
  orderBy?: unknown;
  where?: unknown;
  take?: number;
  skip?: number;
}

function relationOf(builder: Builder, model: string, field: ModelField, args: RelationArgs, parent: string): Prisma.Sql {
  const known = new Set(["include", "select", "orderBy", "where", "take", "skip"]);
  for (const key of Object.keys(args)) if (!known.has(key)) throw new Unsupported(key);
  const child = builder.alias();
  const object = objectOf(builder, field.type, { ...(args.include ? { include: args.include } : {}), ...(args.select ? { select: args.select } : {}) }, child);
  const where = relatedConditions(model, field, args.where, child, parent);
  if (!field.isList) {
    if (args.orderBy !== undefined || args.take !== undefined || args.skip !== undefined) throw new Unsupported("to-one paging");
    return jsonRow(builder.dialect, object, { table: field.type, alias: child, where });
  }
  const order = orderingOf(field.type, args.orderBy);
  return jsonRows(builder.dialect, object, { table: field.type, alias: child, where, order, take: args.take, skip: args.skip });
}
