import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { projectRoot } from "../../src/lib/paths.ts";
import { postQuery, startServer } from "../support/cli.ts";

const folder = fs.mkdtempSync(path.join(os.tmpdir(), "papergraph-lifecycle-"));
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

const COUNTS = `{ issues { totalCount } }`;
// Each test starts npm or servers: seconds each on a busy 2-core machine.
const SERVERS_TIMEOUT = 120_000;
// A graceful stop closes the database and the listener: a second here, far more while the
// other test files load the machine.
const STOP_WITHIN = 30_000;
// Starting takes up to a minute while the other test files load the machine.
const STARTING_AND_STOP_WITHIN = 90_000;

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/**
 * Starts `command` (npm start, or the shell npx runs) and resolves with its pid and the server's
 * once the server logs a line containing `until` (by default once it listens).
 */
function launch(
  command: string,
  args: string[],
  database: string,
  extraEnv: Record<string, string> = {},
  until = "GraphiQL at",
): Promise<{ npm: number; server: number; url: string | undefined; output: () => string }> {
  const child = spawn(command, args, {
    cwd: projectRoot,
    env: { ...process.env, NODE_ENV: "test", DATABASE_URL: `file:${path.join(folder, database)}`, LOG_FORMAT: "json", ...extraEnv },
  });
  let output = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`${command} did not start in time:\n${output}`));
    }, 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk;
      const line = output.split("\n").find((entry) => entry.includes(until));
      if (!line) return;
      clearTimeout(timer);
      const { pid, msg } = JSON.parse(line) as { pid: number; msg: string };
      resolve({ npm: child.pid!, server: pid, url: /http:\/\/\S+/.exec(msg)?.[0], output: () => output });
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("exit", (code) => reject(new Error(`${command} exited with ${code}:\n${output}`)));
  });
}

const processState = (pid: number) => {
  try {
    return fs.readFileSync(`/proc/${pid}/status`, "utf8").split("\n").filter((line) => /^(Name|State|PPid)/.test(line)).join(", ");
  } catch {
    return `${pid} gone`;
  }
};

async function stoppedWithin(pid: number, ms: number): Promise<boolean> {
  for (const deadline = Date.now() + ms; Date.now() < deadline; ) {
    if (!alive(pid)) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return !alive(pid);
}

describe("papergraph serve", () => {
  it("loads no sample into a database named by DATABASE_URL, unless asked with --seed", async () => {
    const plain = await startServer({ env: { DATABASE_URL: `file:${path.join(folder, "named.db")}` } });
    try {
      expect((await postQuery(plain.url, COUNTS)).data.issues.totalCount).toBe(0);
    } finally {
      expect(await plain.stop()).toBe(0);
    }
    expect(plain.output()).not.toContain("loaded the sample editions");

    const seeded = await startServer({ env: { DATABASE_URL: `file:${path.join(folder, "seeded.db")}` }, args: ["--seed"] });
    try {
      expect((await postQuery(seeded.url, COUNTS)).data.issues.totalCount).toBe(1);
    } finally {
      expect(await seeded.stop()).toBe(0);
    }
    expect(seeded.output()).toContain("loaded the sample editions: 1 pages, 8 articles");
  }, SERVERS_TIMEOUT);

  it("stops when SIGTERM ends `npm start`", async () => {
    const started = await launch("npm", ["start", "--", "--port", "0"], "npm-start.db");
    expect(alive(started.server)).toBe(true);
    process.kill(started.npm, "SIGTERM");
    expect(await stoppedWithin(started.server, STOP_WITHIN)).toBe(true);
  }, SERVERS_TIMEOUT);

  it("stops when the shell npm runs it through (npx papergraph serve) is ended by npm's SIGTERM", async () => {
    // npm exec runs the bin as `sh -c "papergraph serve …"`, and sh does not pass SIGTERM on:
    // the server is left as npm would leave it, with its parent gone.
    const started = await launch("sh", ["-c", `"${process.execPath}" bin/papergraph.js serve --port 0`], "npx.db", { npm_lifecycle_event: "npx" });
    expect(alive(started.server)).toBe(true);
    process.kill(started.npm, "SIGTERM");
    expect(await stoppedWithin(started.server, STOP_WITHIN), `${processState(started.server)}\n${started.output()}`).toBe(true);
  }, SERVERS_TIMEOUT);

  // The server must know which process started it from the moment it loads: a parent read once
  // it listens is the process it was left to when npm ended first, and it then never stops. Under
  // load that can happen between the server's "GraphiQL at" line and its next statement (the test
  // above, in full runs); here npm ends, every time, while the server is still migrating.
  it("stops when the shell npm runs it through is ended while the server is still starting", async () => {
    const started = await launch("sh", ["-c", `"${process.execPath}" bin/papergraph.js serve --port 0`], "npx-starting.db", { npm_lifecycle_event: "npx" }, "applied migrations");
    process.kill(started.npm, "SIGTERM");
    // The server finishes starting, then stops.
    expect(await stoppedWithin(started.server, STARTING_AND_STOP_WITHIN), `${processState(started.server)}\n${started.output()}`).toBe(true);
  }, SERVERS_TIMEOUT + STARTING_AND_STOP_WITHIN);
});
