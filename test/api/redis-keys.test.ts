import { afterAll, describe, expect, it } from "vitest";
import { Redis } from "ioredis";
import { readDataVersion } from "../../src/db/data-version.ts";
import { createServer } from "../../src/server/index.ts";
import { createArchiveResponseCache } from "../../src/server/response-cache.ts";
import { redisNamespace } from "../../src/server/redis-keys.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { execute } from "../support/graphql.ts";
import { loadSample, loadSampleOnDates } from "../support/sample.ts";
import { keyFor, run } from "../editors/support.ts";

// Two deployments on one Redis: each reads only its own answers, everything written expires,
// and nothing walks the keyspace. Every key this file writes is under its own REDIS_PREFIX.
const PREFIX = `papergraph-test-${process.pid}-${Date.now()}`;
const redis = new Redis(process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379/9", { maxRetriesPerRequest: 1 });
const commands: { name: string; args: unknown[] }[] = [];
const send = redis.sendCommand.bind(redis);
redis.sendCommand = ((command: { name: string; args: unknown[] }, ...rest: unknown[]) => {
  commands.push({ name: command.name, args: command.args });
  return (send as (...args: unknown[]) => unknown)(command, ...rest);
}) as typeof redis.sendCommand;
afterAll(async () => {
  const keys: string[] = [];
  for (let cursor = "0"; ; ) {
    const [next, found] = await redis.scan(cursor, "MATCH", `${PREFIX}*`, "COUNT", 1000);
    keys.push(...found);
    if ((cursor = next) === "0") break;
  }
  if (keys.length) await redis.del(keys);
  redis.disconnect();
});

const one = await createTestDatabase();
await loadSample(one.writer);
const other = await createTestDatabase();
await loadSampleOnDates(other.writer, ["2023-01-01", "2023-01-02"]);

function deployment(db: TestDatabase, prefix = PREFIX) {
  const namespace = redisNamespace(prefix, db.url);
  const responseCache = createArchiveResponseCache({ ttl: 60_000, redis, redisNamespace: namespace, dataVersion: () => readDataVersion(db.plain) });
  return { namespace, yoga: createServer(db.reader, { responseCache, redis, redisNamespace: namespace, writer: db.writer, readsRequireKey: false }) };
}

const DATES = `{ issues { totalCount edges { node { date } } } }`;
const hit = (answer: any) => answer.extensions?.responseCache?.hit;

describe("Redis shared by deployments", () => {
  it("keys each deployment's answers by its prefix and database, so neither reads the other's", async () => {
    const first = deployment(one);
    const second = deployment(other);
    expect(first.namespace).not.toBe(second.namespace);
    expect(first.namespace.startsWith(`${PREFIX}:`)).toBe(true);
    const a = await execute(first.yoga, DATES);
    expect(hit(a)).toBe(false);
    expect(hit(await execute(first.yoga, DATES))).toBe(true);
    // Same query, same data version, another database: its own answer.
    const b = await execute(second.yoga, DATES);
    expect(hit(b)).toBe(false);
    expect(b.data.issues.edges.map((edge: any) => edge.node.date)).toEqual(["2023-01-02", "2023-01-01"]);
    expect(a.data.issues.edges.map((edge: any) => edge.node.date)).toEqual(["2022-06-03"]);
    // Same database, another REDIS_PREFIX: another deployment.
    expect(hit(await execute(deployment(one, `${PREFIX}-b`).yoga, DATES))).toBe(false);
    // The URL's credentials are not part of the identity.
    expect(redisNamespace("p", "postgresql://a:secret@db:5432/archive")).toBe(redisNamespace("p", "postgresql://b:other@db:5432/archive"));
    expect(redisNamespace("p", "postgresql://db:5432/archive")).not.toBe(redisNamespace("p", "postgresql://db:5432/other"));
  });

  it("gives every key it writes an expiry, and never runs KEYS or keeps sets of entities, mutations included", async () => {
    const { yoga } = deployment(one);
    const editor = await keyFor(one, "desk", "editor");
    commands.length = 0;
    await execute(yoga, `{ publications { totalCount } }`);
    const id = (await execute(yoga, `{ issues(first: 1) { edges { node { pages { articles { id } } } } } }`)).data.issues.edges[0].node.pages[0].articles[0].id;
    await run(yoga, editor, `mutation($id: ID!) { updateArticle(id: $id, patch: { headline: "改" }) { errors { code } } }`, { id });
    await execute(yoga, `{ publications { totalCount } }`);
    const names = new Set(commands.map((command) => command.name));
    for (const forbidden of ["keys", "sadd", "smembers", "scan", "flushdb"]) expect(names.has(forbidden)).toBe(false);
    for (const set of commands.filter((command) => command.name === "set")) expect(set.args.map(String)).toContain("PX");
    const keys: string[] = [];
    for (let cursor = "0"; ; ) {
      const [next, found] = await redis.scan(cursor, "MATCH", `${PREFIX}*`, "COUNT", 1000);
      keys.push(...found);
      if ((cursor = next) === "0") break;
    }
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) expect({ key, expires: (await redis.pttl(key)) > 0 }).toEqual({ key, expires: true });
  });
});
