import { Kind, parse, print, printSchema, visit, type ConstDirectiveNode, type GraphQLSchema } from "graphql";
import { stitchingDirectives } from "@graphql-tools/stitching-directives";
import { builder } from "./builder.ts";

const { stitchingDirectivesTypeDefs } = stitchingDirectives();

/** Types a gateway may merge with its own, and the selection that identifies one. */
const MERGE_KEYS: Record<string, string> = { Person: "{ name }" };
/** Root fields that fetch a merged type by its key: `person(name:)` for `Person`. */
const MERGERS: Record<string, string> = { person: "name" };

function directive(name: string, argument: string, value: string): ConstDirectiveNode {
  return {
    kind: Kind.DIRECTIVE,
    name: { kind: Kind.NAME, value: name },
    arguments: [{ kind: Kind.ARGUMENT, name: { kind: Kind.NAME, value: argument }, value: { kind: Kind.STRING, value } }],
  };
}

const printed = new WeakMap<GraphQLSchema, string>();

/**
 * The schema's SDL annotated for @graphql-tools/stitch's `stitchingDirectivesTransformer`:
 * `@key` on each mergeable type and `@merge` on the root field that fetches it. Introspection
 * carries no directives, so a gateway reads this instead.
 */
export function stitchingSdl(schema: GraphQLSchema): string {
  const cached = printed.get(schema);
  if (cached) return cached;
  const annotated = visit(parse(printSchema(schema)), {
    ObjectTypeDefinition(node) {
      const key = MERGE_KEYS[node.name.value];
      if (key) return { ...node, directives: [...(node.directives ?? []), directive("key", "selectionSet", key)] };
      if (node.name.value !== schema.getQueryType()?.name) return undefined;
      return {
        ...node,
        fields: node.fields?.map((field) => {
          const keyField = MERGERS[field.name.value];
          return keyField ? { ...field, directives: [...(field.directives ?? []), directive("merge", "keyField", keyField)] } : field;
        }),
      };
    },
  });
  const sdl = `${stitchingDirectivesTypeDefs}\n\n${print(annotated)}\n`;
  printed.set(schema, sdl);
  return sdl;
}

builder.queryField("_sdl", (t) =>
  t.string({
    description:
      "This schema in SDL with the stitching directives of @graphql-tools/stitching-directives (`@key` on Person, `@merge` on `person`), for schema-stitching gateways.",
    resolve: (_root, _args, _ctx, info) => stitchingSdl(info.schema),
  }),
);
