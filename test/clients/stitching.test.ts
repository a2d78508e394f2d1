import { buildSchema, graphql, parse } from "graphql";
import { describe, expect, it } from "vitest";
import { createSchema } from "graphql-yoga";
import { stitchSchemas } from "@graphql-tools/stitch";
import { stitchingDirectives } from "@graphql-tools/stitching-directives";
import { buildHTTPExecutor } from "@graphql-tools/executor-http";
import { createServer } from "../../src/server/index.ts";
import { createTestDatabase } from "../support/database.ts";
import { listen } from "../support/listen.ts";
import { SAMPLE_EXPECTED, loadSample } from "../support/sample.ts";

const db = await createTestDatabase();
await loadSample(db.writer);
const origin = await listen(createServer(db.reader));

const { stitchingDirectivesTypeDefs, stitchingDirectivesTransformer } = stitchingDirectives();

const BIOGRAPHIES: Record<string, string> = {
  韦韬: "Secretary of the Taiyuan municipal Party committee.",
  殷雪莹: "Reporter at 太原日报.",
};

/** A portal's own schema: biographies of people, keyed by name like papergraph's Person. */
const portal = createSchema({
  typeDefs: /* GraphQL */ `
    ${stitchingDirectivesTypeDefs}
    type Person @key(selectionSet: "{ name }") {
      name: String!
      biography: String
    }
    type Query {
      peopleByName(names: [String!]!): [Person]! @merge(keyField: "name")
      featuredPerson: Person
    }
  `,
  resolvers: {
    Query: {
      peopleByName: (_root: unknown, { names }: { names: string[] }) => names.map((name) => ({ name, biography: BIOGRAPHIES[name] ?? null })),
      featuredPerson: () => ({ name: "韦韬", biography: BIOGRAPHIES.韦韬 }),
    },
  },
});

// The gateway knows papergraph only by its URL: it reads the annotated SDL from `_sdl`.
const executor = buildHTTPExecutor({ endpoint: `${origin}/graphql` });
const sdl = (await executor({ document: parse("{ _sdl }") })) as { data: { _sdl: string } };
const gateway = stitchSchemas({
  subschemaConfigTransforms: [stitchingDirectivesTransformer],
  subschemas: [{ schema: buildSchema(sdl.data._sdl), executor }, { schema: portal }],
});

const WEI_TAO_HEADLINES = SAMPLE_EXPECTED.articles
  .filter((article) => article.people.some((person) => person.name === "韦韬"))
  .map((article) => article.headline);

async function run(source: string) {
  const result = await graphql({ schema: gateway, source });
  expect(result.errors).toBeUndefined();
  return result.data as any;
}

describe("a schema-stitching gateway over papergraph (HTTP) and a portal schema", () => {
  it("reads papergraph's merge keys from `_sdl`: Person by name, fetched with person(name:)", () => {
    expect(sdl.data._sdl).toContain('type Person implements Node @key(selectionSet: "{ name }")');
    expect(sdl.data._sdl).toMatch(/person\(\s*"""[^"]*"""\s*name: String!\s*\): Person @merge\(keyField: "name"\)/);
  });

  it("completes papergraph's Person with the portal's biography", async () => {
    const data = await run(`{ person(name: "韦韬") { name biography articles(first: 10) { totalCount } } }`);
    expect(data).toEqual({ person: { name: "韦韬", biography: BIOGRAPHIES.韦韬, articles: { totalCount: 3 } } });
  });

  it("completes the portal's Person with papergraph's articles, fetched over HTTP", async () => {
    const data = await run(`{ featuredPerson { name biography articles(first: 10) { edges { node { headline } } } } }`);
    expect(data.featuredPerson.biography).toBe(BIOGRAPHIES.韦韬);
    expect(data.featuredPerson.articles.edges.map((edge: any) => edge.node.headline)).toEqual(WEI_TAO_HEADLINES);
  });
});
