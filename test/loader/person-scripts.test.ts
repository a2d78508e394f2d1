import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { query } from "../support/graphql.ts";
import { data, editorServer, keyFor } from "../editors/support.ts";
import { createServer } from "../../src/server/index.ts";
import { ingestPage } from "../../src/loader/ingest-page.ts";
import { ingestPaths } from "../../src/loader/edition-loader.ts";
import { exportPublication, type LineSink } from "../../src/loader/export.ts";
import { keyPeople } from "../../src/loader/name-keys.ts";
import { writePage, type PublicationInfo } from "../../src/loader/write-page.ts";
import { parsePage } from "../../src/ingest/parse-page.ts";

// Two invented pages naming one invented person: a Hong Kong daily prints the name in
// traditional characters (吳建軍), a Shenzhen daily in simplified ones (吴建军). Both name 何慧芳.
const HARBOUR: PublicationInfo = { slug: "harbour-daily", name: "港灣日報", locale: "zh-HK", region: null, province: null };
const BAY: PublicationInfo = { slug: "bay-daily", name: "湾区日报", locale: "zh-CN", region: "深圳市", province: "广东省" };
const TRADITIONAL = {
  publication: HARBOUR,
  date: "2026-03-02",
  pageNumber: 1,
  text: `# 灣區科技論壇在港舉行

本報訊（記者 梁嘉欣）灣區科技創新論壇昨日在會展中心舉行。香港創新科技署署長吳建軍出席並致辭。吳建軍表示，香港要加快建設國際創新科技中心。立法會議員何慧芳也在會上發言。
`,
};
const SIMPLIFIED = {
  publication: BAY,
  date: "2026-03-03",
  pageNumber: 1,
  text: `# 深港科技合作签约仪式举行

本报讯（记者 王立新）深港科技合作项目签约仪式昨日在市民中心举行。香港创新科技署署长吴建军出席并讲话。吴建军说，深港两地要携手推进科技创新。市科技局局长何慧芳主持签约仪式。
`,
};

const PERSON = `query($name: String!) { person(name: $name) {
  id name aliases pinyin mentionCount
  mentions { totalCount edges { node { title article { headline issue { date } } } } }
  titles { normalisedTitle printedTitles firstSeen lastSeen count }
  articles { totalCount }
  coMentioned { person { name } sharedArticles } } }`;
const PEOPLE = `{ people(orderBy: NAME, first: 20) { totalCount edges { node { name aliases mentionCount } } } }`;

/** Everything the API says of the person, by either name (IDs aside, which differ between databases). */
async function answers(db: TestDatabase) {
  const yoga = createServer(db.reader);
  const [traditional, simplified] = [(await query(yoga, PERSON, { name: "吳建軍" })).person, (await query(yoga, PERSON, { name: "吴建军" })).person];
  expect(traditional).toEqual(simplified);
  const { id: _id, ...person } = simplified;
  return { person, people: (await query(yoga, PEOPLE)).people };
}

const EXPECTED_PERSON = {
  name: "吴建军",
  aliases: ["吳建軍"],
  pinyin: "wujianjun",
  mentionCount: 2,
  mentions: {
    totalCount: 2,
    edges: [
      { node: { title: "香港创新科技署署长", article: { headline: "深港科技合作签约仪式举行", issue: { date: "2026-03-03" } } } },
      { node: { title: "香港創新科技署署長", article: { headline: "灣區科技論壇在港舉行", issue: { date: "2026-03-02" } } } },
    ],
  },
  titles: [
    { normalisedTitle: "香港创新科技署署长", printedTitles: ["香港创新科技署署长", "香港創新科技署署長"], firstSeen: "2026-03-02", lastSeen: "2026-03-03", count: 2 },
  ],
  articles: { totalCount: 2 },
  coMentioned: [{ person: { name: "何慧芳" }, sharedArticles: 2 }],
};

const EXPECTED_PEOPLE = {
  totalCount: 4,
  edges: [
    { node: { name: "何慧芳", aliases: [], mentionCount: 2 } },
    { node: { name: "吴建军", aliases: ["吳建軍"], mentionCount: 2 } },
    { node: { name: "梁嘉欣", aliases: [], mentionCount: 0 } },
    { node: { name: "王立新", aliases: [], mentionCount: 0 } },
  ],
};

async function ingestBoth(db: TestDatabase, first: typeof TRADITIONAL, second: typeof TRADITIONAL) {
  for (const page of [first, second]) await ingestPage(db.writer, page, `${page.publication.slug}/${page.date}/page-01.txt`);
}

