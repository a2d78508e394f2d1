import { describe, expect, it } from "vitest";
import { createServer } from "../../src/server/index.ts";
import { GRAPHIQL } from "../../src/server/graphiql.ts";
import { createTestDatabase } from "../support/database.ts";
import { execute } from "../support/graphql.ts";
import { SAMPLE_HEADLINES, loadSample } from "../support/sample.ts";

const db = await createTestDatabase();
await loadSample(db.writer);
const yoga = createServer(db.reader);

const tabs = GRAPHIQL.defaultTabs ?? [];
const run = (index: number) => execute(yoga, tabs[index]!.query ?? "", JSON.parse(tabs[index]!.variables ?? "{}"));

describe("GraphiQL's example tabs", () => {
  it("are the front page, a person's timeline, the continuations, a search, the stories and an organisation", () => {
    expect(tabs.map((tab) => /query (\w+)/.exec(tab.query ?? "")?.[1])).toEqual(["FrontPage", "PersonTimeline", "Continuations", "Search", "Stories", "Organisation"]);
  });

  it("FrontPage lists the sample front page's headlines", async () => {
    const { data, errors } = await run(0);
    expect(errors).toBeUndefined();
    expect(data.page.articles.map((article: { headline: string }) => article.headline)).toEqual(SAMPLE_HEADLINES);
  });

  it("PersonTimeline lists 韦韬's titles and the 3 articles that name him", async () => {
    const { data, errors } = await run(1);
    expect(errors).toBeUndefined();
    expect(data.person.name).toBe("韦韬");
    expect(data.person.titles).toEqual([
      { title: "省委常委、太原市委书记", normalisedTitle: "山西省委常委、太原市委书记", firstSeen: "2022-06-03", lastSeen: "2022-06-03", count: 3 },
    ]);
    expect(data.person.articles.totalCount).toBe(3);
  });

  it("Continuations shows the front page's six jumps (unresolved: the sample holds page 1 only)", async () => {
    const { data, errors } = await run(2);
    expect(errors).toBeUndefined();
    expect(data.page.continuationsOut.map((jump: any) => [jump.from.headline, jump.toPageNumber, jump.resolved])).toEqual([
      [SAMPLE_HEADLINES[0], 3, false],
      [SAMPLE_HEADLINES[1], 3, false],
      [SAMPLE_HEADLINES[2], 3, false],
      [SAMPLE_HEADLINES[4], 4, false],
      [SAMPLE_HEADLINES[5], 3, false],
      [SAMPLE_HEADLINES[6], 3, false],
    ]);
  });

  it("Search finds the 4 sample articles that print both 太忻 and 经济", async () => {
    const { data, errors } = await run(3);
    expect(errors).toBeUndefined();
    expect(data.search.totalCount).toBe(4);
    expect(data.search.edges.map((edge: any) => edge.node.article.headline).sort()).toEqual(
      [SAMPLE_HEADLINES[0], SAMPLE_HEADLINES[1], SAMPLE_HEADLINES[3], SAMPLE_HEADLINES[6]].sort(),
    );
  });

  it("Stories reads each front-page article as a story, incomplete where its jump's page is not in the sample", async () => {
    const { data, errors } = await run(4);
    expect(errors).toBeUndefined();
    expect(data.page.articles.map((article: any) => [article.story.headline, article.story.pages, article.story.complete])).toEqual(
      SAMPLE_HEADLINES.map((headline, index) => [headline, [1], [3, 7].includes(index)]),
    );
    expect(data.page.articles[3].story.body).not.toContain("下转");
  });

  it("Organisation lists 太原市委's people with their roles, and 韦韬's two positions", async () => {
    const { data, errors } = await run(5);
    expect(errors).toBeUndefined();
    expect(data.organisation.people.map((member: any) => [member.person.name, member.role])).toEqual([
      ["韦韬", "书记"],
      ["张新伟", "副书记"],
      ["卢秋生", "常委"],
      ["张韬", "副书记"],
    ]);
    expect(data.person.positions.map((position: any) => [position.organisation.name, position.role])).toEqual([
      ["山西省委", "常委"],
      ["太原市委", "书记"],
    ]);
  });
});
