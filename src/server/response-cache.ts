import { createHash } from "node:crypto";
import { createRedisCache } from "@envelop/response-cache-redis";
import { useResponseCache } from "@graphql-yoga/plugin-response-cache";
import type { Redis } from "ioredis";
import type { Plugin } from "graphql-yoga";

export interface ResponseCacheOptions {
  /** Shared cache for every server process; without it each process caches in memory. */
  redis?: Redis;
  /** Time to live of a cached answer, in milliseconds. */
  ttl: number;
  /** The archive's data version: it changes in the same transaction as any write. */
  dataVersion: () => Promise<number>;
}

/**
 * Caches whole answers. The archive is public, so one cache serves every client. An answer
 * is keyed by the data version as well as the operation and variables: any ingest or
 * correction, by any process, moves the version in its own transaction, so no process
 * serves an answer older than the data — even answers to lists that the change only
 * extends, which entity-based invalidation would miss. Superseded entries expire by TTL.
 */
export function useArchiveResponseCache(options: ResponseCacheOptions): Plugin {
  const { redis } = options;
  return useResponseCache({
    // Answers may depend on the API key (READS_REQUIRE_KEY=true): requests with a key get a
    // cache of their own, keyed by the token's hash; requests without one share one cache.
    session: (request) => {
      const authorization = request.headers.get("authorization");
      return authorization ? createHash("sha256").update(authorization).digest("hex") : null;
    },
    ttl: options.ttl,
    // extensions.responseCache.hit tells clients (and tests) whether an answer came from the cache.
    includeExtensionMetadata: true,
    ...(redis ? { cache: createRedisCache({ redis }) } : {}),
    buildResponseCacheKey: async ({ documentString, variableValues, operationName, sessionId }) =>
      createHash("sha256")
        .update(JSON.stringify([await options.dataVersion(), documentString, variableValues ?? {}, operationName ?? null, sessionId ?? null]))
        .digest("hex"),
  }) as Plugin;
}
