import { execFileSync } from "node:child_process";
import net from "node:net";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { postQuery, runCli, startServer } from "../support/cli.ts";
import { admin, databaseUrl, postgresReachable } from "../support/postgres.ts";
import { SAMPLE_TEXT } from "../support/sample.ts";
import { deleteRedisKeys, redisReachable, requireUnderCi, runRedisPrefix, TEST_REDIS_URL } from "../support/services.ts";

// Each test starts two or more server processes: seconds each on a busy 2-core machine.
const SERVERS_TIMEOUT = 120_000;

const withServices = requireUnderCi("PostgreSQL", await postgresReachable()) && requireUnderCi("Redis", await redisReachable());
// Every Redis key of this file starts with it (REDIS_KEY_PREFIX); the file deletes those only.
const REDIS_KEY_PREFIX = runRedisPrefix("processes");
const pgName = `papergraph_processes_${process.pid}_${Date.now()}`;
const folder = fs.mkdtempSync(path.join(os.tmpdir(), "papergraph-processes-"));
afterAll(async () => {
  fs.rmSync(folder, { recursive: true, force: true });
  if (withServices) {
    await admin([`DROP DATABASE IF EXISTS ${pgName} WITH (FORCE)`]);
    await deleteRedisKeys(REDIS_KEY_PREFIX);
  }
});

const ISSUES = `{ issues { totalCount edges { node { date } } } }`;
const INGEST = `mutation($text: String!) {
  ingestPage(input: { publication: "taiyuan-daily", date: "2022-06-04", page: 1, text: $text }) {
    errors { code message } report { status articles } } }`;
const cacheHit = (result: { extensions?: { responseCache?: { hit?: boolean } } }) => result.extensions?.responseCache?.hit;

describe.skipIf(!withServices)("several server processes on one PostgreSQL and one Redis", () => {
  it("share cached answers, and neither serves a stale one after an editor ingests a page through one", async () => {
    const env = { DATABASE_URL: databaseUrl(pgName), REDIS_URL: TEST_REDIS_URL, REDIS_KEY_PREFIX: `${REDIS_KEY_PREFIX}shared:` };
    const first = await startServer({ env, args: ["--seed"] });
    const second = await startServer({ env, args: ["--seed"] });
    try {
      const before = await postQuery(first.url, ISSUES);
      expect(before.data.issues.totalCount).toBe(1);
      expect(cacheHit(before)).toBe(false);
      // The second process answers from the cache the first one filled.
      expect(cacheHit(await postQuery(second.url, ISSUES))).toBe(true);

      // A page arrives through the first process (an editor's ingestPage): the next answers
      // are fresh in both, although both had the old answer cached.
      const key = await runCli(["keys", "create", "desk", "--scope", "editor"], { env });
      const token = key.stdout.trim().split("\n").at(-1)!;
      const ingested = await postQuery(first.url, INGEST, { text: SAMPLE_TEXT }, token);
      expect(ingested.data.ingestPage).toEqual({ errors: [], report: { status: "CREATED", articles: 8 } });

      for (const server of [second, first]) {
        const after = await postQuery(server.url, ISSUES);
        expect(after.data.issues).toEqual({ totalCount: 2, edges: [{ node: { date: "2022-06-04" } }, { node: { date: "2022-06-03" } }] });
      }
    } finally {
      await Promise.all([first.stop(), second.stop()]);
    }
  }, SERVERS_TIMEOUT);
});

describe.skipIf(!withServices)("the rate limit with REDIS_URL", () => {
  it("counts a client's requests across processes: the fifth of four allowed is refused by either", async () => {
    const env = {
      DATABASE_URL: `file:${path.join(folder, "rate.db")}`,
      REDIS_URL: TEST_REDIS_URL,
      REDIS_KEY_PREFIX: `${REDIS_KEY_PREFIX}rate:`,
      RATE_LIMIT: "4",
      RATE_LIMIT_WINDOW: "60",
    };
    const first = await startServer({ env, args: ["--seed"] });
    const second = await startServer({ env, args: ["--seed"] });
    try {
      for (const server of [first, second, first, second]) expect((await postQuery(server.url, ISSUES)).data.issues.totalCount).toBe(1);
      for (const server of [first, second]) {
        const refused = await fetch(server.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: ISSUES }) });
        expect(refused.status).toBe(429);
        expect((await refused.json()).errors[0].extensions).toEqual({ code: "RATE_LIMITED" });
      }
    } finally {
      await Promise.all([first.stop(), second.stop()]);
    }
  }, SERVERS_TIMEOUT);
});

describe("REDIS_URL naming a Redis that cannot be reached", () => {
  it("answers from the database, counts the rate limit in memory, and says once that Redis is unavailable", async () => {
    const closed = await new Promise<number>((resolve) => {
      const probe = net.createServer().listen(0, "127.0.0.1", () => {
        const { port } = probe.address() as net.AddressInfo;
        probe.close(() => resolve(port));
      });
    });
    const env = { DATABASE_URL: `file:${path.join(folder, "no-redis.db")}`, REDIS_URL: `redis://127.0.0.1:${closed}`, RATE_LIMIT: "3", LOG_FORMAT: "json" };
    const server = await startServer({ env, args: ["--seed"] });
    try {
      for (let index = 0; index < 3; index++) expect((await postQuery(server.url, ISSUES)).data.issues.totalCount).toBe(1);
      const refused = await fetch(server.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: ISSUES }) });
      expect(refused.status).toBe(429);
    } finally {
      expect(await server.stop()).toBe(0);
    }
    const warnings = server
      .output()
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as { level: string; msg: string })
      .filter((line) => line.level === "warn");
    expect(warnings.map((line) => line.msg)).toEqual([expect.stringMatching(/^Redis unavailable, answering from the database until it is back: /)]);
  }, SERVERS_TIMEOUT);
});

describe("papergraph serve --workers", () => {
  it("runs the workers on one port, answers through them, and stops them all on SIGTERM", async () => {
    const server = await startServer({ env: { DATABASE_URL: `file:${path.join(folder, "workers.db")}` }, args: ["--workers", "2", "--seed"] });
    const workers = () =>
      execFileSync("ps", ["-o", "pid=", "--ppid", String(server.process.pid)], { encoding: "utf8" }).trim().split(/\s+/).filter(Boolean);
    expect(workers()).toHaveLength(2);
    const answers = await Promise.all(Array.from({ length: 6 }, () => postQuery(server.url, ISSUES)));
    for (const answer of answers) expect(answer.data.issues.totalCount).toBe(1);
    expect(await server.stop()).toBe(0);
    expect(server.output()).toContain('"workers":2');
  }, SERVERS_TIMEOUT);
});
