/**
 * Values in PostgreSQL's binary formats, for bound parameters the server reads in place instead
 * of parsing their text (node-postgres sends a Buffer parameter in binary). For long values only:
 * a row of numbers and short strings costs no more as text.
 */

/** The type OIDs of the element types sent here (fixed in PostgreSQL's catalog, pg_type.dat). */
export const PG_TYPE = { text: 25, tsvector: 3614 } as const;

/**
 * A one-dimensional array of `elements` (each in the binary format of the type `oid`, or null), in
 * array_send's format: dimensions, a null flag, the element type, the length and lower bound, then
 * each element's length (-1 for null) and bytes.
 */
export function binaryArray(oid: number, elements: readonly (Buffer | null)[]): Buffer {
  let size = 20;
  for (const element of elements) size += 4 + (element?.length ?? 0);
  const out = Buffer.allocUnsafe(size);
  out.writeInt32BE(1, 0);
  out.writeInt32BE(elements.includes(null) ? 1 : 0, 4);
  out.writeInt32BE(oid, 8);
  out.writeInt32BE(elements.length, 12);
  out.writeInt32BE(1, 16);
  let at = 20;
  for (const element of elements) {
    if (element === null) {
      out.writeInt32BE(-1, at);
      at += 4;
      continue;
    }
    out.writeInt32BE(element.length, at);
    element.copy(out, at + 4);
    at += 4 + element.length;
  }
  return out;
}

/** Texts as a binary text[] (each text's UTF-8; a lone surrogate as U+FFFD, as pg writes a bound text). */
export const binaryTexts = (texts: readonly (string | null)[]): Buffer =>
  binaryArray(
    PG_TYPE.text,
    texts.map((text) => (text === null ? null : Buffer.from(text, "utf8"))),
  );
