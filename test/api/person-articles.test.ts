import { describe, expect, it } from "vitest";
import { ingestPage } from "../../src/loader/ingest-page.ts";
import { createServer } from "../../src/server/index.ts";
import { createTestDatabase } from "../support/database.ts";
import { generatePages } from "../support/generated-corpus.ts";
import { query } from "../support/graphql.ts";
import { TAIYUAN_DAILY } from "../support/sample.ts";

// A person credited on more articles than the reader counts before it walks the newest articles
// instead of sorting the person's credits (FEW_CREDITS in src/resolvers/person-articles.ts), and
// one credited on a few: Person.articles must give each the same page either way.
const db = await createTestDatabase();
for (const page of generatePages(140, { seed: 11 })) {
  await ingestPage(db.writer, { publication: TAIYUAN_DAILY, ...page }, `${page.date}/page-0${page.pageNumber}.txt`);
}
const yoga = createServer(db.reader);
const articleIds = (await db.reader.article.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((article) => article.id);
const PROLIFIC = "高产记者";
const RARE = "偶尔记者";
await db.writer.transaction(async (sql) => {
  for (const name of [PROLIFIC, RARE]) {
    await sql.run(`INSERT INTO "Person" ("name", "nameKey", "pinyin", "mentionCount") VALUES (?, ?, ?, 0)`, [name, name, name]);
  }
  const person = async (name: string) => (await sql.get<{ id: number }>(`SELECT "id" FROM "Person" WHERE "name" = ?`, [name]))!.id;
  const [prolific, rare] = [await person(PROLIFIC), await person(RARE)];
  // Every article but every thirteenth for the prolific one; every 97th for the rare one, as photographer.
  for (const [index, articleId] of articleIds.entries()) {
    if (index % 13 !== 0) await sql.run(`INSERT INTO "Credit" ("articleId", "personId", "role", "label", "position", "spanStart", "spanEnd") VALUES (?, ?, 'REPORTER', '记者', 90, 0, 0)`, [articleId, prolific]);
    if (index % 97 === 0) await sql.run(`INSERT INTO "Credit" ("articleId", "personId", "role", "label", "position", "spanStart", "spanEnd") VALUES (?, ?, 'PHOTOGRAPHER', NULL, 91, 0, 0)`, [articleId, rare]);
  }
});

/** A person's articles in a role and dates, newest first, read row by row: what every page must equal. */
async function expected(name: string, filter: { role?: string; from?: string; to?: string }, take: number) {
  const person = { name };
  const credited = { credits: { some: { person, ...(filter.role ? { role: filter.role as "REPORTER" } : {}) } } };
  const linked = filter.role ? credited : { OR: [{ mentions: { some: { person } } }, credited] };
  const where = { ...linked, issueDate: { gte: filter.from ?? "0000", lte: filter.to ?? "9999" } };
  const [articles, count] = await Promise.all([
    db.reader.article.findMany({ where, orderBy: [{ issueDate: "desc" }, { pageNumber: "asc" }, { position: "asc" }, { id: "asc" }], take, select: { headline: true, issueDate: true } }),
    db.reader.article.count({ where }),
  ]);
  return { totalCount: count, edges: articles.map((article) => ({ node: { headline: article.headline, issue: { date: article.issueDate } } })) };
}

const ARTICLES = `query($name: String!, $take: Int!, $role: PersonRole, $from: Date, $to: Date) { person(name: $name) {
  articles(first: $take, role: $role, from: $from, to: $to) { totalCount edges { node { headline issue { date } } } } } }`;

describe("Person.articles, for a person credited a thousand times and one credited a few", () => {
  it("the prolific reporter is credited on more than a thousand articles, the other on a dozen", async () => {
    const credits = async (name: string) => db.reader.credit.count({ where: { person: { name } } });
    expect(await credits(PROLIFIC)).toBeGreaterThan(1000);
    expect(await credits(RARE)).toBeLessThan(20);
  });

  const dates = generatePages(140, { seed: 11 }).map((page) => page.date).sort();
  const middle = dates[Math.floor(dates.length / 2)]!;
  for (const name of [PROLIFIC, RARE]) {
    for (const filter of [{}, { role: "REPORTER" }, { role: "PHOTOGRAPHER" }, { from: middle }, { to: middle }, { from: dates[0]!, to: middle }]) {
      it(`gives ${name}'s newest articles and their count ${JSON.stringify(filter)} as a row-by-row read does`, async () => {
        for (const take of [1, 10, 100]) {
          const data = await query(yoga, ARTICLES, { name, take, ...filter });
          expect(data.person.articles).toEqual(await expected(name, filter, take));
        }
      });
    }
  }
});
