import { describe, expect, it } from "vitest";
import { parse } from "graphql";
import { Prisma } from "../../src/generated/prisma/client.ts";
import { dialectOf } from "../../src/db/client.ts";
import { operationStatement } from "../../src/resolvers/operation-statement.ts";
import { schema } from "../../src/schema/index.ts";
import type { Db } from "../../src/db/client.ts";
import { foldedStatement } from "../../src/resolvers/folded-read.ts";
import { personTitleGroups } from "../../src/resolvers/loaders.ts";
import { listPersonArticles, newestArticles, personNamed } from "../../src/resolvers/queries.ts";
import { createTestDatabase, databaseKind } from "../support/database.ts";
import { datesAfter, loadSample, loadSampleOnDates } from "../support/sample.ts";

const db = await createTestDatabase();
await loadSample(db.writer);
await loadSampleOnDates(db.writer, datesAfter("2022-06-03", 9));

/** The plan of a statement as text: SQLite's EXPLAIN QUERY PLAN lines, PostgreSQL's EXPLAIN lines. */
async function planOf(reader: Db, statement: Prisma.Sql): Promise<string> {
  if (databaseKind() === "postgresql") {
    // The test archive is a few hundred rows, where a sequential scan and a sort cost nothing; with
    // sorting priced out, the plan shows whether an index gives the order (a Sort node if none does).
    return reader.$transaction(async (tx) => {
      await tx.$executeRawUnsafe("SET LOCAL enable_sort = off");
      await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
      await tx.$executeRawUnsafe("SET LOCAL enable_bitmapscan = off");
      const rows = await tx.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(`EXPLAIN ${statement.text}`, ...statement.values);
      return rows.map((row) => row["QUERY PLAN"]).join("\n");
    });
  }
  const rows = await reader.$queryRawUnsafe<{ detail: string }[]>(`EXPLAIN QUERY PLAN ${statement.sql}`, ...statement.values);
  return rows.map((row) => row.detail).join("\n");
}

// What plugin-prisma plans for the shapes below (printed from the resolvers), run as folded-read.ts runs them.
const PAGE_AND_ISSUE = { page: { select: { id: true, number: true, issue: true } } };
const SECOND_PAGE = { select: { id: true, headline: true, ...PAGE_AND_ISSUE } };
const TIMELINE = {
  include: { mentions: { orderBy: [{ issueDate: "desc" }, { id: "asc" }], take: 51, skip: 0, include: { article: { select: { id: true, headline: true, ...PAGE_AND_ISSUE } } } } },
};

const sqlite = databaseKind() === "sqlite";

const ORDERED = { orderBy: { position: "asc" } };
const FRONT_PAGE = {
  include: {
    pages: {
      orderBy: { number: "asc" },
      select: {
        id: true,
        articles: {
          ...ORDERED,
          select: { id: true, headline: true, credits: { ...ORDERED, select: { id: true, person: true } }, mentions: { ...ORDERED, select: { id: true, person: true } } },
        },
      },
    },
  },
};

describe("query plans of the newest articles and a person's timeline", () => {
  it("reads a page of articles after a cursor from the cursor's place in the newest-first index, without sorting", async () => {
    const [cursor] = await db.reader.article.findMany({ orderBy: [{ issueDate: "desc" }, { pageNumber: "asc" }, { position: "asc" }, { id: "asc" }], skip: 20, take: 1 });
    const plan = await planOf(db.reader, foldedStatement(db.reader, "Article", SECOND_PAGE, newestArticles({ take: 101, skip: 1, cursor: { id: cursor!.id } }))!);
    if (sqlite) {
      expect(plan).toContain("SEARCH t0 USING INDEX Article_issueDate_pageNumber_position_id_idx (issueDate<?)");
      expect(plan).not.toContain("TEMP B-TREE FOR ORDER BY");
    } else {
      expect(plan).toMatch(/Index Scan using "Article_issueDate_pageNumber_position_id_idx" on "Article" t0.*\n\s+Index Cond: \("issueDate" <= \$\d+\)/);
      expect(plan).not.toMatch(/\bSort\b/);
    }
  });

  it("reads a person's newest mentions in the (personId, issueDate, id) index's order, without sorting them by their articles", async () => {
    const plan = await planOf(db.reader, foldedStatement(db.reader, "Person", TIMELINE, personNamed("韦韬"))!);
    if (sqlite) {
      expect(plan).toContain("SEARCH t1 USING INDEX Mention_personId_issueDate_id_idx (personId=?)");
      expect(plan).not.toContain("TEMP B-TREE FOR ORDER BY");
    } else {
      expect(plan).toMatch(/Index Scan using "Mention_personId_issueDate_id_idx" on "Mention" t1.*\n\s+Index Cond: \("personId" = t0\.id\)/);
      expect(plan).not.toMatch(/\bSort\b/);
    }
  });
});

