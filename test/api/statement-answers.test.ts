import { execute as executeOperation, parse } from "graphql";
import { describe, expect, it } from "vitest";
import { createServer } from "../../src/server/index.ts";
import { schema } from "../../src/schema/index.ts";
import { createContext } from "../../src/schema/context.ts";
import { dialectOf } from "../../src/db/client.ts";
import { operationStatement } from "../../src/resolvers/operation-statement.ts";
import { createTestDatabase } from "../support/database.ts";
import { execute, postOperation } from "../support/graphql.ts";
import { datesAfter, loadSample, loadSampleOnDates } from "../support/sample.ts";

// Twenty issues of the sample page, and one article whose headline holds what JSON escapes.
const db = await createTestDatabase();
await loadSample(db.writer);
await loadSampleOnDates(db.writer, datesAfter("2022-06-03", 19));
const ODD = 'a "quoted" \\ back\tslash\nnewline \u0001\u001f\u007f 😀 吳建軍 </script>';
await db.writer.transaction(async (sql) => {
  await sql.run(`UPDATE "Article" SET "kicker" = ? WHERE "id" = (SELECT max("id") FROM "Article")`, [ODD]);
});
const yoga = createServer(db.reader);
const dialect = dialectOf(db.reader);
const DATE = "2022-06-10";
const NAMED = (await db.reader.person.findFirst({ orderBy: [{ mentionCount: "desc" }, { id: "asc" }], select: { name: true } }))!.name;

/** What graphql's own executor answers, field resolver by field resolver: the answer before this reading existed. */
async function executorAnswer(source: string, variables: Record<string, unknown>) {
  const result = await executeOperation({ schema, document: parse(source), variableValues: variables, contextValue: createContext(db.reader) });
  return JSON.parse(JSON.stringify(result)) as { data?: unknown; errors?: unknown[] };
}

/** The server's answer, with the number of statements it ran and whether the operation was read as one statement. */
async function serverAnswer(source: string, variables: Record<string, unknown>) {
  db.resetStatements();
  const answer = await execute(yoga, source, variables);
  return { answer, statements: db.statements.length, oneStatement: operationStatement(schema, dialect, parse(source), undefined, variables) !== null };
}

const FRONT_PAGE = `query($publication: String!, $date: Date!) { issue(publication: $publication, date: $date) { pages { articles {
  headline kicker source credits { role person { name } } mentions { title person { name } } } } } }`;
const TIMELINE = `query($name: String!) { person(name: $name) { mentions(first: 50) { edges { node {
  title article { headline page { number issue { date } } } } } } } }`;
const NEWEST = `query($first: Int, $after: String) { articles(first: $first, after: $after) {
  totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  edges { cursor node { id headline page { number issue { date } } } } } }`;

const ARTICLE_ID = Buffer.from(`Article:${(await db.reader.article.findFirst({ orderBy: { id: "desc" }, select: { id: true } }))!.id}`).toString("base64");
const ARTICLE = `query($id: ID!) { article(id: $id) { id headline page { id label issue { date } } credits { person { name } } } }`;
const PAGE = `query($number: Int, $label: String) { page(publication: "taiyuan-daily", date: "${DATE}", number: $number, label: $label) {
  id number label section text issue { date } articles { position headline } } }`;
const ISSUES = `query($first: Int, $after: String, $from: Date, $to: Date) { issues(publication: "taiyuan-daily", first: $first, after: $after, from: $from, to: $to) {
  totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { id date } } } }`;

const PERSON_ARTICLES = `query($name: String!, $first: Int, $role: PersonRole, $from: Date, $to: Date) { person(name: $name) { name
  articles(first: $first, role: $role, from: $from, to: $to) { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { id headline issue { date } } } } } }`;
const REPORTER = (await db.reader.credit.findFirst({ where: { role: "REPORTER" }, orderBy: { id: "asc" }, select: { person: { select: { name: true } } } }))!.person.name;

