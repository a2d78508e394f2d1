import http from "node:http";
import net from "node:net";
import { describe, expect, it } from "vitest";
import { readDataVersion } from "../../src/db/data-version.ts";
import { createRequestListener, type ServerOptions } from "../../src/server/index.ts";
import { MAX_BODY_READ } from "../../src/server/cached-answers.ts";
import { createArchiveResponseCache } from "../../src/server/response-cache.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { listen } from "../support/listen.ts";
import { loadSample, loadSampleOnDates } from "../support/sample.ts";

const VERSION_READ = `SELECT "version" FROM "DataVersion" WHERE "id" = 1`;
const FRONT_PAGE = `{ page(publication: "taiyuan-daily", date: "2022-06-03", number: 1) { articles { kicker headline } } }`;

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One request over real HTTP, with exactly the headers given (and Host, Content-Length). */
function request(url: string, options: { method?: string; path?: string; headers?: Record<string, string>; body?: string }): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const target = new URL(options.path ?? "/graphql", url);
    const outgoing = http.request(target, { method: options.method ?? "POST", headers: options.headers ?? {} }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => {
        const { date: _, ...headers } = response.headers;
        resolve({ status: response.statusCode!, headers, body: Buffer.concat(chunks).toString("utf8") });
      });
    });
    outgoing.on("error", reject);
    outgoing.end(options.body);
  });
}

const post = (url: string, body: string, headers: Record<string, string> = {}) =>
  request(url, { body, headers: { "content-type": "application/json", ...headers } });

/**
 * The listener `serve` runs, and the same yoga (same cache) served without the listener, each on a
 * port of its own: what the listener answers from the cache must be what yoga answers.
 */
async function serveBoth(db: TestDatabase, options: ServerOptions = {}) {
  const responseCache = createArchiveResponseCache({ ttl: 60_000, dataVersion: () => readDataVersion(db.plain) });
  const { yoga, listener } = createRequestListener(db.reader, { metrics: true, responseCache, ...options });
  const cachedAnswers = async () => {
    const metrics = await (await yoga.fetch("http://papergraph/metrics")).text();
    return Number(/^papergraph_cached_answers_total (\d+)$/m.exec(metrics)![1]);
  };
  return { yoga, listener: await listen(listener), plain: await listen(yoga), cachedAnswers };
}

