import { describe, expect, it } from "vitest";
import { createServer } from "../../src/server/index.ts";
import { createTestDatabase } from "../support/database.ts";
import { execute, query } from "../support/graphql.ts";
import { SAMPLE_HEADLINES, loadSample } from "../support/sample.ts";

const db = await createTestDatabase();
await loadSample(db.writer);
const yoga = createServer(db.reader);

const PAGE = `query($first: Int, $after: String, $last: Int, $before: String) {
  issue(publication: "taiyuan-daily", date: "2022-06-03") {
    articles(first: $first, after: $after, last: $last, before: $before) {
      totalCount
      edges { cursor node { headline } }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
  }
}`;

type Connection = {
  totalCount: number;
  edges: { cursor: string; node: { headline: string } }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
};

const page = async (variables: Record<string, unknown>): Promise<Connection> =>
  (await query(yoga, PAGE, variables)).issue.articles;
const headlines = (connection: Connection) => connection.edges.map((edge) => edge.node.headline);

const NESTED_PAGE = `query($first: Int, $after: String, $last: Int, $before: String) {
  issues(first: 1) {
    edges {
      node {
        articles(first: $first, after: $after, last: $last, before: $before) {
          totalCount
          edges { cursor node { headline } }
          pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
        }
      }
    }
  }
}`;

const nestedPage = async (variables: Record<string, unknown>): Promise<Connection> =>
  (await query(yoga, NESTED_PAGE, variables)).issues.edges[0].node.articles;

describe("cursor pagination", () => {
  it("pages forwards with first/after through all 8 articles", async () => {
    const first = await page({ first: 3 });
    expect(headlines(first)).toEqual(SAMPLE_HEADLINES.slice(0, 3));
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect(first.totalCount).toBe(8);

    const second = await page({ first: 3, after: first.pageInfo.endCursor });
    expect(headlines(second)).toEqual(SAMPLE_HEADLINES.slice(3, 6));
    expect(second.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });

    const third = await page({ first: 3, after: second.pageInfo.endCursor });
    expect(headlines(third)).toEqual(SAMPLE_HEADLINES.slice(6, 8));
    expect(third.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    expect(third.totalCount).toBe(8);
  });

  it("pages backwards with last/before from the end", async () => {
    const last = await page({ last: 3 });
    expect(headlines(last)).toEqual(SAMPLE_HEADLINES.slice(5, 8));
    expect(last.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });

    const before = await page({ last: 3, before: last.pageInfo.startCursor });
    expect(headlines(before)).toEqual(SAMPLE_HEADLINES.slice(2, 5));
    expect(before.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });

    const start = await page({ last: 3, before: before.pageInfo.startCursor });
    expect(headlines(start)).toEqual(SAMPLE_HEADLINES.slice(0, 2));
    expect(start.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
  });

  it("returns the cursors of the first and last edge in pageInfo", async () => {
    const result = await page({ first: 2 });
    expect(result.pageInfo.startCursor).toBe(result.edges[0]!.cursor);
    expect(result.pageInfo.endCursor).toBe(result.edges[1]!.cursor);
  });

  it("refuses first or last above 100 with a clear error", async () => {
    for (const variables of [{ first: 101 }, { last: 1000 }]) {
      const result = await execute(yoga, PAGE, variables);
      expect(result.errors?.[0]).toMatchObject({
        message: expect.stringMatching(/^Argument "(first|last)" must be between 0 and 100, got (101|1000)\.$/),
        extensions: { code: "PAGE_SIZE_OUT_OF_RANGE" },
      });
    }
  });

  it("accepts exactly 100", async () => {
    expect(headlines(await page({ first: 100 }))).toEqual(SAMPLE_HEADLINES);
  });

  it("pages Issue.articles nested in the query of issues, forwards and backwards, with the cursors it issued", async () => {
    // Loaded with the issues' own query, not by a query of its own.
    const first = await nestedPage({ first: 3 });
    expect(headlines(first)).toEqual(SAMPLE_HEADLINES.slice(0, 3));
    expect(first.edges).toEqual((await page({ first: 3 })).edges);

    const second = await nestedPage({ first: 3, after: first.pageInfo.endCursor });
    expect(headlines(second)).toEqual(SAMPLE_HEADLINES.slice(3, 6));
    expect(second.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });

    const back = await nestedPage({ last: 2, before: second.pageInfo.startCursor });
    expect(headlines(back)).toEqual(SAMPLE_HEADLINES.slice(1, 3));
    expect(back.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });

    // A cursor belongs to the connection, however it was reached.
    expect(headlines(await page({ first: 3, after: first.pageInfo.endCursor }))).toEqual(SAMPLE_HEADLINES.slice(3, 6));
  });
});