describe("one person whatever script the page printed the name in", () => {
  it("a traditional page, then a simplified one: one person, named by the simplified form once printed, the other form an alias", async () => {
    const db = await createTestDatabase();
    await ingestBoth(db, TRADITIONAL, SIMPLIFIED);
    expect(await answers(db)).toEqual({ person: EXPECTED_PERSON, people: EXPECTED_PEOPLE });
  });

  it("the same pages the other way round give the same answers", async () => {
    const db = await createTestDatabase();
    await ingestBoth(db, SIMPLIFIED, TRADITIONAL);
    expect(await answers(db)).toEqual({ person: EXPECTED_PERSON, people: EXPECTED_PEOPLE });
  });

  it("a person only a traditional page printed keeps the form printed, and answers to the simplified one", async () => {
    const db = await createTestDatabase();
    await ingestPage(db.writer, TRADITIONAL, "page-01.txt");
    const yoga = createServer(db.reader);
    const asked = `{ a: person(name: "吴建军") { name aliases mentionCount } b: person(name: "吳建軍") { name } c: people(nameContains: "吴建") { totalCount } }`;
    expect(await query(yoga, asked)).toEqual({
      a: { name: "吳建軍", aliases: [], mentionCount: 1 },
      b: { name: "吳建軍" },
      c: { totalCount: 1 },
    });
  });

  it("looks up a page's people in one statement and adds one for the new forms it prints", async () => {
    const db = await createTestDatabase();
    await ingestPage(db.writer, TRADITIONAL, "page-01.txt");
    db.resetStatements();
    await ingestPage(db.writer, SIMPLIFIED, "page-01.txt");
    const people = db.statements.filter((sql) => /"(Person|PersonAlias|Revision)"/.test(sql) && !/"mentionCount"/.test(sql));
    expect(people.map((sql) => `${sql.trim().split(/\s/)[0]} ${sql.match(/(?:FROM|INTO|UPDATE)\s+"(\w+)"/)![1]}`)).toEqual([
      "SELECT Person", // every name by its key, and the aliases, in one read
      "INSERT Person", // 王立新
      "SELECT Revision", // whether an editor gave 吳建軍 its name
      "UPDATE Person", // 吳建軍 takes the simplified form printed now
      "INSERT PersonAlias", // 吳建軍
    ]);
    db.resetStatements();
    await ingestPage(db.writer, { ...SIMPLIFIED, date: "2026-03-04" }, "page-01.txt");
    expect(db.statements.filter((sql) => /"(Person|PersonAlias)"/.test(sql) && !/"mentionCount"/.test(sql))).toHaveLength(1);
  });
});

describe("a database that holds a person twice, from before keys", () => {
  it("is merged at start into what ingesting the pages now gives, counts and co-mentions exact", async () => {
    const db = await createTestDatabase();
    await ingestPage(db.writer, TRADITIONAL, "page-01.txt");
    // As ingest wrote it before keys: the simplified page made a second person, and no one has a key.
    await db.writer.transaction((sql) => sql.run(`UPDATE "Person" SET "nameKey" = NULL WHERE "name" = '吳建軍'`));
    await ingestPage(db.writer, SIMPLIFIED, "page-01.txt");
    await db.writer.transaction((sql) => sql.run(`UPDATE "Person" SET "nameKey" = NULL`));
    expect(await db.reader.person.count({ where: { name: { in: ["吳建軍", "吴建军"] } } })).toBe(2);

    expect(await keyPeople(db.writer)).toEqual({ keyed: 4, merged: 1 });
    expect(await answers(db)).toEqual({ person: EXPECTED_PERSON, people: EXPECTED_PEOPLE });
    // The co-mentions of the two rows are one pair, counted once per article.
    const other = await query(createServer(db.reader), `{ person(name: "何慧芳") { coMentioned { person { name } sharedArticles } } }`);
    expect(other.person.coMentioned).toEqual([{ person: { name: "吴建军" }, sharedArticles: 2 }]);
    expect(await db.reader.coMention.count()).toBe(2);
    expect(await keyPeople(db.writer)).toEqual({ keyed: 0, merged: 0 });
  });
});

