import type { Worker } from "node:worker_threads";
import { startThread } from "../lib/worker-thread.ts";
import type { ReadMessage, ReadReply, ReadThreadData } from "./sqlite-read-messages.ts";

/** Reads run in a thread of their own; `inThread` (the caller's connection) once the thread has failed. */
export interface SqliteReadThread {
  read(sql: string, values: unknown[], inThread: () => unknown[]): Promise<unknown[]>;
  close(): Promise<void>;
}

/**
 * SQLite's reads of the API's statements (one per query operation, src/server/statement-answers.ts,
 * and the folded reads) in a thread of their own, on a connection of its own, started at the first
 * read. better-sqlite3 runs a statement in the caller's thread, and the server's requests waited
 * for each: on this 2-core machine, with the statements apart, the server answered the newest
 * articles' second page 2.3 times as fast (1,290 → 2,950 req/s, 10 connections), a one-article
 * query 1.7 times. The thread's connection sees what is committed, as the caller's did: every
 * write goes through the writer's connection. Should the thread fail, its reads, and every later
 * one, run in the caller's thread.
 */
export function sqliteReadThread(file: string, maxPrepared: number): SqliteReadThread {
  let worker: Worker | null = null;
  let failed = false;
  let next = 0;
  const pending = new Map<number, { resolve: (rows: unknown[]) => void; reject: (error: Error) => void; inThread: () => unknown[] }>();
  const fail = () => {
    failed = true;
    worker = null;
    for (const job of pending.values()) {
      try {
        job.resolve(job.inThread());
      } catch (error) {
        job.reject(error as Error);
      }
    }
    pending.clear();
  };
  const start = () => {
    const started = startThread(import.meta.url, "sqlite-read-worker", { workerData: { file, maxPrepared } satisfies ReadThreadData });
    // A server's process ends when its server does, whatever this thread is doing.
    started.unref();
    started.on("message", (reply: ReadReply) => {
      const job = pending.get(reply.id);
      if (!job) return;
      pending.delete(reply.id);
      if ("rows" in reply) job.resolve(reply.rows);
      else job.reject(Object.assign(new Error(reply.error.message), reply.error));
    });
    started.on("error", fail);
    started.on("exit", () => worker === started && fail());
    return started;
  };
  return {
    read(sql, values, inThread) {
      if (failed) return Promise.resolve().then(inThread);
      worker ??= start();
      const id = ++next;
      const answer = new Promise<unknown[]>((resolve, reject) => pending.set(id, { resolve, reject, inThread }));
      worker.postMessage({ id, sql, values } satisfies ReadMessage);
      return answer;
    },
    async close() {
      const running = worker;
      worker = null;
      failed = true;
      for (const job of pending.values()) job.reject(new Error("the database is closed"));
      pending.clear();
      await running?.terminate();
    },
  };
}
