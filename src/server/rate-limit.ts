import type { IncomingMessage } from "node:http";
import type { Plugin } from "graphql-yoga";
import type { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import { LIMIT_CODES, type RateLimitOptions } from "./limits.ts";

/** A request the rate limit turned away: how long until the client may ask again. */
export interface Refusal {
  retryAfterSeconds: number;
}

export interface RateLimit {
  /**
   * Counts the request against its client's allowance, once however often it is asked (the
   * cached-answer listener asks before yoga does); null when admitted, and for requests with
   * no network peer (in-process calls, as the tests make), which are not counted.
   */
  admit(req: IncomingMessage): Promise<Refusal | null>;
  /** Refuses, in yoga, the requests that `admit` turns away: every path but the `exempt` ones. */
  plugin: Plugin;
}

/**
 * At most `requests` GraphQL requests per client address in each window (rate-limiter-flexible's
 * fixed window). With `redis`, counted there for every process and machine that shares it; if
 * Redis cannot be reached, each process counts on in memory meanwhile. Without it, counted per
 * process: with N workers or machines a client gets up to N times as many. Refusals are 429
 * with `Retry-After` and a GraphQL error coded RATE_LIMITED. Every request is counted, /graphql
 * and /subgraph alike, except those to the `exempt` paths (health, readiness, metrics),
 * matched exactly: the server answers no other spelling of a path (src/server/canonical-paths.ts).
 */
export function createRateLimit(options: RateLimitOptions, exempt: readonly string[], redis?: Redis, redisNamespace = "papergraph"): RateLimit {
  const window = { points: options.requests, duration: options.windowSeconds };
  const limiter = redis
    ? new RateLimiterRedis({ ...window, storeClient: redis, keyPrefix: `${redisNamespace}:rate`, insuranceLimiter: new RateLimiterMemory(window) })
    : new RateLimiterMemory(window);
  const decided = new WeakMap<IncomingMessage, Promise<Refusal | null>>();

  async function consume(client: string): Promise<Refusal | null> {
    try {
      await limiter.consume(client);
      return null;
    } catch (refusal) {
      if (!(refusal instanceof RateLimiterRes)) throw refusal;
      return { retryAfterSeconds: Math.max(1, Math.ceil(refusal.msBeforeNext / 1000)) };
    }
  }
  function admit(req: IncomingMessage): Promise<Refusal | null> {
    let decision = decided.get(req);
    if (!decision) {
      const client = clientAddress(req, options.trustProxy);
      decision = client ? consume(client) : Promise.resolve(null);
      decided.set(req, decision);
    }
    return decision;
  }

  const plugin: Plugin = {
    async onRequest({ url, serverContext, endResponse }) {
      const req = (serverContext as { req?: IncomingMessage } | undefined)?.req;
      if (exempt.includes(url.pathname) || !req) return;
      const refusal = await admit(req);
      if (!refusal) return;
      const body = {
        errors: [
          {
            message: `Too many requests: at most ${options.requests} every ${options.windowSeconds} s from one client. Retry after ${refusal.retryAfterSeconds} s.`,
            extensions: { code: LIMIT_CODES.rate },
          },
        ],
      };
      endResponse(
        new Response(JSON.stringify(body), {
          status: 429,
          headers: { "content-type": "application/json; charset=utf-8", "retry-after": String(refusal.retryAfterSeconds) },
        }),
      );
    },
  };
  return { admit, plugin };
}

function clientAddress(req: IncomingMessage, trustProxy: boolean): string | null {
  if (trustProxy) {
    const header = req.headers["x-forwarded-for"];
    const forwarded = (Array.isArray(header) ? header[0] : header)?.split(",")[0]?.trim();
    if (forwarded) return forwarded;
  }
  return req.socket?.remoteAddress ?? null;
}
