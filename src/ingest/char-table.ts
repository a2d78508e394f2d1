/**
 * A set of characters of the Basic Multilingual Plane looked up by code unit. The people reader
 * asks at every position of every paragraph whether the character there is a surname, a name
 * element's first character, the last character of a role…: `text[i]` makes a new string for each
 * such question (V8 keeps one-character strings only for Latin-1), and a Set then hashes it.
 */
export interface CharTable {
  /** Whether the character at `i` of `text` is in the table (false past either end). */
  at(text: string, i: number): boolean;
}

/**
 * One class for every table, not a closure each: its `at` is then one function, which V8 compiles
 * and inlines once for all the tables rather than once per table.
 */
class CodeUnitTable implements CharTable {
  private readonly table: Uint8Array;

  constructor(table: Uint8Array) {
    this.table = table;
  }

  at(text: string, i: number): boolean {
    // charCodeAt past the end is NaN, and a typed array read at NaN is undefined.
    return this.table[text.charCodeAt(i)] === 1;
  }
}

export function charTable(chars: Iterable<string>): CharTable {
  const table = new Uint8Array(0x10000);
  for (const char of chars) {
    if (char.length !== 1) throw new RangeError(`charTable: "${char}" is not one code unit`);
    table[char.charCodeAt(0)] = 1;
  }
  return new CodeUnitTable(table);
}
