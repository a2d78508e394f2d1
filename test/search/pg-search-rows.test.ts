import pg from "pg";
import { describe, expect, it } from "vitest";
import { binaryArray, PG_TYPE } from "../../src/db/pg-binary.ts";
import { PG_CHUNK_OVERLAP, PG_CHUNK_POSITIONS, pgSearchRows, type SearchDocument } from "../../src/search/document.ts";
import { databaseKind } from "../support/database.ts";
import { TEST_DATABASE_URL } from "../support/postgres.ts";
import { tsvectorText } from "../support/tsvector-text.ts";

const doc = (fields: Partial<SearchDocument>): SearchDocument => ({
  articleId: 7,
  publicationId: 2,
  issueDate: "2022-06-03",
  pageNumber: 1,
  position: 1,
  kicker: null,
  headline: null,
  subheadline: null,
  body: "",
  captions: [],
  source: null,
  ...fields,
});

// The tsvector in its text form (tsvectorText): each bigram spelled as the hex digits of its code units in the letters
// a–p (甲 U+7532 hfdc, 乙 U+4E59 eofj, 丙 U+4E19 eobj, a aagb, b aagc), its positions and weights.
describe("an article's tsvector for PostgreSQL (pgSearchRows)", () => {
  it("lists each bigram once, where it first occurs, with every position and its field's weight, a position left after each field", () => {
    const { chunks, phrase } = pgSearchRows(doc({ kicker: "甲乙", headline: "乙丙丙", body: "ab", captions: ["甲乙"] }));
    expect(chunks.map((chunk) => tsvectorText(chunk.doc))).toEqual(["'hfdceofj':1B,8C 'eofjeobj':3A 'eobjeobj':4A 'aagbaagc':6C"]);
    expect(chunks[0]).toMatchObject({ chunk: 0, chunks: 1, articleId: 7, publicationId: 2, source: null });
    expect(phrase?.text).toBe("甲乙\n乙丙丙\n\nab\n甲乙");
  });

  it("spells code units at the ends of the range as any others", () => {
    const { chunks } = pgSearchRows(doc({ headline: "\uffff\uffff\u0000" }));
    expect(chunks.map((chunk) => tsvectorText(chunk.doc))).toEqual(["'pppppppp':1A 'ppppaaaa':2A"]);
  });

  it("cuts an article into overlapping chunks at a lexeme's 257th position", () => {
    const { chunks, phrase } = pgSearchRows(doc({ body: "甲".repeat(600) }));
    // 599 bigrams 甲甲: 256 positions a chunk; the next starts half a chunk back.
    expect(chunks.map((chunk) => tsvectorText(chunk.doc).split(",").length)).toEqual([256, 256, 256, 215]);
    expect(tsvectorText(chunks[1]!.doc).startsWith("'hfdchfdc':1C,2C,")).toBe(true);
    expect(chunks.map((chunk) => [chunk.chunk, chunk.chunks])).toEqual([[0, 4], [1, 4], [2, 4], [3, 4]]);
    expect(phrase).toBeNull();
  });

  it("cuts a long article every PG_CHUNK_POSITIONS positions, chunks sharing PG_CHUNK_OVERLAP", () => {
    // Bigrams that never repeat: code units counted up from 一 (U+4E00).
    const body = Array.from({ length: PG_CHUNK_POSITIONS + 2_001 }, (_, index) => String.fromCharCode(0x4e00 + index)).join("");
    const { chunks } = pgSearchRows(doc({ body }));
    const lastPosition = (tsvector: string) => Number(tsvector.slice(tsvector.lastIndexOf(":") + 1, -1));
    expect(chunks.map((chunk) => lastPosition(tsvectorText(chunk.doc)))).toEqual([PG_CHUNK_POSITIONS, 2_000 + PG_CHUNK_OVERLAP]);
  });
});

describe.runIf(databaseKind() === "postgresql")("the tsvector in binary, as PostgreSQL reads it", () => {
  it("is the tsvector of its text form, lexemes sorted, for short, edge and long articles", async () => {
    const docs = [
      doc({ kicker: "甲乙", headline: "乙丙丙", body: "ab", captions: ["甲乙"] }),
      doc({ headline: "\uffff\uffff\u0000" }),
      doc({ body: "甲".repeat(600) }),
      doc({ body: Array.from({ length: PG_CHUNK_POSITIONS + 2_001 }, (_, index) => String.fromCharCode(0x4e00 + index)).join("") }),
    ];
    const chunks = docs.flatMap((document) => pgSearchRows(document).chunks);
    const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await client.connect();
    try {
      const { rows } = await client.query<{ read: string; parsed: string }>(
        `SELECT b::text AS "read", t::tsvector::text AS "parsed" FROM unnest($1::tsvector[], $2::text[]) AS u(b, t)`,
        [binaryArray(PG_TYPE.tsvector, chunks.map((chunk) => chunk.doc)), chunks.map((chunk) => tsvectorText(chunk.doc))],
      );
      expect(rows).toHaveLength(8);
      expect(rows[0]!.read).toBe("'aagbaagc':6C 'eobjeobj':4A 'eofjeobj':3A 'hfdceofj':1B,8C");
      for (const row of rows) expect(row.read).toBe(row.parsed);
    } finally {
      await client.end();
    }
  });
});
