/**
 * A tsvector in PostgreSQL's binary format (pgSearchRows' `doc`) in its text form, lexemes in the
 * order they are written: 'hfdceofj':1B,8C 'eofjeobj':3A (PostgreSQL prints them sorted).
 */
export function tsvectorText(binary: Buffer): string {
  const lexemes: string[] = [];
  let at = 4;
  for (let count = binary.readInt32BE(0); count > 0; count--) {
    const end = binary.indexOf(0, at);
    const lexeme = binary.toString("utf8", at, end);
    const positions: string[] = [];
    at = end + 3;
    for (let left = binary.readUInt16BE(end + 1); left > 0; left--, at += 2) {
      const entry = binary.readUInt16BE(at);
      positions.push(`${entry & 0x3fff}${WEIGHTS[entry >> 14]}`);
    }
    lexemes.push(`'${lexeme}'${positions.length > 0 ? `:${positions.join(",")}` : ""}`);
  }
  if (at !== binary.length) throw new Error(`tsvectorText: ${binary.length - at} bytes after the last lexeme`);
  return lexemes.join(" ");
}

/** By the two bits above a position: D (printed as nothing), C, B, A. */
const WEIGHTS = ["", "C", "B", "A"];
