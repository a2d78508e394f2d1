import { describe, expect, it } from "vitest";
import { createServer } from "../../src/server/index.ts";
import { createTestDatabase } from "../support/database.ts";
import { listen } from "../support/listen.ts";
import { loadSample } from "../support/sample.ts";

// The rate limit counts every request that can reach GraphQL, whatever path or method it used;
// the server answers no spelling of a path but the exact one.
const db = await createTestDatabase();
await loadSample(db.writer);

const TRIVIAL = JSON.stringify({ query: "{ __typename }" });
const json = { "content-type": "application/json" };

async function serve(requests: number) {
  return listen(createServer(db.reader, { limits: { rateLimit: { requests, windowSeconds: 60, trustProxy: false } } }));
}

describe("paths the server answers", () => {
  it("answers 404 NOT_FOUND, before any GraphQL work, to every other spelling of its paths", async () => {
    const origin = await serve(1000);
    for (const path of ["/graphql/", "//graphql", "/x/graphql", "/subgraph/", "//subgraph", "/api/subgraph", "/GRAPHQL", "/graphql/.", "/subgraph?x=/graphql", "/healthz/x"]) {
      const response = await fetch(`${origin}${path}`, { method: "POST", headers: json, body: TRIVIAL });
      expect({ path, status: response.status }).toEqual({ path, status: 404 });
      const body = await response.json();
      expect(body.errors[0].extensions).toEqual({ code: "NOT_FOUND" });
      expect(body.errors[0].message).toMatch(/^Not found: ".*"\. The server answers \/graphql, \/subgraph, \/healthz, \/readyz, \/metrics\.$/);
    }
    expect((await fetch(`${origin}/graphql`, { method: "POST", headers: json, body: TRIVIAL })).status).toBe(200);
    expect((await fetch(`${origin}/subgraph`, { method: "POST", headers: json, body: TRIVIAL })).status).toBe(200);
    expect((await fetch(`${origin}/healthz`)).status).toBe(200);
  });
});

describe("the rate limit", () => {
  it("counts /graphql and /subgraph, POST and GET, and other spellings of the paths, against one allowance", async () => {
    const origin = await serve(6);
    const asked = [
      await fetch(`${origin}/graphql`, { method: "POST", headers: json, body: TRIVIAL }),
      await fetch(`${origin}/subgraph`, { method: "POST", headers: json, body: TRIVIAL }),
      await fetch(`${origin}/graphql?query=%7B__typename%7D`, { headers: { "x-graphql-yoga-csrf": "1", accept: "application/json" } }),
      await fetch(`${origin}/subgraph?query=%7B__typename%7D`, { headers: { "x-graphql-yoga-csrf": "1", accept: "application/json" } }),
      await fetch(`${origin}/graphql/`, { method: "POST", headers: json, body: TRIVIAL }),
      await fetch(`${origin}//graphql`, { method: "POST", headers: json, body: TRIVIAL }),
    ];
    expect(asked.map((response) => response.status)).toEqual([200, 200, 200, 200, 404, 404]);
    for (const path of ["/graphql", "/subgraph", "/graphql/", "//graphql"]) {
      const refused = await fetch(`${origin}${path}`, { method: "POST", headers: json, body: TRIVIAL });
      expect({ path, status: refused.status }).toEqual({ path, status: 429 });
      expect((await refused.json()).errors[0]).toEqual({
        message: expect.stringMatching(/^Too many requests: at most 6 every 60 s from one client\. Retry after \d+ s\.$/),
        extensions: { code: "RATE_LIMITED" },
      });
    }
    // Probes are not counted and are still answered.
    expect((await fetch(`${origin}/healthz`)).status).toBe(200);
    expect((await fetch(`${origin}/readyz`)).status).toBe(404);
  });
});
