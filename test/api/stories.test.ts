import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { SAMPLE_PAGE, SAMPLE_TEXT, TAIYUAN_DAILY } from "../support/sample.ts";
import { ingestPaths } from "../../src/loader/edition-loader.ts";
import { ingestPage } from "../../src/loader/ingest-page.ts";
import { createServer } from "../../src/server/index.ts";
import { projectRoot } from "../../src/lib/paths.ts";
import { query } from "../support/graphql.ts";
import { data, editorServer, keyFor } from "../editors/support.ts";

/** Page 3 of the sample issue with the pickups of three of the front page's six jumps. */
const STORIES_PAGE_3 = fs.readFileSync(path.join(projectRoot, "test", "fixtures", "stories", "page-03.txt"), "utf8");

const ingestPage3 = (db: TestDatabase, text = STORIES_PAGE_3) =>
  ingestPage(db.writer, { publication: TAIYUAN_DAILY, date: "2022-06-03", pageNumber: 3, text }, "stories/page-03.txt");
const ingestPage1 = (db: TestDatabase, text = SAMPLE_TEXT) =>
  ingestPage(db.writer, { publication: TAIYUAN_DAILY, date: "2022-06-03", pageNumber: 1, text }, "page-01.txt");

const STORIES = `query($number: Int!) { page(publication: "taiyuan-daily", date: "2022-06-03", number: $number) {
  articles { id headline body story { id headline pages complete body parts { id body page { number } } spans { pageNumber span { start end } article { id } } } } } }`;

const storiesOn = async (db: TestDatabase, number: number) => (await query(createServer(db.reader), STORIES, { number })).page.articles as any[];

/** Each front-page story as [headline, pages, complete, number of parts]. */
const summary = (articles: any[]) => articles.map((article) => [article.story.headline, article.story.pages, article.story.complete, article.story.parts.length]);

const EXPECTED_FRONT_PAGE = [
  ["太原忻州两市人大常委会太忻经济一体化发展协作工作座谈会举行", [1, 3], true, 2],
  ["韦韬与汾酒集团党委书记、董事长袁清茂一行举行工作会谈", [1, 3], true, 2],
  ["张新伟调研督导防汛抗旱和应急救援演练工作", [1], false, 1], // 下转第3版, not picked up on this page 3
  ["加强人大协作交流 共谋太忻经济一体化发展", [1], true, 1], // no jump: a story of one part
  ["力促服务业复工复产 城市“烟火气”持续回升", [1], false, 1], // 下转第4版, page 4 not stored
  ["守牢安全底线 筑牢疫情防线 全力以赴确保经济社会发展大局平稳有序", [1, 3], true, 2],
  ["强化太忻一体化经济区生态支撑", [1], false, 1],
  ["全市推进产业工人队伍建设改革再部署再提速会议召开", [1], true, 1],
];

