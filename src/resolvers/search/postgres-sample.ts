import { preparedRows, type Db } from "../../db/client.ts";
import { Prisma } from "../../generated/prisma/client.ts";

export interface Sample {
  /** The newest articles of one chunk that pass the filter, read. */
  sampled: number;
  /** Of those, how many hold every bigram of the query (in any order: what GIN finds), and the query itself. */
  candidates: number;
  matched: number;
  /** The articles of one chunk, as the planner last counted them (counted when never analyzed); or those of the date range. */
  rows: number;
}

const SAMPLE_SIZE = 200;

/**
 * Reads the newest SAMPLE_SIZE articles of one chunk that pass the filter (`conditions`, on alias
 * t), by the key index of "ArticleSearchPhrase", and checks the query on each text: `bigrams`
 * each in it (what GIN finds, in any order), and `inText`, the condition that a match is.
 * `articles` counts the articles of a date range, which then stand for the table's rows.
 */
export async function sampleNewest(
  db: Db,
  { bigrams, inText, conditions, articles }: { bigrams: string[]; inText: Prisma.Sql; conditions: Prisma.Sql[]; articles?: Prisma.Sql | undefined },
): Promise<Sample> {
  const candidate = Prisma.join(
    bigrams.map((bigram) => Prisma.sql`strpos(t."text", ${bigram}) > 0`),
    " AND ",
  );
  const rows =
    articles ??
    Prisma.sql`SELECT CASE WHEN reltuples >= 0 THEN reltuples ELSE (SELECT COUNT(*) FROM "ArticleSearchPhrase") END FROM pg_class WHERE oid = '"ArticleSearchPhrase"'::regclass`;
  const [row] = await preparedRows<Record<"sampled" | "candidates" | "matched" | "rows", number | bigint | string | null>>(
    db,
    Prisma.sql`SELECT COUNT(*) AS "sampled", COUNT(*) FILTER (WHERE s."candidate") AS "candidates", COUNT(*) FILTER (WHERE s."matched") AS "matched", (${rows}) AS "rows"
      FROM (SELECT ${candidate} AS "candidate", ${inText} AS "matched" FROM "ArticleSearchPhrase" t WHERE ${Prisma.join(conditions, " AND ")} ORDER BY t."key" DESC LIMIT ${SAMPLE_SIZE}) s`,
  );
  return { sampled: Number(row?.sampled ?? 0), candidates: Number(row?.candidates ?? 0), matched: Number(row?.matched ?? 0), rows: Number(row?.rows ?? 0) };
}
