/**
 * npm run bench:attack [-- --sqlite FILE] [-- --articles 100000] [-- --seconds 8]
 * Replays each class of attack of the limits (src/server/limits.ts, query-cost.ts, search,
 * /subgraph, the rate limit, refused input) against `papergraph serve`'s request listener on
 * 127.0.0.1, on a generated corpus (bench/corpus.ts; `--sqlite FILE` keeps it and reuses it),
 * while a trivial query is asked every 20 ms; prints, for each class, what the attacks were
 * answered and the worst latency of the trivial query meanwhile. Goal: under 250 ms each.
 * Bounded: each class runs 3 attackers for at most `--seconds` and 40 requests each.
 */
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { parseArgs } from "node:util";
import { createRequestListener } from "../src/server/index.ts";
import { DEFAULT_LIMITS } from "../src/server/limits.ts";
import { openSqliteCorpus } from "./corpus.ts";

const { values } = parseArgs({
  options: {
    articles: { type: "string", default: "100000" },
    seconds: { type: "string", default: "8" },
    sqlite: { type: "string" },
  },
});
const folder = fs.mkdtempSync(path.join(os.tmpdir(), "papergraph-bench-attack-"));
const file = values.sqlite ? path.resolve(values.sqlite) : path.join(folder, "bench.db");
const { database } = await openSqliteCorpus(file, Number(values.articles));
const articles = await database.reader.article.count();
console.log(`corpus: ${articles} articles (${file})`);

async function serve(options: Parameters<typeof createRequestListener>[1]): Promise<{ origin: string; close: () => Promise<void> }> {
  const server = http.createServer(createRequestListener(database.reader, options).listener);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { origin, close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }) };
}

// Rate limit off on the server under attack, so that every attack reaches the limits behind it;
// class 2 has a server of its own with the default rate limit.
const open = await serve({ limits: { ...DEFAULT_LIMITS, rateLimit: null } });
const closed = await serve({ limits: { ...DEFAULT_LIMITS, rateLimit: null }, readsRequireKey: true });
const limited = await serve({ limits: DEFAULT_LIMITS });

const json = { "content-type": "application/json" };
const post = (origin: string, query: string, variables: Record<string, unknown> = {}, pathname = "/graphql") =>
  fetch(`${origin}${pathname}`, { method: "POST", headers: json, body: JSON.stringify({ query, variables }) });

const someIds = (await (await post(open.origin, `{ articles(first: 100) { edges { node { id } } } }`)).json()).data.articles.edges.map((edge: any) => edge.node.id) as string[];
const ids = (count: number) => Array.from({ length: count }, (_, index) => someIds[index % someIds.length]);
const cursor = (await (await post(open.origin, `{ issues(first: 1) { edges { cursor } } }`)).json()).data.issues.edges[0].cursor as string;

