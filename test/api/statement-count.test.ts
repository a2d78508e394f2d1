import { describe, expect, it } from "vitest";
import { createServer } from "../../src/server/index.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { query } from "../support/graphql.ts";
import { datesAfter, loadSample, loadSampleOnDates } from "../support/sample.ts";

const NESTED = `{
  issues(first: 100) {
    totalCount
    edges { node {
      date
      pages { number articles {
        headline
        credits { role person { name } }
        mentions { title person { name } }
        photos { caption photographer { name } }
      } }
    } }
  }
}`;

// The same with a field its resolver computes (`paragraphs`): executed field by field, not read as one statement.
const NESTED_EXECUTED = NESTED.replace("headline", "headline paragraphs");

async function statementsFor(db: TestDatabase, source = NESTED) {
  // The query is costed at its worst case (100 issues of full pages): over the default limit.
  // Here only the statements it takes are counted.
  const yoga = createServer(db.reader, { limits: { maxCost: Number.POSITIVE_INFINITY } });
  db.resetStatements();
  const data = await query(yoga, source);
  return { count: db.statements.length, issues: data.issues.edges.length as number, statements: [...db.statements] };
}

const one = await createTestDatabase();
await loadSample(one.writer);
const twenty = await createTestDatabase();
await loadSample(twenty.writer);
await loadSampleOnDates(twenty.writer, datesAfter("2022-06-03", 19));
// The most named person also reports two articles, one of which names them: counted once there.
const mostNamed = (await twenty.reader.person.findFirst({ orderBy: [{ mentionCount: "desc" }, { id: "asc" }], select: { id: true } }))!.id;
const namingArticle = (await twenty.reader.mention.findFirst({ where: { personId: mostNamed }, orderBy: { id: "asc" }, select: { articleId: true } }))!.articleId;
const notNaming = (await twenty.reader.article.findFirst({ where: { mentions: { none: { personId: mostNamed } } }, orderBy: { id: "desc" }, select: { id: true } }))!.id;
await twenty.writer.transaction(async (sql) => {
  for (const articleId of [namingArticle, notNaming]) {
    await sql.run(`INSERT INTO "Credit" ("articleId", "personId", "role", "label", "position", "spanStart", "spanEnd") VALUES (?, ?, 'REPORTER', '记者', 99, 0, 0)`, [articleId, mostNamed]);
  }
});

/** The articles that name or credit a person in a role and dates, counted row by row: what every totalCount of Person.articles must equal. */
async function articlesOf(name: string, filter: { role?: string; from?: string; to?: string }): Promise<number> {
  const person = { name };
  const mentioned = { mentions: { some: { person } } };
  const credited = { credits: { some: { person, ...(filter.role && filter.role !== "MENTIONED" ? { role: filter.role as "REPORTER" } : {}) } } };
  const linked = filter.role === "MENTIONED" ? mentioned : filter.role ? credited : { OR: [mentioned, credited] };
  return twenty.reader.article.count({ where: { ...linked, issueDate: { gte: filter.from ?? "0000", lte: filter.to ?? "9999" } } });
}

