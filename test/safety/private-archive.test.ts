import { describe, expect, it } from "vitest";
import { createServer, type PapergraphServer } from "../../src/server/index.ts";
import { createTestDatabase } from "../support/database.ts";
import { loadSample } from "../support/sample.ts";
import { keyFor } from "../editors/support.ts";
import { postOperation } from "../support/graphql.ts";

// With READS_REQUIRE_KEY=true nothing of the archive reaches a request without a reader key,
// whichever endpoint, root field, fragment or variable reached it.
const db = await createTestDatabase();
await loadSample(db.writer);
const open = createServer(db.reader, { readsRequireKey: false });
const closed = createServer(db.reader, { readsRequireKey: true });
const READER = await keyFor(db, "library", "reader");

async function post(yoga: PapergraphServer, path: string, token: string | null, query: string, variables: Record<string, unknown> = {}) {
  const response = await postOperation(yoga, query, variables, { token, path });
  return { status: response.status, text: await response.text() };
}

const front = JSON.parse(
  (await post(open, "/graphql", null, `{ page(publication: "taiyuan-daily", date: "2022-06-03", number: 1) { id text issue { id } articles { id headline body mentions { person { id name } } } } }`)).text,
).data.page;
const article = front.articles[0];
const person = article.mentions[0].person;
// Strings that must never appear in an answer to a request without a key.
const SECRETS = [article.headline, article.body.slice(0, 20), front.text.slice(0, 20), person.name];

const ENTITIES = `query($representations: [_Any!]!) {
  _entities(representations: $representations) {
    __typename
    ... on Article { id headline body page { text } }
    ... on Issue { id date pages { text } }
    ...PersonFields
  }
}
fragment PersonFields on Person { id name articles(first: 5) { edges { node { headline } } } }`;

const REPRESENTATIONS = [
  { __typename: "Article", id: article.id },
  { __typename: "Issue", id: front.issue.id },
  { __typename: "Person", id: person.id },
  { __typename: "Person", name: person.name },
];

function leaksNothing(text: string) {
  for (const secret of SECRETS) expect(text).not.toContain(secret);
}

describe("a private archive (READS_REQUIRE_KEY=true)", () => {
  it("refuses /subgraph _entities without a key, for every entity type and key, with UNAUTHENTICATED and no content", async () => {
    const answer = await post(closed, "/subgraph", null, ENTITIES, { representations: REPRESENTATIONS });
    leaksNothing(answer.text);
    const body = JSON.parse(answer.text);
    expect(body.data).toEqual({ _entities: [null, null, null, null] });
    expect(new Set(body.errors.map((error: any) => error.extensions.code))).toEqual(new Set(["UNAUTHENTICATED"]));
    expect(body.errors[0].message).toBe("This operation needs an API key: send Authorization: Bearer <key>.");
  });

  it("refuses _entities with the representations written inline and with only __typename selected", async () => {
    const inline = `{ _entities(representations: [{ __typename: "Article", id: ${JSON.stringify(article.id)} }]) { __typename ... on Article { body } } }`;
    const answer = await post(closed, "/subgraph", null, inline);
    leaksNothing(answer.text);
    expect(JSON.parse(answer.text).errors.map((error: any) => error.extensions.code)).toEqual(["UNAUTHENTICATED"]);
    const typenameOnly = await post(closed, "/subgraph", null, `{ _entities(representations: [{ __typename: "Article", id: ${JSON.stringify(article.id)} }]) { __typename } }`);
    expect(JSON.parse(typenameOnly.text)).toMatchObject({ data: { _entities: [null] }, errors: [{ extensions: { code: "UNAUTHENTICATED" } }] });
  });

  it("refuses /subgraph's root fields and /graphql's node, nodes and nested content without a key", async () => {
    for (const [path, query] of [
      ["/subgraph", `{ node(id: ${JSON.stringify(article.id)}) { ... on Article { body } } }`],
      ["/subgraph", `{ person(name: ${JSON.stringify(person.name)}) { name } }`],
      ["/graphql", `{ nodes(ids: [${JSON.stringify(article.id)}, ${JSON.stringify(front.id)}]) { ... on Article { body } ... on Page { text } } }`],
      ["/graphql", `query($id: ID!) { node(id: $id) { ...Body } } fragment Body on Article { headline body }`],
    ] as const) {
      const answer = await post(closed, path, null, query, { id: article.id });
      leaksNothing(answer.text);
      expect(JSON.parse(answer.text).errors[0].extensions.code).toBe("UNAUTHENTICATED");
    }
  });

  it("refuses an unknown key on /subgraph as UNAUTHENTICATED", async () => {
    const answer = await post(closed, "/subgraph", `pgk_00000000_${"x".repeat(43)}`, ENTITIES, { representations: REPRESENTATIONS });
    leaksNothing(answer.text);
    expect(JSON.parse(answer.text).errors[0]).toMatchObject({ message: "The API key is unknown or revoked.", extensions: { code: "UNAUTHENTICATED" } });
  });

  it("answers _entities with a reader key, and the schema (_service) without one", async () => {
    const answer = JSON.parse((await post(closed, "/subgraph", READER, ENTITIES, { representations: REPRESENTATIONS })).text);
    expect(answer.errors).toBeUndefined();
    expect(answer.data._entities.map((entity: any) => entity.__typename)).toEqual(["Article", "Issue", "Person", "Person"]);
    expect(answer.data._entities[0].body).toBe(article.body);
    expect(answer.data._entities[1].pages[0].text).toBe(front.text);
    expect(answer.data._entities[3].name).toBe(person.name);
    const service = JSON.parse((await post(closed, "/subgraph", null, `{ _service { sdl } }`)).text);
    expect(service.data._service.sdl).toContain("type Article");
  });

  it("keeps an open archive open on /subgraph", async () => {
    const answer = JSON.parse((await post(open, "/subgraph", null, ENTITIES, { representations: REPRESENTATIONS })).text);
    expect(answer.errors).toBeUndefined();
    expect(answer.data._entities[0].headline).toBe(article.headline);
  });
});
