import SchemaBuilder from "@pothos/core";
import PrismaPlugin from "@pothos/plugin-prisma";
import RelayPlugin from "@pothos/plugin-relay";
import DirectivesPlugin from "@pothos/plugin-directives";
import FederationPlugin from "@pothos/plugin-federation";
import ScopeAuthPlugin from "@pothos/plugin-scope-auth";
import TypedCursorsPlugin from "./typed-cursors.ts";
import FoldedFieldsPlugin from "./folded-fields.ts";
import NodeIdsPlugin from "./node-ids.ts";
import { decodeCanonicalGlobalID } from "./global-id.ts";
import { authScopesOf, unauthorisedError, type AuthScopes } from "./auth-scopes.ts";
import type PrismaTypes from "../generated/pothos-types.ts";
import { getDatamodel } from "../generated/pothos-types.ts";
import type { Context } from "./context.ts";

/** The one schema builder: every type module registers itself here. */
export const builder = new SchemaBuilder<{
  Context: Context;
  AuthScopes: AuthScopes;
  PrismaTypes: PrismaTypes;
  DefaultFieldNullability: false;
  Scalars: {
    Date: { Input: string; Output: string };
    DateTime: { Input: Date; Output: Date };
  };
}>({
  // Directives and federation only matter to the subgraph schema (src/schema/federation.ts).
  // Scope auth first, so that its checks wrap every other plugin's resolvers; typed cursors
  // next, outside prisma's, which may answer a connection without calling the field's resolver;
  // folded fields just outside prisma's, whose per-row lookups it spares folded rows; node IDs
  // last, in place of relay's asynchronous ID field.
  plugins: [ScopeAuthPlugin, TypedCursorsPlugin, FoldedFieldsPlugin, PrismaPlugin, RelayPlugin, DirectivesPlugin, FederationPlugin, NodeIdsPlugin],
  scopeAuth: { authScopes: authScopesOf, unauthorizedError: (_parent, ctx) => unauthorisedError(ctx) },
  defaultFieldNullability: false,
  prisma: {
    client: (ctx) => ctx.db,
    dmmf: getDatamodel(),
    filterConnectionTotalCount: true,
    // A `select`/`include` that no field uses is a bug in a type module: say so while developing.
    onUnusedQuery: process.env.NODE_ENV === "production" ? null : "warn",
  },
  relay: {
    clientMutationId: "omit",
    decodeGlobalID: (globalId) => decodeCanonicalGlobalID(globalId),
    cursorType: "String",
    nodeTypeOptions: {
      description: "An object with a stable, opaque global ID, fetchable with `node(id:)`.",
      // Every type holding archive content is a Node: its fields need the `reader` scope
      // whichever root field, endpoint (/subgraph's `_entities`) or nesting reached it.
      authScopes: { reader: true },
    },
    idFieldOptions: {
      description: "Opaque global ID. It stays the same when the same page is ingested again.",
    },
    nodeQueryOptions: {
      description: "Fetches any object by its global ID; null when no object has that ID.",
      args: { id: { description: "A global ID, as returned by any `id` field." } },
    },
    nodesQueryOptions: {
      description: "Fetches several objects by their global IDs, in the order given; null for each ID that matches nothing.",
      args: { ids: { description: "Global IDs, as returned by any `id` field: at most 100 (`LIST_TOO_LONG` beyond; QUERY_MAX_LIST_ITEMS)." } },
    },
    pageInfoTypeOptions: { description: "Where a page of a connection stands in the whole list." },
    hasNextPageFieldOptions: { description: "True when more items follow this page." },
    hasPreviousPageFieldOptions: { description: "True when items precede this page." },
    startCursorFieldOptions: { description: "Cursor of the first item of this page; pass it as `before` to page backwards." },
    endCursorFieldOptions: { description: "Cursor of the last item of this page; pass it as `after` to page forwards." },
    cursorFieldOptions: { description: "Opaque cursor of this item, for `after` and `before`." },
    nodeFieldOptions: { description: "The item at this edge." },
    edgesFieldOptions: { description: "The items of this page with their cursors." },
    pageInfoFieldOptions: { description: "Cursors and flags for fetching the next or previous page." },
    firstArgOptions: { description: "Return at most this many items from the start (or after `after`): 0 to 100, default 20." },
    lastArgOptions: { description: "Return at most this many items from the end (or before `before`): 0 to 100." },
    afterArgOptions: { description: "Return items after this cursor." },
    beforeArgOptions: { description: "Return items before this cursor." },
    defaultConnectionTypeOptions: { description: "A page of a list, with cursors for paging and the total count." },
    defaultEdgeTypeOptions: { description: "One item of a connection with its cursor." },
  },
});

/**
 * How every entity is a Relay node: its global ID wraps the primary key, and `node(id:)`
 * answers null (not an error) for an ID that matches no row, as the Relay spec asks.
 */
export const byId = { id: { field: "id" }, nullable: true } as const;

builder.queryType({
  description: "Read the editorial graph: publications, issues, pages, articles and people.",
  // Public unless READS_REQUIRE_KEY=true (see src/schema/auth-scopes.ts).
  authScopes: { reader: true },
});
