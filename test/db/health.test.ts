import { describe, expect, it } from "vitest";
import { checkReadiness } from "../../src/db/readiness.ts";
import { createServer } from "../../src/server/index.ts";
import { createTestDatabase, databaseKind } from "../support/database.ts";
import { query } from "../support/graphql.ts";
import { loadSample } from "../support/sample.ts";

const db = await createTestDatabase();
await loadSample(db.writer);

describe("health, readiness and metrics", () => {
  it("answers /healthz while the process is up", async () => {
    const response = await createServer(db.reader).fetch("http://papergraph/healthz");
    expect(response.status).toBe(200);
  });

  it("reports ready on /readyz when the database answers with every migration applied", async () => {
    const yoga = createServer(db.reader, { readiness: () => checkReadiness(db) });
    const response = await yoga.fetch("http://papergraph/readyz");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ready" });
  });

  it("reports not ready, with the reason, when migrations are missing", async () => {
    // The last use of this file's database that needs it whole.
    await db.reader.$executeRawUnsafe(`DELETE FROM "_prisma_migrations" WHERE migration_name LIKE '%init'`);
    const yoga = createServer(db.reader, { readiness: () => checkReadiness(db) });
    const response = await yoga.fetch("http://papergraph/readyz");
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: "not ready", reason: "migrations not applied: 20261128170000_init" });
  });

  it("reports not ready when the database cannot be reached", async () => {
    // A reader whose every query fails as a refused connection does.
    const unreachable = {
      ...db,
      reader: new Proxy(db.reader, {
        get: (target, key) =>
          key === "$queryRawUnsafe" ? () => Promise.reject(new Error("connect ECONNREFUSED 127.0.0.1:1")) : Reflect.get(target, key),
      }),
    };
    const yoga = createServer(db.reader, { readiness: () => checkReadiness(unreachable) });
    const response = await yoga.fetch("http://papergraph/readyz");
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: "not ready", reason: "database unreachable: connect ECONNREFUSED 127.0.0.1:1" });
  });

  it(`serves Prometheus metrics that count GraphQL requests (${databaseKind()})`, async () => {
    const yoga = createServer(db.reader, { metrics: true });
    await query(yoga, `{ publications { totalCount } }`);
    const metrics = await (await yoga.fetch("http://papergraph/metrics")).text();
    expect(metrics).toMatch(/^graphql_yoga_http_duration_count\{method="POST",statusCode="200",operationType="query"\} 1$/m);
    // No label a client chooses (URL, operation name): a client cannot grow the series without bound.
    expect(metrics).not.toMatch(/operationName=|url=/);
    expect(metrics).toContain("process_resident_memory_bytes");
    // The request duration and the errors, and nothing else of the plugin's (src/server/metrics.ts).
    const families = [...metrics.matchAll(/^# TYPE (\S+) (\S+)$/gm)].map(([, name, type]) => `${name} ${type}`).filter((family) => !/^(process|nodejs)_/.test(family));
    expect(families).toEqual(["papergraph_cached_answers_total counter", "graphql_yoga_http_duration histogram", "graphql_envelop_error_result counter"]);
  });

  it("serves /metrics only with the bearer token when METRICS_TOKEN is set, and answers GraphQL meanwhile", async () => {
    const yoga = createServer(db.reader, { metrics: true, metricsToken: "s3cret-token" });
    for (const authorization of [null, "Bearer wrong-token!", "Bearer s3cret-token ", "s3cret-token", "Basic s3cret-token"]) {
      const response = await yoga.fetch("http://papergraph/metrics", { headers: authorization ? { authorization } : {} });
      expect({ authorization, status: response.status, text: await response.text(), challenge: response.headers.get("www-authenticate") }).toEqual({
        authorization,
        status: 401,
        text: "/metrics needs the header Authorization: Bearer <METRICS_TOKEN>\n",
        challenge: "Bearer",
      });
    }
    const allowed = await yoga.fetch("http://papergraph/metrics", { headers: { authorization: "Bearer s3cret-token" } });
    expect(allowed.status).toBe(200);
    expect(await allowed.text()).toContain("process_resident_memory_bytes");
    expect(await query(yoga, `{ publications { totalCount } }`)).toEqual({ publications: { totalCount: 1 } });
  });
});
