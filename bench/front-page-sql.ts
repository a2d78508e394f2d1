/**
 * The front page by hand, for bench/load.ts: an HTTP server in a process of its own (like
 * the API's) that answers every request with one SQL statement building the same JSON as the
 * GraphQL front-page query. Prints its port; stops on SIGTERM.
 */
import http from "node:http";
import BetterSqlite3 from "better-sqlite3";

const [file, date] = process.argv.slice(2) as [string, string];
const db = new BetterSqlite3(file, { readonly: true });
const statement = db.prepare(`
  SELECT json_object('data', json_object('page', json_object('articles', (
    SELECT json_group_array(json_object('kicker', a."kicker", 'headline', a."headline", 'subheadline', a."subheadline", 'dateline', a."dateline"))
    FROM (SELECT a.* FROM "Article" a WHERE a."pageId" = p."id" ORDER BY a."position") a
  )))) AS json
  FROM "Page" p JOIN "Issue" i ON i."id" = p."issueId" JOIN "Publication" u ON u."id" = i."publicationId"
  WHERE u."slug" = 'taiyuan-daily' AND i."date" = ? AND p."number" = 1`);
const server = http.createServer((request, response) => {
  request.resume();
  request.on("end", () => {
    const row = statement.get(date) as { json: string };
    response.writeHead(200, { "content-type": "application/json" }).end(row.json);
  });
});
server.listen(0, "127.0.0.1", () => console.log(`port ${(server.address() as { port: number }).port}`));
process.once("SIGTERM", () => server.close(() => process.exit(0)));