describe("statements per request", () => {
  it("does not grow with the number of issues, pages and articles a nested query touches", async () => {
    const small = await statementsFor(one);
    const large = await statementsFor(twenty);
    expect(small.issues).toBe(1);
    expect(large.issues).toBe(20);
    // Read as one statement (docs/architecture.md, "Reading an operation").
    expect(large.count).toBe(1);
    expect(small.count).toBe(1);
  });

  it("does not grow either when the query is executed field by field", async () => {
    const small = await statementsFor(one, NESTED_EXECUTED);
    const large = await statementsFor(twenty, NESTED_EXECUTED);
    expect(large.issues).toBe(20);
    // issues, count, pages, articles, credits, people of credits, mentions, people of mentions,
    // photos, photographers: one statement each, whatever the number of rows.
    expect(large.count).toBe(small.count);
    expect(small.count).toBe(10);
  });

  it("reads Person.articles and its totalCount for a list of people in as many statements as for one, with the same answers", async () => {
    const yoga = createServer(twenty.reader);
    const ARTICLES = `articles(first: 3, role: $role, from: $from) { totalCount edges { cursor node { headline issue { date } } } pageInfo { hasNextPage endCursor } }`;
    const LIST = `query($first: Int!, $role: PersonRole, $from: Date) { people(first: $first, orderBy: NAME) { edges { node { name ${ARTICLES} } } } }`;
    const ONE = `query($name: String!, $role: PersonRole, $from: Date) { person(name: $name) { name ${ARTICLES} } }`;
    for (const filter of [{}, { role: "REPORTER" }, { role: "MENTIONED", from: "2022-06-10" }]) {
      twenty.resetStatements();
      await query(yoga, LIST, { first: 2, ...filter });
      const few = twenty.statements.length;
      twenty.resetStatements();
      const many = await query(yoga, LIST, { first: 20, ...filter });
      expect(twenty.statements.length).toBe(few);
      // Each person's articles as asked of that person alone (its own query).
      for (const { node } of many.people.edges) {
        expect(node).toEqual((await query(yoga, ONE, { name: node.name, ...filter })).person);
        expect({ name: node.name, totalCount: node.articles.totalCount }).toEqual({ name: node.name, totalCount: await articlesOf(node.name, filter) });
      }
      expect(many.people.edges.some((edge: any) => edge.node.articles.totalCount > 3)).toBe(true);
    }
    // The issue's class 7: the most named people, one article each, with every role, date span and page.
    const MOST = `query($first: Int!, $take: Int!, $role: PersonRole, $from: Date, $to: Date) { people(first: $first, orderBy: MENTIONS) { edges { node { name
      articles(first: $take, role: $role, from: $from, to: $to) { totalCount edges { node { headline pageNumber: page { number } issue { date } } } } } } } }`;
    const SINGLE = `query($name: String!, $take: Int!, $role: PersonRole, $from: Date, $to: Date) { person(name: $name) { name
      articles(first: $take, role: $role, from: $from, to: $to) { totalCount edges { node { headline pageNumber: page { number } issue { date } } } } } }`;
    for (const filter of [{ take: 1 }, { take: 9 }, { take: 2, role: "MENTIONED" }, { take: 2, role: "REPORTER" }, { take: 3, from: "2022-06-05", to: "2022-06-12" }]) {
      twenty.resetStatements();
      const most = await query(yoga, MOST, { first: 30, ...filter });
      // people, the articles' candidates and numbering, the articles' columns, the counts, the pages, the issues.
      expect({ filter, statements: twenty.statements.length }).toEqual({ filter, statements: 6 });
      for (const { node } of most.people.edges) {
        expect(node).toEqual((await query(yoga, SINGLE, { name: node.name, ...filter })).person);
        expect({ name: node.name, totalCount: node.articles.totalCount }).toEqual({ name: node.name, totalCount: await articlesOf(node.name, filter) });
      }
    }
    // Asked of one person: the whole operation, the person, the page and the count, is one statement
    // (operation-statement.ts); with a field that statement does not read (aliases), the executor's three: the
    // person with its aliases, the page with each article's page and issue folded in, the count.
    const { name } = (await query(yoga, MOST, { first: 1, take: 1 })).people.edges[0].node;
    twenty.resetStatements();
    await query(yoga, SINGLE, { name, take: 9 });
    expect(twenty.statements.length).toBe(1);
    twenty.resetStatements();
    await query(yoga, SINGLE.replace("{ name", "{ name aliases"), { name, take: 9 });
    expect(twenty.statements.length).toBe(3);
    // The last page, asked of a list, is each person's own query, with the same answer.
    const LAST = `articles(last: 2) { edges { node { headline issue { date } } } pageInfo { hasPreviousPage } }`;
    const lastPages = await query(yoga, `{ people(first: 5, orderBy: NAME) { edges { node { name ${LAST} } } } }`);
    for (const { node } of lastPages.people.edges) {
      expect(node).toEqual((await query(yoga, `query($name: String!) { person(name: $name) { name ${LAST} } }`, { name: node.name })).person);
      expect(node.articles.edges.length).toBeGreaterThan(0);
    }
  });

  it("reads Person.coMentioned for a list of people in as many statements as for one, with the same answers", async () => {
    const yoga = createServer(twenty.reader);
    const CO = `coMentioned(first: 3) { sharedArticles person { name } }`;
    const LIST = `query($first: Int!) { people(first: $first, orderBy: MENTIONS) { edges { node { name ${CO} } } } }`;
    twenty.resetStatements();
    await query(yoga, LIST, { first: 2 });
    const few = twenty.statements.length;
    twenty.resetStatements();
    const many = await query(yoga, LIST, { first: 20 });
    expect(twenty.statements.length).toBe(few);
    for (const { node } of many.people.edges) {
      expect(node).toEqual((await query(yoga, `query($name: String!) { person(name: $name) { name ${CO} } }`, { name: node.name })).person);
    }
    expect(many.people.edges.filter((edge: any) => edge.node.coMentioned.length === 3).length).toBeGreaterThan(1);
  });
});

