import http from "node:http";
import { describe, expect, it } from "vitest";
import { createServer } from "../../src/server/index.ts";
import { createTestDatabase } from "../support/database.ts";
import { listen } from "../support/listen.ts";

// The body limit over node:http, where a stated Content-Length bounds the body and only bodies of
// unstated length are counted as they arrive, and in process, where every body is counted.
const db = await createTestDatabase();
const LIMIT = 200;
const yoga = createServer(db.reader, { limits: { maxBodyBytes: LIMIT } });
const url = await listen(yoga);

const typename = JSON.stringify({ query: "{ __typename }" });
/** A body of exactly `bytes` bytes asking `{ __typename }`, padded with a comment. */
const padded = (bytes: number) => JSON.stringify({ query: `{ __typename } #${"x".repeat(bytes - typename.length - 2)}` });

/** Posts `chunks` over HTTP: with Content-Length when `stated`, else chunked, one write per chunk. */
function send(chunks: string[], stated: boolean): Promise<{ status: number; body: any }> {
  return new Promise((resolve, reject) => {
    const length = Buffer.byteLength(chunks.join(""));
    const request = http.request(`${url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(stated ? { "content-length": String(length) } : {}) },
    });
    request.on("response", (response) => {
      let text = "";
      response.on("data", (chunk) => (text += chunk));
      response.on("end", () => resolve({ status: response.statusCode!, body: JSON.parse(text) }));
    });
    request.on("error", reject);
    for (const chunk of chunks) request.write(chunk);
    request.end();
  });
}

const split = (text: string) => [text.slice(0, 50), text.slice(50, 120), text.slice(120)];
const answered = { data: { __typename: "Query" }, extensions: { cost: { requestedQueryCost: 0, maxQueryCost: 50_000 } } };
const tooLarge = { errors: [{ message: "Request body too large", extensions: { code: "REQUEST_ENTITY_TOO_LARGE" } }] };

describe("the request body limit", () => {
  it("answers a body of stated length up to the limit, and refuses one over it with 413", async () => {
    expect(padded(LIMIT).length).toBe(LIMIT);
    expect(await send([padded(LIMIT)], true)).toEqual({ status: 200, body: answered });
    expect(await send([padded(LIMIT + 1)], true)).toEqual({ status: 413, body: tooLarge });
  });

  it("counts a chunked body as it arrives: answered up to the limit, 413 over it", async () => {
    expect(await send(split(padded(LIMIT)), false)).toEqual({ status: 200, body: answered });
    expect(await send(split(padded(LIMIT + 1)), false)).toEqual({ status: 413, body: tooLarge });
  });

  it("counts the body of a request made in process whatever Content-Length it states", async () => {
    const response = await yoga.fetch("http://papergraph/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", "content-length": "20" },
      body: padded(LIMIT + 1),
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual(tooLarge);
  });

  it("refuses a Content-Length that is not one whole number: 400 BAD_REQUEST", async () => {
    const response = await yoga.fetch("http://papergraph/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", "content-length": "36, 36" },
      body: typename,
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ errors: [{ message: "Content-Length header is invalid.", extensions: { code: "BAD_REQUEST" } }] });
  });
});
