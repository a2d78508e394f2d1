import os from "node:os";
import type { Worker } from "node:worker_threads";
import { startThread } from "../lib/worker-thread.ts";
import type { ParsedPage } from "../ingest/types.ts";
import { PARSER_READY, type ParseMessage, type ParseReply } from "./parse-messages.ts";
import { parseSource, type ParseRequest } from "./parse-source.ts";

/** Parses pages for ingest, in this thread or in threads of their own. */
export interface PageParser {
  /** How many pages to send it before the first of them is written, so that no thread waits. */
  readonly pagesAhead: number;
  parse(request: ParseRequest): Promise<ParsedPage>;
  close(): Promise<void>;
}

/**
 * Parses a few pages in the caller's thread, but a page of over IN_THREAD_MAX_CHARS in a thread
 * started for it: parsed here, such a page would hold a server in the same process from its
 * requests for as long as it takes (800 KB of 512 articles, half a second).
 */
export function shortRunParser(): PageParser {
  let thread: WorkerParser | null = null;
  return {
    pagesAhead: 1,
    parse: async (request) => {
      if (request.text.length <= IN_THREAD_MAX_CHARS) return parseSource(request);
      thread ??= workerParser();
      return thread.parse(request);
    },
    close: async () => thread?.close(),
  };
}

/**
 * The longest page text parsed in the caller's thread: some 45 ms of parsing. The longest real
 * page of the dev and unseen sets holds 11,671 characters, the median 2,765.
 */
export const IN_THREAD_MAX_CHARS = 16 * 1024;

/** A parser in a thread of its own. */
export interface WorkerParser extends PageParser {
  /** Resolves once the thread parses the pages sent to it (true), or has failed to start (false). */
  readonly ready: Promise<boolean>;
  /** Whether the thread has failed (pages are parsed in the caller's thread) or is not ready yet (they wait for it). */
  readonly inThread: boolean;
  /** Pages sent to it and not yet parsed. */
  readonly waiting: number;
}

interface Job {
  request: ParseRequest;
  resolve: (parsed: ParsedPage) => void;
  reject: (error: Error) => void;
}

/**
 * Parses in a worker thread, so that a page is parsed while the one before it is written (the
 * SQLite driver writes synchronously, and a PostgreSQL write waits on its round trips). Pages
 * sent before the thread is ready (it loads the parser and reads jieba's dictionary, 0.3 s
 * compiled) wait for it: parsing them here instead made this thread read the dictionary and
 * compile the parser too, which on two cores cost the run more than the wait (300 pages: 20.2
 * to 20.9 CPU ms a page against 21.8 to 24.3, and 50 MB less). Should the thread fail, the
 * pages sent to it and any later ones are parsed here.
 */
export function workerParser(): WorkerParser {
  const inFlight = new Map<number, Job>();
  const queue: Job[] = [];
  let worker: Worker | null = startThread(import.meta.url, "parse-worker");
  let started = false;
  let failed = false;
  let settleReady: (ready: boolean) => void = () => undefined;
  const ready = new Promise<boolean>((resolve) => (settleReady = resolve));
  let sent = 0;
  const parseHere = ({ request, resolve, reject }: Job) => {
    try {
      resolve(parseSource(request));
    } catch (error) {
      reject(error as Error);
    }
  };
  const send = () => {
    while (worker !== null && started && inFlight.size < IN_FLIGHT && queue.length > 0) {
      const job = queue.shift()!;
      const id = ++sent;
      inFlight.set(id, job);
      worker.postMessage({ id, request: job.request } satisfies ParseMessage);
    }
  };
  const fail = () => {
    worker = null;
    failed = true;
    settleReady(false);
    const jobs = [...inFlight.values(), ...queue.splice(0)];
    inFlight.clear();
    for (const job of jobs) parseHere(job);
  };
  worker.on("message", (reply: ParseReply | typeof PARSER_READY) => {
    if (reply === PARSER_READY) {
      started = true;
      settleReady(true);
      send();
      return;
    }
    const job = inFlight.get(reply.id);
    if (!job) return;
    inFlight.delete(reply.id);
    send();
    if (reply.error === undefined) job.resolve(reply.parsed);
    else job.reject(new Error(reply.error));
  });
  worker.on("error", fail);
  worker.on("exit", fail);
  return {
    ready,
    pagesAhead: PAGES_AHEAD,
    get inThread() {
      return worker === null || !started;
    },
    get waiting() {
      return inFlight.size + queue.length;
    },
    parse(request) {
      if (failed) return Promise.resolve().then(() => parseSource(request));
      const parsed = new Promise<ParsedPage>((resolve, reject) => queue.push({ request, resolve, reject }));
      send();
      return parsed;
    },
    async close() {
      const running = worker;
      worker = null;
      failed = true;
      settleReady(false);
      for (const job of queue.splice(0)) parseHere(job);
      await running?.terminate();
    },
  };
}

/**
 * Pages the parser's thread is given at a time. The writer's thread hands it the next ones only
 * between its own work, and a run of new pages written on SQLite holds it for tens of ms
 * (edition-loader.ts): with two at a time the parser's thread ran dry meanwhile (2,920 sample
 * pages: 129 pages/s instead of 158 before runs).
 */
const IN_FLIGHT = 16;

/** Pages sent to one parser's thread before the first of them is written. */
const PAGES_AHEAD = 3;

/**
 * Parses in `size` threads, each page given to the thread with the fewest waiting: parsing a
 * page costs about three times what writing it does, so on more cores more threads keep the
 * writer busy.
 */
export function workerPool(size: number): PageParser {
  const workers = Array.from({ length: Math.max(1, size) }, workerParser);
  return {
    pagesAhead: workers.length * PAGES_AHEAD,
    parse: (request) => workers.reduce((fewest, next) => (next.waiting < fewest.waiting ? next : fewest)).parse(request),
    async close() {
      await Promise.all(workers.map((worker) => worker.close()));
    },
  };
}

/**
 * Parser threads for a run of `pages`: one per core besides the writer's, up to
 * MAX_PARSER_THREADS; and no more than one per PAGES_PER_THREAD pages.
 */
export function parserThreads(pages: number): number {
  return Math.max(1, Math.min(os.availableParallelism() - 1, MAX_PARSER_THREADS, Math.floor(pages / PAGES_PER_THREAD)));
}

/** Past this, the writer's thread, which writes every page, is what bounds a run. */
const MAX_PARSER_THREADS = 3;
/** A thread's start (its parser's code compiled, its dictionary read) costs some 30 pages' parsing: a shorter run is parsed in the caller's thread. */
export const PAGES_PER_THREAD = 32;

