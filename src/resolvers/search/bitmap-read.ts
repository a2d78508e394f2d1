import { preparedRows, type Db } from "../../db/client.ts";
import type { Prisma } from "../../generated/prisma/client.ts";
import type { ReadRaw } from "./types.ts";

/**
 * Reads a statement that finds articles through GIN's bitmap (ordered by an expression no index
 * yields) in a transaction whose planner has no sequential scan and no parallel workers. The
 * planner prices a row of "ArticleSearchText" by its narrow heap tuple, not by the tsvector read
 * from TOAST to check `@@` on it: left to itself it walks the key index checking each row (56,000
 * buffers for 王纯's newest 2,001) or scans the heap (1.6 s for 韦韬). Parallel workers on a loaded
 * two-core machine were several times slower.
 */
export const readThroughBitmap =
  (db: Db): ReadRaw =>
  <T>(statement: Prisma.Sql) =>
    preparedRows<T>(db, statement, { enable_seqscan: "off", max_parallel_workers_per_gather: "0" });
