/**
 * The SQLite read thread (src/db/sqlite-read-thread.ts starts it): runs the reads it is sent on a
 * connection of its own, each statement prepared once per text, and posts back each row's first
 * column, or the error.
 */
import { parentPort, workerData } from "node:worker_threads";
import Database from "better-sqlite3";
import { addSqliteFunctions, statementCache } from "./sqlite-functions.ts";
import type { ReadMessage, ReadReply, ReadThreadData } from "./sqlite-read-messages.ts";

const { file, maxPrepared } = workerData as ReadThreadData;
const connection = new Database(file, { timeout: 10_000 });
// Reads only: whatever it is sent, this connection writes nothing.
connection.pragma("query_only = ON");
addSqliteFunctions(connection);
const statements = statementCache(maxPrepared, true);

parentPort?.on("message", ({ id, sql, values }: ReadMessage) => {
  let reply: ReadReply;
  try {
    reply = { id, rows: statements.of(connection, sql).all(...values) };
  } catch (error) {
    const { name, message, code } = error as { name: string; message: string; code?: string };
    reply = { id, error: { name, message, ...(typeof code === "string" ? { code } : {}) } };
  }
  parentPort?.postMessage(reply);
});
