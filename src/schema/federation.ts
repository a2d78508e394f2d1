import { rowId } from "./global-id.ts";
import type { GraphQLSchema } from "graphql";
import type { Context } from "./context.ts";
import { authScopesOf, unauthorisedError } from "./auth-scopes.ts";
import { builder } from "./builder.ts";
import { Article } from "./article.ts";
import { Issue } from "./issue.ts";
import { Person } from "./person.ts";
import { personByName } from "../resolvers/queries.ts";
// The whole API must be registered (and /graphql's schema built) before the subgraph is.
import "./index.ts";

/**
 * A gateway's `_entities` reaches rows without a root field: with READS_REQUIRE_KEY=true the
 * reference is not even looked up for a request without a `reader` key (the types' own scopes
 * would refuse their fields, but the lookup would still say which IDs exist).
 */
async function needsReader(ctx: Context): Promise<void> {
  if (!(await authScopesOf(ctx)).reader) throw unauthorisedError(ctx);
}

// Declared after /graphql's schema is built, so that schema carries no federation keys.
builder.asEntity(Article, {
  key: builder.selection<{ id: string }>("id"),
  resolveReference: async ({ id }, ctx) => {
    await needsReader(ctx);
    const key = rowId(id, "Article");
    return key === null ? null : ctx.db.article.findUnique({ where: { id: key } });
  },
});

builder.asEntity(Issue, {
  key: builder.selection<{ id: string }>("id"),
  resolveReference: async ({ id }, ctx) => {
    await needsReader(ctx);
    const key = rowId(id, "Issue");
    return key === null ? null : ctx.db.issue.findUnique({ where: { id: key } });
  },
});

// Other subgraphs know people by the printed name more often than by our IDs.
builder.asEntity(Person, {
  key: [builder.selection<{ id: string }>("id"), builder.selection<{ name: string }>("name")],
  resolveReference: async (reference, ctx) => {
    await needsReader(ctx);
    if ("name" in reference) return personByName(ctx.db, reference.name);
    const key = rowId(reference.id, "Person");
    return key === null ? null : ctx.db.person.findUnique({ where: { id: key } });
  },
});

/**
 * papergraph as an Apollo Federation 2 subgraph, served at /subgraph: the API of /graphql
 * plus `_service` and `_entities`, with `Article`, `Issue` and `Person` as entities.
 */
export const subgraphSchema: GraphQLSchema = builder.toSubGraphSchema({
  linkUrl: "https://specs.apollo.dev/federation/v2.6",
  federationDirectives: ["@key"],
});
