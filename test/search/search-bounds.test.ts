import { describe, expect, it } from "vitest";
import { ingestPage } from "../../src/loader/ingest-page.ts";
import { searchArticles } from "../../src/resolvers/search/index.ts";
import { createServer } from "../../src/server/index.ts";
import { createTestDatabase } from "../support/database.ts";
import { generatePages } from "../support/generated-corpus.ts";
import { execute } from "../support/graphql.ts";
import { answeredPromptlyBeside } from "../support/promptly.ts";
import { TAIYUAN_DAILY, loadSample } from "../support/sample.ts";

// The work of one search is bounded whatever its terms: one-character terms, which the index
// does not hold, are few, and are checked on a bounded number of the index's matches.
const db = await createTestDatabase();
await loadSample(db.writer);
for (const page of generatePages(120, { seed: 11 })) {
  await ingestPage(db.writer, { publication: TAIYUAN_DAILY, ...page }, `${page.date}/page-0${page.pageNumber}.txt`);
}
const yoga = createServer(db.reader);

/** The IDs of the articles whose fields contain every one of `texts`, newest first. */
async function likeScan(texts: string[], limit: number): Promise<number[]> {
  const rows = await db.reader.article.findMany({
    where: { AND: texts.map((text) => ({ OR: [{ kicker: { contains: text } }, { headline: { contains: text } }, { subheadline: { contains: text } }, { body: { contains: text } }, { photos: { some: { caption: { contains: text } } } }] })) },
    orderBy: [{ issueDate: "desc" }, { pageNumber: "asc" }, { position: "asc" }],
    select: { id: true },
    take: limit,
  });
  return rows.map((row) => row.id);
}

describe("bounded search work", () => {
  it("refuses more than 4 one-character terms with BAD_USER_INPUT, beside a longer term or alone, quoted phrases aside", async () => {
    for (const [query, count] of [
      ["会 议 市 委 县 区 韦韬", 6],
      ["a b c d e", 5],
      ["会 议 市 委 县", 5],
      ["ａ Ｂ c d e 太原", 5],
    ] as const) {
      const answer = await execute(yoga, `query($q: String!) { search(query: $q) { totalCount } }`, { q: query });
      expect(answer.errors).toEqual([
        expect.objectContaining({
          message: `The search query has ${count} one-character terms; at most 4 are searched together: join them into longer terms or a "quoted phrase".`,
          extensions: { code: "BAD_USER_INPUT" },
        }),
      ]);
    }
    const allowed = await execute(yoga, `{ search(query: "\\"会 议 市 委 县\\" 会 议") { totalCount } }`);
    expect(allowed.errors).toBeUndefined();
  });

  it("checks one-character terms beside a longer one on the newest index matches only, and says so with complete: false", async () => {
    const all = await searchArticles(db.reader, { query: "韦韬 会", orderBy: "NEWEST", first: 100 });
    expect(all.complete).toBe(true);
    const everyMatch = all.hits.map((hit) => hit.article.id);
    expect(everyMatch).toEqual(await likeScan(["韦韬", "会"], 100));
    const bounded = await searchArticles(db.reader, { query: "韦韬 会", orderBy: "NEWEST", first: 100, checkLimit: 10 });
    expect(bounded.complete).toBe(false);
    // The newest 10 articles naming 韦韬, of which those that hold 会.
    const newestTen = await likeScan(["韦韬"], 10);
    expect(bounded.hits.map((hit) => hit.article.id)).toEqual(everyMatch.filter((id) => newestTen.includes(id)));
    expect((await bounded.totalCount()).total).toBe(bounded.hits.length);
    const ranked = await searchArticles(db.reader, { query: "韦韬 会", orderBy: "RELEVANCE", first: 100, checkLimit: 10 });
    expect(new Set(ranked.hits.map((hit) => hit.article.id))).toEqual(new Set(bounded.hits.map((hit) => hit.article.id)));
  });

  it("answers a trivial query promptly while searches of one-character terms beside a common term run", async () => {
    await answeredPromptlyBeside(yoga, async () => {
      for (const q of ["会 议 市 委 韦韬", "的 是 在 了 太原", "一 二 三 四 韦韬 太原"]) {
        const answer = await execute(yoga, `query($q: String!) { search(query: $q, first: 20) { totalCount complete edges { node { article { headline } } } } }`, { q });
        expect(answer.errors).toBeUndefined();
      }
    });
  });
});
