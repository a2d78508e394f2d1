import { getIntrospectionQuery } from "graphql";
import { describe, expect, it } from "vitest";
import { createServer, type PapergraphServer } from "../../src/server/index.ts";
import { DEFAULT_LIMITS, limitsFromEnv } from "../../src/server/limits.ts";
import { createTestDatabase } from "../support/database.ts";
import { answeredPromptlyBeside } from "../support/promptly.ts";
import { loadSample } from "../support/sample.ts";

// The cost rule, the list-argument cap and introspection, tried as an attacker would: page
// sizes left out, written, sent as variables or taken from defaults, through fragments; long
// lists inline, as variables and nested in inputs; introspection aliased or turned off.
const db = await createTestDatabase();
await loadSample(db.writer);
const yoga = createServer(db.reader);

interface Answer {
  status: number;
  body: { data?: any; errors?: { message: string; extensions?: Record<string, unknown> }[]; extensions?: Record<string, any> };
}

async function post(server: PapergraphServer, query: string, variables: Record<string, unknown> = {}, path = "/graphql"): Promise<Answer> {
  const response = await server.fetch(`http://papergraph${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/graphql-response+json" },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: await response.json() };
}

function refused(answer: Answer, status: number, message: string | RegExp, code: string) {
  expect(answer.body.data ?? undefined).toBeUndefined();
  expect(answer.body.errors).toHaveLength(1);
  if (typeof message === "string") expect(answer.body.errors![0]!.message).toBe(message);
  else expect(answer.body.errors![0]!.message).toMatch(message);
  expect(answer.body.errors![0]!.extensions).toEqual({ code });
  expect(answer.status).toBe(status);
}

const cost = (answer: Answer) => {
  expect(answer.body.errors).toBeUndefined();
  return answer.body.extensions!.cost.requestedQueryCost as number;
};

describe("cost after variables and defaults", () => {
  it("costs a page size the same whether left out, written, a variable, or a variable's default", async () => {
    // issues 2 + 20 edges × (edge 2 + node 2 + date 1)
    const variants: [string, Record<string, unknown>][] = [
      [`{ issues { edges { node { date } } } }`, {}],
      [`{ issues(first: 20) { edges { node { date } } } }`, {}],
      [`query($n: Int) { issues(first: $n) { edges { node { date } } } }`, { n: 20 }],
      [`query($n: Int) { issues(first: $n) { edges { node { date } } } }`, {}],
      [`query($n: Int = 20) { issues(first: $n) { edges { node { date } } } }`, {}],
      [`query($n: Int = 1) { issues(first: $n) { edges { node { date } } } }`, { n: 20 }],
      [`{ issues { ...Dates } } fragment Dates on QueryIssuesConnection { edges { node { ... on Issue { date } } } }`, {}],
      [`{ issues(last: 20) { edges { node { date } } } }`, {}],
    ];
    for (const [query, variables] of variants) expect({ query, cost: cost(await post(yoga, query, variables)) }).toEqual({ query, cost: 102 });
    expect(cost(await post(yoga, `query($n: Int = 1) { issues(first: $n) { edges { node { date } } } }`))).toBe(7);
  });

  it("refuses nested connections without first at their default page size (400), and through variables and their defaults (200)", async () => {
    const nested = (size: string) =>
      `issues${size} { edges { node { pages { articles { mentions { person { articles${size} { edges { node { headline } } } } } } } } } }`;
    refused(await post(yoga, `{ ${nested("")} }`), 400, "Query cost 4084482 exceeds the limit of 50000.", "QUERY_TOO_COSTLY");
    // Known only once the variables come: refused at execution.
    refused(await post(yoga, `query($n: Int = 20) { ${nested("(first: $n)")} }`), 200, "Query cost 4084482 exceeds the limit of 50000.", "QUERY_TOO_COSTLY");
    refused(await post(yoga, `query($n: Int!) { ${nested("(first: $n)")} }`, { n: 20 }), 200, "Query cost 4084482 exceeds the limit of 50000.", "QUERY_TOO_COSTLY");
    refused(await post(yoga, `query($n: Int = 1) { ${nested("(first: $n)")} }`, { n: 100 }), 200, /^Query cost \d+ exceeds the limit of 50000\.$/, "QUERY_TOO_COSTLY");
    // The same with small pages is answered.
    // issues 2 + 1 × (edge 2 + node 2 + 10 pages × (2 + 10 articles × (2 + headline 1)))
    expect(cost(await post(yoga, `query($n: Int = 1) { issues(first: $n) { edges { node { pages { articles { headline } } } } } }`))).toBe(326);
  });

  it("costs one document by the variables each request sends, whatever was sent before (costs are kept per document and variables)", async () => {
    const source = `query($n: Int, $ids: [ID!]! = []) { issues(first: $n) { edges { node { date } } } nodes(ids: $ids) { id } }`;
    const sent: [Record<string, unknown>, number | string][] = [
      [{ n: 20 }, 102],
      [{ n: 1 }, 7],
      [{ n: 20 }, 102],
      // … + nodes 2 × (node 2 + id 1)
      [{ n: 1, ids: ["Article:1", "Article:2"].map((id) => Buffer.from(id).toString("base64")) }, 13],
      [{ n: 1, ids: Array.from({ length: 101 }, (_, index) => String(index)) }, "LIST_TOO_LONG"],
      [{ n: 1, ids: Array.from({ length: 101 }, (_, index) => String(index)) }, "LIST_TOO_LONG"],
      [{ n: "many" }, 'Variable "$n" got invalid value "many"; Int cannot represent non-integer value: "many"'],
      [{ n: 1 }, 7],
    ];
    for (const [variables, expected] of sent) {
      const answer = await post(yoga, source, variables);
      const error = answer.body.errors?.[0];
      const outcome = error ? (error.extensions?.code ?? error.message) : answer.body.extensions!.cost.requestedQueryCost;
      expect({ variables, outcome }).toEqual({ variables, outcome: expected });
    }
  });

  it("admits the most named people's articles (read for the whole list in a fixed number of statements) at their weight of 50", async () => {
    const people = (size: string) => `people${size} { edges { node { articles(first: 1) { totalCount } } } }`;
    // people 2×5 + 100 × (edge 2 + node 2 + articles 2×50 + totalCount 10)
    for (const [query, status] of [[`{ ${people("(first: 100, orderBy: MENTIONS)")} }`, 200], [`query($n: Int = 100) { ${people("(first: $n, orderBy: MENTIONS)")} }`, 200], [`{ ...P } fragment P on Query { ${people("(first: 100, orderBy: MENTIONS)")} }`, 200]] as const) {
      const answer = await post(yoga, query);
      expect({ query, status: answer.status, errors: answer.body.errors, cost: cost(answer) }).toEqual({ query, status, errors: undefined, cost: 11410 });
    }
    // Five of those lists are over the limit.
    refused(await post(yoga, `{ ${Array.from({ length: 5 }, (_, index) => `p${index}: ${people("(first: 100, orderBy: MENTIONS)")}`).join(" ")} }`), 400, "Query cost 57050 exceeds the limit of 50000.", "QUERY_TOO_COSTLY");
    expect(cost(await post(yoga, `{ person(name: "韦韬") { articles(first: 10) { totalCount edges { node { headline } } } } }`))).toBe(2 + 100 + 10 + 10 * 5);
  });

  it("weighs whole texts: article bodies (50) and page texts (100), so ten issues' bodies are over the limit and nine within it", async () => {
    const bodies = `query($n: Int = 10) { issues(first: $n) { edges { node { pages { articles { body } } } } } }`;
    // issues 2 + n × (edge 2 + node 2 + 10 pages × (2 + 10 articles × (2 + body 50)))
    refused(await post(yoga, bodies), 200, "Query cost 52242 exceeds the limit of 50000.", "QUERY_TOO_COSTLY");
    expect(cost(await post(yoga, bodies, { n: 9 }))).toBe(47018);
    // page 2 + text 100
    expect(cost(await post(yoga, `{ page(publication: "taiyuan-daily", date: "2022-06-03", number: 1) { text } }`))).toBe(102);
  });

  it("counts a fragment each time it is spread, without the count itself taking long", async () => {
    // Each fragment spreads the next twice: 2^20 spreads if walked naively.
    const fragments = Array.from({ length: 20 }, (_, index) => `fragment F${index} on Query { ...F${index + 1} ...F${index + 1} }`).join(" ");
    const started = performance.now();
    const answer = await post(yoga, `{ ...F0 } ${fragments} fragment F20 on Query { issues { totalCount } }`);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(answer.status).toBe(400);
    // 2^20 spreads × (issues 2 + totalCount 10)
    expect(answer.body.errors).toContainEqual({ message: "Query cost 12582912 exceeds the limit of 50000.", extensions: { code: "QUERY_TOO_COSTLY" } });
  });

  it("answers a trivial query promptly while refusing costly ones", async () => {
    await answeredPromptlyBeside(yoga, async () => {
      for (let index = 0; index < 20; index++) {
        const answer = await post(yoga, `query($n: Int = 100) { issues(first: $n) { edges { node { pages { articles { mentions { person { articles(first: $n) { totalCount } } } } } } } } }`);
        expect(answer.body.errors![0]!.extensions!.code).toBe("QUERY_TOO_COSTLY");
      }
    });
  });
});

describe("lists in arguments", () => {
  const ids = (count: number) => Array.from({ length: count }, (_, index) => Buffer.from(`Article:${index + 1}`).toString("base64"));

  it("refuses nodes(ids:) over 100 IDs with LIST_TOO_LONG, written (400) or as a variable (200), and answers 100", async () => {
    refused(await post(yoga, `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: ids(5000) }), 200, 'Argument "ids" of Query.nodes holds 5000 items; at most 100 are allowed.', "LIST_TOO_LONG");
    // 20,000 IDs (400 KB) are over MAX_BODY_BYTES: refused before the body is parsed.
    refused(await post(yoga, `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: ids(20_000) }), 413, "Request body too large", "REQUEST_ENTITY_TOO_LARGE");
    refused(await post(yoga, `{ nodes(ids: ${JSON.stringify(ids(101))}) { id } }`), 400, 'Argument "ids" of Query.nodes holds 101 items; at most 100 are allowed.', "LIST_TOO_LONG");
    refused(await post(yoga, `query($ids: [ID!]!) { a: node(id: "x") { id } ...N } fragment N on Query { nodes(ids: $ids) { id } }`, { ids: ids(101) }), 200, 'Argument "ids" of Query.nodes holds 101 items; at most 100 are allowed.', "LIST_TOO_LONG");
    const answer = await post(yoga, `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: ids(100) });
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data.nodes).toHaveLength(100);
    // 100 IDs × a Node (2) and its id (1)
    expect(answer.body.extensions!.cost.requestedQueryCost).toBe(300);
  });

  it("refuses _entities over 100 representations on /subgraph, and a long list nested in an input", async () => {
    const representations = ids(2000).map((id) => ({ __typename: "Article", id }));
    const entities = await post(yoga, `query($r: [_Any!]!) { _entities(representations: $r) { __typename } }`, { r: representations }, "/subgraph");
    refused(entities, 200, 'Argument "representations" of Query._entities holds 2000 items; at most 100 are allowed.', "LIST_TOO_LONG");
    const credits = Array.from({ length: 101 }, () => ({ name: "韦韬", role: "REPORTER" }));
    const patch = await post(yoga, `mutation($id: ID!, $patch: ArticlePatch!) { updateArticle(id: $id, patch: $patch) { errors { code } } }`, { id: ids(1)[0], patch: { credits } });
    refused(patch, 200, 'Argument "patch.credits" of Mutation.updateArticle holds 101 items; at most 100 are allowed.', "LIST_TOO_LONG");
  });

  it("answers a trivial query promptly while long lists are refused", async () => {
    await answeredPromptlyBeside(yoga, async () => {
      for (let index = 0; index < 10; index++) {
        const answer = await post(yoga, `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: ids(index % 2 ? 20_000 : 5000) });
        expect(answer.body.errors![0]!.extensions!.code).toBe(index % 2 ? "REQUEST_ENTITY_TOO_LARGE" : "LIST_TOO_LONG");
      }
    });
  });
});

describe("introspection", () => {
  it("costs what it reads: one full introspection is answered, thirty aliased ones are refused", async () => {
    const one = await post(yoga, getIntrospectionQuery());
    expect(cost(one)).toBeGreaterThan(10_000);
    expect(cost(one)).toBeLessThan(DEFAULT_LIMITS.maxCost);
    const thirty = `{ ${Array.from({ length: 30 }, (_, index) => `s${index}: __schema { types { name fields { name type { name ofType { name } } } } }`).join(" ")} }`;
    refused(await post(yoga, thirty), 400, /^Query cost \d+ exceeds the limit of 50000\.$/, "QUERY_TOO_COSTLY");
    // GraphiQL's introspection twice, under aliases, its fragments shared.
    const twice = getIntrospectionQuery().replace(/__schema \{([\s\S]*?)\n {6}\}\n/, (_whole, body) => `a: __schema {${body}\n}\nb: __schema {${body}\n}\n`);
    expect(twice.match(/__schema/g)).toHaveLength(2);
    refused(await post(yoga, twice), 400, /^Query cost \d+ exceeds the limit of 50000\.$/, "QUERY_TOO_COSTLY");
  });

  it("with INTROSPECTION=false refuses __schema and __type, aliased or in fragments, on /graphql and /subgraph; __typename stays", async () => {
    const closed = createServer(db.reader, { limits: limitsFromEnv({ INTROSPECTION: "false" }) });
    for (const query of [
      `{ __schema { queryType { name } } }`,
      `{ t: __type(name: "Article") { name } }`,
      `{ ...F } fragment F on Query { __schema { types { name } } }`,
      `{ issues { totalCount } ... on Query { __type(name: "Query") { fields { name } } } }`,
    ]) {
      for (const path of ["/graphql", "/subgraph"]) {
        refused(await post(closed, query, {}, path), 400, "Introspection is turned off on this server (INTROSPECTION=false).", "INTROSPECTION_DISABLED");
      }
    }
    expect((await post(closed, `{ __typename issues { __typename totalCount } }`)).body.data).toEqual({ __typename: "Query", issues: { __typename: "QueryIssuesConnection", totalCount: 1 } });
    expect(() => limitsFromEnv({ INTROSPECTION: "no" })).toThrow("INTROSPECTION must be true or false, got no");
    expect(limitsFromEnv({}).introspection).toBe(true);
  });
});
