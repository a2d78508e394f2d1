import { describe, expect, it } from "vitest";
import { readFile } from "node:fs/promises";
import { updateArticle } from "../../src/resolvers/corrections.ts";
import { ingestPage } from "../../src/resolvers/ingest-page.ts";
import { createTestDatabase } from "../support/database.ts";
import { SAMPLE_HEADLINES, SAMPLE_PAGE, TAIYUAN_DAILY, loadSample } from "../support/sample.ts";

const db = await createTestDatabase();
await loadSample(db.writer);
const EDITOR = { id: 0, name: "desk", scope: "editor" as const };
const firstArticle = async () =>
  db.reader.article.findFirstOrThrow({ where: { issueDate: "2022-06-03", pageNumber: 1 }, orderBy: { position: "asc" }, select: { id: true, headline: true } });

// On PostgreSQL write transactions run side by side; on SQLite one at a time, and these hold trivially.
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
