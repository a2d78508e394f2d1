/** A read sent to the SQLite read thread (src/db/sqlite-read-thread.ts). */
export interface ReadMessage {
  id: number;
  sql: string;
  values: unknown[];
}

/** Its answer: each row's first column, or the error SQLite gave, as plain data. */
export type ReadReply = { id: number; rows: unknown[] } | { id: number; error: { name: string; message: string; code?: string } };

/** What the thread is given when it starts. */
export interface ReadThreadData {
  file: string;
  /** Statements kept prepared, first come (as the caller's own connection keeps them). */
  maxPrepared: number;
}
