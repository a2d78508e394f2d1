import { describe, expect, it } from "vitest";
import { createTestDatabase } from "../support/database.ts";
import { loadSample, loadSampleOnDates } from "../support/sample.ts";
import { createServer } from "../../src/server/index.ts";
import { data, editorServer, keyFor, revokedKey, run } from "./support.ts";

const db = await createTestDatabase();
await loadSample(db.writer);
await loadSampleOnDates(db.writer, ["2022-06-04"]);
const yoga = editorServer(db);
const EDITOR = await keyFor(db, "desk", "editor");
const READER = await keyFor(db, "library", "reader");
const REVOKED = await revokedKey(db, "former-intern");

const ARTICLES = `{ page(publication: "taiyuan-daily", date: "2022-06-03", number: 1) { articles { id } } }`;
const ids = (await data(yoga, null, ARTICLES)).page.articles.map((article: any) => article.id) as string[];
const other = (await data(yoga, null, ARTICLES.replace("2022-06-03", "2022-06-04"))).page.articles.map((article: any) => article.id) as string[];
const weitao = (await data(yoga, null, `{ person(name: "韦韬") { id } }`)).person.id as string;

const UPDATE = `mutation($id: ID!, $patch: ArticlePatch!) { updateArticle(id: $id, patch: $patch) { article { headline } errors { code message field } } }`;
const HEADLINE = { id: ids[0], patch: { headline: "改" } };

/** Runs an operation and checks that the database is exactly as before. */
async function unchanged<T>(work: () => Promise<T>): Promise<T> {
  const before = await db.dump();
  const result = await work();
  expect(await db.dump()).toEqual(before);
  return result;
}

const codes = (result: { errors?: { extensions?: Record<string, unknown> }[] }) => result.errors?.map((error) => error.extensions?.code);

describe("editor access", () => {
  it("refuses a mutation without a key as UNAUTHENTICATED, and changes nothing", async () => {
    const result = await unchanged(() => run(yoga, null, UPDATE, HEADLINE));
    expect(codes(result)).toEqual(["UNAUTHENTICATED"]);
    expect(result.errors![0]!.message).toBe("This operation needs an API key: send Authorization: Bearer <key>.");
    expect(result.data).toBeNull(); // payloads are non-null, so the refusal nulls the whole answer
  });

  it("refuses an unknown, malformed or revoked key as UNAUTHENTICATED", async () => {
    for (const token of [`pgk_00000000_${"x".repeat(43)}`, "not-a-key", REVOKED]) {
      const result = await unchanged(() => run(yoga, token, UPDATE, HEADLINE));
      expect(codes(result)).toEqual(["UNAUTHENTICATED"]);
      expect(result.errors![0]!.message).toBe("The API key is unknown or revoked.");
    }
  });

  it("refuses a reader key as FORBIDDEN", async () => {
    const result = await unchanged(() => run(yoga, READER, UPDATE, HEADLINE));
    expect(codes(result)).toEqual(["FORBIDDEN"]);
    expect(result.errors![0]!.message).toBe("The API key library (scope reader) may not do this.");
  });

  it("keeps reads public by default, with or without a key", async () => {
    expect((await run(yoga, null, ARTICLES)).errors).toBeUndefined();
    expect((await run(yoga, READER, ARTICLES)).errors).toBeUndefined();
  });

  it("with reads requiring a key, refuses reads without a reader key and serves them with one", async () => {
    const closed = editorServer(db, { readsRequireKey: true });
    const anonymous = await run(closed, null, ARTICLES);
    expect(codes(anonymous)).toEqual(["UNAUTHENTICATED"]);
    expect(anonymous.data).toEqual({ page: null });
    expect(codes(await run(closed, REVOKED, ARTICLES))).toEqual(["UNAUTHENTICATED"]);
    expect((await run(closed, READER, ARTICLES)).data.page.articles).toHaveLength(8);
    expect((await run(closed, EDITOR, ARTICLES)).data.page.articles).toHaveLength(8);
  });

  it("answers WRITES_UNAVAILABLE on a server without a write connection", async () => {
    const readOnly = createServer(db.reader);
    const result = await unchanged(() => run(readOnly, EDITOR, UPDATE, HEADLINE));
    expect(codes(result)).toEqual(["WRITES_UNAVAILABLE"]);
  });
});

