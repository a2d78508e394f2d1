import { createYoga, type Plugin } from "graphql-yoga";
import { subgraphSchema } from "../schema/federation.ts";
import { createContext } from "../schema/context.ts";
import type { Db } from "../db/client.ts";

export const SUBGRAPH_ENDPOINT = "/subgraph";

/**
 * Serves the Apollo Federation subgraph at /subgraph beside /graphql. It is a yoga of its
 * own, so /graphql's schema shows no federation internals and /graphql's plugins
 * (persisted operations) do not bind the gateway, whose query plans are never persisted.
 */
export function useSubgraph(db: Db, plugins: Plugin[] = [], readsRequireKey?: boolean): Plugin {
  const subgraph = createYoga({
    schema: subgraphSchema,
    // The request carries the API key: with READS_REQUIRE_KEY=true the subgraph needs one too.
    context: ({ request }) => createContext(db, { request, ...(readsRequireKey === undefined ? {} : { readsRequireKey }) }),
    graphqlEndpoint: SUBGRAPH_ENDPOINT,
    graphiql: false,
    landingPage: false,
    logging: false,
    // The query limits of /graphql (not its rate limit: the gateway is one client for many).
    plugins,
  });
  return {
    async onRequest({ url, request, serverContext, endResponse }) {
      if (url.pathname === SUBGRAPH_ENDPOINT) endResponse(await subgraph.fetch(request, serverContext));
    },
  };
}
