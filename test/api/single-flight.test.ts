import { describe, expect, it } from "vitest";
import { readDataVersion } from "../../src/db/data-version.ts";
import { createServer } from "../../src/server/index.ts";
import { createArchiveResponseCache } from "../../src/server/response-cache.ts";
import type { Db } from "../../src/db/client.ts";
import { createTestDatabase } from "../support/database.ts";
import { execute } from "../support/graphql.ts";
import { loadSample, loadSampleOnDates } from "../support/sample.ts";

const VERSION_READ = `SELECT "version" FROM "DataVersion" WHERE "id" = 1`;
const FRONT_PAGE = `query($date: Date!) { issue(publication: "taiyuan-daily", date: $date) { pages { articles { headline credits { role person { name } } } } } }`;

const db = await createTestDatabase();
await loadSample(db.writer);
await loadSampleOnDates(db.writer, ["2022-06-04", "2022-06-05"]);

const queriesRun = () => db.statements.filter((sql) => sql !== VERSION_READ);

/** Misses that have reached the single flight (it reads the data version for its key as they enter). */
let flightsEntered = 0;
const withCache = (reader: Db = db.reader) => {
  const cache = createArchiveResponseCache({ ttl: 60_000, dataVersion: () => readDataVersion(db.plain) });
  const dataVersion = async () => {
    const version = await cache.dataVersion();
    flightsEntered++;
    return version;
  };
  return createServer(reader, { responseCache: { ...cache, dataVersion } });
};

/**
 * The reader, with its reads held until `requests` misses have reached the single flight:
 * every request is then waiting on a flight before any execution can finish, however slow
 * the machine.
 */
function heldReader(requests: number): Db {
  const start = flightsEntered;
  const allMissed = async () => {
    const deadline = Date.now() + 20_000;
    while (flightsEntered - start < requests && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
    // The last request joins its flight in the microtasks after its read: a macrotask later it has.
    await new Promise((resolve) => setImmediate(resolve));
  };
  return new Proxy(db.reader, {
    get(target, property) {
      const value = Reflect.get(target, property, target);
      if (property !== "$queryRaw") return typeof value === "function" ? value.bind(target) : value;
      return async (...args: unknown[]) => {
        await allMissed();
        return (value as (...args: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

describe("single flight in front of the response cache", () => {
  it("runs ten concurrent misses of the same query once, and answers all ten with the same data", async () => {
    const held = withCache(heldReader(10));
    db.resetStatements();
    const answers = await Promise.all(Array.from({ length: 10 }, () => execute(held, FRONT_PAGE, { date: "2022-06-04" })));
    expect(queriesRun().length).toBe(1);
    for (const answer of answers) {
      expect(answer.errors).toBeUndefined();
      expect(answer.data).toEqual(answers[0]!.data);
      expect(answer.extensions).toMatchObject({ responseCache: { hit: false, didCache: true } });
    }
    expect(answers[0]!.data.issue.pages[0].articles.length).toBe(8);

    // Kept by the cache as before: the next one is a hit, with no query run.
    db.resetStatements();
    const again = await execute(held, FRONT_PAGE, { date: "2022-06-04" });
    expect(again.extensions).toMatchObject({ responseCache: { hit: true } });
    expect(again.data).toEqual(answers[0]!.data);
    expect(db.statements).toEqual([VERSION_READ]);
  });

  it("runs concurrent queries that differ in variables or in their API key each on its own", async () => {
    const yoga = withCache(heldReader(6));
    db.resetStatements();
    const dates = ["2022-06-03", "2022-06-04", "2022-06-05", "2022-06-03", "2022-06-04", "2022-06-05"];
    const answers = await Promise.all(dates.map((date) => execute(yoga, FRONT_PAGE, { date })));
    expect(queriesRun().length).toBe(3);
    expect(answers[3]!.data).toEqual(answers[0]!.data);
    for (const answer of answers) expect(answer.data.issue.pages[0].articles.length).toBe(8);

    const keyed = withCache(heldReader(2));
    db.resetStatements();
    const post = (authorization: string) =>
      keyed.fetch("http://papergraph/graphql", {
        method: "POST",
        headers: { "content-type": "application/json", authorization },
        body: JSON.stringify({ query: FRONT_PAGE, variables: { date: "2022-06-05" } }),
      });
    const responses = await Promise.all([post("Bearer pgk_one"), post("Bearer pgk_two")]);
    // Reads are public here, so both are answered, each by an execution of its own: the answers
    // may depend on the key (READS_REQUIRE_KEY=true), as the cache's sessions do.
    expect(responses.map((response) => response.status)).toEqual([200, 200]);
    expect(queriesRun().filter((sql) => /"Issue"/.test(sql)).length).toBe(2);
  });
});
