import { createHash } from "node:crypto";
import type { ExecutionResult } from "graphql";
import type { Redis } from "ioredis";

/**
 * The prefix of every key a deployment writes to Redis: `REDIS_PREFIX` (default `papergraph`)
 * and the identity of its database (a hash of the URL without credentials: the host, port and
 * database name, or the SQLite file), so two deployments sharing one Redis neither read nor
 * overwrite each other's answers or counts, and every process of one deployment shares them.
 */
export function redisNamespace(prefix: string | undefined, databaseUrl: string): string {
  let identity = databaseUrl;
  try {
    const url = new URL(databaseUrl);
    url.username = "";
    url.password = "";
    url.search = "";
    identity = url.toString();
  } catch {
    // A SQLite path that is not a URL is its own identity.
  }
  const database = createHash("sha256").update(identity).digest("hex").slice(0, 16);
  return `${prefix?.trim() || "papergraph"}:${database}`;
}

/** The longest any answer stays in Redis, whatever TTL was asked: nothing is kept for ever. */
export const MAX_REDIS_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * Whole answers in Redis under `<namespace>:answer:<key>`, each with its TTL (at most
 * MAX_REDIS_TTL_MS). Answers are keyed by the archive's data version, so a write makes older
 * ones unreachable and they expire: there is nothing to invalidate, and no index of entities
 * (the plugin's own Redis cache keeps sets per type that never expire, and walks them with
 * `KEYS`, which blocks Redis for every client).
 */
export function createRedisAnswerStore(redis: Redis, namespace: string) {
  const keyOf = (id: string) => `${namespace}:answer:${id}`;
  return {
    get: async (id: string): Promise<ExecutionResult | undefined> => {
      const stored = await redis.get(keyOf(id));
      return stored ? (JSON.parse(stored) as ExecutionResult) : undefined;
    },
    set: async (id: string, result: unknown, _entities: unknown, ttl: number): Promise<void> => {
      const milliseconds = Math.max(1, Math.min(Number.isFinite(ttl) ? ttl : MAX_REDIS_TTL_MS, MAX_REDIS_TTL_MS));
      await redis.set(keyOf(id), JSON.stringify(result), "PX", milliseconds);
    },
    invalidate: async (): Promise<void> => undefined,
  };
}
