import { describe, expect, it } from "vitest";
import { createTestDatabase } from "../support/database.ts";
import { SAMPLE_HEADLINES, SAMPLE_TEXT, TAIYUAN_DAILY, loadSample, loadSampleOnDates } from "../support/sample.ts";
import { ingestPage } from "../../src/loader/ingest-page.ts";
import { createServer } from "../../src/server/index.ts";
import { query } from "../support/graphql.ts";
import { data, editorServer, keyFor } from "../editors/support.ts";
import { backfillPositions } from "../../src/loader/write-positions.ts";

const POSITIONS = `query($name: String!) { person(name: $name) { positions { organisation { name } role firstSeen lastSeen count articles { headline } } } }`;
const PEOPLE = `query($name: String!, $role: String, $from: Date, $to: Date) { organisation(name: $name) { id name
  people(role: $role, from: $from, to: $to) { person { name } role firstSeen lastSeen count } } }`;

const members = (organisation: any) => organisation.people.map((member: any) => [member.person.name, member.role, member.firstSeen, member.lastSeen, member.count]);

describe("organisations and positions, from the titles printed beside people", () => {
  it("gives 韦韬 the two positions of 省委常委、太原市委书记, each with when, how often and where", async () => {
    const db = await createTestDatabase();
    await loadSample(db.writer);
    const { person } = await query(createServer(db.reader), POSITIONS, { name: "韦韬" });
    // The three articles that print his title, newest first: one issue, so in page order backwards.
    const articles = [SAMPLE_HEADLINES[5], SAMPLE_HEADLINES[1], SAMPLE_HEADLINES[0]].map((headline) => ({ headline }));
    expect(person.positions).toEqual([
      { organisation: { name: "山西省委" }, role: "常委", firstSeen: "2022-06-03", lastSeen: "2022-06-03", count: 3, articles },
      { organisation: { name: "太原市委" }, role: "书记", firstSeen: "2022-06-03", lastSeen: "2022-06-03", count: 3, articles },
    ]);
  });

  it("lists who held which role in 太原市委, found by its normalised name or as 中共太原市委, and narrows by role", async () => {
    const db = await createTestDatabase();
    await loadSample(db.writer);
    const yoga = createServer(db.reader);
    const { organisation } = await query(yoga, PEOPLE, { name: "太原市委" });
    expect(organisation.name).toBe("太原市委");
    expect(members(organisation)).toEqual([
      ["韦韬", "书记", "2022-06-03", "2022-06-03", 3],
      ["张新伟", "副书记", "2022-06-03", "2022-06-03", 2],
      ["卢秋生", "常委", "2022-06-03", "2022-06-03", 1],
      ["张韬", "副书记", "2022-06-03", "2022-06-03", 1],
    ]);
    expect((await query(yoga, PEOPLE, { name: "中共太原市委" })).organisation.id).toBe(organisation.id);
    expect(members((await query(yoga, PEOPLE, { name: "太原市委", role: "副书记" })).organisation).map((row: any[]) => row[0])).toEqual(["张新伟", "张韬"]);
    expect(members((await query(yoga, PEOPLE, { name: "太原市人民政府" })).organisation)).toEqual([
      ["张新伟", "市长", "2022-06-03", "2022-06-03", 2],
      ["卢俊峰", "副市长", "2022-06-03", "2022-06-03", 1],
      ["卢秋生", "副市长", "2022-06-03", "2022-06-03", 1],
    ]);
    // 市领导 names the city, not an organisation; an organisation no title names is null.
    expect((await query(yoga, PEOPLE, { name: "太原市" })).organisation).toBeNull();
  });

  it("answers who held a role over time: first and last seen, and a date range", async () => {
    const db = await createTestDatabase();
    await loadSample(db.writer);
    await loadSampleOnDates(db.writer, ["2022-07-01", "2022-08-01"]);
    const yoga = createServer(db.reader);
    const all = await query(yoga, PEOPLE, { name: "太原市委", role: "书记" });
    expect(members(all.organisation)).toEqual([["韦韬", "书记", "2022-06-03", "2022-08-01", 9]]);
    const july = await query(yoga, PEOPLE, { name: "太原市委", role: "书记", from: "2022-07-01", to: "2022-07-31" });
    expect(members(july.organisation)).toEqual([["韦韬", "书记", "2022-07-01", "2022-07-01", 3]]);
    const before = await query(yoga, PEOPLE, { name: "太原市委", to: "2022-06-02" });
    expect(before.organisation.people).toEqual([]);
  });

  it("keeps positions right through a merge of two people and a re-ingest that drops a title", async () => {
    const db = await createTestDatabase();
    await loadSample(db.writer);
    const yoga = editorServer(db);
    const token = await keyFor(db, "desk", "editor");
    const before = await query(yoga, PEOPLE, { name: "太原市委" });
    const ids = await query(yoga, `{ a: person(name: "张新伟") { id } b: person(name: "张韬") { id } }`);
    await data(yoga, token, `mutation($into: ID!, $from: ID!) { mergePeople(into: $into, from: $from) { errors { code message } } }`, { into: ids.a.id, from: ids.b.id });
    expect(members((await query(yoga, PEOPLE, { name: "太原市委" })).organisation)).toEqual([
      ["韦韬", "书记", "2022-06-03", "2022-06-03", 3],
      ["张新伟", "副书记", "2022-06-03", "2022-06-03", 3],
      ["卢秋生", "常委", "2022-06-03", "2022-06-03", 1],
    ]);
    expect((await query(yoga, POSITIONS, { name: "张新伟" })).person.positions.map((position: any) => [position.organisation.name, position.role])).toEqual([
      ["太原市委", "副书记"],
      ["太原市人民政府", "市长"],
      ["太原市委政法委", "书记"],
      ["太原市产改协调小组", "组长"],
    ]);
    // The page again without 汾酒集团's titles: the organisation goes, 太原市委 keeps its ID.
    const text = SAMPLE_TEXT.replaceAll("汾酒集团党委书记、董事长袁清茂", "袁清茂").replaceAll("汾酒集团总经理谭忠豹", "谭忠豹");
    await ingestPage(db.writer, { publication: TAIYUAN_DAILY, date: "2022-06-03", pageNumber: 1, text }, "page-01.txt");
    expect((await query(yoga, PEOPLE, { name: "汾酒集团" })).organisation).toBeNull();
    expect((await query(yoga, PEOPLE, { name: "太原市委" })).organisation.id).toBe(before.organisation.id);
  });

  it("costs the same number of statements for every person's positions and their organisations' people, however many issues", async () => {
    const db = await createTestDatabase();
    await loadSample(db.writer);
    // Costed at its worst case (100 people, each organisation's people), over the default limit: only its statements count here.
    const yoga = createServer(db.reader, { limits: { maxCost: Number.POSITIVE_INFINITY } });
    const EVERYONE = `{ people(first: 100) { edges { node { name positions { role count organisation { name people { person { name } role } } articles(first: 2) { headline } } } } } }`;
    db.resetStatements();
    const one = await query(yoga, EVERYONE);
    const oneCount = db.statements.length;
    await loadSampleOnDates(db.writer, ["2022-07-01", "2022-08-01", "2022-09-01"]);
    db.resetStatements();
    const four = await query(yoga, EVERYONE);
    expect(db.statements.length).toBe(oneCount);
    // people, their positions, the organisations' rows, their people, the positions' newest
    // articles numbered, those articles, and their selected columns (plugin-prisma's own load).
    expect(oneCount).toBe(7);
    const count = (result: any) => result.people.edges.find((edge: any) => edge.node.name === "韦韬").node.positions.map((position: any) => position.count);
    expect([count(one), count(four)]).toEqual([[3, 3], [12, 12]]);
  });

  it("reads the positions of a database migrated from before them from its stored titles, once", async () => {
    const db = await createTestDatabase();
    await loadSample(db.writer);
    const yoga = createServer(db.reader);
    const before = await query(yoga, POSITIONS, { name: "韦韬" });
    const written = await db.reader.position.count();
    expect(written).toBe(39);
    // As the migration leaves an archive: mentions with titles, no positions, no organisations.
    await db.writer.transaction(async (sql) => {
      await sql.run(`DELETE FROM "Position"`);
      await sql.run(`DELETE FROM "Organisation"`);
    });
    expect((await query(yoga, POSITIONS, { name: "韦韬" })).person.positions).toEqual([]);
    expect(await backfillPositions(db.writer)).toBe(written);
    expect(await query(yoga, POSITIONS, { name: "韦韬" })).toEqual(before);
    db.resetStatements();
    expect(await backfillPositions(db.writer)).toBe(0);
    expect(db.statements).toHaveLength(1);
  });

  it("reads a national paper's titles without a city: a bare 市委 names no organisation, a named one does", async () => {
    const db = await createTestDatabase();
    const national = { slug: "national-daily", name: "全国日报", locale: "zh-CN", region: "全国", province: "全国" };
    await ingestPage(db.writer, { publication: national, date: "2022-06-03", pageNumber: 1, text: SAMPLE_TEXT }, "national/page-01.txt");
    const yoga = createServer(db.reader);
    const names = (await db.reader.organisation.findMany({ orderBy: { name: "asc" }, select: { name: true } })).map((row) => row.name);
    expect(names.filter((name) => name.startsWith("全国"))).toEqual([]);
    // Only where the page prints 太原市委 in full (韦韬 in the first article, 张新伟 in the first): not 市委书记韦韬 elsewhere.
    expect(members((await query(yoga, PEOPLE, { name: "太原市委" })).organisation)).toEqual([
      ["韦韬", "书记", "2022-06-03", "2022-06-03", 1],
      ["张新伟", "副书记", "2022-06-03", "2022-06-03", 1],
    ]);
  });
});

