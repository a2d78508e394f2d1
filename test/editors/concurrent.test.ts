import { describe, expect, it } from "vitest";
import { readFile } from "node:fs/promises";
import { mergePeople, updateArticle } from "../../src/loader/corrections.ts";
import { ingestPage } from "../../src/loader/ingest-page.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { generatePages, type GeneratedPage } from "../support/generated-corpus.ts";
import { SAMPLE_HEADLINES, SAMPLE_PAGE, TAIYUAN_DAILY, loadSample } from "../support/sample.ts";

const db = await createTestDatabase();
await loadSample(db.writer);
const EDITOR = { id: 0, name: "desk", scope: "editor" as const };
const firstArticle = async () =>
  db.reader.article.findFirstOrThrow({ where: { issueDate: "2022-06-03", pageNumber: 1 }, orderBy: { position: "asc" }, select: { id: true, headline: true } });

// Writes at the same time. On PostgreSQL each transaction has a connection of its own, and only the
// write lock (src/db/writer.ts) keeps them apart: these tests fail there without it.
describe("writes of one page at the same time", () => {
  it("editors' changes to one article each record as `before` what the one before them wrote", async () => {
    const article = await firstArticle();
    const headlines = ["第一稿", "第二稿", "第三稿", "第四稿", "第五稿", "第六稿"];
    const outcomes = await Promise.all(headlines.map((headline) => updateArticle(db.writer, EDITOR, article.id, { headline })));
    expect(outcomes.map((outcome) => outcome.errors)).toEqual(headlines.map(() => []));
    const chain = await db.reader.revision.findMany({ where: { entityType: "Article", entityId: article.id, action: "headline" }, orderBy: { id: "asc" } });
    expect(chain).toHaveLength(headlines.length);
    expect(JSON.parse(chain[0]!.before!)).toBe(SAMPLE_HEADLINES[0]);
    for (let index = 1; index < chain.length; index++) expect(chain[index]!.before).toBe(chain[index - 1]!.after);
    expect(JSON.stringify((await firstArticle()).headline)).toBe(chain.at(-1)!.after);
  });

  it("an ingest of the page and an editor's change: the correction wins, whichever commits first", async () => {
    const article = await firstArticle();
    const text = `${await readFile(SAMPLE_PAGE, "utf8")}\n\n`;
    for (let round = 0; round < 3; round++) {
      const headline = `编辑改定的标题${round}`;
      const changed = `${text}${"\n".repeat(round + 1)}`;
      const [, edit] = await Promise.all([
        ingestPage(db.writer, { publication: TAIYUAN_DAILY, date: "2022-06-03", pageNumber: 1, text: changed }, `round-${round}.txt`),
        updateArticle(db.writer, EDITOR, article.id, { headline }),
      ]);
      expect(edit.errors).toEqual([]);
      expect((await firstArticle()).headline).toBe(headline);
    }
  });
});

const ingest = (into: TestDatabase, page: GeneratedPage) =>
  ingestPage(into.writer, { publication: TAIYUAN_DAILY, date: page.date, pageNumber: page.pageNumber, text: page.text }, `${page.date}/${page.pageNumber}`);

/** The people, their mention counts (kept, and counted) and co-mentions, by name: what ingest order must not change. */
async function people(of: TestDatabase) {
  const sql = of.writer.read;
  return {
    people: await sql.all(
      `SELECT p."name", p."mentionCount", (SELECT COUNT(*) FROM "Mention" m WHERE m."personId" = p."id") AS "counted" FROM "Person" p ORDER BY p."name"`,
    ),
    coMentions: await sql.all(
      `SELECT a."name" AS "person", b."name" AS "other", c."sharedArticles" FROM "CoMention" c
         JOIN "Person" a ON a."id" = c."personId" JOIN "Person" b ON b."id" = c."otherId" ORDER BY a."name", b."name"`,
    ),
  };
}

// Pages of different dates share their people: their mention counts, their co-mention pairs.
describe("ingests of different pages at the same time", () => {
  const first = generatePages(16, { seed: 5 });
  // The same pages printed again with other articles: people go, people come.
  const again = generatePages(16, { seed: 6 });

  it("all succeed, and leave the people as ingesting them one after another does", async () => {
    const together = await createTestDatabase();
    const apart = await createTestDatabase();
    for (const pages of [first, again]) {
      const results = await Promise.allSettled(pages.map((page) => ingest(together, page)));
      expect(results.filter((result) => result.status === "rejected")).toEqual([]);
      for (const page of pages) await ingest(apart, page);
      const state = await people(together);
      expect(state).toEqual(await people(apart));
      expect(state.people.filter((person: any) => Number(person.mentionCount) !== Number(person.counted))).toEqual([]);
    }
    expect((await people(together)).people.length).toBeGreaterThan(40);
  });

  it("a merge while pages naming both people are ingested again: every write succeeds, and the merged name is only an alias", async () => {
    const db = await createTestDatabase();
    for (const page of first) await ingest(db, page);
    const named = async (name: string) => db.writer.read.get<{ id: number }>(`SELECT "id" FROM "Person" WHERE "name" = ?`, [name]);
    const [into, from] = [(await named("韦韬"))!.id, (await named("王纯"))!.id];
    const [merge, ...ingests] = await Promise.allSettled([
      mergePeople(db.writer, EDITOR, into, from),
      ...again.map((page) => ingest(db, page)),
    ]);
    expect(merge).toEqual({ status: "fulfilled", value: { value: into, errors: [] } });
    expect(ingests.filter((result) => result.status === "rejected")).toEqual([]);
    expect(await named("王纯")).toBeUndefined();
    const state = await people(db);
    expect(state.people.filter((person: any) => Number(person.mentionCount) !== Number(person.counted))).toEqual([]);
    expect(state.coMentions.filter((pair: any) => pair.person === "王纯" || pair.other === "王纯")).toEqual([]);
  });
});
