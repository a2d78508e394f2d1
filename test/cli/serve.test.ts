import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { postQuery, runCli, startServer } from "../support/cli.ts";
import { SAMPLE_HEADLINES } from "../support/sample.ts";

// Each test starts two or more server processes: seconds each on a busy 2-core machine.
const SERVERS_TIMEOUT = 120_000;

const folder = fs.mkdtempSync(path.join(os.tmpdir(), "papergraph-serve-"));
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

const FRONT_PAGE = `{ issue(publication: "taiyuan-daily", date: "2022-06-03") { pages { articles { headline } } } }`;
const COUNTS = `{ issues { totalCount } articles { totalCount } }`;

describe("papergraph serve", () => {
  it("creates ./data/papergraph.db on first start, loads the sample and serves the front page", async () => {
    const server = await startServer({ cwd: folder, env: { DATABASE_URL: undefined } });
    try {
      expect(server.url).toMatch(/^http:\/\/localhost:\d+\/graphql$/);
      const result = await postQuery(server.url, FRONT_PAGE);
      expect(result.data.issue.pages[0].articles.map((article: { headline: string }) => article.headline)).toEqual(SAMPLE_HEADLINES);
      expect(fs.existsSync(path.join(folder, "data", "papergraph.db"))).toBe(true);
      const health = await fetch(server.url.replace("/graphql", "/healthz"));
      expect(health.status).toBe(200);
    } finally {
      expect(await server.stop()).toBe(0);
    }
    expect(server.output()).toContain("loaded the sample editions: 1 pages, 8 articles");
  });

  it("does not load the sample again on a second start", async () => {
    const server = await startServer({ cwd: folder, env: { DATABASE_URL: undefined } });
    try {
      expect((await postQuery(server.url, COUNTS)).data).toEqual({ issues: { totalCount: 1 }, articles: { totalCount: 8 } });
    } finally {
      await server.stop();
    }
    expect(server.output()).not.toContain("loaded the sample editions");
  });

  it("serves GraphiQL with the front-page query ready to run", async () => {
    const server = await startServer({ env: { DATABASE_URL: `file:${path.join(folder, "graphiql.db")}` } });
    try {
      const page = await (await fetch(server.url, { headers: { accept: "text/html" } })).text();
      expect(page).toContain("graphiql");
      expect(page).toContain('page(publication: \\"taiyuan-daily\\", date: \\"2022-06-03\\", number: 1)');
    } finally {
      await server.stop();
    }
  });

  it("finishes a request in flight when stopped with SIGTERM, then exits 0", async () => {
    const server = await startServer({ env: { DATABASE_URL: `file:${path.join(folder, "graceful.db")}` }, args: ["--seed"] });
    const { port } = new URL(server.url);
    const body = JSON.stringify({ query: FRONT_PAGE });
    const socket = net.connect(Number(port), "127.0.0.1");
    await new Promise((resolve) => socket.once("connect", resolve));
    let response = "";
    socket.on("data", (chunk) => (response += chunk));
    const closed = new Promise((resolve) => socket.once("close", resolve));
    // Half a request: the server has started receiving it when the signal comes.
    // The connection stays open both ways until the server answers and closes it (Connection: close),
    // as a client's does: one that half-closes it once its request is sent has its request aborted
    // by Node's HTTP server (httpAllowHalfOpen), stopping or not, when the answer takes a round trip.
    socket.write(`POST /graphql HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n`);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const stopped = server.stop();
    await new Promise((resolve) => setTimeout(resolve, 200));
    socket.write(body);
    await closed;
    expect(response).toMatch(/^HTTP\/1\.1 200 OK/);
    expect(response).toContain(SAMPLE_HEADLINES[7]);
    expect(await stopped).toBe(0);
  });

  it("refuses a data folder that does not exist, in one line without a stack trace", async () => {
    const result = await runCli(["serve", "--port", "0"], { env: { DATABASE_URL: "file:/nonexistent/papergraph.db" } });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("papergraph: DATABASE_URL=file:/nonexistent/papergraph.db: the data folder /nonexistent does not exist\n");
  });

  it("refuses a data folder it cannot write to, in one line without a stack trace", async () => {
    const result = await runCli(["serve", "--port", "0"], { env: { DATABASE_URL: "file:/proc/papergraph.db" } });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^papergraph: DATABASE_URL=file:\/proc\/papergraph.db: the data folder \/proc is not writable \(.+\)\n$/);
  });

  it("refuses a default data folder blocked by a file", async () => {
    const blocked = fs.mkdtempSync(path.join(os.tmpdir(), "papergraph-blocked-"));
    fs.writeFileSync(path.join(blocked, "data"), "not a folder");
    const result = await runCli(["serve", "--port", "0"], { cwd: blocked, env: { DATABASE_URL: undefined } });
    fs.rmSync(blocked, { recursive: true, force: true });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`papergraph: cannot create the data folder ${path.join(blocked, "data")}: a file stands where a folder is needed\n`);
  });

  it("refuses a file that is not a database", async () => {
    const file = path.join(folder, "notes.db");
    fs.writeFileSync(file, "these are notes, not a database ".repeat(200));
    const result = await runCli(["migrate"], { env: { DATABASE_URL: `file:${file}` } });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`papergraph: ${file}: file is not a database\n`);
  });

  it("logs JSON lines of level info and above by default, and every request's debug lines with LOG_LEVEL=debug", async () => {
    const levelsLogged = async (env: Record<string, string>) => {
      const server = await startServer({ env: { DATABASE_URL: `file:${path.join(folder, "logs.db")}`, LOG_FORMAT: "json", ...env }, args: ["--seed"] });
      try {
        for (let index = 0; index < 3; index++) expect((await postQuery(server.url, COUNTS)).data.issues.totalCount).toBe(1);
      } finally {
        expect(await server.stop()).toBe(0);
      }
      const lines = server.output().trim().split("\n").map((line) => JSON.parse(line) as { level: string });
      return new Set(lines.map((line) => line.level));
    };
    expect(await levelsLogged({})).toEqual(new Set(["info"]));
    expect(await levelsLogged({ LOG_LEVEL: "debug" })).toEqual(new Set(["info", "debug"]));
    const refused = await runCli(["serve"], { env: { LOG_LEVEL: "verbose" } });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe('papergraph: LOG_LEVEL is "verbose": use one of debug, info, warn, error\n');
  }, SERVERS_TIMEOUT);
});
