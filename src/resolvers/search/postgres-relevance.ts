import { Prisma } from "../../generated/prisma/client.ts";
import type { SearchTerm } from "../../search/query.ts";
import { bigramTokens } from "../../search/tokens.ts";

/**
 * RELEVANCE on PostgreSQL: BM25 as SQLite's FTS5 computes it (k1 1.2, b 0.75) with the same field
 * weights (headline 5, kicker and subheadline 2, body and captions 1), each term counted in the
 * article's normalised text ("ArticleSearchPhrase", which the search reads anyway to check its
 * terms), so ranking reads nothing more. Two departures: no IDF (every match holds every term, so
 * it would only weigh one term against another, and each term's document frequency is a count of
 * its own), and the average length is that of the matches ranked, not of the archive. ts_rank, used
 * before, read each match's tsvector from TOAST: 19 ms of the 2,000-match window's 36.
 */
const K1 = 1.2;
const B = 0.75;

/**
 * Columns "f0", "f1", … (each term's weighted count) and "dl" (the article's length in characters)
 * of an article of one chunk, from its text in `alias`."text": kicker, headline and subheadline
 * are its first three lines (src/search/document.ts, phraseText), counted once more on top of the
 * whole text's count by their weight less one. Counts are of bytes removed by `replace`, divided
 * by the term's bytes: `length` would walk the text's characters again.
 */
export function termCountsInText(terms: SearchTerm[], alias: string): Prisma.Sql {
  const text = Prisma.raw(`${alias}."text"`);
  const line = (n: number) => Prisma.sql`split_part(${text}, E'\\n', ${n}::int)`;
  const counts = terms.map((term, index) => {
    const removed = (field: Prisma.Sql) => Prisma.sql`(octet_length(${field}) - octet_length(replace(${field}, ${term.normalised}, '')))`;
    const bytes = Buffer.byteLength(term.normalised);
    return Prisma.sql`(${removed(text)} + ${removed(line(1))} + 4 * ${removed(line(2))} + ${removed(line(3))})::float8 / ${bytes}::int AS ${Prisma.raw(`"f${index}"`)}`;
  });
  return Prisma.sql`${Prisma.join(counts, ", ")}, length(${text}) AS "dl"`;
}

/**
 * The same columns for an article of several chunks, from each chunk's tsvector in `alias`."doc"
 * (the article has no text row), to be taken as MAX over its chunks: a term's phrase is counted at
 * each position of its first bigram whose next bigrams follow, weighted by the position's weight
 * (A headline, B kicker and subheadline, C body and captions); the length is the chunk's positions.
 */
export function termCountsInChunk(terms: SearchTerm[], alias: string): Prisma.Sql {
  const doc = Prisma.raw(`${alias}."doc"`);
  const of = (column: "positions" | "weights", token: string) => Prisma.sql`(SELECT u.${Prisma.raw(column)} FROM unnest(${doc}) u WHERE u.lexeme = ${token})`;
  const counts = terms.map((term, index) => {
    const [first, ...next] = bigramTokens(term.normalised).split(" ");
    const follow = next.map((_, at) => Prisma.sql`AND (x.p + ${at + 1}::int) = ANY (q.${Prisma.raw(`p${at + 1}`)})`);
    const later = next.map((token, at) => Prisma.sql`, ${of("positions", token)} AS ${Prisma.raw(`p${at + 1}`)}`);
    return Prisma.sql`MAX((SELECT COALESCE(SUM(CASE x.w WHEN 'A' THEN 5 WHEN 'B' THEN 2 ELSE 1 END), 0)
      FROM (SELECT ${of("positions", first!)} AS p0, ${of("weights", first!)} AS w0 ${sqlList(later)}) q, unnest(q.p0, q.w0) x(p, w)
      WHERE TRUE ${sqlList(follow)}))::float8 AS ${Prisma.raw(`"f${index}"`)}`;
  });
  return Prisma.sql`${Prisma.join(counts, ", ")}, MAX((SELECT SUM(cardinality(u.positions)) FROM unnest(${doc}) u)) AS "dl"`;
}

/**
 * "k" and "r" (BM25) of the rows of `counted`, which yields "key" and the columns above: the
 * average length over those rows (the window ranked).
 */
export function bm25Of(terms: SearchTerm[], counted: Prisma.Sql): Prisma.Sql {
  const norm = Prisma.sql`(${1 - B}::float8 + ${B}::float8 * c."dl" / NULLIF(avg(c."dl") OVER (), 0))`;
  const parts = terms.map((_, index) => {
    const f = Prisma.raw(`c."f${index}"`);
    return Prisma.sql`${f} * ${K1 + 1}::float8 / (${f} + ${K1}::float8 * COALESCE(${norm}, 1))`;
  });
  return Prisma.sql`SELECT c."key" AS k, ${Prisma.join(parts, " + ")} AS r FROM (${counted}) c`;
}

/** Fragments side by side; none is nothing (Prisma.join refuses an empty list). */
const sqlList = (fragments: Prisma.Sql[]): Prisma.Sql => (fragments.length === 0 ? Prisma.empty : Prisma.join(fragments, " ", ""));
