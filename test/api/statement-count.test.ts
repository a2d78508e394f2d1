import { describe, expect, it } from "vitest";
import { createServer } from "../../src/server.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { query } from "../support/graphql.ts";
import { datesAfter, loadSample, loadSampleOnDates } from "../support/sample.ts";

const NESTED = `{
  issues(first: 100) {
    totalCount
    edges { node {
      date
      pages { number articles {
        headline
        credits { role person { name } }
        mentions { title person { name } }
        photos { caption photographer { name } }
      } }
    } }
  }
}`;

async function statementsFor(db: TestDatabase) {
  const yoga = createServer(db.reader);
  db.resetStatements();
  const data = await query(yoga, NESTED);
  return { count: db.statements.length, issues: data.issues.edges.length as number, statements: [...db.statements] };
}

const one = await createTestDatabase();
await loadSample(one.writer);
const twenty = await createTestDatabase();
await loadSample(twenty.writer);
await loadSampleOnDates(twenty.writer, datesAfter("2022-06-03", 19));

describe("statements per request", () => {
  it("does not grow with the number of issues, pages and articles a nested query touches", async () => {
    const small = await statementsFor(one);
    const large = await statementsFor(twenty);
    expect(small.issues).toBe(1);
    expect(large.issues).toBe(20);
    // issues, count, pages, articles, credits, people of credits, mentions, people of mentions,
    // photos, photographers: one statement each, whatever the number of rows.
    expect(large.count).toBe(small.count);
    expect(small.count).toBe(10);
  });
});
