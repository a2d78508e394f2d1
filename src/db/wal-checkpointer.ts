import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";

/** A checkpointer running in a thread of its own; `stop` checkpoints once more and closes it. */
export interface WalCheckpointer {
  stop(): Promise<void>;
}

/**
 * Copies a SQLite database's write-ahead log into the database from a thread and connection of
 * its own, every `everyMs`, with PASSIVE checkpoints (they never wait for the writer nor block
 * it). During a long ingest the writer's own checkpoints (wal_autocheckpoint) took a sixth of
 * its time, in spikes of 20–180 ms inside a page's COMMIT; here they run on the other core.
 * The thread's code is plain JavaScript, so it starts the same under tsx and compiled.
 */
export function startWalCheckpointer(file: string, everyMs = 200): WalCheckpointer {
  const driver = createRequire(import.meta.url).resolve("better-sqlite3");
  const worker = new Worker(CHECKPOINTER, { eval: true, workerData: { driver, file, everyMs } });
  const stopped = new Promise<void>((resolve, reject) => {
    worker.once("exit", () => resolve());
    worker.once("error", reject);
  });
  return {
    async stop() {
      worker.postMessage("stop");
      await stopped;
    },
  };
}

const CHECKPOINTER = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.driver);
const db = new Database(workerData.file, { timeout: 10000 });
const checkpoint = () => db.pragma("wal_checkpoint(PASSIVE)");
const timer = setInterval(checkpoint, workerData.everyMs);
parentPort.once("message", () => {
  clearInterval(timer);
  checkpoint();
  db.close();
  parentPort.close();
});
`;