describe("stories: an article read whole across its jumps", () => {
  it("reads the sample front page and an invented page 3 as three stories of two parts whose bodies read through without markers", async () => {
    const db = await createTestDatabase();
    await ingestPaths(db.writer, [SAMPLE_PAGE]);
    await ingestPage3(db);
    const front = await storiesOn(db, 1);
    expect(summary(front)).toEqual(EXPECTED_FRONT_PAGE);
    const page3 = await storiesOn(db, 3);
    for (const [index, pickup] of [[0, 0], [1, 1], [5, 2]] as const) {
      const story = front[index].story;
      expect(story.parts.map((part: any) => [part.id, part.page.number])).toEqual([
        [front[index].id, 1],
        [page3[pickup].id, 3],
      ]);
      // The pickup's own story is the same story, under the same ID.
      expect(page3[pickup].story.id).toBe(story.id);
      expect(story.body).toBe(`${front[index].body}\n${page3[pickup].body}`);
      expect(story.body).not.toMatch(/[上下][接转]第\d+版/);
      expect(story.spans.map((span: any) => span.pageNumber)).toEqual([1, 3]);
      expect(story.spans.map((span: any) => span.article.id)).toEqual(story.parts.map((part: any) => part.id));
    }
    expect(front[0].story.body.endsWith("争取政策和资金支持。\n要进一步完善协作机制。建立常态化沟通联络机制,加强人大监督协同,推动太忻一体化经济区建设各项任务落地见效。\n韦韬强调,两市人大要在汾酒文化旅游合作上多下功夫。")).toBe(true);
    expect(front[0].story.spans[1].span).toEqual({ start: 5, end: 112 });
  });

  it("gives the same stories when page 3 is ingested first, and a pickup alone is an incomplete story until its page comes", async () => {
    const db = await createTestDatabase();
    await ingestPage3(db);
    const alone = await storiesOn(db, 3);
    expect(alone.map((article) => [article.story.parts.length, article.story.complete, article.story.pages])).toEqual([
      [1, false, [3]],
      [1, false, [3]],
      [1, false, [3]],
    ]);
    const formerId = alone[0].story.id;
    await ingestPaths(db.writer, [SAMPLE_PAGE]);
    const front = await storiesOn(db, 1);
    expect(summary(front)).toEqual(EXPECTED_FRONT_PAGE);
    // The pickup no longer opens a story: its former story ID finds nothing; the story's own ID finds it.
    const nodes = await query(createServer(db.reader), `query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Story { headline parts { page { number } } } } }`, {
      ids: [formerId, front[0].story.id],
    });
    expect(nodes.nodes).toEqual([null, { id: front[0].story.id, headline: EXPECTED_FRONT_PAGE[0]![0], parts: [{ page: { number: 1 } }, { page: { number: 3 } }] }]);
  });

  it("marks a story with an unresolved jump incomplete, and completes it when the pickup is ingested", async () => {
    const db = await createTestDatabase();
    await ingestPaths(db.writer, [SAMPLE_PAGE]);
    const before = await storiesOn(db, 1);
    expect(before.map((article) => article.story.complete)).toEqual([false, false, false, true, false, false, false, true]);
    expect(before[0].story.body).toBe(before[0].body);
    await ingestPage3(db);
    expect((await storiesOn(db, 1)).map((article) => article.story.complete)).toEqual(EXPECTED_FRONT_PAGE.map((row) => row[2]));
  });

  it("follows a re-ingest of either page: changed text changes the story, the IDs stay", async () => {
    const db = await createTestDatabase();
    await ingestPaths(db.writer, [SAMPLE_PAGE]);
    await ingestPage3(db);
    const before = await storiesOn(db, 1);
    await ingestPage3(db, STORIES_PAGE_3.replace("坚决防范遏制重特大事故发生。", "坚决防范遏制重特大事故发生,确保全市安全形势稳定。"));
    await ingestPage1(db, SAMPLE_TEXT.replace("\n\n", "\n\n\n"));
    const after = await storiesOn(db, 1);
    expect(summary(after)).toEqual(EXPECTED_FRONT_PAGE);
    expect(after.map((article) => article.story.id)).toEqual(before.map((article) => article.story.id));
    expect(after[5].story.body.endsWith("坚决防范遏制重特大事故发生,确保全市安全形势稳定。")).toBe(true);
    // Page 3 without the 座谈会 pickup: that story loses its second part and is incomplete again.
    await ingestPage3(db, STORIES_PAGE_3.slice(STORIES_PAGE_3.indexOf("## 韦韬与汾酒集团")));
    expect(summary(await storiesOn(db, 1))[0]).toEqual([EXPECTED_FRONT_PAGE[0]![0], [1], false, 1]);
  });

  it("follows an editor's relinking and corrections", async () => {
    const db = await createTestDatabase();
    await ingestPaths(db.writer, [SAMPLE_PAGE]);
    await ingestPage3(db);
    const yoga = editorServer(db);
    const token = await keyFor(db, "desk", "editor");
    const [front, page3] = [await storiesOn(db, 1), await storiesOn(db, 3)];
    // The 张新伟 article's jump, given the pickup the matcher gave the 安全生产 article.
    await data(yoga, token, `mutation($from: ID!, $to: ID!) { linkContinuation(from: $from, to: $to) { errors { code message } } }`, {
      from: front[2].id,
      to: page3[2].id,
    });
    const relinked = await storiesOn(db, 1);
    expect(summary(relinked)[2]).toEqual([EXPECTED_FRONT_PAGE[2]![0], [1, 3], true, 2]);
    expect(summary(relinked)[5]).toEqual([EXPECTED_FRONT_PAGE[5]![0], [1], false, 1]);
    await data(yoga, token, `mutation($id: ID!, $patch: ArticlePatch!) { updateArticle(id: $id, patch: $patch) { errors { code message } } }`, {
      id: page3[2].id,
      patch: { body: "要压实防汛责任,细化应急预案。" },
    });
    expect((await storiesOn(db, 1))[2].story.body.endsWith("确保发生险情第一时间有效处置。\n要压实防汛责任,细化应急预案。")).toBe(true);
  });

  it("joins a sentence that a jump broke, keeping paragraph breaks", async () => {
    const { storyBody } = await import("../../src/resolvers/stories.ts");
    expect(storyBody(["第一段。\n全力以赴", "谋产业、抓项目。\n第三段。"])).toBe("第一段。\n全力以赴谋产业、抓项目。\n第三段。");
    expect(storyBody(["第一段。", "", "第二段。"])).toBe("第一段。\n第二段。");
  });

  it("costs the same number of statements for a page of stories however many issues are listed", async () => {
    const db = await createTestDatabase();
    const dates = ["2022-06-03", "2022-06-04", "2022-06-05", "2022-06-06"];
    const counts: number[] = [];
    const STORIES_OF_ISSUES = `query($from: Date!) { issues(first: 10, from: $from) { edges { node { pages { articles {
      story { id headline pages complete body parts { headline page { number } } spans { pageNumber span { start } article { id } } } } } } } } }`;
    for (const [index, date] of dates.entries()) {
      await ingestPage(db.writer, { publication: TAIYUAN_DAILY, date, pageNumber: 1, text: SAMPLE_TEXT }, `${date}/page-01.txt`);
      await ingestPage(db.writer, { publication: TAIYUAN_DAILY, date, pageNumber: 3, text: STORIES_PAGE_3 }, `${date}/page-03.txt`);
      if (index !== 0 && index !== dates.length - 1) continue;
      db.resetStatements();
      // Costed at its worst case (10 issues of full pages), over the default limit: only its statements count here.
      const result = await query(createServer(db.reader, { limits: { maxCost: Number.POSITIVE_INFINITY } }), STORIES_OF_ISSUES, { from: "2022-06-01" });
      counts.push(db.statements.length);
      const stories = result.issues.edges.flatMap((edge: any) => edge.node.pages.flatMap((page: any) => page.articles.map((article: any) => article.story)));
      expect(stories).toHaveLength(11 * (index + 1));
      expect(stories.filter((story: any) => story.parts.length === 2)).toHaveLength(6 * (index + 1));
    }
    expect(counts[0]).toBe(counts[1]);
    // issues, pages, articles; the continuation walk and the parts' rows (two for every story of
    // the request); plugin-prisma's load of the parts' selection, and their pages.
    expect(counts[0]).toBe(7);
  });
});