const READ_AS_ONE: [string, string, Record<string, unknown>][] = [
  ["an article by its ID", ARTICLE, { id: ARTICLE_ID }],
  ["a page by its number", PAGE, { number: 1 }],
  ["a page by its printed label", PAGE, { label: "01" }],
  ["a page the archive does not hold", PAGE, { number: 9 }],
  ["issues within dates", ISSUES, { first: 4, from: "2022-06-05", to: "2022-06-15" }],
  ["issues of no date held", ISSUES, { from: "1990-01-01", to: "1990-12-31" }],
  ["the front page", FRONT_PAGE, { publication: "taiyuan-daily", date: DATE }],
  ["a person's timeline", TIMELINE, { name: NAMED }],
  ["the newest articles", NEWEST, { first: 7 }],
  ["an empty page of articles", NEWEST, { first: 0 }],
  ["the default page size", NEWEST, {}],
  ["an issue the archive does not hold", FRONT_PAGE, { publication: "taiyuan-daily", date: "1999-01-01" }],
  ["a person nobody named", TIMELINE, { name: "无此人" }],
  [
    "node IDs, type names, aliases, fragments and directives",
    `query($d: Date!, $withKicker: Boolean!, $skipMentions: Boolean = true) { __typename
      paper: issue(publication: "taiyuan-daily", date: $d) { id __typename date publication { id slug name locale region province }
        pages { id number label section ...onPage } }
      again: issue(publication: "taiyuan-daily", date: $d) { date } }
    fragment onPage on Page { __typename articles { ... on Node { id } ...on Article { position kicker @include(if: $withKicker) headline subheadline
      dispatch dateline eventDate continuedFromPage body } mentions @skip(if: $skipMentions) { title }
      credits { id role label person { id name pinyin mentionCount } } mentions { normalisedTitle } } }`,
    { d: DATE, withKicker: false },
  ],
  [
    "a person's mentions with their count and cursors",
    `query($name: String!) { person(name: $name) { id name mentions(first: 3) { __typename totalCount
      pageInfo { __typename hasNextPage hasPreviousPage startCursor endCursor } edges { __typename cursor node { id title article { id } } } } } }`,
    { name: NAMED },
  ],
  ["a person's newest articles with their count and cursors", PERSON_ARTICLES, { name: NAMED, first: 5 }],
  ["a reporter's articles as reporter within dates", PERSON_ARTICLES, { name: REPORTER, first: 3, role: "REPORTER", from: "2022-06-05", to: "2022-06-12" }],
  ["a reporter's articles where only named", PERSON_ARTICLES, { name: REPORTER, role: "MENTIONED" }],
  ["a reporter's articles of every role, more asked than held", PERSON_ARTICLES, { name: REPORTER, first: 100 }],
  ["a person's articles in dates the archive does not hold", PERSON_ARTICLES, { name: NAMED, from: "1990-01-01", to: "1990-12-31" }],
  ["an empty page of a person's articles", PERSON_ARTICLES, { name: NAMED, first: 0 }],
  ["the articles of a person nobody named", PERSON_ARTICLES, { name: "无此人" }],
];

