import { Redis } from "ioredis";

/**
 * The Redis the suite may use: its default database, never a fixed index another run could
 * flush. Each run keeps to keys under its own prefix (runRedisPrefix) and deletes only those.
 */
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

/** This run's Redis keys start with it: no other run reads, counts or deletes them. */
export const runRedisPrefix = (name: string) => `papergraph-test:${name}:${process.pid}:${Date.now()}:`;

/**
 * Whether a service the suite uses is there. Without it the tests that need it are skipped,
 * except under CI=true: there a missing service fails the run, so that a green run means
 * every test ran.
 */
export function requireUnderCi(service: string, reachable: boolean): boolean {
  if (!reachable && process.env.CI === "true") throw new Error(`CI=true and ${service} is not reachable: the suite needs it (CI starts it in .ci/run)`);
  return reachable;
}

export async function redisReachable(url = TEST_REDIS_URL): Promise<boolean> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  redis.on("error", () => undefined);
  try {
    await redis.connect();
    await redis.ping();
    return true;
  } catch {
    return false;
  } finally {
    redis.disconnect();
  }
}

/** Deletes the keys under `prefix`, and no other. */
export async function deleteRedisKeys(prefix: string, url = TEST_REDIS_URL): Promise<void> {
  const redis = new Redis(url);
  try {
    let cursor = "0";
    do {
      const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 500);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== "0");
  } finally {
    redis.disconnect();
  }
}
