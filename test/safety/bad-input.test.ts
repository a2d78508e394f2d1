import { describe, expect, it } from "vitest";
import { createServer } from "../../src/server/index.ts";
import { DEFAULT_LIMITS } from "../../src/server/limits.ts";
import { createTestDatabase } from "../support/database.ts";
import { query } from "../support/graphql.ts";
import { SAMPLE_HEADLINES, loadSample } from "../support/sample.ts";

// Bad input of every kind, sent to the HTTP API in-process: each is refused with its status,
// message and code, the server answers the next normal query, and no data changed.
const db = await createTestDatabase();
await loadSample(db.writer);
const yoga = createServer(db.reader);
const before = await db.dump();

interface Answer {
  status: number;
  body: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[]; extensions?: Record<string, unknown> };
}

async function post(body: string, headers: Record<string, string> = { "content-type": "application/json" }): Promise<Answer> {
  const response = await yoga.fetch("http://papergraph/graphql", {
    method: "POST",
    headers: { accept: "application/graphql-response+json", ...headers },
    body,
  });
  return { status: response.status, body: JSON.parse(await response.text()) };
}
const postQuery = (source: string, variables: Record<string, unknown> = {}) => post(JSON.stringify({ query: source, variables }));

/** The one error of a refused request: exactly this message and code, and nothing else. */
function refused(answer: Answer, status: number, message: string | RegExp, code: string) {
  expect(answer.status).toBe(status);
  expect(answer.body.data).toBeUndefined();
  expect(answer.body.errors).toHaveLength(1);
  const [error] = answer.body.errors!;
  if (typeof message === "string") expect(error!.message).toBe(message);
  else expect(error!.message).toMatch(message);
  expect(error!.extensions).toEqual({ code });
}

const FRONT_PAGE = `{ issue(publication: "taiyuan-daily", date: "2022-06-03") { pages { articles { headline } } } }`;
async function stillServing() {
  const data = await query(yoga, FRONT_PAGE);
  expect(data.issue.pages[0].articles.map((article: { headline: string }) => article.headline)).toEqual(SAMPLE_HEADLINES);
}

