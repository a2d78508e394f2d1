import type { Db } from "../../db/client.ts";
import { Prisma } from "../../generated/prisma/client.ts";

export interface Sample {
  /** The newest one-chunk articles that pass the filter, read. */
  sampled: number;
  /** Of those, how many hold every bigram of the query (in any order: what GIN finds), and the query itself. */
  candidates: number;
  matched: number;
  /** The table's rows, as the planner last counted them. */
  rows: number;
}

const SAMPLE_SIZE = 200;

/**
 * Reads the newest SAMPLE_SIZE articles that pass the filter, by the key index, and checks the
 * query on each: `inText`, the condition on the row's text (alias t) that a term's match is.
 */
export async function sampleNewest(db: Db, anyOrder: Prisma.Sql, inText: Prisma.Sql, conditions: Prisma.Sql[]): Promise<Sample> {
  const [row] = await db.$queryRaw<{ sampled: bigint; candidates: bigint; matched: bigint; rows: number | null }[]>`
    SELECT COUNT(*) AS "sampled", COUNT(*) FILTER (WHERE s."doc" @@ ${anyOrder}) AS "candidates",
           COUNT(*) FILTER (WHERE s."matched") AS "matched",
           (SELECT GREATEST(reltuples, 0) FROM pg_class WHERE oid = '"ArticleSearchText"'::regclass) AS "rows"
      FROM (SELECT t."doc", ${inText} AS "matched" FROM "ArticleSearchText" t WHERE t."chunks" = 1 AND ${Prisma.join(conditions, " AND ")} ORDER BY t."key" DESC LIMIT ${SAMPLE_SIZE}) s`;
  return { sampled: Number(row?.sampled ?? 0), candidates: Number(row?.candidates ?? 0), matched: Number(row?.matched ?? 0), rows: Number(row?.rows ?? 0) };
}
