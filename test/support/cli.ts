import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { projectRoot } from "../../src/lib/paths.ts";

const BIN = path.join(projectRoot, "bin", "papergraph.js");

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

function environment(env: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const merged: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "test", ...env };
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete merged[key];
  return merged;
}

/** Runs `papergraph …` as a user would, in its own process. */
export function runCli(args: string[], options: { env?: Record<string, string | undefined>; cwd?: string } = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: options.cwd ?? projectRoot, env: environment(options.env ?? {}) });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

export interface RunningServer {
  url: string;
  process: ChildProcess;
  output(): string;
  /** Sends SIGTERM and resolves with the exit code once the process has stopped. */
  stop(): Promise<number | null>;
}

/** Starts `papergraph serve --port 0` and resolves once it prints where GraphiQL is. */
export function startServer(
  options: { env?: Record<string, string | undefined>; cwd?: string; args?: string[] } = {},
): Promise<RunningServer> {
  const child = spawn(process.execPath, [BIN, "serve", "--port", "0", ...(options.args ?? [])], {
    cwd: options.cwd ?? projectRoot,
    env: environment(options.env ?? {}),
  });
  let output = "";
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`server did not start in time:\n${output}`));
    }, 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk;
      const match = /GraphiQL at (http:\/\/localhost:\d+\/graphql)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({
          url: match[1]!,
          process: child,
          output: () => output,
          stop: () => {
            child.kill("SIGTERM");
            return exited;
          },
        });
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before starting:\n${output}`));
    });
  });
}

export async function postQuery(url: string, query: string, variables: Record<string, unknown> = {}, apiKey?: string): Promise<any> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return response.json();
}