describe("search by story", () => {
  const SEARCH = `query($query: String!, $unit: SearchUnit, $orderBy: SearchOrder, $first: Int, $after: String) {
    search(query: $query, unit: $unit, orderBy: $orderBy, first: $first, after: $after) {
      totalCount totalCountExact
      edges { cursor node { article { headline page { number } } story { id parts { page { number } } } snippets { field text } } }
      pageInfo { hasNextPage endCursor } } }`;
  const hits = (result: any) => result.search.edges.map((edge: any) => [edge.node.article.headline, edge.node.article.page.number, edge.node.story.parts.length]);

  it("returns one hit for a term in both parts of a story, where the article search returns two", async () => {
    const db = await createTestDatabase();
    await ingestPaths(db.writer, [SAMPLE_PAGE]);
    await ingestPage3(db);
    const yoga = createServer(db.reader);
    for (const orderBy of ["NEWEST", "RELEVANCE"]) {
      const articles = await query(yoga, SEARCH, { query: "袁清茂", orderBy });
      expect(articles.search.totalCount).toBe(2);
      const stories = await query(yoga, SEARCH, { query: "袁清茂", unit: "STORY", orderBy });
      expect(hits(stories)).toEqual([["韦韬与汾酒集团党委书记、董事长袁清茂一行举行工作会谈", 1, 2]]);
      expect(stories.search.totalCount).toBe(1);
      expect(stories.search.totalCountExact).toBe(true);
    }
  });

  it("gives a story matched only in its pickup by that part, with its snippet and page, and pages on without repeating a story", async () => {
    const db = await createTestDatabase();
    await ingestPaths(db.writer, [SAMPLE_PAGE]);
    await ingestPage3(db);
    const yoga = createServer(db.reader);
    // 汾酒: both parts of the 汾酒集团 talks, and only the pickup of the 座谈会.
    expect(hits(await query(yoga, SEARCH, { query: "汾酒" }))).toEqual([
      ["韦韬与汾酒集团党委书记、董事长袁清茂一行举行工作会谈", 1, 2],
      ["太忻经济一体化发展协作工作座谈会举行", 3, 2],
      ["韦韬与汾酒集团党委书记、董事长袁清茂一行举行工作会谈", 3, 2],
    ]);
    const all = await query(yoga, SEARCH, { query: "汾酒", unit: "STORY" });
    expect(hits(all)).toEqual([
      ["韦韬与汾酒集团党委书记、董事长袁清茂一行举行工作会谈", 1, 2],
      ["太忻经济一体化发展协作工作座谈会举行", 3, 2],
    ]);
    expect(all.search.totalCount).toBe(2);
    expect(all.search.edges[1].node.snippets).toEqual([{ field: "BODY", text: expect.stringContaining("汾酒文化旅游") }]);
    const page1 = await query(yoga, SEARCH, { query: "汾酒", unit: "STORY", first: 1 });
    expect([hits(page1), page1.search.pageInfo.hasNextPage]).toEqual([[hits(all)[0]], true]);
    const page2 = await query(yoga, SEARCH, { query: "汾酒", unit: "STORY", first: 1, after: page1.search.pageInfo.endCursor });
    expect([hits(page2), page2.search.pageInfo.hasNextPage]).toEqual([[hits(all)[1]], false]);
    expect(page2.search.totalCount).toBe(2);
  });

  it("costs the same number of statements for a page of story hits however many stories match", async () => {
    const db = await createTestDatabase();
    const yoga = createServer(db.reader);
    const counts: number[] = [];
    for (const [index, date] of ["2022-06-03", "2022-06-04", "2022-06-05", "2022-06-06"].entries()) {
      await ingestPage(db.writer, { publication: TAIYUAN_DAILY, date, pageNumber: 1, text: SAMPLE_TEXT }, `${date}/page-01.txt`);
      await ingestPage(db.writer, { publication: TAIYUAN_DAILY, date, pageNumber: 3, text: STORIES_PAGE_3 }, `${date}/page-03.txt`);
      if (index !== 0 && index !== 3) continue;
      db.resetStatements();
      const result = await query(yoga, SEARCH, { query: "汾酒", unit: "STORY", first: 20 });
      counts.push(db.statements.length);
      expect(result.search.totalCount).toBe(2 * (index + 1));
      expect(result.search.edges).toHaveLength(2 * (index + 1));
    }
    expect(counts[1]).toBe(counts[0]);
  });
});

