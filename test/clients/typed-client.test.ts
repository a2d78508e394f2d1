import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createServer, type PapergraphServer } from "../../src/server/index.ts";
import { persistedOperationsFromEnv } from "../../src/server/persisted-operations.ts";
import { projectRoot } from "../../src/lib/paths.ts";
import { createClient } from "../../examples/client/src/client.ts";
import { FrontPageQuery, frontPageHeadlines, frontPageStories, organisationPeople, personTimeline } from "../../examples/client/src/queries.ts";
import { createTestDatabase } from "../support/database.ts";
import { SAMPLE_EXPECTED, SAMPLE_HEADLINES, loadSample } from "../support/sample.ts";

const db = await createTestDatabase();
await loadSample(db.writer);

const MANIFEST = path.join(projectRoot, "examples", "client", "src", "gql", "persisted-documents.json");
const documents = JSON.parse(fs.readFileSync(MANIFEST, "utf8")) as Record<string, string>;

/** The client over the server's in-process fetch, recording each request body it sends. */
function clientOf(yoga: PapergraphServer, persisted: boolean) {
  const bodies: Record<string, unknown>[] = [];
  const request = createClient({
    url: "http://papergraph/graphql",
    persisted,
    fetch: async (url, init) => {
      bodies.push(JSON.parse(String(init.body)));
      return yoga.fetch(url, init);
    },
  });
  return { request, bodies };
}

// The sample names 韦韬 in three articles of one issue; the timeline lists them in page order.
const WEI_TAO_HEADLINES = SAMPLE_EXPECTED.articles
  .filter((article) => article.people.some((person) => person.name === "韦韬"))
  .map((article) => article.headline);

describe("the example client (examples/client)", () => {
  const yoga = createServer(db.reader);

  it("lists the sample front page's headlines with typed results", async () => {
    const { request } = clientOf(yoga, false);
    expect(await frontPageHeadlines(request, "taiyuan-daily", "2022-06-03")).toEqual(SAMPLE_HEADLINES);
    expect(await frontPageHeadlines(request, "taiyuan-daily", "1999-01-01")).toBeNull();
  });

  it("lists a person's timeline, following the cursors page by page", async () => {
    const { request, bodies } = clientOf(yoga, false);
    const timeline = await personTimeline(request, "韦韬", 1);
    expect(timeline).toEqual(WEI_TAO_HEADLINES.map((headline) => ({ date: "2022-06-03", headline })));
    expect(bodies).toHaveLength(WEI_TAO_HEADLINES.length);
  });

  it("lists the front page's stories and an organisation's people with typed results", async () => {
    const { request } = clientOf(yoga, false);
    const stories = await frontPageStories(request, "taiyuan-daily", "2022-06-03");
    expect(stories?.map((story) => story.headline)).toEqual(SAMPLE_HEADLINES);
    expect(stories?.every((story) => story.pages.length === 1)).toBe(true);
    expect(await organisationPeople(request, "太原市委", "副书记")).toEqual(["张新伟 副书记", "张韬 副书记"]);
    expect(await organisationPeople(request, "没有的委员会")).toBeNull();
  });
});

describe("persisted operations", () => {
  it("codegen writes one manifest entry per document, keyed by the hash the document carries", () => {
    const hash = (FrontPageQuery as unknown as { __meta__: { hash: string } }).__meta__.hash;
    expect(Object.keys(documents)).toHaveLength(4);
    expect(documents[hash]).toMatch(/^query FrontPage\(/);
  });

  it("the client can send hashes only, and a server that knows them answers", async () => {
    const yoga = createServer(db.reader, { persistedOperations: { documents, only: false } });
    const { request, bodies } = clientOf(yoga, true);
    expect(await frontPageHeadlines(request, "taiyuan-daily", "2022-06-03")).toEqual(SAMPLE_HEADLINES);
    expect(bodies[0]).not.toHaveProperty("query");
    expect(bodies[0]).toHaveProperty("extensions.persistedQuery.sha256Hash");
  });

  it("in persisted-only mode, refuses query text and unknown hashes but answers known hashes", async () => {
    const yoga = createServer(db.reader, { persistedOperations: { documents, only: true } });
    await expect(frontPageHeadlines(clientOf(yoga, false).request, "taiyuan-daily", "2022-06-03")).rejects.toThrow(
      "PersistedQueryOnly",
    );
    const unknown = await yoga.fetch("http://papergraph/graphql", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: "sha256:0" } } }),
    });
    expect((await unknown.json()).errors[0].message).toBe("PersistedQueryNotFound");
    expect(await personTimeline(clientOf(yoga, true).request, "韦韬")).toHaveLength(WEI_TAO_HEADLINES.length);
  });
});

describe("serve's persisted-operation settings", () => {
  it("reads the manifest named by PERSISTED_DOCUMENTS, and PERSISTED_ONLY=true", () => {
    expect(persistedOperationsFromEnv({ PERSISTED_DOCUMENTS: MANIFEST, PERSISTED_ONLY: "true" })).toEqual({ documents, only: true });
    expect(persistedOperationsFromEnv({})).toBeUndefined();
  });

  it("refuses PERSISTED_ONLY without a manifest, and a manifest that is not hash → document", () => {
    expect(() => persistedOperationsFromEnv({ PERSISTED_ONLY: "true" })).toThrow("PERSISTED_ONLY=true needs PERSISTED_DOCUMENTS");
    expect(() => persistedOperationsFromEnv({ PERSISTED_DOCUMENTS: path.join(projectRoot, "package.json") })).toThrow(
      "expected a JSON object of hash → document",
    );
  });
});
