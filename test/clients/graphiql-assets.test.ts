import { describe, expect, it } from "vitest";
import { createServer } from "../../src/server/index.ts";
import { createTestDatabase } from "../support/database.ts";
import { query } from "../support/graphql.ts";
import { loadSample } from "../support/sample.ts";

const db = await createTestDatabase();
await loadSample(db.writer);
const yoga = createServer(db.reader);
const page = async () => (await yoga.fetch("http://papergraph/graphql", { headers: { accept: "text/html" } })).text();
const ASSET_NAMES = ["favicon.ico", "graphiql.css", "editor.worker.js", "json.worker.js", "graphql.worker.js", "graphiql.js"];

describe("GraphiQL's page and assets", () => {
  it("serves a page of a few kilobytes that names its assets under /graphiql/<hash>/, the same on every GET", async () => {
    const html = await page();
    expect(html.length).toBeLessThan(10_000);
    const paths = [...html.matchAll(/"(\/graphiql\/[0-9a-f]{16}\/[\w.]+)"/g)].map((match) => match[1]!);
    expect(paths.map((path) => path.split("/").at(-1))).toEqual(ASSET_NAMES);
    expect(await page()).toBe(html);
  });

  it("serves each asset once for good: immutable for a year with an ETag, 304 to a browser that holds it, HEAD without a body", async () => {
    const paths = [...(await page()).matchAll(/"(\/graphiql\/[0-9a-f]{16}\/[\w.]+)"/g)].map((match) => match[1]!);
    let total = 0;
    for (const path of paths) {
      const response = await yoga.fetch(`http://papergraph${path}`);
      const body = new Uint8Array(await response.arrayBuffer());
      total += body.length;
      const etag = `"${path.split("/")[2]}"`;
      expect({ path, status: response.status, cache: response.headers.get("cache-control"), etag: response.headers.get("etag") }).toEqual({
        path,
        status: 200,
        cache: "public, max-age=31536000, immutable",
        etag,
      });
      expect(response.headers.get("content-type")).toMatch(path.endsWith(".js") ? /^text\/javascript/ : path.endsWith(".css") ? /^text\/css/ : /^image\/x-icon$/);
      const again = await yoga.fetch(`http://papergraph${path}`, { headers: { "if-none-match": etag } });
      expect({ path, status: again.status, body: await again.text() }).toEqual({ path, status: 304, body: "" });
      const head = await yoga.fetch(`http://papergraph${path}`, { method: "HEAD" });
      expect({ path, status: head.status, length: head.headers.get("content-length"), body: await head.text() }).toEqual({ path, status: 200, length: String(body.length), body: "" });
    }
    // What the page used to inline on every GET.
    expect(total).toBeGreaterThan(8_000_000);
  });

  it("answers 404 for any other path under /graphiql/, and GraphQL meanwhile", async () => {
    for (const path of ["/graphiql/", "/graphiql/0000000000000000/graphiql.js", "/graphiql/graphiql.js"]) {
      const response = await yoga.fetch(`http://papergraph${path}`);
      expect({ path, status: response.status }).toEqual({ path, status: 404 });
    }
    expect(await query(yoga, "{ publications { totalCount } }")).toEqual({ publications: { totalCount: 1 } });
  });
});
