import {
  GraphQLID,
  GraphQLIncludeDirective,
  GraphQLInt,
  GraphQLSkipDirective,
  GraphQLString,
  Kind,
  getArgumentValues,
  getDirectiveValues,
  getNamedType,
  getNullableType,
  getVariableValues,
  isAbstractType,
  isEnumType,
  isListType,
  isNonNullType,
  isObjectType,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from "graphql";
import { Prisma } from "../generated/prisma/client.ts";
import { ROOT_CONNECTIONS, ROOT_READS, type RootConnection } from "./root-reads.ts";
import { FIELD_CONNECTIONS } from "./field-connections.ts";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "./page-size.ts";
import {
  base64Of,
  column,
  countOf,
  fromRows,
  cursorCondition,
  embedded,
  fieldOf,
  identifier,
  jsonBoolean,
  jsonObject,
  jsonRow,
  jsonRows,
  literal,
  models,
  orderingOf,
  relatedConditions,
  rootRows,
  Unsupported,
  type Dialect,
  type Direction,
  type ModelField,
} from "./model-sql.ts";

/**
 * A whole query operation read as ONE SQL statement that builds its `data` as JSON text, as a
 * hand-written statement would: each field the operation selects becomes a column or a
 * correlated subquery of the object it belongs to, under its response key, in the order the
 * executor would give. No field resolver runs, and the JSON is sent as the database built it.
 *
 * Only what gives exactly the answer the executor would is read so (test/api/statement-answers
 * compares the two on every shape it sends): the root fields of ROOT_READS and ROOT_CONNECTIONS,
 * the fields of FIELD_CONNECTIONS,
 * columns a type exposes unchanged (String, Int, Date, enums whose names are their values),
 * plugin-prisma relations with a fixed order, related connections paged forward (typed cursors,
 * `pageInfo`, `totalCount`), node IDs, `__typename`, fragments, `@skip` and `@include`, on types
 * and fields that need at most the `reader` scope. What a field is (its column, relation, order,
 * ID) is read from the Pothos schema's own extensions. For anything else the answer is null and
 * the executor runs.
 */

interface Compilation {
  schema: GraphQLSchema;
  dialect: Dialect;
  fragments: Map<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  aliases: number;
  /** A part's best plan depends on its values (RootConnectionRows.plannedEachTime). */
  plannedEachTime: boolean;
  /** The rows joined to the rows of an alias's FROM, by that alias (joinedRow). */
  joins: Map<string, Prisma.Sql[]>;
  /** The alias of the FROM each joined alias is part of. */
  joinedInto: Map<string, string>;
}

/** The statement of an operation, and whether it is to be planned for each request rather than prepared once (see RootConnectionRows). */
export interface OperationStatement {
  sql: Prisma.Sql;
  plannedEachTime: boolean;
}

/**
 * The statement (one row, one column: the `data` object as JSON text) for an operation of
 * `document` with `rawVariables`, or null when it holds anything read otherwise.
 */
export function operationStatement(
  schema: GraphQLSchema,
  dialect: Dialect,
  document: DocumentNode,
  operationName: string | null | undefined,
  rawVariables: Record<string, unknown> | null | undefined,
): OperationStatement | null {
  try {
    const operation = operationOf(document, operationName);
    const queryType = schema.getQueryType();
    if (operation.operation !== "query" || !queryType) throw new Unsupported("operation");
    const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], rawVariables ?? {});
    if (coerced.errors) throw new Unsupported("variables");
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    const compilation: Compilation = {
      schema,
      dialect,
      fragments,
      variables: coerced.coerced,
      aliases: 0,
      plannedEachTime: false,
      joins: new Map(),
      joinedInto: new Map(),
    };
    needsReaderAtMost(queryType);
    const entries: [string, Prisma.Sql][] = [];
    for (const [key, nodes] of collectFields(compilation, queryType, [operation.selectionSet])) {
      entries.push([key, rootField(compilation, queryType, nodes)]);
    }
    const data = jsonObject(dialect, entries);
    const sql = dialect === "postgresql" ? Prisma.sql`SELECT ${data}::text AS j` : Prisma.sql`SELECT ${data} AS j`;
    return { sql, plannedEachTime: compilation.plannedEachTime };
  } catch (error) {
    // A value a root read refuses (a malformed ID) is the executor's to report.
    if (error instanceof Unsupported || (error instanceof Error && error.name === "GraphQLError")) return null;
    throw error;
  }
}

