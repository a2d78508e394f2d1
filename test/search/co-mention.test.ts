import { describe, expect, it } from "vitest";
import { ingestPage } from "../../src/loader/ingest-page.ts";
import { createTestDatabase } from "../support/database.ts";
import { generatePages } from "../support/generated-corpus.ts";
import { TAIYUAN_DAILY, loadSample } from "../support/sample.ts";
import { data, editorServer, keyFor } from "../editors/support.ts";

const db = await createTestDatabase();
await loadSample(db.writer);
const pages = generatePages(24, { seed: 5, startDate: "2021-03-01" });
for (const page of pages) await ingestPage(db.writer, { publication: TAIYUAN_DAILY, ...page }, `generated ${page.date}`);

/** What "CoMention" must hold: every pair of people named in one article, counted from Mention. */
async function pairsFromMentions() {
  return db.reader.$queryRaw<{ personId: number; otherId: number; sharedArticles: number }[]>`
    SELECT a."personId" AS "personId", b."personId" AS "otherId", CAST(COUNT(*) AS INTEGER) AS "sharedArticles"
      FROM "Mention" a JOIN "Mention" b ON b."articleId" = a."articleId" AND b."personId" <> a."personId"
     GROUP BY a."personId", b."personId" ORDER BY a."personId", b."personId"`;
}
const storedPairs = () =>
  db.reader.coMention.findMany({ select: { personId: true, otherId: true, sharedArticles: true }, orderBy: [{ personId: "asc" }, { otherId: "asc" }] });

async function expectPairsExact() {
  const expected = (await pairsFromMentions()).map((row) => ({ ...row, sharedArticles: Number(row.sharedArticles) }));
  expect(expected.length).toBeGreaterThan(100);
  expect(await storedPairs()).toEqual(expected);
}

describe("CoMention, kept by triggers on Mention", () => {
  it("holds exactly the pairs of the mentions ingested", async () => {
    await expectPairsExact();
  });

  it("stays exact when a page is replaced by one with other articles and fewer of them", async () => {
    const replacement = generatePages(1, { seed: 99, startDate: pages[3]!.date, articlesPerPage: 3 })[0]!;
    const report = await ingestPage(db.writer, { publication: TAIYUAN_DAILY, ...pages[3]!, text: replacement.text }, "replacement");
    expect(report.status).toBe("replaced");
    expect(report.articles).toBe(3);
    await expectPairsExact();
  });

  it("stays exact when mergePeople moves one person's mentions onto another's", async () => {
    const [into, from] = await db.reader.person.findMany({ where: { mentions: { some: {} } }, orderBy: { mentionCount: "desc" }, take: 2 });
    const yoga = editorServer(db);
    const token = await keyFor(db, "co-mention-editor", "editor");
    const ids = await data(yoga, null, `query($a: String!, $b: String!) { into: person(name: $a) { id } from: person(name: $b) { id } }`, { a: into!.name, b: from!.name });
    const merged = await data(yoga, token, `mutation($into: ID!, $from: ID!) { mergePeople(into: $into, from: $from) { errors { code } } }`, {
      into: ids.into.id,
      from: ids.from.id,
    });
    expect(merged.mergePeople.errors).toEqual([]);
    expect(await db.reader.coMention.count({ where: { OR: [{ personId: from!.id }, { otherId: from!.id }] } })).toBe(0);
    await expectPairsExact();
  });

  it("Person.coMentioned reads the pairs, most shared first", async () => {
    const [top] = await db.reader.coMention.findMany({ orderBy: [{ sharedArticles: "desc" }, { personId: "asc" }], take: 1 });
    const person = await db.reader.person.findUniqueOrThrow({ where: { id: top!.personId } });
    const answer = await data(editorServer(db), null, `query($name: String!) { person(name: $name) { coMentioned(first: 1) { sharedArticles } } }`, {
      name: person.name,
    });
    expect(answer.person.coMentioned).toEqual([{ sharedArticles: top!.sharedArticles }]);
  });
});
