/**
 * The shapes of bench/compare.ts by hand, for comparison: a bare node:http server in a process
 * of its own that answers `POST /<shape>` (body: the GraphQL request, of which it reads only the
 * variables) with ONE hand-written SQL statement building the same JSON as the API's answer.
 * SQLite through better-sqlite3, PostgreSQL through a pg pool. Prints its port; stops on SIGTERM.
 * Each statement is written as one would by hand for speed: the timeline walks a person's
 * (personId, issueDate, id) index for the 50 newest mentions and reads each one's article, page
 * and issue in correlated subqueries. Joined to them in FROM instead, PostgreSQL estimated the
 * person's mentions at the average (22), sorted all 9,588 of the commonest name's and took 20 ms
 * where this form takes 0.9 (the form the API's folded statement has). Its LIMIT is a parameter,
 * as the API sends it: with the literal 50, PostgreSQL kept the plan it makes for a person of
 * the average 24 mentions (sort them all) in its generic plan too, 18 ms for the commonest name's
 * 11,111; with a parameter the generic plan walks the index. A person's articles are
 * read as the API reads them: counted from the mention count ingest keeps plus the credits of
 * articles that do not name the person, and the newest ten chosen among bounded candidates,
 * instead of counting and sorting the union of every mention and credit.
 *
 *   node --import tsx bench/compare-sql.ts <DATABASE_URL>
 */
import http from "node:http";
import BetterSqlite3 from "better-sqlite3";
import pg from "pg";

const url = process.argv[2]!;
const postgres = /^postgres(ql)?:\/\//.test(url);

// JSON builders of each dialect. SQLite keeps a subquery's JSON as text unless wrapped in json().
const obj = (...pairs: string[]) => (postgres ? `json_build_object(${pairs.join(", ")})` : `json_object(${pairs.join(", ")})`);
const list = (select: string) =>
  postgres ? `(SELECT coalesce(json_agg(x.j), '[]'::json) FROM (${select}) x)` : `json((SELECT json_group_array(json(x.j)) FROM (${select}) x))`;
/** A correlated subquery's one JSON object. */
const one = (select: string) => (postgres ? `(${select})` : `json((${select}))`);
const base64 = (text: string) => (postgres ? `encode(convert_to(${text}, 'UTF8'), 'base64')` : `base64(${text})`);
const p = (index: number) => (postgres ? `$${index}` : "?");

/**
 * The articles that may be among a person's `take` newest, as the API bounds them: the mentions
 * dated on or after the person's `take`-th newest mention, read through the (personId, issueDate)
 * index, and the credits dated on or after the `take`-th newest credited article.
 */
const newestArticleCandidates = (person: string, take: number) => `
  SELECT m."articleId" FROM "Mention" m WHERE m."personId" = ${person} AND m."issueDate" >= COALESCE((SELECT x."issueDate" FROM "Mention" x
    WHERE x."personId" = ${person} ORDER BY x."issueDate" DESC LIMIT 1 OFFSET ${take - 1}), '')
  UNION SELECT c."articleId" FROM "Credit" c JOIN "Article" ca ON ca."id" = c."articleId" WHERE c."personId" = ${person} AND ca."issueDate" >= COALESCE((
    SELECT xa."issueDate" FROM "Credit" x JOIN "Article" xa ON xa."id" = x."articleId" WHERE x."personId" = ${person} ORDER BY xa."issueDate" DESC LIMIT 1 OFFSET ${take - 1}), '')`;

