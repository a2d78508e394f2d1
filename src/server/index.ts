import type { RequestListener } from "node:http";
import type { CORSOptions } from "@whatwg-node/server";
import { createYoga, type Plugin, type YogaServerInstance } from "graphql-yoga";
import type { Redis } from "ioredis";
import { schema } from "../schema/index.ts";
import { createContext, readsRequireKey, type Context } from "../schema/context.ts";
import type { Db } from "../db/client.ts";
import type { Writer } from "../db/writer.ts";
import { GRAPHIQL } from "./graphiql.ts";
import { renderGraphiQL, useGraphiQLAssets } from "./graphiql-assets.ts";
import { useSubgraph } from "./subgraph.ts";
import { usePersistedDocuments, type PersistedOperationsOptions } from "./persisted-operations.ts";
import { useReadiness } from "./readiness.ts";
import { createMetrics, type Metrics } from "./metrics.ts";
import type { Readiness } from "../db/readiness.ts";
import type { Logger } from "../lib/logger.ts";
import { DEFAULT_LIMITS, useQueryLimits, type Limits } from "./limits.ts";
import { createRateLimit, type RateLimit } from "./rate-limit.ts";
import type { ArchiveResponseCache } from "./response-cache.ts";
import { answerFromCache } from "./cached-answers.ts";
import { useSingleFlight } from "./single-flight.ts";
import { useErrorMasking, useBrowserSafety } from "./safety.ts";
import { useCanonicalPaths } from "./canonical-paths.ts";
import { useBodyLimit } from "./body-limit.ts";
import { useStatementAnswers } from "./statement-answers.ts";

/** Paths the rate limit does not count: probes of health, readiness and metrics. */
const UNLIMITED_PATHS = ["/healthz", "/readyz", "/metrics"];

export type PapergraphServer = YogaServerInstance<Record<string, never>, Context>;

export interface ServerOptions {
  /** Where the server logs (errors, with details kept out of responses); silent without. */
  logger?: Logger;
  /** Accept codegen's document hashes (and, with `only`, nothing else). */
  persistedOperations?: PersistedOperationsOptions;
  /** Answers `/readyz`; without it, /readyz is not served. */
  readiness?: () => Promise<Readiness>;
  /** Serve Prometheus metrics at `/metrics`. */
  metrics?: boolean;
  /** Serve `/metrics` only to `Authorization: Bearer <metricsToken>` (METRICS_TOKEN). */
  metricsToken?: string;
  /** The write connection for the editors' mutations (src/schema/editors.ts); without it they answer an error. */
  writer?: Writer;
  /** Reads need a `reader` API key; default READS_REQUIRE_KEY=true in the environment. */
  readsRequireKey?: boolean;
  /** More plugins. */
  plugins?: Plugin[];
  /** The response cache, which `serve` sets up with its connections (src/server/response-cache.ts). */
  responseCache?: ArchiveResponseCache;
  /** Query, body-size and rate limits, CORS and field suggestions (src/server/limits.ts); defaults when not given. */
  limits?: Partial<Limits>;
  /** Shared by every process of a deployment: the rate limit counts there. */
  redis?: Redis;
  /** The deployment's prefix of its Redis keys (src/server/redis-keys.ts). */
  redisNamespace?: string;
}

export function createServer(db: Db, options: ServerOptions = {}): PapergraphServer {
  return assemble(db, options).yoga;
}

/**
 * The server as `papergraph serve` runs it on node:http: requests whose answer is cached are
 * answered from the cache before yoga (src/server/cached-answers.ts), the rest by yoga.
 */
export function createRequestListener(db: Db, options: ServerOptions = {}): { yoga: PapergraphServer; listener: RequestListener } {
  const { yoga, rateLimit, metrics, limits } = assemble(db, options);
  const cache = options.responseCache;
  // Requests that need a key, or documents sent as text where only persisted ones are allowed,
  // are refused by yoga's plugins; cached answers must not skip them.
  const anonymousTextServed = !readsRequireKey(options.readsRequireKey) && !options.persistedOperations?.only;
  const listener: RequestListener = cache && anonymousTextServed
    ? answerFromCache(yoga, { cache, rateLimit, endpoint: yoga.graphqlEndpoint, maxBodyBytes: limits.maxBodyBytes, cors: corsOptions(limits), onAnswer: metrics?.countCachedAnswer })
    : yoga;
  return { yoga, listener };
}

function assemble(db: Db, options: ServerOptions): { yoga: PapergraphServer; limits: Limits; rateLimit: RateLimit | null; metrics: Metrics | null } {
  const limits: Limits = { ...DEFAULT_LIMITS, ...options.limits };
  const rateLimit = limits.rateLimit ? createRateLimit(limits.rateLimit, UNLIMITED_PATHS, options.redis, options.redisNamespace) : null;
  const metrics = options.metrics ? createMetrics(options.metricsToken ? { token: options.metricsToken } : {}) : null;
  // Read from the environment once, not at each request.
  const keyRequired = readsRequireKey(options.readsRequireKey);
  const yoga = createYoga<Record<string, never>, Context>({
    schema,
    context: ({ request }) => createContext(db, { request, writer: options.writer, readsRequireKey: keyRequired }),
    graphqlEndpoint: "/graphql",
    landingPage: false,
    logging: options.logger ?? false,
    graphiql: GRAPHIQL,
    // A small page whose assets the server serves itself, cacheable (src/server/graphiql-assets.ts).
    renderGraphiQL,
    // Refused by useBodyLimit instead, which counts only the bodies whose length was not told.
    maxRequestBodySize: false,
    maskedErrors: useErrorMasking(),
    cors: corsOptions(limits),
    plugins: [
      ...(rateLimit ? [rateLimit.plugin] : []),
      useGraphiQLAssets(),
      useCanonicalPaths(),
      ...useBrowserSafety(),
      useSubgraph(db, useQueryLimits(limits, { reportCost: false }), keyRequired),
      ...useQueryLimits(limits, { reportCost: true }),
      ...(options.persistedOperations ? [usePersistedDocuments(options.persistedOperations)] : []),
      ...(options.readiness ? [useReadiness(options.readiness)] : []),
      ...(metrics ? metrics.plugins : []),
      // Before single flight and the cache, which wrap the execution it sets.
      useStatementAnswers(db, schema, options.logger),
      // Single flight before the cache, so that it wraps the execution the cache runs on a miss.
      ...(options.responseCache ? [useSingleFlight(options.responseCache.dataVersion), options.responseCache.plugin] : []),
      ...(options.plugins ?? []),
      // After every plugin that may choose the request parser, as yoga places its own limit.
      ...(Number.isFinite(limits.maxBodyBytes) ? [useBodyLimit(limits.maxBodyBytes)] : []),
    ],
    // Yoga's own readiness route answers /healthz: the process is up and serving.
    healthCheckEndpoint: "/healthz",
  });
  return { yoga, limits, rateLimit, metrics };
}

const corsOptions = (limits: Limits): CORSOptions => ({ origin: limits.corsOrigins === "*" ? "*" : limits.corsOrigins, credentials: false });
