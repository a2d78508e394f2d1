import { describe, expect, it } from "vitest";
import { createServer } from "../../src/server/index.ts";
import { createTestDatabase } from "../support/database.ts";
import { execute } from "../support/graphql.ts";
import { loadSample } from "../support/sample.ts";

// Global IDs mean one row each, written as the API writes them; odd spellings and sizes are
// refused as BAD_USER_INPUT, not answered as another row or an internal error.
const db = await createTestDatabase();
await loadSample(db.writer);
const yoga = createServer(db.reader);
const b64 = (text: string) => Buffer.from(text).toString("base64");
const NODE = `query($id: ID!) { node(id: $id) { id } }`;

describe("global IDs and name filters", () => {
  it("refuses IDs whose row ID is not written as the API writes it (1.5, 1e3, ' 1', 01, -1, 40 digits) and IDs over 64 characters", async () => {
    for (const id of ["1.5", "1e3", " 1", "01", "-1", "9".repeat(40), "0x1"].map((row) => b64(`Article:${row}`))) {
      const answer = await execute(yoga, NODE, { id });
      expect({ id, errors: answer.errors }).toEqual({ id, errors: [expect.objectContaining({ message: `Invalid global ID: ${id}`, extensions: { code: "BAD_USER_INPUT" } })] });
    }
    const long = "x".repeat(10_000);
    const answer = await execute(yoga, NODE, { id: long });
    expect(answer.errors).toEqual([expect.objectContaining({ message: `Invalid global ID: ${"x".repeat(64)}…`, extensions: { code: "BAD_USER_INPUT" } })]);
    expect((await execute(yoga, NODE, { id: b64("Article:1") })).data.node).toEqual({ id: b64("Article:1") });
    expect((await execute(yoga, `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: [b64("Article:1"), b64("Article:1e0")] })).errors![0]!.extensions).toEqual({ code: "BAD_USER_INPUT" });
  });

  it("refuses a nameContains longer than any name, and a pinyinPrefix past 256 characters, as BAD_USER_INPUT", async () => {
    const answer = await execute(yoga, `query($n: String) { people(nameContains: $n) { totalCount } }`, { n: "韦".repeat(33) });
    expect(answer.errors).toEqual([expect.objectContaining({ message: "nameContains has 33 characters; a name has at most 32.", extensions: { code: "BAD_USER_INPUT" } })]);
    const pinyin = await execute(yoga, `query($p: String) { people(pinyinPrefix: $p) { totalCount } }`, { p: "w".repeat(257) });
    expect(pinyin.errors).toEqual([expect.objectContaining({ message: "pinyinPrefix has 257 characters; at most 256 are read.", extensions: { code: "BAD_USER_INPUT" } })]);
    expect((await execute(yoga, `{ people(nameContains: "韦韬") { totalCount } }`)).data.people.totalCount).toBe(1);
  });

  it("matches %, _ and \\ in nameContains and pinyinPrefix literally: as themselves, never as wildcards", async () => {
    const people = `query($n: String, $p: String) { people(nameContains: $n, pinyinPrefix: $p) { totalCount } }`;
    const named = `query($n: String) { people(nameContains: $n) { edges { node { name } } } }`;
    await db.writer.transaction((sql) => sql.run(`INSERT INTO "Person" ("name", "nameKey", "pinyin") VALUES (?, ?, ?), (?, ?, ?)`, ["甲%乙", "甲%乙", "jiayi", "丙_丁\\", "丙_丁\\", "bingding"]));
    expect((await execute(yoga, named, { n: "%" })).data.people.edges).toEqual([{ node: { name: "甲%乙" } }]);
    expect((await execute(yoga, named, { n: "甲%" })).data.people.edges).toEqual([{ node: { name: "甲%乙" } }]);
    expect((await execute(yoga, named, { n: "_丁\\" })).data.people.edges).toEqual([{ node: { name: "丙_丁\\" } }]);
    expect((await execute(yoga, named, { n: "\\" })).data.people.edges).toEqual([{ node: { name: "丙_丁\\" } }]);
    for (const n of ["韦%", "%韬", "韦_", "_韬", "%%", "\\%", "甲_", "丙%"]) {
      expect({ n, people: (await execute(yoga, people, { n })).data.people }).toEqual({ n, people: { totalCount: 0 } });
    }
    for (const p of ["%", "_", "w%", "we_", "\\"]) {
      expect({ p, people: (await execute(yoga, people, { p })).data.people }).toEqual({ p, people: { totalCount: 0 } });
    }
    expect((await execute(yoga, people, { n: "韦韬" })).data.people.totalCount).toBe(1);
    expect((await execute(yoga, people, { p: "wei tao" })).data.people.totalCount).toBe(1);
  });
});