describe("statements for the shapes readers send most", () => {
  const FRONT_PAGE = `query($date: Date!) { issue(publication: "taiyuan-daily", date: $date) { pages { articles {
    headline kicker source credits { role person { name } } mentions { title person { name } } } } } }`;
  const TIMELINE = `query($name: String!) { person(name: $name) { mentions(first: 50) { edges { node {
    title article { headline page { number issue { date } } } } } } } }`;
  const NEWEST = `query($first: Int!, $after: String) { articles(first: $first, after: $after) {
    edges { cursor node { id headline page { number issue { date } } } } pageInfo { hasNextPage } } }`;

  async function counted(source: string, variables: Record<string, unknown>) {
    const yoga = createServer(twenty.reader);
    twenty.resetStatements();
    const data = await query(yoga, source, variables);
    return { data, statements: twenty.statements.length };
  }

  it("reads the front page with its articles, credits, mentions and people in one statement, with the answer the client's reads give", async () => {
    const { data, statements } = await counted(FRONT_PAGE, { date: "2022-06-10" });
    expect(statements).toBe(1);
    const issue = await twenty.reader.issue.findFirstOrThrow({
      where: { date: "2022-06-10", publication: { slug: "taiyuan-daily" } },
      include: {
        pages: {
          orderBy: { number: "asc" },
          include: {
            articles: {
              orderBy: { position: "asc" },
              include: { credits: { orderBy: { position: "asc" }, include: { person: true } }, mentions: { orderBy: { position: "asc" }, include: { person: true } } },
            },
          },
        },
      },
    });
    expect(data.issue).toEqual({
      pages: issue.pages.map((page) => ({
        articles: page.articles.map((article) => ({
          headline: article.headline,
          kicker: article.kicker,
          source: article.source,
          credits: article.credits.map((credit) => ({ role: credit.role, person: { name: credit.person.name } })),
          mentions: article.mentions.map((mention) => ({ title: mention.title, person: { name: mention.person.name } })),
        })),
      })),
    });
    expect(data.issue.pages[0].articles.length).toBe(8);
  });

  it("reads a person's timeline, newest first, in one statement, with the answer the client's reads give", async () => {
    const { data, statements } = await counted(TIMELINE, { name: "韦韬" });
    expect(statements).toBe(1);
    const mentions = await twenty.reader.mention.findMany({
      where: { person: { name: "韦韬" } },
      orderBy: [{ article: { issueDate: "desc" } }, { id: "asc" }],
      take: 50,
      include: { article: { include: { page: { include: { issue: true } } } } },
    });
    expect(mentions.length).toBe(50);
    expect(data.person.mentions.edges.map((edge: any) => edge.node)).toEqual(
      mentions.map((mention) => ({
        title: mention.title,
        article: { headline: mention.article.headline, page: { number: mention.article.page.number, issue: { date: mention.article.page.issue.date } } },
      })),
    );
  });

  it("reads the newest articles' second page, after a cursor, in one statement, with the answer the client's reads give", async () => {
    const first = await counted(NEWEST, { first: 100 });
    expect(first.statements).toBe(1);
    const { data, statements } = await counted(NEWEST, { first: 100, after: first.data.articles.edges.at(-1).cursor });
    expect(statements).toBe(1);
    const articles = await twenty.reader.article.findMany({
      orderBy: [{ issueDate: "desc" }, { pageNumber: "asc" }, { position: "asc" }, { id: "asc" }],
      include: { page: { include: { issue: true } } },
    });
    expect(articles.length).toBeGreaterThan(100);
    const node = (article: (typeof articles)[number]) => ({
      headline: article.headline,
      page: { number: article.page.number, issue: { date: article.page.issue.date } },
    });
    expect(first.data.articles.edges.map((edge: any) => ({ ...edge.node, id: undefined }))).toEqual(articles.slice(0, 100).map((article) => ({ ...node(article), id: undefined })));
    expect(data.articles.edges.map((edge: any) => ({ ...edge.node, id: undefined }))).toEqual(articles.slice(100, 200).map((article) => ({ ...node(article), id: undefined })));
    expect(data.articles.pageInfo.hasNextPage).toBe(articles.length > 200);
  });
});