describe("query plans of operations read as one statement", () => {
  const plan = (query: string, variables: Record<string, unknown> = {}) => planOf(db.reader, operationStatement(schema, dialectOf(db.reader), parse(query), undefined, variables)!.sql);

  // A subquery's JSON comes back to SQLite as text, which json() reads again: 265 µs for this page
  // of 100 articles with subqueries, 200 joined (operation-statement.ts, joinedRow).
  it.runIf(sqlite)("join each newest article's page and issue by their keys along the index's walk, with no subquery for each article", async () => {
    const read = await plan(`{ articles(first: 100) { edges { node { id headline page { number issue { date } } } } } }`);
    expect(read).toContain("SEARCH t2 USING INTEGER PRIMARY KEY (rowid=?)");
    expect(read).toContain("SEARCH t3 USING INTEGER PRIMARY KEY (rowid=?)");
    expect(read).not.toContain("CORRELATED");
    expect(read).not.toContain("TEMP B-TREE");
  });

  it.runIf(sqlite)("join each of a person's mentions to its article, page and issue, read in the person's index order", async () => {
    const read = await plan(`query($name: String!) { person(name: $name) { mentions(first: 50) { edges { node { title article { headline page { number issue { date } } } } } } } }`, { name: "韦韬" });
    expect(read).toContain("SEARCH t1 USING INDEX Mention_personId_issueDate_id_idx (personId=?)");
    for (const alias of ["t2", "t3", "t4"]) expect(read).toContain(`SEARCH ${alias} USING INTEGER PRIMARY KEY (rowid=?)`);
    // The person's mentions are the one subquery, run for the one person.
    expect(read.match(/CORRELATED/g)).toHaveLength(1);
    expect(read).not.toContain("TEMP B-TREE");
  });
});

describe("query plans of a front page", () => {
  // SQLite's aggregate takes a FROM subquery's rows in its ORDER BY's order (folded-read.ts): a
  // second sort inside json_group_array would cost a temporary B-tree at each level of the tree.
  it.runIf(sqlite)("builds each list of an issue's pages, articles, credits and mentions in its subquery's order, sorted once", async () => {
    const { date } = await db.reader.issue.findFirstOrThrow({ orderBy: { date: "asc" } });
    const plan = await planOf(db.reader, foldedStatement(db.reader, "Issue", FRONT_PAGE, { where: Prisma.sql`t0."date" = ${date}`, orderBy: [], take: 1 })!);
    expect(plan.match(/USE TEMP B-TREE FOR ORDER BY/g)).toHaveLength(2);
    expect(plan).not.toContain("json_group_array(ORDER BY)");
  });
});

describe("query plans of one person's titles and articles", () => {
  const weiTao = () => db.reader.person.findUniqueOrThrow({ where: { name: "韦韬" } });

  it("reads a person's titles from the covering Mention index alone", async () => {
    const plan = await planOf(db.reader, personTitleGroups([(await weiTao()).id]));
    if (sqlite) expect(plan).toContain("SEARCH m USING COVERING INDEX Mention_personId_normalisedTitle_title_issueDate_id_idx (personId=?");
    else expect(plan).toMatch(/Index Only Scan using "Mention_personId_normalisedTitle_title_issueDate_id_idx" on "Mention" m/);
  });

  it("reads only the date range's mentions of a person, by the (personId, issueDate) index, for their articles in that range", async () => {
    const { id } = await weiTao();
    db.resetStatements();
    await listPersonArticles(db.reader, { take: 21, skip: 0, select: { id: true, headline: true } }, id, null, { from: "2022-06-01", to: "2022-06-05" });
    const sql = db.statements.find((statement) => statement.includes("ORDER BY"))!;
    // Prisma's parameters in order: the mention's person and dates, the credit's person, the article's dates, the page.
    const statement = { text: sql, sql, values: [id, "2022-06-01", "2022-06-05", id, "2022-06-01", "2022-06-05", 21, 0] } as unknown as Prisma.Sql;
    const plan = await planOf(db.reader, statement);
    if (sqlite) {
      // SQLite walks the range's articles and looks each one's mention up: no read of the person's others either.
      expect(plan).toContain("SEARCH main.Article USING INDEX Article_issueDate_pageNumber_position_id_idx (issueDate>? AND issueDate<?)");
      expect(plan).toContain("SEARCH t0 USING INDEX Mention_articleId_personId_key (articleId=? AND personId=?)");
    } else {
      expect(plan).toMatch(
        /Index Scan using "Mention_personId_issueDate_id_idx" on "Mention" t0.*\n\s+Index Cond: \(\("personId" = \d+\) AND \("issueDate" >= '2022-06-01'::text\) AND \("issueDate" <= '2022-06-05'::text\)\)/,
      );
    }
  });
});

describe("query plans of one person's first page of articles, asked by name", () => {
  const PERSON_ARTICLES = `query($name: String!) { person(name: $name) { articles(first: 10) { totalCount edges { node { headline issue { date } } } } } }`;
  const statement = () => operationStatement(schema, dialectOf(db.reader), parse(PERSON_ARTICLES), undefined, { name: "韦韬" })!.sql;

  // Under a LIMIT, PostgreSQL costed a scan of every person like the unique index (both one row, the
  // rest of the statement the same) and scanned 12,658 people of a generated archive: 6 ms a request.
  it("reads the person by their unique name key without a LIMIT", () => {
    const { sql, text } = statement();
    expect(sqlite ? sql : text).toMatch(/ FROM "Person" t0 WHERE t0\."nameKey" = (\?|\$\d+)\)/);
  });

  // Whether an article is among the candidates is all the statement asks: an article both named
  // and credited may come twice, and no step makes the union's rows distinct (PostgreSQL's hash of
  // them cost 3 ms to plan and 3.5 to set up each run; SQLite reads an IN list the same either way).
  it.runIf(!sqlite)("takes the candidates of the person's mentions and credits as they come, without making them distinct", async () => {
    const plan = await planOf(db.reader, statement());
    expect(plan).not.toMatch(/(Group|Sort) Key: m(_\d+)?\."personId", m(_\d+)?\."articleId"/);
  });
});