describe("editors and exports, with names in two scripts", () => {
  it("a correction crediting the person by the other form credits the same person, and holds through a re-ingest", async () => {
    const db = await createTestDatabase();
    await ingestBoth(db, TRADITIONAL, SIMPLIFIED);
    const yoga = editorServer(db);
    const token = await keyFor(db, "desk", "editor");
    const article = (await data(yoga, null, `{ articles(filter: { publication: "bay-daily" }) { edges { node { id } } } }`)).articles.edges[0].node.id;
    const UPDATE = `mutation($id: ID!, $patch: ArticlePatch!) { updateArticle(id: $id, patch: $patch) { article { credits { role person { name } } } errors { code } } }`;
    const patch = { credits: [{ name: "王立新", role: "REPORTER", label: "记者" }, { name: "吳建軍", role: "AUTHOR" }] };
    const credited = [
      { role: "REPORTER", person: { name: "王立新" } },
      { role: "AUTHOR", person: { name: "吴建军" } },
    ];
    expect((await data(yoga, token, UPDATE, { id: article, patch })).updateArticle).toEqual({ article: { credits: credited }, errors: [] });

    const parsed = parsePage(SIMPLIFIED.text, { issueDate: SIMPLIFIED.date, region: { city: "深圳市", province: "广东省" } });
    expect(await writePage(db.writer, SIMPLIFIED, parsed, "newer-parser")).toMatchObject({ status: "replaced", correctionsKept: 1 });
    const after = await data(yoga, null, `query($id: ID!) { node(id: $id) { ... on Article { credits { role person { name } } } } }`, { id: article });
    expect(after.node.credits).toEqual(credited);
    expect(await data(yoga, null, `{ person(name: "吳建軍") { aliases mentionCount articles { totalCount } } people { totalCount } }`)).toEqual({
      person: { aliases: ["吳建軍"], mentionCount: 2, articles: { totalCount: 2 } },
      people: { totalCount: 4 },
    });
  });

  it("renaming a person to another person's name in another script is a CONFLICT", async () => {
    const db = await createTestDatabase();
    await ingestBoth(db, TRADITIONAL, SIMPLIFIED);
    const yoga = editorServer(db);
    const token = await keyFor(db, "desk", "editor");
    const other = (await data(yoga, null, `{ person(name: "何慧芳") { id } }`)).person.id;
    const RENAME = `mutation($id: ID!, $name: String!) { renamePerson(id: $id, name: $name) { person { name } errors { code message field } } }`;
    expect((await data(yoga, token, RENAME, { id: other, name: "吳建軍" })).renamePerson).toEqual({
      person: null,
      errors: [{ code: "CONFLICT", message: "Another person is named 吴建军: use mergePeople to make them one.", field: "name" }],
    });
  });

  it("a name an editor gave stays when a page prints the simplified form", async () => {
    const db = await createTestDatabase();
    await ingestPage(db.writer, TRADITIONAL, "page-01.txt");
    const yoga = editorServer(db);
    const token = await keyFor(db, "desk", "editor");
    const id = (await data(yoga, null, `{ person(name: "吴建军") { id } }`)).person.id;
    const RENAME = `mutation($id: ID!, $name: String!) { renamePerson(id: $id, name: $name) { person { name aliases } errors { code } } }`;
    expect((await data(yoga, token, RENAME, { id, name: "吳建军" })).renamePerson).toEqual({ person: { name: "吳建军", aliases: ["吳建軍"] }, errors: [] });
    await ingestPage(db.writer, SIMPLIFIED, "page-01.txt");
    expect(await data(yoga, null, `{ person(name: "吴建军") { id name aliases mentionCount } }`)).toEqual({
      person: { id, name: "吳建军", aliases: ["吳建軍", "吴建军"], mentionCount: 2 },
    });
  });

  it("a former name printed in the other script goes to the renamed person, as a correction kept", async () => {
    const db = await createTestDatabase();
    await ingestPage(db.writer, SIMPLIFIED, "page-01.txt");
    const yoga = editorServer(db);
    const token = await keyFor(db, "desk", "editor");
    const id = (await data(yoga, null, `{ person(name: "吴建军") { id } }`)).person.id;
    const RENAME = `mutation($id: ID!, $name: String!) { renamePerson(id: $id, name: $name) { errors { code } } }`;
    expect((await data(yoga, token, RENAME, { id, name: "吴建君" })).renamePerson.errors).toEqual([]);
    expect(await ingestPage(db.writer, TRADITIONAL, "page-01.txt")).toMatchObject({ status: "created", correctionsKept: 1 });
    expect(await data(yoga, null, `{ a: person(name: "吴建君") { id aliases mentionCount } b: person(name: "吳建軍") { id } }`)).toEqual({
      a: { id, aliases: ["吳建軍", "吴建军"], mentionCount: 2 },
      b: null,
    });
  });

  it("an export restored into an empty database reads the same", async () => {
    const db = await createTestDatabase();
    await ingestBoth(db, TRADITIONAL, SIMPLIFIED);
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), "papergraph-scripts-"));
    try {
      const chunks: string[] = [];
      const sink: LineSink = {
        write: (chunk) => {
          chunks.push(chunk);
          return true;
        },
        once: () => undefined,
        off: () => undefined,
      };
      for (const publication of [HARBOUR, BAY]) await exportPublication(db.reader, publication.slug, sink);
      const file = path.join(folder, "backup.ndjson");
      fs.writeFileSync(file, chunks.join(""));
      const restored = await createTestDatabase();
      expect((await ingestPaths(restored.writer, [file])).errors).toEqual([]);
      expect(await answers(restored)).toEqual({ person: EXPECTED_PERSON, people: EXPECTED_PEOPLE });
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});
