import { describe, expect, it } from "vitest";
import { createServer } from "../../src/server/index.ts";
import { createTestDatabase } from "../support/database.ts";
import { execute, query } from "../support/graphql.ts";
import { SAMPLE_HEADLINES, loadSample, loadSampleOnDates } from "../support/sample.ts";

const db = await createTestDatabase();
await loadSample(db.writer);
await loadSampleOnDates(db.writer, ["2022-05-20", "2022-07-01"]);
const yoga = createServer(db.reader);

describe("root fields", () => {
  it("publications lists every publication with its region", async () => {
    const data = await query(yoga, `{ publications { totalCount edges { node { slug name locale region province } } } }`);
    expect(data.publications).toEqual({
      totalCount: 1,
      edges: [{ node: { slug: "taiyuan-daily", name: "太原日报", locale: "zh-CN", region: "太原市", province: "山西省" } }],
    });
  });

  it("publication(slug) finds one publication and is null for an unknown slug", async () => {
    const data = await query(yoga, `{ a: publication(slug: "taiyuan-daily") { name } b: publication(slug: "nope") { name } }`);
    expect(data).toEqual({ a: { name: "太原日报" }, b: null });
  });

  it("issues lists issues newest first and narrows them by publication and dates", async () => {
    const data = await query(
      yoga,
      `{ all: issues { totalCount edges { node { date } } }
         june: issues(publication: "taiyuan-daily", from: "2022-06-01", to: "2022-06-30") { totalCount edges { node { date } } }
         none: issues(publication: "nope") { totalCount edges { node { date } } } }`,
    );
    expect(data.all).toEqual({
      totalCount: 3,
      edges: [{ node: { date: "2022-07-01" } }, { node: { date: "2022-06-03" } }, { node: { date: "2022-05-20" } }],
    });
    expect(data.june).toEqual({ totalCount: 1, edges: [{ node: { date: "2022-06-03" } }] });
    expect(data.none).toEqual({ totalCount: 0, edges: [] });
  });

  it("issue(publication, date) returns the issue with its publication, pages and articles", async () => {
    const data = await query(
      yoga,
      `{ issue(publication: "taiyuan-daily", date: "2022-06-03") {
           date publication { slug } pages { number } page(number: 1) { number } missing: page(number: 9) { number }
           articles(first: 2) { totalCount edges { node { headline } } } } }`,
    );
    expect(data.issue).toEqual({
      date: "2022-06-03",
      publication: { slug: "taiyuan-daily" },
      pages: [{ number: 1 }],
      page: { number: 1 },
      missing: null,
      articles: { totalCount: 8, edges: SAMPLE_HEADLINES.slice(0, 2).map((headline) => ({ node: { headline } })) },
    });
  });

  it("issue is null for a date the archive does not hold", async () => {
    const data = await query(yoga, `{ issue(publication: "taiyuan-daily", date: "2022-06-04") { date } }`);
    expect(data.issue).toBeNull();
  });

  it("refuses a date that is not a calendar date", async () => {
    const result = await execute(yoga, `{ issue(publication: "taiyuan-daily", date: "2022-02-30") { date } }`);
    expect(result.errors?.[0]?.message).toContain("Date must be a calendar date written YYYY-MM-DD");
  });

  it("page(publication, date, number) returns the page with its text and jumps", async () => {
    const data = await query(
      yoga,
      `{ page(publication: "taiyuan-daily", date: "2022-06-03", number: 1) {
           number issue { date } text
           continuationsOut { toPageNumber marker resolved to { id } from { headline } }
           continuationsIn { id } } }`,
    );
    expect(data.page.number).toBe(1);
    expect(data.page.issue).toEqual({ date: "2022-06-03" });
    expect(data.page.text).toContain("共抓发展机遇 共创美好未来");
    expect(data.page.continuationsOut.map((jump: any) => [jump.from.headline, jump.toPageNumber, jump.marker, jump.resolved, jump.to])).toEqual([
      [SAMPLE_HEADLINES[0], 3, "(下转第3版)", false, null],
      [SAMPLE_HEADLINES[1], 3, "(下转第3版)", false, null],
      [SAMPLE_HEADLINES[2], 3, "(下转第3版)", false, null],
      [SAMPLE_HEADLINES[4], 4, "(下转第4版)", false, null],
      [SAMPLE_HEADLINES[5], 3, "(下转第3版)", false, null],
      [SAMPLE_HEADLINES[6], 3, "(下转第3版)", false, null],
    ]);
    expect(data.page.continuationsIn).toEqual([]);
  });

  it("article(id) returns an article by global ID and refuses an ID of another type", async () => {
    const list = await query(yoga, `{ issue(publication: "taiyuan-daily", date: "2022-06-03") { id articles(first: 1) { edges { node { id } } } } }`);
    const id = list.issue.articles.edges[0].node.id;
    const data = await query(yoga, `query($id: ID!) { article(id: $id) { headline paragraphs } }`, { id });
    expect(data.article.headline).toBe(SAMPLE_HEADLINES[0]);
    expect(data.article.paragraphs[0]).toMatch(/^6月2日,太原、忻州两市人大常委会/);
    const wrong = await execute(yoga, `query($id: ID!) { article(id: $id) { headline } }`, { id: list.issue.id });
    expect(wrong.errors?.[0]?.message).toMatch(/ID: .* is not of type: Article/);
  });

  it("articles filters by publication, dates, source, person and role", async () => {
    const count = async (filter: string) =>
      (await query(yoga, `{ articles(filter: ${filter}) { totalCount } }`)).articles.totalCount as number;
    expect(await count(`{}`)).toBe(24);
    expect(await count(`{ publication: "taiyuan-daily", from: "2022-06-01", to: "2022-06-30" }`)).toBe(8);
    expect(await count(`{ publication: "nope" }`)).toBe(0);
    expect(await count(`{ source: "新华社" }`)).toBe(3);
    expect(await count(`{ from: "2022-06-03", to: "2022-06-03", personName: "韦韬" }`)).toBe(3);
    expect(await count(`{ from: "2022-06-03", to: "2022-06-03", personName: "韦韬", role: MENTIONED }`)).toBe(3);
    expect(await count(`{ from: "2022-06-03", to: "2022-06-03", personName: "殷雪莹", role: REPORTER }`)).toBe(3);
    expect(await count(`{ from: "2022-06-03", to: "2022-06-03", personName: "梁琛", role: PHOTOGRAPHER }`)).toBe(2);
    expect(await count(`{ from: "2022-06-03", to: "2022-06-03", role: AUTHOR }`)).toBe(2);
  });

  it("articles lists the newest issue first, then in page order", async () => {
    const data = await query(yoga, `{ articles(first: 9) { edges { node { headline issue { date } } } } }`);
    const rows = data.articles.edges.map((edge: any) => [edge.node.issue.date, edge.node.headline]);
    expect(rows).toEqual([
      ...SAMPLE_HEADLINES.map((headline) => ["2022-07-01", headline]),
      ["2022-06-03", SAMPLE_HEADLINES[0]],
    ]);
  });

  it("people finds people by part of their name, in name order", async () => {
    const data = await query(yoga, `{ people(nameContains: "韬") { totalCount edges { node { name } } } }`);
    expect(data.people).toEqual({ totalCount: 2, edges: [{ node: { name: "张韬" } }, { node: { name: "韦韬" } }] });
  });

  it("person(name) gives credits, mentions, articles and the timeline of titles", async () => {
    const data = await query(
      yoga,
      `{ person(name: "韦韬") {
           name
           mentions(first: 1) { totalCount edges { node { title normalisedTitle article { issue { date } } } } }
           articles(first: 2) { totalCount edges { node { headline issue { date } } } }
           reported: articles(role: REPORTER) { totalCount }
           titles { title normalisedTitle printedTitles firstSeen lastSeen count } }
         reporter: person(name: "殷雪莹") { credits(first: 1) { totalCount edges { node { role label article { headline } } } } }
         nobody: person(name: "无名氏") { name } }`,
    );
    expect(data.person.name).toBe("韦韬");
    expect(data.person.mentions.totalCount).toBe(9);
    expect(data.person.mentions.edges[0].node.article.issue.date).toBe("2022-07-01");
    expect(data.person.articles).toEqual({
      totalCount: 9,
      edges: [
        { node: { headline: SAMPLE_HEADLINES[0], issue: { date: "2022-07-01" } } },
        { node: { headline: SAMPLE_HEADLINES[1], issue: { date: "2022-07-01" } } },
      ],
    });
    expect(data.person.reported).toEqual({ totalCount: 0 });
    expect(data.person.titles).toEqual([
      {
        title: "省委常委、太原市委书记",
        normalisedTitle: "山西省委常委、太原市委书记",
        printedTitles: ["省委常委、太原市委书记", "省委常委、市委书记"],
        firstSeen: "2022-05-20",
        lastSeen: "2022-07-01",
        count: 9,
      },
    ]);
    expect(data.reporter.credits.totalCount).toBe(9);
    expect(data.reporter.credits.edges[0].node).toEqual({ role: "REPORTER", label: "记者", article: { headline: SAMPLE_HEADLINES[0] } });
    expect(data.nobody).toBeNull();
  });
});
