import { Worker } from "node:worker_threads";
import type { ParsedPage } from "../ingest/types.ts";
import { PARSER_READY, type ParseMessage, type ParseReply } from "./parse-messages.ts";
import { parseSource, type ParseRequest } from "./parse-source.ts";

/** Parses pages for ingest, in this thread or in a thread of its own. */
export interface PageParser {
  /** Whether parse() runs in the caller's thread (then parsing ahead gains nothing). */
  readonly inThread: boolean;
  parse(request: ParseRequest): Promise<ParsedPage>;
  close(): Promise<void>;
}

/** Parses in the caller's thread: for a single page, where a thread's start would cost more than it saves. */
export function inThreadParser(): PageParser {
  return { inThread: true, parse: async (request) => parseSource(request), close: async () => undefined };
}

/** A parser in a thread of its own. */
export interface WorkerParser extends PageParser {
  /** Resolves once the thread parses the pages sent to it (true), or has failed to start (false). */
  readonly ready: Promise<boolean>;
}

/**
 * Parses in a worker thread, so that on two cores a page is parsed while the one before it is
 * written (the SQLite driver writes synchronously, and a PostgreSQL write waits on its round
 * trips). Until the thread is ready (it loads the parser and reads jieba's dictionary: 0.3 s
 * compiled, 0.6 to 0.85 s under tsx), pages are parsed in the caller's thread instead of
 * waiting for it. Should the thread fail, the pages sent to it and any later ones are parsed here.
 */
export function workerParser(): WorkerParser {
  const pending = new Map<number, { request: ParseRequest; resolve: (parsed: ParsedPage) => void; reject: (error: Error) => void }>();
  let worker: Worker | null = startWorker();
  let started = false;
  let settleReady: (ready: boolean) => void = () => undefined;
  const ready = new Promise<boolean>((resolve) => (settleReady = resolve));
  let sent = 0;
  const parseHere = () => {
    worker = null;
    settleReady(false);
    for (const [id, { request, resolve, reject }] of pending) {
      pending.delete(id);
      try {
        resolve(parseSource(request));
      } catch (error) {
        reject(error as Error);
      }
    }
  };
  worker.on("message", (reply: ParseReply | typeof PARSER_READY) => {
    if (reply === PARSER_READY) {
      started = true;
      settleReady(true);
      return;
    }
    const waiting = pending.get(reply.id);
    if (!waiting) return;
    pending.delete(reply.id);
    if (reply.error === undefined) waiting.resolve(reply.parsed);
    else waiting.reject(new Error(reply.error));
  });
  worker.on("error", parseHere);
  worker.on("exit", parseHere);
  return {
    ready,
    // Before the thread is ready, and once it has failed, parsing is in the caller's thread.
    get inThread() {
      return worker === null || !started;
    },
    parse(request) {
      if (worker === null || !started) return Promise.resolve().then(() => parseSource(request));
      const id = ++sent;
      const parsed = new Promise<ParsedPage>((resolve, reject) => pending.set(id, { request, resolve, reject }));
      worker.postMessage({ id, request } satisfies ParseMessage);
      return parsed;
    },
    async close() {
      const running = worker;
      worker = null;
      settleReady(false);
      await running?.terminate();
    },
  };
}

function startWorker(): Worker {
  if (!import.meta.url.endsWith(".ts")) return new Worker(new URL("./parse-worker.js", import.meta.url));
  // The sources run through tsx (tests, benches, a stale build). Given as --import, tsx's loader is
  // not yet in place when Node 20 loads a thread's entry file (ERR_UNKNOWN_FILE_EXTENSION, and every
  // page was parsed here): the thread registers it first, then imports its sources.
  const entry = new URL("./parse-worker.ts", import.meta.url).href;
  const tsx = import.meta.resolve("tsx/esm/api");
  return new Worker(`import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); })`, { eval: true });
}
