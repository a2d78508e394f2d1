import { Worker } from "node:worker_threads";

/**
 * Starts the thread whose entry is the module `name` beside the caller's module (`callerUrl`, its
 * import.meta.url): the compiled `name.js` in dist/, or, when the sources run through tsx (tests,
 * benches, a stale build), `name.ts`. Given as --import, tsx's loader is not yet in place when
 * Node 20 loads a thread's entry file (ERR_UNKNOWN_FILE_EXTENSION): the thread registers it first,
 * then imports its sources.
 */
export function startThread(callerUrl: string, name: string, options: { workerData?: unknown } = {}): Worker {
  if (!callerUrl.endsWith(".ts")) return new Worker(new URL(`./${name}.js`, callerUrl), options);
  const entry = new URL(`./${name}.ts`, callerUrl).href;
  const tsx = import.meta.resolve("tsx/esm/api");
  return new Worker(`import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); })`, { ...options, eval: true });
}
