import { describe, expect, it } from "vitest";
import { serverAudits } from "graphql-http";
import { createServer } from "../../src/server/index.ts";
import { createTestDatabase } from "../support/database.ts";

const db = await createTestDatabase();
const yoga = createServer(db.reader);

const audits = serverAudits({
  url: "http://papergraph/graphql",
  // The audit is a script, not a browser: it sends a CSRF header as such clients do (a GET
  // without one is refused, see test/safety/errors.test.ts).
  fetchFn: (input: RequestInfo | URL, init?: RequestInit) => {
    const headers = new Headers(init?.headers);
    headers.set("x-graphql-yoga-csrf", "1");
    return yoga.fetch(String(input), { ...init, headers });
  },
});

describe("the GraphQL over HTTP audit (graphql-http serverAudits)", () => {
  for (const audit of audits.filter(({ name }) => name.startsWith("MUST"))) {
    it(audit.name, async () => {
      const result = await audit.fn();
      expect(result.status, "reason" in result ? result.reason : "").toBe("ok");
    });
  }

  // The README states these counts: the recommendations and options pass too.
  for (const [level, count] of [["SHOULD", 23], ["MAY", 25]] as const) {
    it(`passes all ${count} ${level} audits`, async () => {
      const ofLevel = audits.filter(({ name }) => name.startsWith(level));
      const failed: string[] = [];
      for (const audit of ofLevel) if ((await audit.fn()).status !== "ok") failed.push(audit.name);
      expect(ofLevel).toHaveLength(count);
      expect(failed).toEqual([]);
    });
  }
});