function operationOf(document: DocumentNode, operationName: string | null | undefined): OperationDefinitionNode {
  const operations = document.definitions.filter((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION);
  const operation = operationName ? operations.find((candidate) => candidate.name?.value === operationName) : operations.length === 1 ? operations[0] : undefined;
  if (!operation) throw new Unsupported("operation");
  return operation;
}

/**
 * The fields of `selectionSets` on `type` by response key, in the executor's order (its
 * collectFields): fragments that apply to the type are spread, `@skip`/`@include` applied, a
 * fragment spread once.
 */
function collectFields(compilation: Compilation, type: GraphQLObjectType, selectionSets: readonly SelectionSetNode[]): Map<string, FieldNode[]> {
  const fields = new Map<string, FieldNode[]>();
  const visited = new Set<string>();
  const collect = (selectionSet: SelectionSetNode) => {
    for (const selection of selectionSet.selections) {
      if (!included(compilation, selection)) continue;
      if (selection.kind === Kind.FIELD) {
        const key = selection.alias?.value ?? selection.name.value;
        const list = fields.get(key);
        if (list) list.push(selection);
        else fields.set(key, [selection]);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (applies(compilation, type, selection.typeCondition?.name.value)) collect(selection.selectionSet);
      } else {
        const name = selection.name.value;
        if (visited.has(name)) continue;
        visited.add(name);
        const fragment = compilation.fragments.get(name);
        if (!fragment || fragment.directives?.length) throw new Unsupported(`fragment ${name}`);
        if (applies(compilation, type, fragment.typeCondition.name.value)) collect(fragment.selectionSet);
      }
    }
  };
  for (const selectionSet of selectionSets) collect(selectionSet);
  return fields;
}

function included(compilation: Compilation, node: Parameters<typeof getDirectiveValues>[1]): boolean {
  for (const directive of node.directives ?? []) {
    const name = directive.name.value;
    if (name !== GraphQLSkipDirective.name && name !== GraphQLIncludeDirective.name) throw new Unsupported(`@${name}`);
  }
  if (getDirectiveValues(GraphQLSkipDirective, node, compilation.variables)?.if === true) return false;
  if (getDirectiveValues(GraphQLIncludeDirective, node, compilation.variables)?.if === false) return false;
  return true;
}

function applies(compilation: Compilation, type: GraphQLObjectType, condition: string | undefined): boolean {
  if (condition === undefined || condition === type.name) return true;
  const conditionType = compilation.schema.getType(condition);
  return !!conditionType && isAbstractType(conditionType) && compilation.schema.isSubType(conditionType, type);
}

type PothosExtensions = {
  pothosOptions?: { authScopes?: unknown; grantScopes?: unknown; skipTypeScopes?: unknown; onNull?: unknown; id?: { resolve?: unknown } };
  pothosPrismaModel?: string;
  pothosExposedField?: string;
  pothosPrismaRelationField?: { name: string };
  pothosPrismaSelect?: unknown;
  typedCursorsConnection?: unknown;
  pothosArgMappers?: ((args: Record<string, unknown>, context: unknown, info: unknown) => Record<string, unknown>)[];
};

const extensionsOf = (holder: { extensions?: unknown }) => (holder.extensions ?? {}) as PothosExtensions;

/**
 * Scopes that every request may pass without any other check than `reader`'s, which the caller
 * makes once per request (src/server/statement-answers.ts): none, or `{ reader: true }`.
 */
function readerAtMost(scopes: unknown): boolean {
  if (scopes === undefined) return true;
  if (typeof scopes !== "object" || scopes === null) return false;
  const entries = Object.entries(scopes);
  return entries.length === 1 && entries[0]![0] === "reader" && entries[0]![1] === true;
}

function needsReaderAtMost(type: GraphQLObjectType): void {
  const options = extensionsOf(type).pothosOptions;
  if (!readerAtMost(options?.authScopes) || options?.grantScopes !== undefined) throw new Unsupported(`${type.name} scopes`);
  for (const face of type.getInterfaces()) if (!readerAtMost(extensionsOf(face).pothosOptions?.authScopes)) throw new Unsupported(`${face.name} scopes`);
}

function fieldDefinition(type: GraphQLObjectType, name: string): GraphQLField<unknown, unknown> {
  const definition = type.getFields()[name];
  if (!definition) throw new Unsupported(`${type.name}.${name}`);
  const options = extensionsOf(definition).pothosOptions;
  if (!readerAtMost(options?.authScopes) || options?.grantScopes !== undefined || options?.skipTypeScopes) throw new Unsupported(`${type.name}.${name} scopes`);
  return definition;
}

function rootField(compilation: Compilation, queryType: GraphQLObjectType, nodes: FieldNode[]): Prisma.Sql {
  const node = nodes[0]!;
  const name = node.name.value;
  if (name === "__typename") return literal(queryType.name);
  const connection = ROOT_CONNECTIONS[name];
  if (connection) return pagedConnection(compilation, fieldDefinition(queryType, name), nodes, connection);
  const read = ROOT_READS[name];
  if (!read) throw new Unsupported(name);
  const definition = fieldDefinition(queryType, name);
  const { model, root } = read(mappedArguments(compilation, definition, node));
  const type = getNullableType(definition.type);
  if (isNonNullType(definition.type) || !isObjectType(type) || extensionsOf(type).pothosPrismaModel !== model) throw new Unsupported(name);
  const object = objectOf(compilation, type, model, nodes, "t0");
  return embedded(compilation.dialect, Prisma.sql`(${rootRows(model, object, { ...root, take: root.unique ? undefined : 1 }, compilation.joins.get("t0"))})`);
}

/** The JSON object of a row of `model` (under `alias`) as the GraphQL `type` answers the fields of `nodes`. */
function objectOf(compilation: Compilation, type: GraphQLObjectType, model: string, nodes: FieldNode[], alias: string): Prisma.Sql {
  needsReaderAtMost(type);
  const entries: [string, Prisma.Sql][] = [];
  for (const [key, fieldNodes] of collectFields(compilation, type, selectionSetsOf(nodes))) {
    entries.push([key, fieldExpression(compilation, type, model, fieldNodes, alias)]);
  }
  return jsonObject(compilation.dialect, entries);
}

function fieldExpression(compilation: Compilation, type: GraphQLObjectType, model: string, nodes: FieldNode[], alias: string): Prisma.Sql {
  const name = nodes[0]!.name.value;
  if (name === "__typename") return literal(type.name);
  const definition = fieldDefinition(type, name);
  const extensions = extensionsOf(definition);
  if (typeof extensions.typedCursorsConnection === "string" && extensions.pothosPrismaRelationField) return relatedConnection(compilation, model, definition, nodes, alias);
  const computed = FIELD_CONNECTIONS[`${type.name}.${name}`];
  if (computed) return pagedConnection(compilation, definition, nodes, (args) => computed(args, alias, compilation.dialect));
  if (definition.args.length > 0) throw new Unsupported(`${type.name}.${name} arguments`);
  if (name === "id" && type.getInterfaces().some((face) => face.name === "Node")) return globalId(compilation, type, model, definition, alias);
  if (typeof extensions.pothosExposedField === "string") return exposed(model, extensions.pothosExposedField, definition.type, alias);
  if (extensions.pothosPrismaRelationField) return relation(compilation, model, definition, nodes, alias);
  throw new Unsupported(`${type.name}.${name}`);
}

/** A Node's `id`: base64 of `Type:key`, as plugin-relay's encodeGlobalID writes it. */
function globalId(compilation: Compilation, type: GraphQLObjectType, model: string, definition: GraphQLField<unknown, unknown>, alias: string): Prisma.Sql {
  if (!isNonNullType(definition.type) || getNamedType(definition.type).name !== GraphQLID.name) throw new Unsupported(`${type.name}.id`);
  const keyField = models[model]?.fields.find((field) => field.isId);
  if (keyField?.type !== "Int" || !keyField.isRequired) throw new Unsupported(`${type.name}.id`);
  const key = keyField.name;
  // The node's own ID resolver (plugin-prisma's, from `id: { field }`) must read that column: asked of a row holding only it, it gives its value.
  const resolve = extensionsOf(type).pothosOptions?.id?.resolve;
  const probe = 2_147_483_647;
  if (typeof resolve !== "function" || String(resolve({ [key]: probe }, {}, undefined, undefined)) !== String(probe)) throw new Unsupported(`${type.name}.id`);
  return base64Of(compilation.dialect, Prisma.sql`${literal(`${type.name}:`)} || ${column(alias, key)}`);
}

/** A column a field exposes, when JSON carries its value exactly as the field's type serialises it. */
function exposed(model: string, name: string, type: GraphQLOutputType, alias: string): Prisma.Sql {
  const field = fieldOf(model, name);
  const named = getNamedType(type);
  if (field.isList || isListType(getNullableType(type)) || (isNonNullType(type) && !field.isRequired)) throw new Unsupported(`${model}.${name}`);
  const exact =
    (named === GraphQLString && field.kind === "scalar" && field.type === "String") ||
    (named === GraphQLInt && field.kind === "scalar" && field.type === "Int") ||
    // papergraph's Date is a YYYY-MM-DD string, serialised unchanged (src/schema/scalars.ts).
    (named.name === "Date" && field.kind === "scalar" && field.type === "String") ||
    (isEnumType(named) && field.kind === "enum" && named.getValues().every((value) => value.value === value.name));
  if (!exact) throw new Unsupported(`${model}.${name}`);
  return column(alias, name);
}

/** A plugin-prisma relation with its fixed order and conditions, as its field's planned query gives them. */
function relation(compilation: Compilation, model: string, definition: GraphQLField<unknown, unknown>, nodes: FieldNode[], parent: string): Prisma.Sql {
  const extensions = extensionsOf(definition);
  const field: ModelField = fieldOf(model, extensions.pothosPrismaRelationField!.name);
  if (field.kind !== "object" || extensions.pothosOptions?.onNull !== undefined || typeof extensions.pothosPrismaSelect !== "function") throw new Unsupported(definition.name);
  const planned = (extensions.pothosPrismaSelect as (args: object, context: unknown, nested: (query: unknown) => unknown) => unknown)({}, undefined, (query) => query) as {
    select?: Record<string, unknown>;
  };
  const query = planned?.select?.[field.name];
  if (query === undefined || typeof query === "function" || (query !== null && typeof query === "object" && "then" in query)) throw new Unsupported(definition.name);
  const args = (query ?? {}) as { orderBy?: unknown; where?: unknown };
  for (const key of Object.keys(args)) if (key !== "orderBy" && key !== "where") throw new Unsupported(`${definition.name} ${key}`);
  const nullable = getNullableType(definition.type);
  const itemType = getNamedType(definition.type);
  if (!isObjectType(itemType) || extensionsOf(itemType).pothosPrismaModel !== field.type) throw new Unsupported(definition.name);
  if (isListType(nullable) !== field.isList) throw new Unsupported(definition.name);
  const child = `t${++compilation.aliases}`;
  const where = relatedConditions(model, field, args.where, child, parent);
  if (field.isList) {
    if (!isNonNullType(definition.type) || !isListType(nullable) || !isNonNullType(nullable.ofType)) throw new Unsupported(definition.name);
    const object = objectOf(compilation, itemType, field.type, nodes, child);
    return jsonRows(compilation.dialect, object, { table: field.type, alias: child, where, order: orderingOf(field.type, args.orderBy), joins: compilation.joins.get(child) });
  }
  // A to-one relation read through its own foreign key: non-null in the schema only where the key is required.
  const required = Boolean(field.relationFromFields?.length && field.isRequired);
  if (args.orderBy !== undefined || (isNonNullType(definition.type) && !required)) throw new Unsupported(definition.name);
  if (required && args.where === undefined && compilation.dialect === "sqlite") return joinedRow(compilation, parent, child, field.type, where, () => objectOf(compilation, itemType, field.type, nodes, child));
  return jsonRow(compilation.dialect, objectOf(compilation, itemType, field.type, nodes, child), { table: field.type, alias: child, where });
}

/**
 * The row a required foreign key names, joined to its parent's rows rather than read by a
 * subquery for each of them, and its object built in place (SQLite): a subquery's JSON comes
 * back as text, which json() reads again. The newest articles' second page (100 articles, each
 * with its page and issue) took 265 µs as subqueries, 200 joined. Each row has exactly one such
 * row (the key is required, and a foreign key), so the join neither drops nor repeats a parent
 * row; CROSS JOIN keeps SQLite to the parent's order, which the parent's index gives. PostgreSQL
 * keeps its subqueries: its plans of them are the ones measured.
 */
function joinedRow(compilation: Compilation, parent: string, child: string, table: string, on: Prisma.Sql[], object: () => Prisma.Sql): Prisma.Sql {
  const owner = compilation.joinedInto.get(parent) ?? parent;
  compilation.joinedInto.set(child, owner);
  let joins = compilation.joins.get(owner);
  if (!joins) compilation.joins.set(owner, (joins = []));
  // Its place before the joins its own object adds, whose conditions name it.
  const at = joins.push(Prisma.empty) - 1;
  const built = object();
  joins[at] = Prisma.sql`CROSS JOIN ${identifier(table)} ${Prisma.raw(child)} ON ${Prisma.join(on, " AND ")}`;
  return built;
}

/** The rows a connection pages through, and the page asked for. */
interface ConnectionRows {
  model: string;
  /** The conditions on a row under `alias`: its parent's, or the root's. */
  where: (alias: string) => Prisma.Sql[];
  order: [string, Direction][];
  /** The cursor row (plugin-prisma's `{ id }`), after which the page starts. */
  cursor: Record<string, unknown> | undefined;
  first: number;
  /** The tag of the connection's cursors (src/schema/typed-cursors.ts). */
  tag: string;
  /** The number of all the rows, when the connection has `totalCount`. */
  count: Prisma.Sql | null;
}

/**
 * The field's arguments as its resolver receives them: coerced, then through the field's
 * argument mappers (typed cursors untagged). A value they refuse is the executor's to report.
 */
function mappedArguments(compilation: Compilation, definition: GraphQLField<unknown, unknown>, node: FieldNode): Record<string, unknown> {
  try {
    let args = getArgumentValues(definition, node, compilation.variables);
    for (const mapper of extensionsOf(definition).pothosArgMappers ?? []) args = mapper(args, undefined, undefined);
    return args;
  } catch {
    throw new Unsupported(`${definition.name} arguments`);
  }
}

/** A connection's arguments when they ask for a page forward (`first`, `after`): backward pages are the executor's. */
function forwardPage(args: Record<string, unknown>): Record<string, unknown> {
  if (args.before != null || args.last != null) throw new Unsupported("backward page");
  return args;
}

/** The row a plugin-prisma cursor on `id` names (`GPC:N:<id>` in base64), as its `cursor`. */
function cursorRow(cursor: unknown): Record<string, unknown> | undefined {
  if (cursor == null) return undefined;
  const match = typeof cursor === "string" && /^GPC:N:([1-9]\d{0,14})$/.exec(Buffer.from(cursor, "base64").toString());
  if (!match || Buffer.from(`GPC:N:${match[1]}`).toString("base64") !== cursor) throw new Unsupported("cursor");
  return { id: Number(match[1]) };
}

/** A connection whose rows `read` gives for the field's arguments: a root connection, or a field's (FIELD_CONNECTIONS). */
function pagedConnection(compilation: Compilation, definition: GraphQLField<unknown, unknown>, nodes: FieldNode[], read: RootConnection): Prisma.Sql {
  const tag = extensionsOf(definition).typedCursorsConnection;
  if (typeof tag !== "string") throw new Unsupported(definition.name);
  const args = forwardPage(mappedArguments(compilation, definition, nodes[0]!));
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (typeof first !== "number" || !Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) throw new Unsupported("first");
  const rows = read(args);
  if (rows.plannedEachTime) compilation.plannedEachTime = true;
  return connectionObject(compilation, definition, nodes, { ...rows, cursor: cursorRow(args.after), first, tag });
}

/** A plugin-prisma `relatedConnection`: the page its planned query gives (order, size, cursor), of the parent's rows. */
function relatedConnection(compilation: Compilation, model: string, definition: GraphQLField<unknown, unknown>, nodes: FieldNode[], parent: string): Prisma.Sql {
  const extensions = extensionsOf(definition);
  const field = fieldOf(model, extensions.pothosPrismaRelationField!.name);
  if (field.kind !== "object" || !field.isList || typeof extensions.pothosPrismaSelect !== "function") throw new Unsupported(definition.name);
  const args = forwardPage(mappedArguments(compilation, definition, nodes[0]!));
  let planned: { select?: Record<string, { orderBy?: unknown; where?: unknown; take?: unknown; skip?: unknown; cursor?: Record<string, unknown>; select?: unknown }> };
  try {
    // What plugin-prisma would load for these arguments, the selection of each row left empty.
    const select = extensions.pothosPrismaSelect as (args: object, context: unknown, nested: (query: object) => object, selected: () => Set<string>) => typeof planned;
    planned = select(args, undefined, (query) => ({ ...query, select: {} }), () => new Set(["edges"]));
  } catch {
    throw new Unsupported(`${definition.name} arguments`);
  }
  const query = planned?.select?.[field.name];
  if (!query || typeof query !== "object" || "then" in query) throw new Unsupported(definition.name);
  for (const key of Object.keys(query)) if (!["orderBy", "where", "take", "skip", "cursor", "select"].includes(key)) throw new Unsupported(`${definition.name} ${key}`);
  // The cursor is the row's `id`, the one column plugin-prisma selects for it.
  const cursorColumns = Object.keys((query.select ?? {}) as object);
  const take = query.take;
  if (cursorColumns.length !== 1 || cursorColumns[0] !== "id" || typeof take !== "number" || take < 1 || query.skip !== (query.cursor ? 1 : 0)) throw new Unsupported(definition.name);
  const tag = extensions.typedCursorsConnection as string;
  const where = (alias: string) => relatedConditions(model, field, query.where, alias, parent);
  // As plugin-prisma counts it: the relation's rows under its `where` (filterConnectionTotalCount).
  const count = countOf(field.type, where("c"));
  return connectionObject(compilation, definition, nodes, { model: field.type, where, order: orderingOf(field.type, query.orderBy), cursor: query.cursor, first: take - 1, tag, count });
}

/**
 * A connection's JSON as plugin-prisma and the typed cursors give it (`wrapConnectionResult`):
 * the page's edges, `hasNextPage` when a row follows the page, `hasPreviousPage` when a cursor
 * was given, the first and last edge's cursors, and the count.
 */
function connectionObject(compilation: Compilation, definition: GraphQLField<unknown, unknown>, nodes: FieldNode[], rows: ConnectionRows): Prisma.Sql {
  const connectionType = getNullableType(definition.type);
  if (!isNonNullType(definition.type) || !isObjectType(connectionType) || rows.order.at(-1)?.[0] !== "id") throw new Unsupported(definition.name);
  const page = connectionPage(compilation, rows);
  return plainObject(compilation, connectionType, nodes, (name, fieldNodes, field) => {
    if (name === "totalCount" && rows.count) return rows.count;
    if (name === "edges") return edgesOf(compilation, field, fieldNodes, page);
    if (name === "pageInfo") return pageInfoOf(compilation, field, fieldNodes, page);
    throw new Unsupported(`${connectionType.name}.${name}`);
  });
}

/** The page a connection's parts read, each in a subquery of its own under an alias of its own. */
interface ConnectionPage {
  rows: ConnectionRows;
  /** Rows skipped before the page: the cursor row, when a cursor was given. */
  skip: number;
  /** The conditions on a row under `alias`, the cursor's included. */
  conditions: (alias: string) => Prisma.Sql[];
  /** The typed cursor of the row under `alias`: base64url of `<Connection>:` and plugin-prisma's base64 of `GPC:N:<id>`. */
  cursorOf: (alias: string) => Prisma.Sql;
  /** `FROM … WHERE … ORDER BY … LIMIT take OFFSET offset` under a new alias, with `columns` of it. */
  from: (columns: (alias: string) => Prisma.Sql[], take: number, offset: number) => { from: Prisma.Sql; columns: Prisma.Sql[] };
}

function connectionPage(compilation: Compilation, rows: ConnectionRows): ConnectionPage {
  const { dialect } = compilation;
  const conditions = (alias: string) => {
    const all = [...rows.where(alias), ...(rows.cursor ? [cursorCondition(rows.model, rows.order, rows.cursor, alias)] : [])];
    return all.length ? all : [Prisma.sql`1 = 1`];
  };
  return {
    rows,
    skip: rows.cursor ? 1 : 0,
    conditions,
    cursorOf: (alias) => base64Of(dialect, Prisma.sql`${literal(`${rows.tag}:`)} || ${base64Of(dialect, Prisma.sql`'GPC:N:' || ${column(alias, "id")}`)}`, true),
    from: (columns, take, offset) => {
      const alias = `t${++compilation.aliases}`;
      return { from: fromRows({ table: rows.model, alias, where: conditions(alias), order: rows.order, take, skip: offset }), columns: columns(alias) };
    },
  };
}

function pageInfoOf(compilation: Compilation, field: GraphQLField<unknown, unknown>, nodes: FieldNode[], page: ConnectionPage): Prisma.Sql {
  const { dialect } = compilation;
  const { rows, skip } = page;
  const infoType = getNullableType(field.type);
  if (!isObjectType(infoType)) throw new Unsupported(field.name);
  return plainObject(compilation, infoType, nodes, (name) => {
    if (name === "hasPreviousPage") return jsonBoolean(dialect, Prisma.raw(rows.cursor ? "1 = 1" : "1 = 0"));
    if (name === "hasNextPage") return jsonBoolean(dialect, Prisma.sql`EXISTS (SELECT 1 ${page.from(() => [], 1, skip + rows.first).from})`);
    if (name !== "startCursor" && name !== "endCursor") throw new Unsupported(`${infoType.name}.${name}`);
    if (rows.first === 0) return Prisma.sql`NULL`;
    // The page's first or last row: the page read again with its order's columns, turned for the last.
    const edges = page.from((alias) => [Prisma.sql`${page.cursorOf(alias)} AS c`, ...rows.order.map(([key], index) => Prisma.sql`${column(alias, key)} AS ${Prisma.raw(`o${index}`)}`)], rows.first, skip);
    const turned = rows.order.map(([, direction], index) => Prisma.raw(`z.o${index} ${(direction === "desc") === (name === "endCursor") ? "ASC" : "DESC"}`));
    return Prisma.sql`(SELECT z.c FROM (SELECT ${Prisma.join(edges.columns)} ${edges.from}) z ORDER BY ${Prisma.join(turned)} LIMIT 1)`;
  });
}

function edgesOf(compilation: Compilation, field: GraphQLField<unknown, unknown>, nodes: FieldNode[], page: ConnectionPage): Prisma.Sql {
  const { rows } = page;
  const list = getNullableType(field.type);
  const edgeType = getNamedType(field.type);
  if (!isNonNullType(field.type) || !isListType(list) || !isNonNullType(list.ofType) || !isObjectType(edgeType)) throw new Unsupported(field.name);
  const alias = `t${++compilation.aliases}`;
  const edge = plainObject(compilation, edgeType, nodes, (name, edgeNodes, edgeField) => {
    if (name === "cursor") return page.cursorOf(alias);
    const nodeType = getNullableType(edgeField.type);
    if (name !== "node" || !isNonNullType(edgeField.type) || !isObjectType(nodeType) || extensionsOf(nodeType).pothosPrismaModel !== rows.model) throw new Unsupported(`${edgeType.name}.${name}`);
    return objectOf(compilation, nodeType, rows.model, edgeNodes, alias);
  });
  return jsonRows(compilation.dialect, edge, { table: rows.model, alias, where: page.conditions(alias), order: rows.order, take: rows.first, skip: page.skip, joins: compilation.joins.get(alias) });
}

/**
 * The JSON object of a type that is no model's (a connection, its edges, its page info): the
 * fields of `nodes` by response key, `__typename` given here and each other field by `each`.
 */
function plainObject(
  compilation: Compilation,
  type: GraphQLObjectType,
  nodes: FieldNode[],
  each: (name: string, fieldNodes: FieldNode[], field: GraphQLField<unknown, unknown>) => Prisma.Sql,
): Prisma.Sql {
  needsReaderAtMost(type);
  const entries: [string, Prisma.Sql][] = [];
  for (const [key, fieldNodes] of collectFields(compilation, type, selectionSetsOf(nodes))) {
    const name = fieldNodes[0]!.name.value;
    if (name === "__typename") {
      entries.push([key, literal(type.name)]);
      continue;
    }
    const field = fieldDefinition(type, name);
    if (field.args.length > 0) throw new Unsupported(`${type.name}.${name}`);
    entries.push([key, each(name, fieldNodes, field)]);
  }
  return jsonObject(compilation.dialect, entries);
}

const selectionSetsOf = (nodes: FieldNode[]) => nodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));
