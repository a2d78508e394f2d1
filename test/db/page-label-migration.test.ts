import { describe, expect, it } from "vitest";
import { searchKey } from "../../src/search/tokens.ts";
import { createServer } from "../../src/server/index.ts";
import { query } from "../support/graphql.ts";
import { migratedFromBefore } from "../support/migrated-from-before.ts";

// A database written before page labels: migrated up to the migration before them, holding
// one page (3) whose article has a search key in the layout of then (page in 9 bits).
const oldSearchKey = (day: number, page: number, position: number, publicationId: number) =>
  day * 2 ** 32 + (511 - page) * 2 ** 23 + (511 - position) * 2 ** 14 + (16_383 - publicationId);
const DAY_OF_2022_06_03 = Math.round((Date.UTC(2022, 5, 3) - Date.UTC(1700, 0, 1)) / 86_400_000);

const ROWS = [
  `INSERT INTO "Publication" ("id", "slug", "name", "locale") VALUES (1, 'old-daily', '旧日报', 'zh-CN')`,
  `INSERT INTO "Issue" ("id", "publicationId", "date") VALUES (1, 1, '2022-06-03')`,
  `INSERT INTO "Page" ("id", "issueId", "number", "text", "textHash", "parserVersion") VALUES (1, 1, 3, '# 汾河湿地公园开园', 'hash', 'old')`,
  `INSERT INTO "Article" ("id", "pageId", "issueId", "issueDate", "pageNumber", "position", "headline", "body", "spanStart", "spanEnd")
     VALUES (1, 1, 1, '2022-06-03', 3, 1, '汾河湿地公园开园', '市民游客踏青赏景。', 0, 12)`,
  `INSERT INTO "ArticleSearch" ("key", "articleId") VALUES (${oldSearchKey(DAY_OF_2022_06_03, 3, 1, 1)}, 1)`,
];

describe("the migration that adds page labels", () => {
  it("labels each stored page with its number, moves its search keys in order, and search still finds its articles", async () => {
    const database = await migratedFromBefore("20261205100302", ROWS);
    const data = await query(
      createServer(database.reader),
      `{ issue(publication: "old-daily", date: "2022-06-03") { page(label: "03") { number label section } }
         search(query: "湿地公园", first: 5) { edges { node { article { headline page { label } } } } } }`,
    );
    expect(data.issue.page).toEqual({ number: 3, label: "3", section: null });
    expect(data.search.edges).toEqual([{ node: { article: { headline: "汾河湿地公园开园", page: { label: "3" } } } }]);
    const [stored] = await database.reader.articleSearch.findMany({ select: { key: true } });
    expect(Number(stored!.key)).toBe(searchKey("2022-06-03", 3, 1, 1));
  });
});