describe("bad input to the HTTP API", () => {
  it("malformed JSON: 400 BAD_REQUEST, with the JSON parser's message and no stack", async () => {
    const answer = await post(`{"query": "{ issues { totalCount } }"`);
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({
      errors: [
        {
          message: "POST body sent invalid JSON.",
          extensions: { code: "BAD_REQUEST", originalError: { name: "SyntaxError", message: expect.stringMatching(/JSON/) } },
        },
      ],
    });
    await stillServing();
  });

  it("a body that is not a GraphQL request: 400", async () => {
    refused(await post(`[1, 2]`), 400, "Batching is not supported.", "BAD_REQUEST");
    refused(await post(`{"query": 42}`), 400, /query/i, "BAD_REQUEST");
    await stillServing();
  });

  it("wrong content types: 415 UNSUPPORTED_MEDIA_TYPE naming what is accepted", async () => {
    for (const type of ["application/xml", "text/plain", "image/png"]) {
      const answer = await post(JSON.stringify({ query: "{ issues { totalCount } }" }), { "content-type": type });
      refused(answer, 415, new RegExp(`^Unsupported content type "${type}": send application/json`), "UNSUPPORTED_MEDIA_TYPE");
    }
    await stillServing();
  });

  it("a body over the size limit: 413 REQUEST_ENTITY_TOO_LARGE", async () => {
    const answer = await post(JSON.stringify({ query: `{ issues { totalCount } } # ${"x".repeat(DEFAULT_LIMITS.maxBodyBytes)}` }));
    refused(answer, 413, "Request body too large", "REQUEST_ENTITY_TOO_LARGE");
    await stillServing();
  });

  it("a huge query: TOO_MANY_TOKENS before anything else is done with it", async () => {
    const answer = await postQuery(`{ issues { ${"totalCount ".repeat(20_000)} } }`);
    refused(answer, 400, `Query has more than ${DEFAULT_LIMITS.maxTokens} tokens.`, "TOO_MANY_TOKENS");
    await stillServing();
  });

  it("deep nesting: QUERY_TOO_DEEP", async () => {
    // article → page → articles → page → … : a legal query, 24 levels deep.
    let selection = "headline";
    for (let level = 0; level < 10; level++) selection = `page { articles { ${selection} } }`;
    const answer = await postQuery(`{ issue(publication: "taiyuan-daily", date: "2022-06-03") { pages { articles { ${selection} } } } }`);
    // 1.5 a level, 24 levels: too costly as well as too deep.
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([
      { message: `Query depth 24 exceeds the limit of ${DEFAULT_LIMITS.maxDepth}.`, extensions: { code: "QUERY_TOO_DEEP" } },
      { message: expect.stringMatching(/^Query cost \d+ exceeds the limit of 50000\.$/), extensions: { code: "QUERY_TOO_COSTLY" } },
    ]);
    await stillServing();
  });

  it("an alias bomb: TOO_MANY_ALIASES", async () => {
    const aliases = Array.from({ length: 200 }, (_, index) => `a${index}: issues { totalCount }`).join(" ");
    refused(await postQuery(`{ ${aliases} }`), 400, `Query has 200 aliases; the limit is ${DEFAULT_LIMITS.maxAliases}.`, "TOO_MANY_ALIASES");
    await stillServing();
  });

  it("a directive flood: TOO_MANY_DIRECTIVES", async () => {
    const answer = await postQuery(`{ issues { ${"totalCount @include(if: true) ".repeat(60)} } }`);
    refused(answer, 400, `Query has 60 directives; the limit is ${DEFAULT_LIMITS.maxDirectives}.`, "TOO_MANY_DIRECTIVES");
    await stillServing();
  });

  it("circular fragments: refused by validation, without looping", async () => {
    const answer = await postQuery(`query { ...A } fragment A on Query { issues { totalCount } ...B } fragment B on Query { ...A }`);
    refused(answer, 400, `Cannot spread fragment "A" within itself via "B".`, "GRAPHQL_VALIDATION_FAILED");
    await stillServing();
  });

  it("nested connections whose pages multiply: QUERY_TOO_COSTLY, written or as variables", async () => {
    const nested = `issues(first: 100) { edges { node { pages { articles { headline mentions { person { articles(first: 100) { edges { node { headline } } } } } } } } } }`;
    refused(await postQuery(`{ ${nested} }`), 400, /^Query cost \d+ exceeds the limit of 50000\.$/, "QUERY_TOO_COSTLY");
    const withVariables = `query($n: Int) { ${nested.replaceAll("first: 100", "first: $n")} }`;
    refused(await postQuery(withVariables, { n: 100 }), 200, /^Query cost \d+ exceeds the limit of 50000\.$/, "QUERY_TOO_COSTLY");
    // With small pages and without each person's articles (a window over all of them, costed
    // 1,000: see test/safety/query-cost.test.ts), accepted, and its cost reported.
    const small = await postQuery(withVariables.replace(/ articles\(first: \$n\) \{ edges \{ node \{ headline \} \} \}/, " name"), { n: 2 });
    expect(small.status).toBe(200);
    expect(small.body.errors).toBeUndefined();
    expect(small.body.extensions?.cost).toEqual({ requestedQueryCost: expect.any(Number), maxQueryCost: 50_000 });
  });

  it("first: 100000: refused, as a cost in the query text and as a page size in a variable", async () => {
    refused(await postQuery(`{ issues(first: 100000) { edges { node { date } } } }`), 400, "Query cost 500002 exceeds the limit of 50000.", "QUERY_TOO_COSTLY");
    const answer = await postQuery(`query($n: Int) { issue(publication: "taiyuan-daily", date: "2022-06-03") { articles(first: $n) { totalCount } } }`, { n: 101 });
    expect(answer.body.errors).toEqual([
      expect.objectContaining({ message: 'Argument "first" must be between 0 and 100, got 101.', extensions: { code: "PAGE_SIZE_OUT_OF_RANGE" } }),
    ]);
    await stillServing();
  });

  it("unknown arguments and fields: GRAPHQL_VALIDATION_FAILED naming them", async () => {
    refused(await postQuery(`{ issues(foo: 1) { totalCount } }`), 400, /^Unknown argument "foo" on field "Query.issues"\./, "GRAPHQL_VALIDATION_FAILED");
    refused(await postQuery(`{ issues { count } }`), 400, /^Cannot query field "count" on type "QueryIssuesConnection"\./, "GRAPHQL_VALIDATION_FAILED");
    refused(await postQuery(`{ issues { totalCount `), 400, "Syntax Error: Expected Name, found <EOF>.", "GRAPHQL_PARSE_FAILED");
    await stillServing();
  });

  it("invalid IDs and cursors: BAD_USER_INPUT on the field", async () => {
    for (const [source, message] of [
      [`{ node(id: "garbage") { id } }`, "Invalid global ID: garbage"],
      [`{ nodes(ids: ["UGFnZTox", "!!"]) { id } }`, "Invalid global ID: !!"],
      [`{ issues(first: 1, after: "bm9wZQ==") { totalCount } }`, "Invalid cursor: bm9wZQ=="],
    ] as const) {
      const answer = await postQuery(source);
      expect(answer.status).toBe(200);
      expect(answer.body.errors).toEqual([expect.objectContaining({ message, extensions: { code: "BAD_USER_INPUT" } })]);
    }
    await stillServing();
  });

  it("a cursor from another connection: BAD_USER_INPUT naming the connection that issued it", async () => {
    const issues = (await query(yoga, `{ issues(first: 1) { edges { cursor } } }`)).issues.edges[0].cursor;
    const search = (await query(yoga, `{ search(query: "韦韬", first: 1) { edges { cursor } } }`)).search.edges[0].cursor;
    for (const [source, cursor, message] of [
      [`person(name: "韦韬") { articles(after: $cursor) { totalCount } }`, issues, `Invalid cursor: ${issues} was issued by QueryIssuesConnection, not PersonArticlesConnection.`],
      [`articles(after: $cursor) { totalCount }`, issues, `Invalid cursor: ${issues} was issued by QueryIssuesConnection, not QueryArticlesConnection.`],
      [`issues(after: $cursor) { totalCount }`, search, `Invalid cursor: ${search} was issued by SearchConnection, not QueryIssuesConnection.`],
      // Issues too, but of another connection; loaded with the publication's own query.
      [`publication(slug: "taiyuan-daily") { issues(after: $cursor) { totalCount } }`, issues, `Invalid cursor: ${issues} was issued by QueryIssuesConnection, not PublicationIssuesConnection.`],
    ]) {
      const answer = await postQuery(`query($cursor: String) { ${source} }`, { cursor });
      expect(answer.status).toBe(200);
      expect(answer.body.errors).toEqual([expect.objectContaining({ message, extensions: { code: "BAD_USER_INPUT" } })]);
      await stillServing();
    }
  });

  it("an error about a cursor names the cursor as sent", async () => {
    const newest = (await query(yoga, `{ search(query: "韦韬", first: 1) { edges { cursor } } }`)).search.edges[0].cursor;
    const answer = await postQuery(`query($cursor: String) { search(query: "韦韬", orderBy: RELEVANCE, after: $cursor) { totalCount } }`, { cursor: newest });
    expect(answer.body.errors).toEqual([
      expect.objectContaining({ message: `Invalid cursor for this search: ${newest}`, extensions: { code: "BAD_USER_INPUT" } }),
    ]);
    await stillServing();
  });

  it("an accepted query reports its cost in extensions.cost", async () => {
    const answer = await postQuery(`{ issues { totalCount } }`);
    expect(answer.body).toEqual({ data: { issues: { totalCount: 1 } }, extensions: { cost: { requestedQueryCost: 12, maxQueryCost: 50_000 } } });
  });

  it("changed no data", async () => {
    expect(await db.dump()).toEqual(before);
  });
});