type Attack = () => Promise<Response>;
const classes: [string, Attack[]][] = [
  ["1 private archive: /subgraph _entities without a key", [
    () => post(closed.origin, `query($r: [_Any!]!) { _entities(representations: $r) { ... on Article { body page { text } } } }`, { r: ids(100).map((id) => ({ __typename: "Article", id })) }, "/subgraph"),
  ]],
  ["2 rate limit: /graphql/, //graphql, /subgraph", [
    () => post(limited.origin, "{ __typename }", {}, "/graphql/"),
    () => post(limited.origin, "{ __typename }", {}, "//graphql"),
    () => post(limited.origin, "{ __typename }", {}, "/subgraph"),
  ]],
  ["6 defaults: nested connections without first / from a variable's default", [
    () => post(open.origin, `{ issues { edges { node { pages { articles { mentions { person { articles { edges { node { headline } } } } } } } } } } }`),
    () => post(open.origin, `query($n: Int = 100) { issues(first: $n) { edges { node { pages { articles { body } } } } } }`),
    () => post(open.origin, `query($n: Int = 9) { issues(first: $n) { edges { node { pages { articles { body } } } } } }`),
  ]],
  ["4 introspection: 30 aliased __schema", [
    () => post(open.origin, `{ ${Array.from({ length: 30 }, (_, index) => `s${index}: __schema { types { name fields { name type { name ofType { name } } } } }`).join(" ")} }`),
  ]],
  ["5 lists: nodes(ids:) 20,000 / 5,000, _entities 2,000", [
    () => post(open.origin, `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: ids(20_000) }),
    () => post(open.origin, `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: ids(5000) }),
    () => post(open.origin, `query($r: [_Any!]!) { _entities(representations: $r) { __typename } }`, { r: ids(2000).map((id) => ({ __typename: "Article", id })) }, "/subgraph"),
  ]],
  ["3 search: one-character terms beside a common name; 4 alone; 15 (refused)", [
    () => post(open.origin, `{ search(query: "会 议 市 委 韦韬", first: 20) { totalCount complete edges { node { article { headline } } } } }`),
    () => post(open.origin, `{ search(query: "会 议 市 委", first: 20) { totalCount complete } }`),
    () => post(open.origin, `{ search(query: "会 议 市 委 县 区 省 的 是 在 了 和 有 人 大 韦韬") { totalCount } }`),
  ]],
  ["7 people(first: 100, orderBy: MENTIONS) { articles(first: 1) { totalCount } }; the 24 that fit", [
    () => post(open.origin, `{ people(first: 100, orderBy: MENTIONS) { edges { node { articles(first: 1) { totalCount } } } } }`),
    () => post(open.origin, `{ people(first: 24, orderBy: MENTIONS) { edges { node { articles(first: 1) { totalCount } } } } }`),
  ]],
  ["11 refused input: NUL in arguments", [
    () => post(open.origin, `query($q: String!) { search(query: $q) { totalCount } }`, { q: "韦韬\u0000" }),
  ]],
  ["12 smaller: tampered cursor, long nameContains, % in nameContains, the GraphiQL page", [
    () => post(open.origin, `query($c: String) { issues(after: $c) { totalCount } }`, { c: `${cursor}x` }),
    () => post(open.origin, `query($n: String) { people(nameContains: $n, first: 5) { totalCount } }`, { n: "韦".repeat(5000) }),
    () => post(open.origin, `query($n: String) { people(nameContains: $n, first: 5) { totalCount } }`, { n: "%_%" }),
    () => fetch(`${open.origin}/graphql`, { headers: { accept: "text/html" } }),
  ]],
];

const seconds = Number(values.seconds);
console.log(`\nclass | attack answers (status: code × count) | attack p50 / max ms | trivial query worst ms (n)`);
const figures: { name: string; worst: number }[] = [];
for (const [name, attacks] of classes) {
  let done = false;
  const probe: number[] = [];
  let probeErrors = 0;
  const probing = (async () => {
    while (!done) {
      const started = performance.now();
      try {
        await (await post(open.origin, "{ publications(first: 1) { totalCount } }")).text();
      } catch {
        // A connection the blocked server let time out: it waited as long as it took to fail.
        probeErrors += 1;
      }
      probe.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  const answers = new Map<string, number>();
  const latencies: number[] = [];
  const deadline = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: 3 }, async (_, attacker) => {
      for (let index = 0; index < 40 && performance.now() < deadline; index++) {
        const started = performance.now();
        let answer: string;
        try {
          const response = await attacks[(attacker + index) % attacks.length]!();
          answer = `${response.status}:${/"code":"([A-Z_]+)"/.exec(await response.text())?.[1] ?? "data"}`;
        } catch (error) {
          // A server may close the connection on an oversized body before reading it all.
          answer = `closed:${(error as { cause?: { code?: string } }).cause?.code ?? "error"}`;
        }
        latencies.push(performance.now() - started);
        answers.set(answer, (answers.get(answer) ?? 0) + 1);
      }
    }),
  );
  done = true;
  await probing;
  latencies.sort((a, b) => a - b);
  const worst = Math.max(...probe);
  figures.push({ name, worst });
  const summary = [...answers].map(([key, count]) => `${key} × ${count}`).join(", ");
  console.log(`${name} | ${summary} | ${latencies[Math.floor(latencies.length / 2)]!.toFixed(0)} / ${latencies.at(-1)!.toFixed(0)} | ${worst.toFixed(0)} (${probe.length}${probeErrors ? `, ${probeErrors} failed` : ""})`);
}
const over = figures.filter((figure) => figure.worst >= 250);
console.log(over.length ? `\nover 250 ms: ${over.map((figure) => figure.name.split(":")[0]).join(", ")}` : "\nevery figure under 250 ms");
await Promise.all([open.close(), closed.close(), limited.close()]);
await database.close();
if (!values.sqlite) fs.rmSync(folder, { recursive: true, force: true });