describe("user errors as data", () => {
  const refused = async (query: string, variables: Record<string, unknown>, field: string) => {
    const result = await unchanged(() => data(yoga, EDITOR, query, variables));
    return result[field];
  };

  it("updateArticle: NOT_FOUND for an ID of nothing or of another type, INVALID_INPUT for an empty patch, body or name", async () => {
    const unknown = Buffer.from("Article:999999").toString("base64");
    expect(await refused(UPDATE, { id: unknown, patch: { headline: "x" } }, "updateArticle")).toEqual({
      article: null,
      errors: [{ code: "NOT_FOUND", message: "No article has this ID.", field: "id" }],
    });
    expect((await refused(UPDATE, { id: weitao, patch: { headline: "x" } }, "updateArticle")).errors[0].code).toBe("NOT_FOUND");
    expect((await refused(UPDATE, { id: "garbage", patch: { headline: "x" } }, "updateArticle")).errors[0].code).toBe("NOT_FOUND");
    expect(await refused(UPDATE, { id: ids[0], patch: {} }, "updateArticle")).toEqual({
      article: null,
      errors: [{ code: "INVALID_INPUT", message: "The patch changes nothing: give at least one field.", field: "patch" }],
    });
    expect(await refused(UPDATE, { id: ids[0], patch: { body: " " } }, "updateArticle")).toEqual({
      article: null,
      errors: [{ code: "INVALID_INPUT", message: "An article's body cannot be empty.", field: "patch.body" }],
    });
    const credits = [{ name: "韦 韬", role: "REPORTER" }];
    expect((await refused(UPDATE, { id: ids[0], patch: { headline: "x", credits } }, "updateArticle")).errors).toEqual([
      { code: "INVALID_INPUT", message: 'A credited name is 1 to 32 characters without spaces, got "韦 韬".', field: "patch.credits.0.name" },
    ]);
  });

  it("renamePerson and mergePeople: NOT_FOUND, INVALID_INPUT and CONFLICT (merge into itself)", async () => {
    const RENAME = `mutation($id: ID!, $name: String!) { renamePerson(id: $id, name: $name) { person { name } errors { code message field } } }`;
    const MERGE = `mutation($into: ID!, $from: ID!) { mergePeople(into: $into, from: $from) { person { name } errors { code message field } } }`;
    expect(await refused(RENAME, { id: ids[0], name: "x" }, "renamePerson")).toEqual({
      person: null,
      errors: [{ code: "NOT_FOUND", message: "No person has this ID.", field: "id" }],
    });
    expect((await refused(RENAME, { id: weitao, name: "" }, "renamePerson")).errors[0]).toMatchObject({ code: "INVALID_INPUT", field: "name" });
    expect(await refused(MERGE, { into: weitao, from: weitao }, "mergePeople")).toEqual({
      person: null,
      errors: [{ code: "CONFLICT", message: "A person cannot be merged into itself.", field: "from" }],
    });
    expect((await refused(MERGE, { into: weitao, from: ids[0] }, "mergePeople")).errors).toEqual([
      { code: "NOT_FOUND", message: "No person has this ID.", field: "from" },
    ]);
  });

  it("linkContinuation: INVALID_INPUT for the same article, the same page or another issue", async () => {
    const LINK = `mutation($from: ID!, $to: ID!) { linkContinuation(from: $from, to: $to) { continuation { id } errors { code message field } } }`;
    const errors = async (from: string, to: string) => (await refused(LINK, { from, to }, "linkContinuation")).errors;
    expect(await errors(ids[0]!, ids[0]!)).toEqual([{ code: "INVALID_INPUT", message: "An article cannot continue in itself.", field: "to" }]);
    expect(await errors(ids[0]!, ids[1]!)).toEqual([{ code: "INVALID_INPUT", message: "A jump links articles on different pages.", field: "to" }]);
    expect(await errors(ids[0]!, other[1]!)).toEqual([{ code: "INVALID_INPUT", message: "A jump links two articles of the same issue.", field: "to" }]);
  });

  it("ingestPage: NOT_FOUND for an unknown publication, INVALID_INPUT for blank text or text with no article", async () => {
    const INGEST = `mutation($input: IngestPageInput!) { ingestPage(input: $input) { report { status } page { number } errors { code message field } } }`;
    const input = { publication: "taiyuan-daily", date: "2022-06-05", page: 2, text: "just one line of prose, no headings" };
    expect(await refused(INGEST, { input: { ...input, publication: "nope" } }, "ingestPage")).toEqual({
      report: null,
      page: null,
      errors: [{ code: "NOT_FOUND", message: "No publication has the slug nope.", field: "input.publication" }],
    });
    expect((await refused(INGEST, { input: { ...input, text: "  \n" } }, "ingestPage")).errors).toEqual([
      { code: "INVALID_INPUT", message: "The text is blank.", field: "input.text" },
    ]);
    expect((await refused(INGEST, { input }, "ingestPage")).errors).toEqual([
      { code: "INVALID_INPUT", message: "The text cannot be ingested: no recognisable article in the text.", field: "input.text" },
    ]);
  });
});
