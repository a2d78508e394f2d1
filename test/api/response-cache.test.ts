import { describe, expect, it } from "vitest";
import { readDataVersion } from "../../src/db/data-version.ts";
import { createServer } from "../../src/server/index.ts";
import { MAX_CACHED_ANSWER, createArchiveResponseCache } from "../../src/server/response-cache.ts";
import { createTestDatabase } from "../support/database.ts";
import { execute } from "../support/graphql.ts";
import { loadSample, loadSampleOnDates } from "../support/sample.ts";

const VERSION_READ = `SELECT "version" FROM "DataVersion" WHERE "id" = 1`;
const ISSUES = `{ issues { totalCount edges { node { date } } } }`;

describe("the response cache, as `papergraph serve` runs it", () => {
  it("answers a repeated query with one statement, the data version read, and misses after a write", async () => {
    const db = await createTestDatabase();
    await loadSample(db.writer);
    const cache = createArchiveResponseCache({ ttl: 60_000, dataVersion: () => readDataVersion(db.plain) });
    const yoga = createServer(db.reader, { responseCache: cache });

    db.resetStatements();
    const first = await execute(yoga, ISSUES);
    expect(first.extensions).toMatchObject({ responseCache: { hit: false, didCache: true } });
    expect(db.statements[0]).toBe(VERSION_READ);
    expect(db.statements.length).toBeGreaterThan(1);

    db.resetStatements();
    const second = await execute(yoga, ISSUES);
    expect(second.extensions).toMatchObject({ responseCache: { hit: true } });
    expect(second.data).toEqual(first.data);
    expect(db.statements).toEqual([VERSION_READ]);

    await loadSampleOnDates(db.writer, ["2022-06-04"]);
    const after = await execute(yoga, ISSUES);
    expect(after.extensions).toMatchObject({ responseCache: { hit: false } });
    expect(after.data).toEqual({ issues: { totalCount: 2, edges: [{ node: { date: "2022-06-04" } }, { node: { date: "2022-06-03" } }] } });
  });

  it("keeps no answer larger than MAX_CACHED_ANSWER, and none with errors", async () => {
    const db = await createTestDatabase();
    await loadSample(db.writer);
    await loadSampleOnDates(db.writer, ["2022-06-06", "2022-06-07", "2022-06-08", "2022-06-09", "2022-06-10", "2022-06-11", "2022-06-12", "2022-06-13", "2022-06-14", "2022-06-15", "2022-06-16", "2022-06-17", "2022-06-18", "2022-06-19", "2022-06-20"]);
    // The bodies' weight puts this answer over the default cost: lifted, since the answer's size is the subject here.
    const yoga = createServer(db.reader, {
      responseCache: createArchiveResponseCache({ ttl: 60_000, dataVersion: () => readDataVersion(db.plain) }),
      limits: { maxCost: Number.POSITIVE_INFINITY },
    });
    const BODIES = `{ issues(first: 20) { edges { node { pages { text articles { body } } } } } }`;
    const large = await execute(yoga, BODIES);
    expect(JSON.stringify({ data: large.data }).length).toBeGreaterThan(MAX_CACHED_ANSWER);
    expect(large.extensions).toMatchObject({ responseCache: { hit: false, didCache: false } });
    expect((await execute(yoga, BODIES)).extensions).toMatchObject({ responseCache: { hit: false, didCache: false } });
    const HEADLINES = `{ articles(first: 100) { edges { node { headline } } } }`;
    expect((await execute(yoga, HEADLINES)).extensions).toMatchObject({ responseCache: { hit: false, didCache: true } });
    expect((await execute(yoga, HEADLINES)).extensions).toMatchObject({ responseCache: { hit: true } });
    const failing = `{ articles(first: 100, filter: { from: "2022-13-01" }) { totalCount } }`;
    expect((await execute(yoga, failing)).errors).toBeDefined();
    expect((await execute(yoga, failing)).extensions?.responseCache).not.toMatchObject({ hit: true });
  });

  it("answers 304 Not Modified to the ETag of the current answer, and never to one from before a write", async () => {
    const db = await createTestDatabase();
    await loadSample(db.writer);
    const yoga = createServer(db.reader, { responseCache: createArchiveResponseCache({ ttl: 60_000, dataVersion: () => readDataVersion(db.plain) }) });
    const post = (headers: Record<string, string> = {}) =>
      yoga.fetch("http://papergraph/graphql", { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ query: ISSUES }) });
    await post();
    const cached = await post();
    const etag = cached.headers.get("etag")!;
    expect(etag).toMatch(/^\d+:[0-9a-f]{64}$/);

    db.resetStatements();
    const notModified = await post({ "if-none-match": etag });
    expect(notModified.status).toBe(304);
    expect(await notModified.text()).toBe("");
    expect(db.statements).toEqual([VERSION_READ]);

    await loadSampleOnDates(db.writer, ["2022-06-05"]);
    const changed = await post({ "if-none-match": etag });
    expect(changed.status).toBe(200);
    expect((await changed.json()).data.issues.totalCount).toBe(2);
    expect(changed.headers.get("etag")).not.toBe(etag);
  });
});
