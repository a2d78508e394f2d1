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
  /** Hears that Redis failed, once until it works again; answers come from the database meanwhile. */
  onRedisError?: (error: unknown) => void;
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
    ...(redis ? { cache: softRedisCache(redis, options.onRedisError ?? (() => undefined)) } : {}),
    buildResponseCacheKey: async ({ documentString, variableValues, operationName, sessionId }) =>
      createHash("sha256")
        .update(JSON.stringify([await options.dataVersion(), documentString, variableValues ?? {}, operationName ?? null, sessionId ?? null]))
        .digest("hex"),
  }) as Plugin;
}

type Cache = ReturnType<typeof createRedisCache>;

/**
 * The Redis cache, failing soft: a lookup Redis cannot answer is a miss and an answer it cannot
 * store is not stored, so a cache outage slows the API down to its database instead of failing
 * every request.
 */
function softRedisCache(redis: Redis, onError: (error: unknown) => void): Cache {
  const cache = createRedisCache({ redis });
  let failing = false;
  // Only a lookup that succeeds says Redis is back: a pipelined write can resolve while Redis is away.
  async function attempt<T>(work: () => T | Promise<T>, fallback: T, isLookup = false): Promise<T> {
    try {
      const result = await work();
      if (isLookup) failing = false;
      return result;
    } catch (error) {
      if (!failing) onError(error);
      failing = true;
      return fallback;
    }
  }
  return {
    get: (id) => attempt(() => cache.get(id), undefined, true),
    set: (id, data, entities, ttl) => attempt(() => cache.set(id, data, entities, ttl), undefined),
    invalidate: (entities) => attempt(() => cache.invalidate(entities), undefined),
  };
}
