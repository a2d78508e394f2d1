import { parse } from "graphql";
import { afterAll, describe, expect, it } from "vitest";
import { createYoga } from "graphql-yoga";
import { buildSubgraphSchema } from "@apollo/subgraph";
import { createGatewayRuntime } from "@graphql-hive/gateway";
import { createServer } from "../../src/server/index.ts";
import { createTestDatabase } from "../support/database.ts";
import { execute, query } from "../support/graphql.ts";
import { listen } from "../support/listen.ts";
import { SAMPLE_EXPECTED, SAMPLE_HEADLINES, loadSample } from "../support/sample.ts";

const db = await createTestDatabase();
await loadSample(db.writer);
const papergraph = createServer(db.reader);
const papergraphOrigin = await listen(papergraph);

const firstArticle = await query(papergraph, `{ issue(publication: "taiyuan-daily", date: "2022-06-03") { articles(first: 1) { edges { node { id } } } } }`);
const FIRST_ARTICLE_ID: string = firstArticle.issue.articles.edges[0].node.id;

/** A second subgraph: a portal with biographies of people and an editor's pick of papergraph's articles. */
const portal = createYoga({
  schema: buildSubgraphSchema({
    typeDefs: parse(/* GraphQL */ `
      extend schema @link(url: "https://specs.apollo.dev/federation/v2.6", import: ["@key"])
      type Person @key(fields: "name") {
        name: String!
        biography: String
      }
      type Article @key(fields: "id", resolvable: false) {
        id: ID!
      }
      type Query {
        featuredPerson: Person
        editorsPick: Article
      }
    `),
    resolvers: {
      Query: {
        featuredPerson: () => ({ name: "韦韬" }),
        editorsPick: () => ({ id: FIRST_ARTICLE_ID }),
      },
      Person: {
        __resolveReference: ({ name }: { name: string }) => ({ name }),
        biography: ({ name }: { name: string }) => `${name}: a biography from the portal.`,
      },
    },
  }),
  graphqlEndpoint: "/graphql",
  logging: false,
});
const portalOrigin = await listen(portal);

// The gateway composes the supergraph itself from each subgraph's `_service { sdl }`.
const gateway = createGatewayRuntime({
  supergraph: {
    type: "dev",
    services: [
      { name: "papergraph", url: `${papergraphOrigin}/subgraph` },
      { name: "portal", url: `${portalOrigin}/graphql` },
    ],
  },
  logging: false,
  // A failing test then shows the subgraph's own message instead of "Unexpected error.".
  maskedErrors: false,
});
afterAll(() => gateway[Symbol.asyncDispose]());

async function run(source: string) {
  const response = await gateway.fetch("http://gateway/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify({ query: source }),
  });
  const result = await response.json();
  expect(result.errors).toBeUndefined();
  return result.data;
}

const WEI_TAO_HEADLINES = SAMPLE_EXPECTED.articles
  .filter((article) => article.people.some((person) => person.name === "韦韬"))
  .map((article) => article.headline);

describe("papergraph as an Apollo Federation subgraph, composed by Hive Gateway with a second subgraph", () => {
  it("resolves the portal's Person entity through papergraph's _entities, keyed by name", async () => {
    const data = await run(`{ featuredPerson { name biography articles(first: 10) { edges { node { headline } } } } }`);
    expect(data.featuredPerson.name).toBe("韦韬");
    expect(data.featuredPerson.biography).toBe("韦韬: a biography from the portal.");
    expect(data.featuredPerson.articles.edges.map((edge: any) => edge.node.headline)).toEqual(WEI_TAO_HEADLINES);
  });

  it("resolves an Article entity by its global ID through papergraph's _entities", async () => {
    const data = await run(`{ editorsPick { id headline issue { date publication { name } } } }`);
    expect(data.editorsPick).toEqual({
      id: FIRST_ARTICLE_ID,
      headline: SAMPLE_HEADLINES[0],
      issue: { date: "2022-06-03", publication: { name: "太原日报" } },
    });
  });

  it("completes papergraph's Person with the portal's biography", async () => {
    const data = await run(`{ person(name: "殷雪莹") { name biography } }`);
    expect(data.person).toEqual({ name: "殷雪莹", biography: "殷雪莹: a biography from the portal." });
  });
});

describe("the /subgraph endpoint", () => {
  it("is where the federation internals are: /graphql has no _service", async () => {
    const result = await execute(papergraph, "{ _service { sdl } }");
    expect(result.errors?.map((error) => error.message)).toEqual(['Cannot query field "_service" on type "Query".']);
  });

  it("resolves many entities of a gateway's query plan in a fixed number of statements", async () => {
    const ENTITIES = `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Article { headline } ... on Person { name } } }`;
    const articles = await query(papergraph, `{ issue(publication: "taiyuan-daily", date: "2022-06-03") { articles(first: 8) { edges { node { id } } } } }`);
    const ids: string[] = articles.issue.articles.edges.map((edge: any) => edge.node.id);
    const statementsFor = async (representations: unknown[]) => {
      db.resetStatements();
      const response = await papergraph.fetch("http://papergraph/subgraph", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: ENTITIES, variables: { representations } }),
      });
      const result = await response.json();
      expect(result.errors).toBeUndefined();
      return { entities: result.data._entities, statements: db.statements.length };
    };
    const people = [{ __typename: "Person", name: "韦韬" }, { __typename: "Person", name: "殷雪莹" }];
    const one = await statementsFor([{ __typename: "Article", id: ids[0] }, people[0]]);
    const all = await statementsFor([...ids.map((id) => ({ __typename: "Article", id })), ...people]);
    expect(all.entities).toEqual([...SAMPLE_HEADLINES.map((headline) => ({ headline })), { name: "韦韬" }, { name: "殷雪莹" }]);
    // Prisma batches the findUnique of each representation made in one tick into one query a model.
    expect(all.statements).toBe(one.statements);
  });

  it("declares Article, Issue and Person as entities in its _service SDL", async () => {
    const response = await papergraph.fetch("http://papergraph/subgraph", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ _service { sdl } }" }),
    });
    const sdl: string = (await response.json()).data._service.sdl;
    expect(sdl.match(/^type \w+ implements Node\n {2}@key\(fields: "\w+"\)(\n {2}@key\(fields: "\w+"\))?/gm)).toEqual([
      'type Article implements Node\n  @key(fields: "id")',
      'type Issue implements Node\n  @key(fields: "id")',
      'type Person implements Node\n  @key(fields: "id")\n  @key(fields: "name")',
    ]);
  });
});
