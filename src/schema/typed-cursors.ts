import SchemaBuilder, { BasePlugin, completeValue, type PothosOutputFieldConfig, type SchemaTypes } from "@pothos/core";
import { GraphQLError, type GraphQLFieldResolver } from "graphql";

/**
 * Cursors typed by the connection that issued them. plugin-prisma's cursors say only a row's
 * key (`GPC:N:<id>`), so a cursor of `issues` would page `Person.articles` from whichever
 * article has that id. Every cursor a client sees is base64url of `<Connection>:<cursor>`,
 * where `<Connection>` is the connection type (`QueryIssuesConnection`): a cursor is valid on
 * the field it came from, and another connection's is refused with an error that says whose
 * it is. The plugin tags the results of every connection field and checks and untags `after`
 * and `before` as an argument mapper, which is what plugin-prisma's query planning reads too:
 * connections loaded with their parent's query (`relatedConnection`) get the same treatment.
 */
const pluginName = "typedCursors";
export default pluginName;

declare global {
  export namespace PothosSchemaTypes {
    interface Plugins<Types extends SchemaTypes> {
      typedCursors: TypedCursorsPlugin<Types>;
    }
  }
}

interface ConnectionShape {
  edges: ({ cursor: string } | null)[];
  pageInfo: { startCursor: string | null; endCursor: string | null };
}

const tag = (connection: string, cursor: string) => Buffer.from(`${connection}:${cursor}`).toString("base64url");

const badCursor = (message: string) => new GraphQLError(message, { extensions: { code: "BAD_USER_INPUT" } });

export class TypedCursorsPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  /** The connection types of this schema: a tag that names none of them is no cursor of ours. */
  private readonly connections = new Set<string>();

  override onOutputFieldConfig(fieldConfig: PothosOutputFieldConfig<Types>): PothosOutputFieldConfig<Types> {
    const connection = this.connectionOf(fieldConfig);
    if (!connection) return fieldConfig;
    this.connections.add(connection);
    return {
      ...fieldConfig,
      extensions: { ...fieldConfig.extensions, typedCursorsConnection: connection },
      argMappers: [...fieldConfig.argMappers, (args) => this.untagArgs(connection, args)],
    };
  }

  override wrapResolve(
    resolver: GraphQLFieldResolver<unknown, Types["Context"], object>,
    fieldConfig: PothosOutputFieldConfig<Types>,
  ): GraphQLFieldResolver<unknown, Types["Context"], object> {
    const connection = fieldConfig.extensions?.typedCursorsConnection;
    if (typeof connection !== "string") return resolver;
    // The field's own resolver sees the untagged cursors, so its errors name them: they are
    // made to name the cursor the client sent (search's "Invalid cursor for this search: …").
    const rethrow = (args: { after?: unknown; before?: unknown }) => (error: unknown) => {
      for (const cursor of [args.after, args.before]) {
        if (typeof cursor === "string" && error instanceof Error) error.message = error.message.replaceAll(cursor, tag(connection, cursor));
      }
      throw error;
    };
    return (parent, args, context, info) => {
      try {
        return completeValue(resolver(parent, args, context, info), (result) => tagCursors(connection, result as ConnectionShape | null), rethrow(args));
      } catch (error) {
        return rethrow(args)(error);
      }
    };
  }

  /**
   * The connection type a field returns, when it is a Relay connection field: a type whose name
   * ends in `Connection` (the Relay spec's rule) taking `after` and `before`.
   */
  private connectionOf(fieldConfig: PothosOutputFieldConfig<Types>): string | null {
    if (fieldConfig.type.kind !== "Object" || !fieldConfig.args.after || !fieldConfig.args.before) return null;
    const { name } = this.buildCache.getTypeConfig(fieldConfig.type.ref);
    return name.endsWith("Connection") ? name : null;
  }

  private untagArgs(connection: string, args: Record<string, unknown>): Record<string, unknown> {
    const untagged = { ...args };
    for (const name of ["after", "before"] as const) {
      const cursor = args[name];
      if (typeof cursor === "string") untagged[name] = this.untag(connection, cursor);
    }
    return untagged;
  }

  private untag(connection: string, cursor: string): string {
    const match = /^(\w+):(.+)$/s.exec(Buffer.from(cursor, "base64url").toString());
    // Only the exact encoding is read back, so that an error about the untagged cursor can name
    // the one the client sent (see wrapResolve).
    if (!match || !this.connections.has(match[1]!) || tag(match[1]!, match[2]!) !== cursor) {
      throw badCursor(`Invalid cursor: ${cursor}`);
    }
    if (match[1] !== connection) throw badCursor(`Invalid cursor: ${cursor} was issued by ${match[1]}, not ${connection}.`);
    return match[2]!;
  }
}

function tagCursors(connection: string, result: ConnectionShape | null): ConnectionShape | null {
  if (!result) return result;
  const tagged = (cursor: string | null) => (cursor === null ? null : tag(connection, cursor));
  return {
    ...result,
    edges: result.edges.map((edge) => edge && { ...edge, cursor: tag(connection, edge.cursor) }),
    pageInfo: { ...result.pageInfo, startCursor: tagged(result.pageInfo.startCursor), endCursor: tagged(result.pageInfo.endCursor) },
  };
}

SchemaBuilder.registerPlugin(pluginName, TypedCursorsPlugin);
