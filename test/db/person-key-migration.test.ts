import { describe, expect, it } from "vitest";
import { keyPeople } from "../../src/loader/name-keys.ts";
import { createServer } from "../../src/server/index.ts";
import { query } from "../support/graphql.ts";
import { migratedFromBefore } from "../support/migrated-from-before.ts";

// A database written before people had keys: migrated up to the migration before them, holding
// one invented person twice, as a traditional page (吳建軍) and a simplified one (吴建军) made
// them, each named beside 何慧芳, whose co-mentions the triggers of then counted.

const article = (id: number, date: string, headline: string) => [
  `INSERT INTO "Issue" ("id", "publicationId", "date") VALUES (${id}, 1, '${date}')`,
  `INSERT INTO "Page" ("id", "issueId", "number", "label", "text", "textHash", "parserVersion") VALUES (${id}, ${id}, 1, '1', '# ${headline}', 'hash', 'old')`,
  `INSERT INTO "Article" ("id", "pageId", "issueId", "issueDate", "pageNumber", "position", "headline", "body", "spanStart", "spanEnd")
     VALUES (${id}, ${id}, ${id}, '${date}', 1, 1, '${headline}', '正文。', 0, 12)`,
];
const mention = (articleId: number, personId: number, date: string, title: string | null) =>
  `INSERT INTO "Mention" ("articleId", "personId", "position", "spanStart", "spanEnd", "issueDate", "title", "normalisedTitle")
     VALUES (${articleId}, ${personId}, ${personId}, 0, 3, '${date}', ${title ? `'${title}'` : "NULL"}, ${title ? "'署长'" : "NULL"})`;

const ROWS = [
  `INSERT INTO "Publication" ("id", "slug", "name", "locale") VALUES (1, 'old-daily', '旧日报', 'zh-CN')`,
  ...article(1, "2026-03-02", "灣區科技論壇在港舉行"),
  ...article(2, "2026-03-03", "深港科技合作签约仪式举行"),
  `INSERT INTO "Person" ("id", "name", "pinyin", "mentionCount") VALUES (1, '吳建軍', 'wujianjun', 1), (2, '吴建军', 'wujianjun', 1), (3, '何慧芳', 'hehuifang', 2)`,
  mention(1, 1, "2026-03-02", "署長"),
  mention(1, 3, "2026-03-02", null),
  mention(2, 2, "2026-03-03", "署长"),
  mention(2, 3, "2026-03-03", null),
];

describe("the migration that gives people keys, and the start that fills them", () => {
  it("merges the two rows of one person into the one named in simplified characters, with exact counts and co-mentions", async () => {
    const database = await migratedFromBefore("20261206063838", ROWS);
    expect(await keyPeople(database.writer)).toEqual({ keyed: 2, merged: 1 });
    const data = await query(
      createServer(database.reader),
      `{ a: person(name: "吳建軍") { name aliases mentionCount titles { printedTitles count } articles { totalCount } coMentioned { person { name } sharedArticles } }
         b: person(name: "吴建军") { name }
         c: person(name: "何慧芳") { coMentioned { person { name } sharedArticles } }
         people { totalCount } }`,
    );
    expect(data).toEqual({
      a: {
        name: "吴建军",
        aliases: ["吳建軍"],
        mentionCount: 2,
        titles: [{ printedTitles: ["署長", "署长"], count: 2 }],
        articles: { totalCount: 2 },
        coMentioned: [{ person: { name: "何慧芳" }, sharedArticles: 2 }],
      },
      b: { name: "吴建军" },
      c: { coMentioned: [{ person: { name: "吴建军" }, sharedArticles: 2 }] },
      people: { totalCount: 2 },
    });
    expect(await database.reader.person.findMany({ select: { name: true, nameKey: true }, orderBy: { id: "asc" } })).toEqual([
      { name: "吴建军", nameKey: "吴建军" },
      { name: "何慧芳", nameKey: "何慧芳" },
    ]);
  });
});