describe("an operation read as one statement", () => {
  for (const [name, source, variables] of READ_AS_ONE) {
    it(`answers ${name} as the executor does, in one statement`, async () => {
      const { answer, statements, oneStatement } = await serverAnswer(source, variables);
      expect(oneStatement).toBe(true);
      expect(answer.errors).toBeUndefined();
      expect(answer.data).toEqual((await executorAnswer(source, variables)).data);
      expect(statements).toBe(1);
    });
  }

  /** Every node of a root connection, page by page through the cursors the server gives, each page checked against the executor's. */
  async function pageThrough(source: string, field: string, first: number): Promise<Record<string, string>[]> {
    let after: string | null = null;
    const nodes: Record<string, string>[] = [];
    for (;;) {
      const variables = { first, after };
      const { answer, oneStatement } = await serverAnswer(source, variables);
      expect(oneStatement).toBe(true);
      expect(answer.data).toEqual((await executorAnswer(source, variables)).data);
      const page = answer.data[field];
      nodes.push(...page.edges.map((edge: { node: Record<string, string> }) => edge.node));
      if (!page.pageInfo.hasNextPage) return nodes;
      after = page.pageInfo.endCursor;
    }
  }

  it("pages through every article with the cursors it gives, as the executor does", async () => {
    const ids = (await pageThrough(NEWEST, "articles", 6)).map((node) => node.id);
    expect(ids.length).toBe(await db.reader.article.count());
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("pages through issues with the cursors it gives, as the executor does", async () => {
    const dates = (await pageThrough(ISSUES, "issues", 3)).map((node) => node.date);
    expect(dates).toEqual([...datesAfter("2022-06-03", 19), "2022-06-03"].sort().reverse());
  });

  it("carries text JSON must escape exactly", async () => {
    const source = `{ articles(first: 100) { edges { node { kicker } } } }`;
    const { answer } = await serverAnswer(source, {});
    expect(answer.data.articles.edges.map((edge: { node: { kicker: string | null } }) => edge.node.kicker)).toContain(ODD);
    expect(answer.data).toEqual((await executorAnswer(source, {})).data);
  });

  it("is planned for each request when a part's best plan depends on its values (a person's articles), else prepared once", () => {
    const plannedEachTime = (source: string, variables: Record<string, unknown>) => operationStatement(schema, dialect, parse(source), undefined, variables)!.plannedEachTime;
    expect(plannedEachTime(PERSON_ARTICLES, { name: NAMED })).toBe(true);
    expect(plannedEachTime(FRONT_PAGE, { publication: "taiyuan-daily", date: DATE })).toBe(false);
    expect(plannedEachTime(TIMELINE, { name: NAMED })).toBe(false);
  });

  it("reports the operation's cost in extensions, as for any other answer", async () => {
    const { answer } = await serverAnswer(FRONT_PAGE, { publication: "taiyuan-daily", date: DATE });
    expect(answer.extensions?.cost).toEqual({ requestedQueryCost: expect.any(Number), maxQueryCost: 50_000 });
  });
});

const EXECUTED: [string, string, Record<string, unknown>][] = [
  ["a field computed by its resolver", `{ articles(first: 2) { edges { node { paragraphs } } } }`, {}],
  ["a filtered list", `{ articles(first: 2, filter: { source: "新华社" }) { edges { node { headline } } } }`, {}],
  ["a backward page", `{ articles(last: 2) { edges { node { headline } } } }`, {}],
  ["a page size over the limit", `{ articles(first: 101) { edges { node { headline } } } }`, {}],
  ["a cursor of another connection", NEWEST, { after: "UGVyc29uTWVudGlvbnNDb25uZWN0aW9uOlIxQkRPazQ2TVRJeU5EUXo" }],
  ["a cursor that is no cursor", NEWEST, { after: "nonsense" }],
  ["a date that is no date", FRONT_PAGE, { publication: "taiyuan-daily", date: "2022-13-01" }],
  ["a root list it does not read", `{ people(first: 1) { edges { node { name } } } }`, {}],
  ["an ID of another type", ARTICLE, { id: Buffer.from("Person:1").toString("base64") }],
  ["an ID that is no ID", ARTICLE, { id: "QXJ0aWNsZToxLjU=" }],
  ["a page by number and label at once", PAGE, { number: 1, label: "01" }],
  ["a page label that is none", PAGE, { label: "头版" }],
  ["a person's articles after a cursor", `{ person(name: "${NAMED}") { articles(first: 2, after: "UGVyc29uQXJ0aWNsZXNDb25uZWN0aW9uOlIxQkRPazQ2TVE9PQ") { edges { node { id } } } } }`, {}],
  ["a page's time of ingest, a DateTime", `{ page(publication: "taiyuan-daily", date: "${DATE}", number: 1) { ingestedAt } }`, {}],
];

describe("an operation the statement does not read", () => {
  for (const [name, source, variables] of EXECUTED) {
    it(`is executed as before: ${name}`, async () => {
      const { answer, oneStatement } = await serverAnswer(source, variables);
      expect(oneStatement).toBe(false);
      const expected = await executorAnswer(source, variables);
      expect(answer.data ?? null).toEqual(expected.data ?? null);
      expect((answer.errors ?? []).map((error) => error.message)).toEqual(((expected.errors ?? []) as { message: string }[]).map((error) => error.message));
    });
  }

  it("is refused as before when reads need a key and none is given", async () => {
    const guarded = createServer(db.reader, { readsRequireKey: true });
    const answer = await (await postOperation(guarded, FRONT_PAGE, { publication: "taiyuan-daily", date: DATE })).json();
    expect(answer.data).toEqual({ issue: null });
    expect(answer.errors.map((error: { extensions: { code: string } }) => error.extensions.code)).toEqual(["UNAUTHENTICATED"]);
  });
});
