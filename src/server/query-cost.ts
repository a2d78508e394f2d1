import {
  GraphQLError,
  Kind,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
  getArgumentValues,
  getNamedType,
  getNullableType,
  isAbstractType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from "graphql";

/**
 * The cost of a GraphQL operation: an estimate of the rows and values it makes the server
 * touch, computed from the operation and its variables once they are coerced (defaults of
 * variables and of arguments applied), so that a page size left out, written in the query,
 * passed as a variable or taken from a variable's default costs the same.
 *
 * - A scalar or enum field costs 1, an object 2, times its field weight (FIELD_WEIGHTS: the
 *   fields that count or search cost what that work costs; introspection INTROSPECTION_WEIGHT).
 * - The `edges` and `nodes` of a connection count `first` (or `last`) times; a connection
 *   without either counts its default page size, 20.
 * - A list with a `first` argument (`coMentioned`) counts `first` times, its default when
 *   absent; a list looked up from a list argument (`nodes(ids:)`, `_entities`) counts once
 *   per item; any other list of objects counts LIST_ESTIMATE times (a page's articles, an
 *   article's mentions), introspection's lists as long as they are in this schema on average.
 * - A list in any argument, at any depth of an input, holds at most `maxListItems` items, and
 *   no string in an argument holds U+0000.
 *
 * `__typename` is free. Fragments count where they are spread (each spread once per walk,
 * memoised, so that fragments spreading fragments cannot make the count itself slow).
 */
export interface CostOptions {
  maxListItems: number;
}

export const DEFAULT_PAGE_SIZE = 20;
export const LIST_ESTIMATE = 10;

/**
 * Fields whose work is more than reading one value: counting rows, searching, and a person's
 * articles: for a list of people, the first page reads about `first` index entries of each
 * person's mentions, and the count counts them on that index (src/resolvers/person-articles.ts);
 * a person's credits carry no date and are read with their articles' (a reporter's thousands),
 * which the weight of 50 (a page of 20 costs 1,000 for the page and a count) stands for.
 */
export const FIELD_WEIGHTS: Record<string, number> = {
  totalCount: 10,
  "Query.search": 50,
  "Query.people": 5,
  "Person.articles": 50,
  // Whole texts: an article's body is a few thousand characters read, escaped and sent, a
  // page's text its articles' together: a page of 10 issues' bodies (4 pages of 8 articles
  // each, costed as 10 of 10) is over the limit.
  "Article.body": 50,
  "Page.text": 100,
  "Person.mentions": 100,
  "Person.credits": 100,
  "Person.coMentioned": 50,
};

/**
 * Introspection reads the schema in memory: half what a value read from the database costs,
 * so that one full introspection (GraphiQL's, codegen's: about 30,000) fits the default limit
 * and a handful of them in one request do not.
 */
export const INTROSPECTION_WEIGHT = 0.5;

export class ListTooLongError extends GraphQLError {
  constructor(path: string, field: string, items: number, limit: number) {
    super(`Argument "${path}" of ${field} holds ${items} items; at most ${limit} are allowed.`, { extensions: { code: "LIST_TOO_LONG" } });
  }
}

/** A string argument holding U+0000: PostgreSQL stores no such text, SQLite would cut it short. */
export class NulCharacterError extends GraphQLError {
  constructor(path: string, field: string) {
    super(`Argument "${path}" of ${field} holds a NUL character (U+0000), which no text may hold.`, { extensions: { code: "BAD_USER_INPUT" } });
  }
}

/** What the cost walk refuses in an argument, before anything runs. */
export const isArgumentRefusal = (error: unknown): error is GraphQLError => error instanceof ListTooLongError || error instanceof NulCharacterError;

interface Walk {
  schema: GraphQLSchema;
  fragments: Map<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  options: CostOptions;
  memo: Map<string, number>;
  spreading: Set<string>;
}

/**
 * The operation's cost; throws ListTooLongError for an argument list over the limit and
 * NulCharacterError for a string argument holding U+0000.
 * `variables` are the coerced values (graphql's getVariableValues), defaults included.
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  options: CostOptions,
): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const root = schema.getRootType(operation.operation);
  if (!root) return 0;
  return selectionCost({ schema, fragments, variables, options, memo: new Map(), spreading: new Set() }, root, operation.selectionSet, null);
}

function selectionCost(walk: Walk, parent: GraphQLNamedType, selectionSet: SelectionSetNode, pageSize: number | null): number {
  let total = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.INLINE_FRAGMENT) {
      const type = selection.typeCondition ? walk.schema.getType(selection.typeCondition.name.value) : parent;
      if (type) total += selectionCost(walk, type, selection.selectionSet, pageSize);
      continue;
    }
    if (selection.kind === Kind.FRAGMENT_SPREAD) {
      const name = selection.name.value;
      const fragment = walk.fragments.get(name);
      // A fragment spread within itself is refused by validation; here it just adds nothing.
      if (!fragment || walk.spreading.has(name)) continue;
      const key = `${name}|${pageSize}`;
      let cost = walk.memo.get(key);
      if (cost === undefined) {
        const type = walk.schema.getType(fragment.typeCondition.name.value);
        walk.spreading.add(name);
        cost = type ? selectionCost(walk, type, fragment.selectionSet, pageSize) : 0;
        walk.spreading.delete(name);
        walk.memo.set(key, cost);
      }
      total += cost;
      continue;
    }
    const name = selection.name.value;
    if (name === "__typename") continue;
    const field = fieldOf(walk.schema, parent, name);
    if (!field) continue;
    const args = argumentsOf(walk, field, selection, parent.name);
    const type = getNamedType(field.type);
    const weight = parent.name.startsWith("__") ? INTROSPECTION_WEIGHT : (FIELD_WEIGHTS[`${parent.name}.${name}`] ?? FIELD_WEIGHTS[name] ?? 1);
    const own = (isLeafType(type) ? 1 : 2) * weight;
    const connection = isConnection(type) && field.args.some((arg) => arg.name === "first" || arg.name === "last");
    const requested = pageArgument(args);
    const children = selection.selectionSet
      ? selectionCost(walk, type, selection.selectionSet, connection ? (requested ?? DEFAULT_PAGE_SIZE) : null)
      : 0;
    total += times(walk, parent, field, args, requested, pageSize) * (own + children);
  }
  return total;
}

/** How many times a field's value is produced for one parent. */
function times(walk: Walk, parent: GraphQLNamedType, field: GraphQLField<unknown, unknown>, args: Record<string, unknown>, requested: number | null, pageSize: number | null): number {
  if (pageSize !== null && (field.name === "edges" || field.name === "nodes")) return pageSize;
  if (!isListType(getNullableType(field.type))) return 1;
  if (isLeafType(getNamedType(field.type))) return 1;
  if (requested !== null) return requested;
  const listed = Object.values(args).find(Array.isArray);
  if (listed) return listed.length;
  if (parent.name.startsWith("__")) return introspectionListLength(walk.schema, parent.name, field.name);
  return LIST_ESTIMATE;
}

function pageArgument(args: Record<string, unknown>): number | null {
  const sizes = [args.first, args.last].filter((value): value is number => typeof value === "number");
  return sizes.length ? Math.max(0, ...sizes) : null;
}

const isConnection = (type: GraphQLNamedType) => isObjectType(type) && "edges" in type.getFields() && "pageInfo" in type.getFields();

function fieldOf(schema: GraphQLSchema, parent: GraphQLNamedType, name: string): GraphQLField<unknown, unknown> | undefined {
  if (name === "__schema" && parent === schema.getQueryType()) return SchemaMetaFieldDef;
  if (name === "__type" && parent === schema.getQueryType()) return TypeMetaFieldDef;
  if (isObjectType(parent) || isInterfaceType(parent)) return parent.getFields()[name];
  return undefined;
}

/** The field's arguments as the resolver will see them, with each list checked against the limit. */
function argumentsOf(walk: Walk, field: GraphQLField<unknown, unknown>, node: Parameters<typeof getArgumentValues>[1], parentName: string): Record<string, unknown> {
  let args: Record<string, unknown>;
  try {
    args = getArgumentValues(field, node, walk.variables);
  } catch {
    // Execution reports a value that does not coerce; here it counts as absent.
    return {};
  }
  for (const definition of field.args) {
    if (definition.name in args) checkLists(args[definition.name], definition.type, definition.name, `${parentName}.${field.name}`, walk.options.maxListItems);
  }
  return args;
}

function checkLists(value: unknown, type: GraphQLInputType, path: string, field: string, limit: number): void {
  if (value === null || value === undefined) return;
  if (typeof value === "string") {
    if (value.includes("\u0000")) throw new NulCharacterError(path, field);
    return;
  }
  const nullable = isNonNullType(type) ? type.ofType : type;
  if (isListType(nullable)) {
    if (!Array.isArray(value)) return;
    if (value.length > limit) throw new ListTooLongError(path, field, value.length, limit);
    value.forEach((item, index) => checkLists(item, nullable.ofType, `${path}.${index}`, field, limit));
    return;
  }
  if (isInputObjectType(nullable) && typeof value === "object") {
    const fields = nullable.getFields();
    for (const [name, item] of Object.entries(value as Record<string, unknown>)) {
      if (fields[name]) checkLists(item, fields[name].type, `${path}.${name}`, field, limit);
    }
  }
  // Other scalars (JSON-like `_Any` included) are not walked: the body size bounds them.
}

// Introspection's lists, as long as this schema makes them on average (their longest would
// price GraphiQL's and codegen's one introspection out of reach).
const introspectionLengths = new WeakMap<GraphQLSchema, Record<string, number>>();

function introspectionListLength(schema: GraphQLSchema, parent: string, field: string): number {
  let lengths = introspectionLengths.get(schema);
  if (!lengths) {
    const types = Object.values(schema.getTypeMap());
    const withFields = types.filter((type) => isObjectType(type) || isInterfaceType(type)) as { getFields(): Record<string, GraphQLField<unknown, unknown>> }[];
    const fields = withFields.flatMap((type) => Object.values(type.getFields()));
    const inputs = types.filter(isInputObjectType);
    const enums = types.filter(isEnumType);
    const mean = (total: number, count: number) => Math.max(1, Math.ceil(total / Math.max(1, count)));
    lengths = {
      "__Schema.types": types.length,
      "__Schema.directives": schema.getDirectives().length,
      "__Type.fields": mean(fields.length, withFields.length),
      "__Type.inputFields": mean(inputs.reduce((sum, type) => sum + Object.keys(type.getFields()).length, 0), inputs.length),
      "__Type.enumValues": mean(enums.reduce((sum, type) => sum + type.getValues().length, 0), enums.length),
      "__Type.interfaces": mean(types.filter(isObjectType).reduce((sum, type) => sum + type.getInterfaces().length, 0), types.length),
      "__Type.possibleTypes": mean(types.filter(isAbstractType).reduce((sum, type) => sum + schema.getPossibleTypes(type).length, 0), types.length),
      "__Field.args": mean(fields.reduce((sum, item) => sum + item.args.length, 0), fields.length),
      "__Directive.args": mean(schema.getDirectives().reduce((sum, item) => sum + item.args.length, 0), schema.getDirectives().length),
    };
    introspectionLengths.set(schema, lengths);
  }
  return lengths[`${parent}.${field}`] ?? LIST_ESTIMATE;
}
