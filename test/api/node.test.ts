import { describe, expect, it } from "vitest";
import { createServer } from "../../src/server/index.ts";
import { createTestDatabase } from "../support/database.ts";
import { execute, query } from "../support/graphql.ts";
import { PICKUP_PAGE, loadSample } from "../support/sample.ts";
import { ingestPaths } from "../../src/loader/edition-loader.ts";

const db = await createTestDatabase();
await loadSample(db.writer);
await ingestPaths(db.writer, [PICKUP_PAGE]);
const yoga = createServer(db.reader);

// One object of every Node type, reached through the graph.
const EVERY_TYPE = `{
  publication(slug: "taiyuan-daily") { id }
  issue(publication: "taiyuan-daily", date: "2022-06-03") { id }
  page(publication: "taiyuan-daily", date: "2022-06-03", number: 1) {
    id
    photos { id }
    continuationsOut { id }
    articles { id credits { id } mentions { id } }
  }
  person(name: "韦韬") { id }
}`;

async function idsByType(): Promise<Record<string, string>> {
  const data = await query(yoga, EVERY_TYPE);
  const article = data.page.articles[0];
  return {
    Publication: data.publication.id,
    Issue: data.issue.id,
    Page: data.page.id,
    Article: article.id,
    Credit: article.credits[0].id,
    Mention: article.mentions[0].id,
    Photo: data.page.photos[0].id,
    Continuation: data.page.continuationsOut[0].id,
    Person: data.person.id,
  };
}

describe("node(id) and nodes(ids)", () => {
  it("round-trips an ID of every type to the same object", async () => {
    const ids = await idsByType();
    for (const [typename, id] of Object.entries(ids)) {
      const data = await query(yoga, `query($id: ID!) { node(id: $id) { __typename id } }`, { id });
      expect(data.node).toEqual({ __typename: typename, id });
    }
  });

  it("fetches several objects in the order of the IDs, null for unknown ones", async () => {
    const ids = await idsByType();
    const unknownArticle = Buffer.from("Article:999999").toString("base64");
    const data = await query(yoga, `query($ids: [ID!]!) { nodes(ids: $ids) { __typename ... on Person { name } } }`, {
      ids: [ids.Person, unknownArticle, ids.Issue],
    });
    expect(data.nodes).toEqual([{ __typename: "Person", name: "韦韬" }, null, { __typename: "Issue" }]);
  });

  it("gives opaque IDs that do not show the database key", async () => {
    const ids = await idsByType();
    for (const id of Object.values(ids)) expect(id).not.toMatch(/^\d+$/);
  });

  it("keeps every ID when the same page is ingested again", async () => {
    const before = await idsByType();
    await loadSample(db.writer);
    expect(await idsByType()).toEqual(before);
  });

  it("refuses an ID that is not a global ID with a clear error", async () => {
    const result = await execute(yoga, `{ node(id: "not-an-id") { id } }`);
    expect(result.data?.node ?? null).toBeNull();
    expect(result.errors?.[0]?.message).toMatch(/Invalid global ID/i);
  });
});
