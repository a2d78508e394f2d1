import { describe, expect, it } from "vitest";
import { createServer } from "../../src/server/index.ts";
import { limitsFromEnv, DEFAULT_LIMITS } from "../../src/server/limits.ts";
import type { Logger } from "../../src/lib/logger.ts";
import { createTestDatabase } from "../support/database.ts";
import { execute, query } from "../support/graphql.ts";
import { listen } from "../support/listen.ts";
import { loadSample } from "../support/sample.ts";

const db = await createTestDatabase();
await loadSample(db.writer);
const logged: string[] = [];
const record = (level: string) => (message: unknown) => logged.push(`${level}: ${message instanceof Error ? message.message : String(message)}`);
const logger: Logger = { debug: () => undefined, info: record("info"), warn: record("warn"), error: record("error") };
const yoga = createServer(db.reader, { logger });

// A backward page is executed field by field (not read as one statement: docs/architecture.md).
const EXECUTED = "{ issues(last: 1) { totalCount } }";

describe("errors a client sees", () => {
  it("a database error is masked as exactly 'Unexpected error.'; its detail is in the server log only", async () => {
    db.failNextStatement(/Issue/);
    const response = await yoga.fetch("http://papergraph/graphql", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: EXECUTED }),
    });
    const text = await response.text();
    expect(JSON.parse(text).errors).toEqual([
      { message: "Unexpected error.", locations: [{ line: 1, column: 21 }], path: ["issues", "totalCount"], extensions: { code: "INTERNAL_SERVER_ERROR" } },
    ]);
    expect(text).not.toMatch(/simulated|SELECT|Issue`|\.ts|at |stack/);
    expect(logged.some((line) => line.startsWith("error: simulated database fault on: SELECT"))).toBe(true);
    // The next query is answered.
    expect((await query(yoga, "{ issues { totalCount } }")).issues.totalCount).toBe(1);
  });

  it("is masked the same with NODE_ENV=development, where yoga would add the original error", async () => {
    const previous = process.env.NODE_ENV;
    process.env.NODE_ENV = "development";
    try {
      db.failNextStatement(/Issue/);
      const result = await execute(yoga, EXECUTED);
      expect(result.errors?.[0]).toEqual(expect.objectContaining({ message: "Unexpected error.", extensions: { code: "INTERNAL_SERVER_ERROR" } }));
    } finally {
      process.env.NODE_ENV = previous;
    }
  });

  it("a database error in an operation read as one statement is logged, and the executor answers it", async () => {
    logged.length = 0;
    db.failNextStatement(/^SELECT json_/);
    const result = await execute(yoga, "{ issues { totalCount } }");
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ issues: { totalCount: 1 } });
    expect(logged).toEqual([expect.stringMatching(/^error: simulated database fault on: SELECT json_/)]);
  });

  it("GraphQL errors raised on purpose keep their message and code", async () => {
    const result = await execute(yoga, `{ issue(publication: "taiyuan-daily", date: "2022-13-45") { id } }`);
    expect(result.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT" });
    expect(result.errors?.[0]?.message).not.toBe("Unexpected error.");
  });

  it("field suggestions: shown in development, hidden in production", async () => {
    const development = await execute(yoga, "{ issues { totalCont } }");
    expect(development.errors?.[0]?.message).toBe('Cannot query field "totalCont" on type "QueryIssuesConnection". Did you mean "totalCount"?');
    const production = createServer(db.reader, { limits: limitsFromEnv({ NODE_ENV: "production" }) });
    const hidden = await execute(production, "{ issues { totalCont } }");
    expect(hidden.errors).toEqual([
      expect.objectContaining({ message: 'Cannot query field "totalCont" on type "QueryIssuesConnection".', extensions: { code: "GRAPHQL_VALIDATION_FAILED" } }),
    ]);
  });
});

describe("browsers", () => {
  const GET = "http://papergraph/graphql?query=%7Bissues%7BtotalCount%7D%7D";

  it("CSRF prevention: a GET or form POST without a CSRF header is refused with 403", async () => {
    for (const request of [
      new Request(GET, { headers: { accept: "application/json" } }),
      new Request("http://papergraph/graphql", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
        body: "query=%7Bissues%7BtotalCount%7D%7D",
      }),
    ]) {
      const response = await yoga.fetch(request);
      expect(response.status).toBe(403);
      expect((await response.json()).errors).toEqual([
        {
          message: "Required CSRF header missing: send one of x-graphql-yoga-csrf, apollo-require-preflight, x-apollo-operation-name, graphql-preflight with GET and form requests.",
          extensions: { code: "CSRF_HEADER_REQUIRED" },
        },
      ]);
    }
    const allowed = await yoga.fetch(GET, { headers: { accept: "application/json", "x-graphql-yoga-csrf": "1" } });
    expect((await allowed.json()).data).toEqual({ issues: { totalCount: 1 } });
  });

  it("CORS: any origin without credentials by default, only the configured origins when CORS_ORIGINS is set", async () => {
    const preflight = (server: typeof yoga, origin: string) =>
      server.fetch("http://papergraph/graphql", {
        method: "OPTIONS",
        headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": "content-type" },
      });
    const open = await preflight(yoga, "https://example.org");
    // Yoga answers "*" with the asking origin: the same permission, and no cookies either way.
    expect(open.headers.get("access-control-allow-origin")).toBe("https://example.org");
    expect(open.headers.get("access-control-allow-credentials")).not.toBe("true");

    const restricted = createServer(db.reader, { limits: limitsFromEnv({ CORS_ORIGINS: "https://archive.example.org, https://news.example.org" }) });
    const allowed = await preflight(restricted, "https://news.example.org");
    expect(allowed.headers.get("access-control-allow-origin")).toBe("https://news.example.org");
    const other = await preflight(restricted, "https://evil.example.com");
    expect(other.headers.get("access-control-allow-origin")).not.toBe("https://evil.example.com");
  });
});

describe("rate limit per client address", () => {
  it("refuses the request over the limit with 429, Retry-After and RATE_LIMITED; health checks are not counted", async () => {
    const limited = createServer(db.reader, { limits: { rateLimit: { requests: 3, windowSeconds: 60, trustProxy: false } } });
    const url = await listen(limited);
    const ask = () =>
      fetch(`${url}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: "{ issues { totalCount } }" }) });
    for (let index = 0; index < 3; index++) expect((await ask()).status).toBe(200);
    const refused = await ask();
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await refused.json()).toEqual({
      errors: [{ message: expect.stringMatching(/^Too many requests: at most 3 every 60 s from one client\. Retry after \d+ s\.$/), extensions: { code: "RATE_LIMITED" } }],
    });
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
  });

  it("reads its limits from the environment, 0 turning one off", () => {
    expect(limitsFromEnv({})).toEqual(DEFAULT_LIMITS);
    const limits = limitsFromEnv({ QUERY_MAX_DEPTH: "5", RATE_LIMIT: "0", MAX_BODY_BYTES: "2000", TRUST_PROXY: "true" });
    expect(limits).toMatchObject({ maxDepth: 5, rateLimit: null, maxBodyBytes: 2000 });
    expect(() => limitsFromEnv({ QUERY_MAX_COST: "lots" })).toThrow("QUERY_MAX_COST must be a whole number (0 turns the limit off), got lots");
  });
});
