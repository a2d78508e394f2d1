import { describe, expect, it } from "vitest";
import { createServer } from "../../src/server/index.ts";
import { createTestDatabase } from "../support/database.ts";
import { query } from "../support/graphql.ts";
import { loadSample, loadSampleOnDates } from "../support/sample.ts";

const db = await createTestDatabase();
await loadSample(db.writer);
await loadSampleOnDates(db.writer, ["2022-05-20"]);
const yoga = createServer(db.reader);

describe("people", () => {
  it("person(韦韬).titles gives the fullest printed title with first and last dates", async () => {
    const data = await query(yoga, `{ person(name: "韦韬") { pinyin mentionCount titles { title firstSeen lastSeen count } } }`);
    expect(data.person).toEqual({
      pinyin: "weitao",
      mentionCount: 6,
      titles: [{ title: "省委常委、太原市委书记", firstSeen: "2022-05-20", lastSeen: "2022-06-03", count: 6 }],
    });
  });

  it("people(pinyinPrefix) finds names by the start of their pinyin, and orders by pinyin or mentions", async () => {
    const data = await query(
      yoga,
      `{ wei: people(pinyinPrefix: "Wei T", orderBy: PINYIN) { totalCount edges { node { name pinyin } } }
         top: people(orderBy: MENTIONS, first: 2) { edges { node { name mentionCount } } } }`,
    );
    expect(data.wei).toEqual({ totalCount: 1, edges: [{ node: { name: "韦韬", pinyin: "weitao" } }] });
    expect(data.top.edges.map((edge: any) => edge.node.name)[0]).toBe("韦韬");
  });

  it("Person.coMentioned gives the people named in the same articles, most shared first", async () => {
    const data = await query(yoga, `{ person(name: "王纯") { coMentioned(first: 3) { person { name } sharedArticles } } }`);
    // 王纯 is named in one article of each issue, with ten others: ties are ordered by pinyin.
    expect(data.person.coMentioned).toEqual([
      { person: { name: "李建国" }, sharedArticles: 2 },
      { person: { name: "林武" }, sharedArticles: 2 },
      { person: { name: "王珍" }, sharedArticles: 2 },
    ]);
  });

  it("Person.articles narrows by role and issue dates", async () => {
    const data = await query(
      yoga,
      `{ person(name: "韦韬") { all: articles { totalCount } june: articles(role: MENTIONED, from: "2022-06-01", to: "2022-06-30") { totalCount } } }`,
    );
    expect(data.person).toEqual({ all: { totalCount: 6 }, june: { totalCount: 3 } });
  });
});
