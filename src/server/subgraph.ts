import { createYoga, type Plugin } from "graphql-yoga";
import { subgraphSchema } from "../schema/federation.ts";
import { createContext } from "../context.ts";
import type { Db } from "../db/client.ts";

export const SUBGRAPH_ENDPOINT = "/subgraph";

/**
 * Serves the Apollo Federation subgraph at /subgraph beside /graphql. It is a yoga of its
 * own, so /graphql's schema shows no federation internals and /graphql's plugins
 * (persisted operations) do not bind the gateway, whose query plans are never persisted.
 */
export function useSubgraph(db: Db): Plugin {
  const subgraph = createYoga({
    schema: subgraphSchema,
    context: () => createContext(db),
    graphqlEndpoint: SUBGRAPH_ENDPOINT,
    graphiql: false,
    landingPage: false,
    logging: false,
  });
  return {
    async onRequest({ url, request, serverContext, endResponse }) {
      if (url.pathname === SUBGRAPH_ENDPOINT) endResponse(await subgraph.fetch(request, serverContext));
    },
  };
}
