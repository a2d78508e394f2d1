import SchemaBuilder, { BasePlugin, isThenable, type PothosOutputFieldConfig, type SchemaTypes } from "@pothos/core";
import { defaultFieldResolver, type GraphQLFieldResolver } from "graphql";
import { FOLDED_PLACE, newFoldedPlace, type FoldedPlace, type FoldedRow } from "../resolvers/folded-read.ts";

/**
 * plugin-prisma asks, for every row and every field that reads a relation or a selection, whether
 * the row was loaded with what the field needs: a lookup by the field's response path that
 * builds strings and walks the path each time, the largest cost of a front page after the
 * database. The rows of a folded read (src/resolvers/folded-read.ts) all come from one planned
 * query, so the answer is the same for every row at one place of the response (its path, list
 * indices dropped; `FoldedPlace`): this plugin lets plugin-prisma answer for the first row to reach
 * a place and gives the rows after it the field's own resolver directly.
 *
 * Listed just before PrismaPlugin, with no plugin after it that wraps resolvers (relay,
 * directives and federation do not), so that the resolver plugin-prisma wraps is the field's own.
 * Fields with arguments, and rows not from a folded read, always go through plugin-prisma; so does
 * the first row at each place, so its lookups find what plugin-prisma recorded for the rows above.
 */
const pluginName = "foldedFields";
export default pluginName;

declare global {
  export namespace PothosSchemaTypes {
    interface Plugins<Types extends SchemaTypes> {
      foldedFields: FoldedFieldsPlugin<Types>;
    }
  }
}

type Resolver<Types extends SchemaTypes> = GraphQLFieldResolver<unknown, Types["Context"], object>;

interface ConnectionShape {
  edges?: ({ node?: unknown } | null)[];
}

export class FoldedFieldsPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override wrapResolve(resolver: Resolver<Types>, fieldConfig: PothosOutputFieldConfig<Types>): Resolver<Types> {
    if (fieldConfig.kind !== "PrismaObject" || !fieldConfig.extensions?.pothosPrismaSelect) return resolver;
    const relation = !!fieldConfig.extensions.pothosPrismaRelationField;
    // A field with arguments may be asked differently under each alias: plugin-prisma answers
    // every row of it; the rows of a connection it answered from its parent's data are handed on.
    if (Object.keys(fieldConfig.args).length > 0) {
      if (!relation) return resolver;
      return (parent, args, context, info) => {
        const place = (parent as FoldedRow | null)?.[FOLDED_PLACE];
        const result = resolver(parent, args, context, info);
        if (place && !isThenable(result)) {
          const here = placeBelow(place, info.path.key as string);
          for (const edge of (result as ConnectionShape | null)?.edges ?? []) placeRow(edge?.node, here);
        }
        return result;
      };
    }
    const own = (fieldConfig.resolve ?? defaultFieldResolver) as Resolver<Types>;
    return (parent, args, context, info) => {
      const place = (parent as FoldedRow | null)?.[FOLDED_PLACE];
      if (!place) return resolver(parent, args, context, info);
      const here = placeBelow(place, info.path.key as string);
      let result: unknown;
      if (here.answered) result = own(parent, args, context, info);
      else {
        result = resolver(parent, args, context, info);
        // plugin-prisma answers synchronously from the row's own data, and with a promise when it loads.
        if (isThenable(result)) return result;
        here.answered = true;
      }
      if (relation) {
        if (Array.isArray(result)) for (const row of result) placeRow(row, here);
        else placeRow(result, here);
      }
      return result;
    };
  }
}

function placeBelow(place: FoldedPlace, key: string): FoldedPlace {
  let below = place.below.get(key);
  if (!below) place.below.set(key, (below = newFoldedPlace()));
  return below;
}

function placeRow(row: unknown, place: FoldedPlace): void {
  if (typeof row === "object" && row !== null) (row as FoldedRow)[FOLDED_PLACE] = place;
}

SchemaBuilder.registerPlugin(pluginName, FoldedFieldsPlugin);
