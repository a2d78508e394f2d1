import { createYoga, type YogaServerInstance } from "graphql-yoga";
import { schema } from "./schema/index.ts";
import { createContext, type Context } from "./context.ts";
import type { Db } from "./db/client.ts";
import { GRAPHIQL } from "./server/graphiql.ts";
import { useSubgraph } from "./server/subgraph.ts";
import { usePersistedDocuments, type PersistedOperationsOptions } from "./server/persisted-operations.ts";

export type PapergraphServer = YogaServerInstance<Record<string, never>, Context>;

export interface ServerOptions {
  logging?: boolean;
  /** Accept codegen's document hashes (and, with `only`, nothing else). */
  persistedOperations?: PersistedOperationsOptions;
}

export function createServer(db: Db, options: ServerOptions = {}): PapergraphServer {
  return createYoga<Record<string, never>, Context>({
    schema,
    context: () => createContext(db),
    graphqlEndpoint: "/graphql",
    landingPage: false,
    logging: options.logging ?? false,
    graphiql: GRAPHIQL,
    // The GraphiQL page with its scripts inlined, so it loads nothing from a CDN; 9 MB of
    // script, loaded on the first visit rather than by every process that serves the API.
    renderGraphiQL: async (graphiql) => (await import("@graphql-yoga/render-graphiql")).renderGraphiQL(graphiql),
    plugins: [useSubgraph(db), ...(options.persistedOperations ? [usePersistedDocuments(options.persistedOperations)] : [])],
    // Yoga's own readiness route answers /healthz: the process is up and serving.
    healthCheckEndpoint: "/healthz",
  });
}
