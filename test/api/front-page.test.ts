import { describe, expect, it } from "vitest";
import { createServer } from "../../src/server/index.ts";
import { createTestDatabase } from "../support/database.ts";
import { query } from "../support/graphql.ts";
import { SAMPLE_EXPECTED, SAMPLE_HEADLINES, loadSample } from "../support/sample.ts";

const db = await createTestDatabase();
await loadSample(db.writer);
const yoga = createServer(db.reader);

describe("the sample front page", () => {
  it("returns the 8 headlines of the hand-read structure in page order", async () => {
    const data = await query(
      yoga,
      `{ issue(publication: "taiyuan-daily", date: "2022-06-03") { pages { articles { headline } } } }`,
    );
    expect(data.issue.pages).toHaveLength(1);
    expect(data.issue.pages[0].articles.map((article: { headline: string }) => article.headline)).toEqual(SAMPLE_HEADLINES);
  });

  it("serves every article's headings, source, dateline and credits as read by hand", async () => {
    const data = await query(
      yoga,
      `{ page(publication: "taiyuan-daily", date: "2022-06-03", number: 1) {
          articles { kicker headline subheadline source dateline eventDate
            reporters { name } photographers { name } authors { name }
            continuation { toPageNumber } } } }`,
    );
    const served = data.page.articles.map((article: any) => ({
      kicker: article.kicker,
      headline: article.headline,
      subheadline: article.subheadline,
      source: article.source,
      dateline: article.dateline,
      eventDate: article.eventDate,
      reporters: article.reporters.map((person: { name: string }) => person.name),
      photographers: article.photographers.map((person: { name: string }) => person.name),
      authors: article.authors.map((person: { name: string }) => person.name),
      continuesOnPage: article.continuation?.toPageNumber ?? null,
    }));
    expect(served).toEqual(
      SAMPLE_EXPECTED.articles.map((article) => ({
        kicker: article.kicker,
        headline: article.headline,
        subheadline: article.subheadline,
        source: article.source,
        dateline: article.dateline,
        eventDate: article.eventDate,
        reporters: article.reporters,
        photographers: article.photographers,
        authors: article.authors,
        continuesOnPage: article.continuesOnPage,
      })),
    );
  });

  it("names the people of each article with the title printed beside them", async () => {
    const data = await query(
      yoga,
      `{ page(publication: "taiyuan-daily", date: "2022-06-03", number: 1) { articles { mentions { person { name } title } } } }`,
    );
    expect(
      data.page.articles.map((article: any) =>
        article.mentions.map((mention: any) => ({ name: mention.person.name, title: mention.title })),
      ),
    ).toEqual(SAMPLE_EXPECTED.articles.map((article) => article.people.map(({ name, title }) => ({ name, title }))));
  });

  it("attaches each photo to the article it illustrates, with its photographer", async () => {
    const data = await query(
      yoga,
      `{ page(publication: "taiyuan-daily", date: "2022-06-03", number: 1) {
          photos { caption photographer { name } article { headline } } } }`,
    );
    expect(data.page.photos).toEqual([
      { caption: "工作座谈会现场。", photographer: { name: "梁琛" }, article: { headline: SAMPLE_HEADLINES[0] } },
      {
        caption: "省委常委、市委书记韦韬在市应急管理局救援指挥中心督导检查煤矿、加油站安全生产情况。",
        photographer: { name: "梁琛" },
        article: { headline: SAMPLE_HEADLINES[5] },
      },
    ]);
  });
});
