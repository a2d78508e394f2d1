import type { IncomingMessage } from "node:http";
import type { Plugin } from "graphql-yoga";
import type { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import { LIMIT_CODES, type RateLimitOptions } from "./limits.ts";

/**
 * At most `requests` GraphQL requests per client address in each window (rate-limiter-flexible's
 * fixed window). With `redis`, counted there for every process and machine that shares it; if
 * Redis cannot be reached, each process counts on in memory meanwhile. Without it, counted per
 * process: with N workers or machines a client gets up to N times as many. Refusals are 429
 * with `Retry-After` and a GraphQL error coded RATE_LIMITED. Requests with no network peer
 * (in-process calls, as the tests make) are not counted; health, readiness and metrics are
 * never limited, and /subgraph is answered before this plugin runs (it is for a gateway on a
 * private network).
 */
export function useRateLimit(options: RateLimitOptions, endpoint: string, redis?: Redis): Plugin {
  const window = { points: options.requests, duration: options.windowSeconds };
  const limiter = redis
    ? new RateLimiterRedis({ ...window, storeClient: redis, keyPrefix: "papergraph:rate", insuranceLimiter: new RateLimiterMemory(window) })
    : new RateLimiterMemory(window);
  return {
    async onRequest({ request, url, serverContext, endResponse }) {
      if (url.pathname !== endpoint) return;
      const client = clientAddress(request, (serverContext as { req?: IncomingMessage } | undefined)?.req, options.trustProxy);
      if (!client) return;
      try {
        await limiter.consume(client);
      } catch (refusal) {
        if (!(refusal instanceof RateLimiterRes)) throw refusal;
        const retryAfter = Math.max(1, Math.ceil(refusal.msBeforeNext / 1000));
        const body = {
          errors: [
            {
              message: `Too many requests: at most ${options.requests} every ${options.windowSeconds} s from one client. Retry after ${retryAfter} s.`,
              extensions: { code: LIMIT_CODES.rate },
            },
          ],
        };
        endResponse(
          new Response(JSON.stringify(body), {
            status: 429,
            headers: { "content-type": "application/json; charset=utf-8", "retry-after": String(retryAfter) },
          }),
        );
      }
    },
  };
}

function clientAddress(request: Request, req: IncomingMessage | undefined, trustProxy: boolean): string | null {
  if (trustProxy) {
    const forwarded = request.headers.get("x-forwarded-for")?.split(",")[0]?.trim();
    if (forwarded) return forwarded;
  }
  return req?.socket?.remoteAddress ?? null;
}
