import SchemaBuilder, { BasePlugin, isThenable, type PothosOutputFieldConfig, type SchemaTypes } from "@pothos/core";
import { encodeGlobalID } from "@pothos/plugin-relay";
import type { GraphQLFieldResolver } from "graphql";

/**
 * The `id` of a Node, given as soon as it is known. plugin-relay's global ID field is an async
 * function, so every node's `id` is a promise, and graphql then completes every object that
 * selects `id` (each of a hundred articles) asynchronously: a fifth of the server's time for a
 * page of articles with their IDs. This plugin gives the same ID, encoded the same way, from the
 * node's own `id.resolve` (which plugin-prisma's nodes answer from the row), and leaves the field
 * as it was when that answers with a promise.
 *
 * Listed last, so that the resolver it replaces is the field's own, and every other plugin's
 * (scope auth's checks first) wraps this one.
 */
const pluginName = "nodeIds";
export default pluginName;

declare global {
  export namespace PothosSchemaTypes {
    interface Plugins<Types extends SchemaTypes> {
      nodeIds: NodeIdsPlugin<Types>;
    }
  }
}

type Resolver<Types extends SchemaTypes> = GraphQLFieldResolver<unknown, Types["Context"], object>;

export class NodeIdsPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override wrapResolve(resolver: Resolver<Types>, fieldConfig: PothosOutputFieldConfig<Types>): Resolver<Types> {
    const relay = this.builder.options.relay;
    if (fieldConfig.kind !== "Object" && fieldConfig.kind !== "PrismaObject") return resolver;
    if (fieldConfig.name !== (relay?.idFieldName ?? "id")) return resolver;
    const type = this.buildCache.getTypeConfig(fieldConfig.parentType);
    const nodeName = relay?.nodeTypeOptions?.name ?? "Node";
    if (type.kind !== "Object" || !type.interfaces.some((ref) => this.buildCache.getTypeConfig(ref).name === nodeName)) return resolver;
    // The options the node was made with (plugin-relay's addNodeProperties keeps them there).
    const own = (type.pothosOptions as { id?: { resolve?: Resolver<Types> } }).id?.resolve;
    if (!own) return resolver;
    const encode = relay?.encodeGlobalID ?? ((typename: string, id: string) => encodeGlobalID(typename, id));
    return (parent, args, context, info) => {
      const id = own(parent, args, context, info);
      if (id === null || id === undefined || isThenable(id)) return resolver(parent, args, context, info);
      return encode(type.name, String(id), context);
    };
  }
}

SchemaBuilder.registerPlugin(pluginName, NodeIdsPlugin);