/** Each shape: its statement, and the statement's parameters from the request's variables. */
const SHAPES: Record<string, { sql: string; params: (variables: Record<string, any>) => unknown[] }> = {
  frontPage: {
    sql: `SELECT ${obj(`'data'`, obj(`'issue'`, obj(`'pages'`, list(`
        SELECT ${obj(`'articles'`, list(`
          SELECT ${obj(
            `'headline'`, `a."headline"`, `'kicker'`, `a."kicker"`, `'source'`, `a."source"`,
            `'credits'`, list(`SELECT ${obj(`'role'`, `c."role"`, `'person'`, obj(`'name'`, `pe."name"`))} AS j
                FROM "Credit" c JOIN "Person" pe ON pe."id" = c."personId" WHERE c."articleId" = a."id" ORDER BY c."position"`),
            `'mentions'`, list(`SELECT ${obj(`'title'`, `m."title"`, `'person'`, obj(`'name'`, `pe."name"`))} AS j
                FROM "Mention" m JOIN "Person" pe ON pe."id" = m."personId" WHERE m."articleId" = a."id" ORDER BY m."position"`),
          )} AS j FROM "Article" a WHERE a."pageId" = pg."id" ORDER BY a."position"`))} AS j
        FROM "Page" pg WHERE pg."issueId" = i."id" ORDER BY pg."number"`))))} AS json
      FROM "Issue" i JOIN "Publication" u ON u."id" = i."publicationId" WHERE u."slug" = ${p(1)} AND i."date" = ${p(2)}`,
    params: (variables) => [variables.publication, variables.date],
  },
  timeline: {
    sql: `SELECT ${obj(`'data'`, obj(`'person'`, obj(`'mentions'`, obj(`'edges'`, list(`
        SELECT ${obj(`'node'`, obj(`'title'`, `m."title"`, `'article'`, one(`SELECT ${obj(`'headline'`, `a."headline"`, `'page'`, one(`SELECT ${obj(`'number'`, `pg."number"`, `'issue'`, one(`SELECT ${obj(`'date'`, `i."date"`)} FROM "Issue" i WHERE i."id" = pg."issueId"`))}
            FROM "Page" pg WHERE pg."id" = a."pageId"`))} FROM "Article" a WHERE a."id" = m."articleId"`)))} AS j
          FROM "Mention" m WHERE m."personId" = pe."id" ORDER BY m."issueDate" DESC, m."id" LIMIT ${p(1)}`)))))} AS json
      FROM "Person" pe WHERE pe."name" = ${p(2)}`,
    // In the order the parameters stand in the text, as SQLite binds them.
    params: (variables) => [50, variables.name],
  },
  // The cursor of a hand-written server carries the row's key, so the page starts there.
  newestSecondPage: {
    sql: `SELECT ${obj(`'data'`, obj(`'articles'`, obj(`'edges'`, list(`
        SELECT ${obj(`'node'`, obj(`'id'`, base64(`'Article:' || a."id"`), `'headline'`, `a."headline"`, `'page'`, obj(`'number'`, `pg."number"`, `'issue'`, obj(`'date'`, `i."date"`))))} AS j
          FROM "Article" a JOIN "Page" pg ON pg."id" = a."pageId" JOIN "Issue" i ON i."id" = pg."issueId"
         WHERE a."issueDate" <= ${p(1)} AND (a."issueDate" < ${p(2)} OR (a."issueDate" = ${p(3)} AND (a."pageNumber", a."position", a."id") > (${p(4)}, ${p(5)}, ${p(6)})))
         ORDER BY a."issueDate" DESC, a."pageNumber", a."position", a."id" LIMIT 100`))))} AS json`,
    params: ({ key }) => [key.issueDate, key.issueDate, key.issueDate, key.pageNumber, key.position, key.id],
  },
  // The newest 20 articles holding a phrase: SQLite's FTS5 table by its bigram phrase (the MATCH
  // the API builds, given by bench/compare.ts), newest first by its rowid, the search key;
  // PostgreSQL's normalised texts of articles of one chunk (all of the generated archive's),
  // newest first by key, each looked through for the phrase.
  search: {
    sql: postgres
      ? `SELECT ${obj(`'data'`, obj(`'search'`, obj(`'edges'`, `(SELECT coalesce(json_agg(x.j ORDER BY x.k DESC), '[]'::json) FROM (
          SELECT ${obj(`'node'`, obj(`'article'`, obj(`'headline'`, `a."headline"`)))} AS j, p."key" AS k
            FROM "ArticleSearchPhrase" p JOIN "Article" a ON a."id" = p."articleId"
           WHERE strpos(p."text", $1) > 0 ORDER BY p."key" DESC LIMIT 20) x)`)))} AS json`
      : `SELECT ${obj(`'data'`, obj(`'search'`, obj(`'edges'`, list(`
          SELECT ${obj(`'node'`, obj(`'article'`, obj(`'headline'`, `a."headline"`)))} AS j
            FROM "ArticleSearchText" JOIN "ArticleSearch" s ON s."key" = "ArticleSearchText".rowid JOIN "Article" a ON a."id" = s."articleId"
           WHERE "ArticleSearchText" MATCH ? ORDER BY "ArticleSearchText".rowid DESC LIMIT 20`))))} AS json`,
    params: (variables) => [postgres ? variables.term : variables.match],
  },
  personArticles: {
    sql: `SELECT ${obj(`'data'`, obj(`'person'`, obj(`'articles'`, obj(
        `'totalCount'`, `pe."mentionCount" + (SELECT count(DISTINCT c."articleId") FROM "Credit" c WHERE c."personId" = pe."id"
          AND NOT EXISTS (SELECT 1 FROM "Mention" m WHERE m."articleId" = c."articleId" AND m."personId" = pe."id"))`,
        `'edges'`, list(`SELECT ${obj(`'node'`, obj(`'headline'`, `a."headline"`, `'issue'`, obj(`'date'`, `a."issueDate"`)))} AS j
          FROM "Article" a WHERE a."id" IN (${newestArticleCandidates(`pe."id"`, 10)}) ORDER BY a."issueDate" DESC, a."pageNumber", a."position", a."id" LIMIT 10`),
      ))))} AS json FROM "Person" pe WHERE pe."name" = ${p(1)}`,
    params: (variables) => [variables.name],
  },
};

let run: (shape: string, params: unknown[]) => Promise<string>;
if (postgres) {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // Named statements: prepared once per connection, as a hand-written server would.
  run = async (shape, params) => {
    const { rows } = await pool.query({ name: shape, text: SHAPES[shape]!.sql, values: params, rowMode: "array" });
    return JSON.stringify(rows[0]?.[0] ?? null);
  };
} else {
  const db = new BetterSqlite3(url.replace(/^file:/, ""), { readonly: true });
  db.function("base64", (text: unknown) => Buffer.from(String(text)).toString("base64"));
  const statements = new Map(Object.entries(SHAPES).map(([shape, { sql }]) => [shape, db.prepare(sql).pluck()]));
  run = async (shape, params) => statements.get(shape)!.get(...params) as string;
}

const server = http.createServer((request, response) => {
  let body = "";
  request.on("data", (chunk) => (body += chunk));
  request.on("end", () => {
    const shape = request.url!.slice(1);
    if (!SHAPES[shape]) return void response.writeHead(404).end();
    const variables = (JSON.parse(body) as { variables?: Record<string, unknown> }).variables ?? {};
    run(shape, SHAPES[shape]!.params(variables)).then(
      (json) => response.writeHead(200, { "content-type": "application/json" }).end(json),
      (error: Error) => response.writeHead(500).end(error.message),
    );
  });
});
server.listen(0, "127.0.0.1", () => console.log(`port ${(server.address() as { port: number }).port}`));
process.once("SIGTERM", () => server.close(() => process.exit(0)));
