import { createHash } from "node:crypto";
import { createInMemoryCache, useResponseCache } from "@graphql-yoga/plugin-response-cache";
import type { Redis } from "ioredis";
import type { ExecutionResult } from "graphql";
import type { GraphQLParams, Plugin } from "graphql-yoga";
import { createRedisAnswerStore } from "./redis-keys.ts";

export interface ResponseCacheOptions {
  /** Shared cache for every server process; without it each process caches in memory. */
  redis?: Redis;
  /** The deployment's prefix of every Redis key (src/server/redis-keys.ts). */
  redisNamespace?: string;
  /** Time to live of a cached answer, in milliseconds. */
  ttl: number;
  /** The archive's data version: it changes in the same transaction as any write. */
  dataVersion: () => Promise<number>;
  /** Hears that Redis failed, once until it works again; answers come from the database meanwhile. */
  onRedisError?: (error: unknown) => void;
}

/** The largest answer kept, in characters of JSON (the front page's is about 10,000). */
export const MAX_CACHED_ANSWER = 128 * 1024;

/**
 * Caches whole answers. The archive is public, so one cache serves every client. An answer
 * is keyed by the data version as well as the operation and variables: any ingest or
 * correction, by any process, moves the version in its own transaction, so no process
 * serves an answer older than the data — even answers to lists that the change only
 * extends, which entity-based invalidation would miss. Superseded entries expire by TTL.
 *
 * The key, `<data version>:<hash>`, is also the answer's ETag, and yoga answers a request whose
 * If-None-Match names a cached answer 304 Not Modified before any other work. Such a lookup,
 * by a key the client sent, checks the key's version against the current one, so an ETag
 * from before a change is not "not modified" while its superseded entry waits for its TTL;
 * a key the server has just built from the current version is looked up as it is.
 */
export function createArchiveResponseCache(options: ResponseCacheOptions): ArchiveResponseCache {
  const { redis } = options;
  const stored = redis ? softRedisCache(redis, options.redisNamespace ?? "papergraph", options.onRedisError ?? (() => undefined)) : createInMemoryCache();
  const built = new Set<string>();
  const cache: Cache = {
    ...stored,
    get: async (key) => {
      if (built.delete(key) || key.startsWith(`${await options.dataVersion()}:`)) return stored.get(key);
      return undefined;
    },
  };
  const plugin = useResponseCache({
    // Answers may depend on the API key (READS_REQUIRE_KEY=true): requests with a key get a
    // cache of their own, keyed by the token's hash; requests without one share one cache.
    session: (request) => {
      const authorization = request.headers.get("authorization");
      return authorization ? createHash("sha256").update(authorization).digest("hex") : null;
    },
    ttl: options.ttl,
    // extensions.responseCache.hit tells clients (and tests) whether an answer came from the cache.
    includeExtensionMetadata: true,
    cache,
    // Answers with errors are not kept, nor large ones: the cache holds up to 1,000 answers,
    // and distinct queries for large pages would otherwise fill the memory it lives in.
    shouldCacheResult: ({ result }) => !result.errors?.length && JSON.stringify(result).length <= MAX_CACHED_ANSWER,
    buildResponseCacheKey: async ({ documentString, variableValues, operationName, sessionId }) => {
      const key = keyOf(await options.dataVersion(), documentString, variableValues, operationName, sessionId);
      // The lookup under it follows at once; a bound keeps a key never looked up from staying.
      if (built.size > 10_000) built.clear();
      built.add(key);
      return key;
    },
  }) as Plugin;
  return {
    plugin,
    dataVersion: options.dataVersion,
    lookup: async (params) => {
      const key = keyOf(await options.dataVersion(), params.query || "", params.variables, params.operationName, null);
      return ((await stored.get(key)) as CachedResult | null | undefined) ?? null;
    },
  };
}

/** The response cache as yoga's plugin, and its lookup for the cached-answer listener. */
export interface ArchiveResponseCache {
  plugin: Plugin;
  /** The data version answers are keyed by (single-flight.ts keys executions by it too). */
  dataVersion(): Promise<number>;
  /**
   * The answer kept for a request without an API key that has these parameters, at the current
   * data version, as it was stored (yoga's plugin adds `responseCache.hit` when it serves it);
   * null when there is none.
   */
  lookup(params: GraphQLParams): Promise<CachedResult | null>;
}

/** A kept answer: the headers yoga sends with it (ETag, Last-Modified) travel in `extensions.http`. */
export type CachedResult = ExecutionResult & { extensions?: { http?: { headers?: Record<string, string> } } };

function keyOf(version: number, documentString: string, variables: unknown, operationName: string | null | undefined, sessionId: string | null | undefined): string {
  const hash = createHash("sha256").update(JSON.stringify([documentString, variables ?? {}, operationName ?? null, sessionId ?? null]));
  return `${version}:${hash.digest("hex")}`;
}

type Cache = ReturnType<typeof createInMemoryCache>;

/**
 * The Redis cache, failing soft: a lookup Redis cannot answer is a miss and an answer it cannot
 * store is not stored, so a cache outage slows the API down to its database instead of failing
 * every request.
 */
function softRedisCache(redis: Redis, namespace: string, onError: (error: unknown) => void): Cache {
  const cache = createRedisAnswerStore(redis, namespace);
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
    invalidate: () => attempt(() => cache.invalidate(), undefined),
  };
}