describe("cached answers, given before yoga", () => {
  it.each([
    ["no Accept header", {}],
    ["Accept: */*", { accept: "*/*" }],
    ["Accept: application/json", { accept: "application/json" }],
    ["Accept: application/graphql-response+json", { accept: "application/graphql-response+json" }],
  ])("answers a cached query as yoga does, to the byte and header, with one statement (%s)", async (_, headers: Record<string, string>) => {
    const db = await createTestDatabase();
    await loadSample(db.writer);
    const server = await serveBoth(db);
    const body = JSON.stringify({ query: FRONT_PAGE });

    const miss = await post(server.listener, body, headers);
    expect(JSON.parse(miss.body).extensions.responseCache).toEqual({ hit: false, didCache: true, ttl: 60_000 });
    db.resetStatements();
    const fromListener = await post(server.listener, body, headers);
    expect(db.statements).toEqual([VERSION_READ]);
    expect(await server.cachedAnswers()).toBe(1);
    const fromYoga = await post(server.plain, body, headers);
    expect(await server.cachedAnswers()).toBe(1);

    expect(fromListener).toEqual(fromYoga);
    expect(fromListener.status).toBe(200);
    expect(fromListener.headers["content-type"]).toBe(`${headers.accept === "application/graphql-response+json" ? "application/graphql-response+json" : "application/json"}; charset=utf-8`);
    expect(fromListener.headers.etag).toMatch(/^\d+:[0-9a-f]{64}$/);
    const answer = JSON.parse(fromListener.body);
    expect(answer.extensions.responseCache).toEqual({ hit: true });
    expect(answer.data).toEqual(JSON.parse(miss.body).data);
    expect(answer.data.page.articles).toHaveLength(8);
    expect(answer.data.page.articles[0]).toEqual({ kicker: "共抓发展机遇 共创美好未来", headline: "太原忻州两市人大常委会太忻经济一体化发展协作工作座谈会举行" });
  });

  it.each([
    ["any origin", "*" as const],
    ["a list of origins", ["https://portal.example", "https://archive.example"]],
  ])("answers a browser's cached query (Origin) with the CORS headers yoga gives, when CORS allows %s", async (_, corsOrigins) => {
    const db = await createTestDatabase();
    await loadSample(db.writer);
    const server = await serveBoth(db, { limits: { corsOrigins } });
    const body = JSON.stringify({ query: FRONT_PAGE });
    await post(server.listener, body);
    let served = 0;
    for (const origin of ["https://portal.example", "https://elsewhere.example"]) {
      const fromListener = await post(server.listener, body, { origin });
      expect(await server.cachedAnswers()).toBe(++served);
      expect(fromListener).toEqual(await post(server.plain, body, { origin }));
      expect(fromListener.headers["access-control-allow-origin"]).toBe(corsOrigins === "*" || origin === "https://portal.example" ? origin : "null");
    }
  });

  it("answers from the database once anything is written, then from the cache again", async () => {
    const db = await createTestDatabase();
    await loadSample(db.writer);
    const server = await serveBoth(db);
    const ISSUES = JSON.stringify({ query: "{ issues { totalCount } }" });
    await post(server.listener, ISSUES);
    expect(JSON.parse((await post(server.listener, ISSUES)).body)).toMatchObject({ data: { issues: { totalCount: 1 } }, extensions: { responseCache: { hit: true } } });

    await loadSampleOnDates(db.writer, ["2022-06-04"]);
    expect(JSON.parse((await post(server.listener, ISSUES)).body)).toMatchObject({ data: { issues: { totalCount: 2 } }, extensions: { responseCache: { hit: false } } });
    expect(JSON.parse((await post(server.listener, ISSUES)).body)).toMatchObject({ data: { issues: { totalCount: 2 } }, extensions: { responseCache: { hit: true } } });
    expect(await server.cachedAnswers()).toBe(2);
  });

  it("counts each request against the rate limit once, whether the cache answers it or yoga does", async () => {
    const db = await createTestDatabase();
    await loadSample(db.writer);
    const server = await serveBoth(db, { limits: { rateLimit: { requests: 3, windowSeconds: 60, trustProxy: false } } });
    const body = JSON.stringify({ query: FRONT_PAGE });
    // A miss, read here and handed to yoga, then two answers from the cache: three requests.
    expect((await post(server.listener, body)).status).toBe(200);
    expect((await post(server.listener, body)).status).toBe(200);
    expect((await post(server.listener, body)).status).toBe(200);
    expect(await server.cachedAnswers()).toBe(2);
    const refused = await post(server.listener, body);
    expect(refused.status).toBe(429);
    expect(refused.headers["retry-after"]).toMatch(/^\d+$/);
    expect(JSON.parse(refused.body).errors[0].extensions).toEqual({ code: "RATE_LIMITED" });
    expect(await server.cachedAnswers()).toBe(2);
  });

  it("leaves to yoga the requests it does not take, which yoga answers as it would have", async () => {
    const db = await createTestDatabase();
    await loadSample(db.writer);
    const server = await serveBoth(db);
    const body = JSON.stringify({ query: FRONT_PAGE });
    await post(server.listener, body);
    const etag = (await post(server.listener, body)).headers.etag as string;
    expect(await server.cachedAnswers()).toBe(1);

    const requests: { name: string; method?: string; path?: string; headers?: Record<string, string>; body?: string }[] = [
      { name: "an API key", headers: { authorization: "Bearer pg_nonsense" } },
      { name: "If-None-Match (304)", headers: { "if-none-match": etag } },
      { name: "a query string", path: "/graphql?x=1" },
      { name: "text/plain (CSRF)", headers: { "content-type": "text/plain" } },
      { name: "an Accept yoga answers otherwise", headers: { accept: "text/event-stream" } },
      { name: "a body over MAX_BODY_READ", body: JSON.stringify({ query: `${FRONT_PAGE}${" ".repeat(MAX_BODY_READ)}` }) },
      { name: "a GET", method: "GET", path: `/graphql?query=${encodeURIComponent(FRONT_PAGE)}`, headers: { "x-graphql-yoga-csrf": "1" } },
    ];
    const bodies = [
      "{ not json",
      "   ",
      "5",
      "null",
      "{}",
      "[]",
      JSON.stringify([{ query: FRONT_PAGE }]),
      JSON.stringify({ query: 5 }),
      JSON.stringify({ query: FRONT_PAGE, variables: [] }),
      JSON.stringify({ query: FRONT_PAGE, operationName: 7 }),
      JSON.stringify({ query: FRONT_PAGE, extensions: { persistedQuery: { version: 1, sha256Hash: "0".repeat(64) } } }),
      JSON.stringify({ query: "{ nothing }" }),
      JSON.stringify({ query: "mutation { renamePerson(id: \"x\", name: \"y\") { __typename } }" }),
    ];
    for (const text of bodies) requests.push({ name: `the body ${text}`, body: text });

    // Each is sent to both twice, and the second answers compared: the first to either may be
    // the one that yoga caches (requests with an API key have a cache of their own).
    for (const { name, ...options } of requests) {
      const send = (url: string) => request(url, { ...options, headers: { "content-type": "application/json", ...options.headers }, body: options.method === "GET" ? undefined : options.body ?? body });
      await send(server.listener);
      await send(server.plain);
      expect({ name, ...(await send(server.listener)) }).toEqual({ name, ...(await send(server.plain)) });
    }
    expect(await server.cachedAnswers()).toBe(1);
  });

  it("leaves to yoga a body over MAX_BODY_BYTES, even when its operation is cached", async () => {
    const db = await createTestDatabase();
    await loadSample(db.writer);
    const body = JSON.stringify({ query: FRONT_PAGE });
    const server = await serveBoth(db, { limits: { maxBodyBytes: body.length + 10 } });
    await post(server.listener, body);
    expect((await post(server.listener, body)).status).toBe(200);
    // The same operation, so the same cache key; JSON's whitespace makes the body too large.
    const padded = await post(server.listener, `${body}${" ".repeat(20)}`);
    expect(padded.status).toBe(413);
    expect(JSON.parse(padded.body).errors[0].extensions.code).toBe("REQUEST_ENTITY_TOO_LARGE");
    expect(await server.cachedAnswers()).toBe(1);
  });

  it("goes on serving after a client leaves in the middle of its body", async () => {
    const db = await createTestDatabase();
    await loadSample(db.writer);
    const server = await serveBoth(db);
    const { port } = new URL(server.listener);
    await new Promise<void>((resolve, reject) => {
      const socket = net.connect(Number(port), "127.0.0.1", () => {
        socket.write("POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"query\":");
        setTimeout(() => socket.destroy(), 50);
      });
      socket.on("close", () => resolve());
      socket.on("error", reject);
    });
    const answer = await post(server.listener, JSON.stringify({ query: FRONT_PAGE }));
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body).data.page.articles).toHaveLength(8);
  });

  it("does not answer documents sent as text where only persisted documents are allowed", async () => {
    const db = await createTestDatabase();
    await loadSample(db.writer);
    const documents = { ["a".repeat(64)]: FRONT_PAGE };
    const server = await serveBoth(db, { persistedOperations: { documents, only: true } });
    const byHash = JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: "a".repeat(64) } } });
    await post(server.listener, byHash);
    expect(JSON.parse((await post(server.listener, byHash)).body).extensions.responseCache).toEqual({ hit: true });

    const asText = await post(server.listener, JSON.stringify({ query: FRONT_PAGE }));
    expect(JSON.parse(asText.body).errors[0].message).toBe("PersistedQueryOnly");
    expect(await server.cachedAnswers()).toBe(0);
  });
});
