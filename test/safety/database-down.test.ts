import pg from "pg";
import { describe, expect, it } from "vitest";
import { checkReadiness } from "../../src/db/readiness.ts";
import { readDataVersion } from "../../src/db/data-version.ts";
import { createRequestListener, createServer } from "../../src/server/index.ts";
import { createArchiveResponseCache } from "../../src/server/response-cache.ts";
import { createTestDatabase, databaseKind } from "../support/database.ts";
import { execute, type GraphQLResponse } from "../support/graphql.ts";
import { listen } from "../support/listen.ts";
import { admin } from "../support/postgres.ts";
import { loadSample } from "../support/sample.ts";

// The database goes away under a running server (connections refused, open ones killed) and
// comes back: queries get a clear error meanwhile, /readyz says not ready, and the same
// server answers again once the database is back, without a restart.
describe.skipIf(databaseKind() !== "postgresql")("the database unreachable, then back", () => {
  // With the response cache, as `papergraph serve` runs by default, over HTTP: every request
  // reads the data version first, outside the Prisma client, and a cached query is first tried
  // by the listener before yoga (src/server/cached-answers.ts).
  it.each([
    ["", false],
    [" (with the response cache, over HTTP as `serve` answers)", true],
  ])("answers a clear error and 503 from /readyz, and recovers by itself%s", async (_, cached) => {
    const db = await createTestDatabase();
    await loadSample(db.writer);
    const cache = cached ? createArchiveResponseCache({ ttl: 60_000, dataVersion: () => readDataVersion(db.plain) }) : null;
    const name = new URL(db.url).pathname.slice(1);
    const logged: string[] = [];
    const logger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: (message: unknown) => logged.push(String(message instanceof Error ? message.message : message)) };
    const { yoga, listener } = createRequestListener(db.reader, { logger, readiness: () => checkReadiness(db), ...(cache ? { responseCache: cache } : {}) });
    const ISSUES = "{ issues { totalCount } }";
    const url = cached ? await listen(listener) : null;
    const ask = async (): Promise<GraphQLResponse> => {
      if (!url) return execute(yoga, ISSUES);
      return (await fetch(`${url}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: ISSUES }) })).json();
    };
    expect((await ask()).data).toEqual({ issues: { totalCount: 1 } });
    expect((await ask()).extensions?.responseCache).toEqual(cached ? { hit: true } : undefined);
    const readyz = async () => (await yoga.fetch("http://papergraph/readyz")).status;
    expect(await readyz()).toBe(200);

    await admin([
      `ALTER DATABASE ${name} ALLOW_CONNECTIONS false`,
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${name}' AND pid <> pg_backend_pid()`,
    ]);
    try {
      for (let attempt = 0; attempt < 3; attempt++) {
        const result = await ask();
        // Without the cache the resolver fails (data null); with it, reading the data version
        // fails before execution, so there is no data at all.
        expect(result.data).toBe(cached ? undefined : null);
        expect(result.errors).toEqual([expect.objectContaining({ message: "The database is unavailable; try again shortly.", extensions: { code: "DATABASE_UNAVAILABLE" } })]);
      }
      expect(await readyz()).toBe(503);
      expect(await (await yoga.fetch("http://papergraph/readyz")).json()).toEqual({ status: "not ready", reason: expect.stringMatching(/^database unreachable/) });
      expect(logged.length).toBeGreaterThan(0);
    } finally {
      await admin([`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`]);
    }

    // Back: the same server, no restart.
    let ready = 503;
    for (let attempt = 0; attempt < 50 && ready !== 200; attempt++) {
      ready = await readyz();
      if (ready !== 200) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(ready).toBe(200);
    expect((await ask()).data).toEqual({ issues: { totalCount: 1 } });
  });
});

// PostgreSQL cancels a statement that runs past DATABASE_STATEMENT_TIMEOUT: the client is told
// so, and the server goes on serving.
describe.skipIf(databaseKind() !== "postgresql")("a statement past the statement timeout", () => {
  it("is stopped and answered QUERY_TIMEOUT, and the next query is served", async () => {
    const previous = process.env.DATABASE_STATEMENT_TIMEOUT;
    process.env.DATABASE_STATEMENT_TIMEOUT = "300";
    const db = await createTestDatabase().finally(() => {
      if (previous === undefined) delete process.env.DATABASE_STATEMENT_TIMEOUT;
      else process.env.DATABASE_STATEMENT_TIMEOUT = previous;
    });
    await loadSample(db.writer);
    const yoga = createServer(db.reader);
    const ISSUES = "{ issues { totalCount } }";
    // A statement waiting on a lock runs for as long as the lock is held: past the timeout.
    const holder = new pg.Client({ connectionString: db.url });
    await holder.connect();
    try {
      await holder.query(`BEGIN; LOCK TABLE "Issue" IN ACCESS EXCLUSIVE MODE`);
      const result = await execute(yoga, ISSUES);
      expect(result.data).toBeNull();
      expect(result.errors).toEqual([
        expect.objectContaining({
          message: "The query ran longer than the server allows and was stopped: narrow it (a date range, fewer or smaller pages).",
          extensions: { code: "QUERY_TIMEOUT" },
        }),
      ]);
      await holder.query("ROLLBACK");
    } finally {
      await holder.end();
    }
    expect((await execute(yoga, ISSUES)).data).toEqual({ issues: { totalCount: 1 } });
  });
});
