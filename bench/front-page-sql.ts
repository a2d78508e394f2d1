/**
 * The front page by hand, for bench/load.ts: an HTTP server in a process of its own (like
 * the API's) that answers every request with one SQL statement building the same JSON as the
 * GraphQL front-page query. Prints its port; stops on SIGTERM.
 *
 * With `--in-server`, the same statement answers from inside papergraph's own server (yoga
 * with the plugins `serve` runs, rate limit off), before any GraphQL work: what the HTTP and
 * plugin layers cost, without the query language and the ORM.
 */
import http from "node:http";
import BetterSqlite3 from "better-sqlite3";
import type { Plugin } from "graphql-yoga";
import { openDatabase } from "../src/db/database.ts";
import { createServer } from "../src/server/index.ts";

const [file, date, mode] = process.argv.slice(2) as [string, string, string | undefined];
const db = new BetterSqlite3(file, { readonly: true });
const statement = db.prepare(`
  SELECT json_object('data', json_object('page', json_object('articles', (
    SELECT json_group_array(json_object('kicker', a."kicker", 'headline', a."headline", 'subheadline', a."subheadline", 'dateline', a."dateline"))
    FROM (SELECT a.* FROM "Article" a WHERE a."pageId" = p."id" ORDER BY a."position") a
  )))) AS json
  FROM "Page" p JOIN "Issue" i ON i."id" = p."issueId" JOIN "Publication" u ON u."id" = i."publicationId"
  WHERE u."slug" = 'taiyuan-daily' AND i."date" = ? AND p."number" = 1`);
const frontPage = () => (statement.get(date) as { json: string }).json;
const answerBySql: Plugin = {
  onRequest({ endResponse }) {
    endResponse(new Response(frontPage(), { status: 200, headers: { "content-type": "application/json" } }));
  },
};
const server =
  mode === "--in-server"
    ? http.createServer(
        createServer((await openDatabase({ url: `file:${file}`, isDefault: false }, { migrate: false })).reader, {
          metrics: true,
          limits: { rateLimit: null },
          plugins: [answerBySql],
        }),
      )
    : http.createServer((request, response) => {
        request.resume();
        request.on("end", () => response.writeHead(200, { "content-type": "application/json" }).end(frontPage()));
      });
server.listen(0, "127.0.0.1", () => console.log(`port ${(server.address() as { port: number }).port}`));
process.once("SIGTERM", () => server.close(() => process.exit(0)));
