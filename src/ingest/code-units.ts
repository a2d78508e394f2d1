/**
 * `text` with each UTF-16 code unit mapped to one code unit, so that the copy has the same
 * length and every offset in it is the same offset in `text` (the parser's folded copies, and
 * search's normalised text). Chunked String.fromCharCode keeps it linear and allocation-light on long pages.
 */
export function mapCodeUnits(text: string, map: (code: number) => number): string {
  const CHUNK = 4096;
  let out = "";
  for (let i = 0; i < text.length; i += CHUNK) {
    const end = Math.min(text.length, i + CHUNK);
    const codes = new Array<number>(end - i);
    for (let j = i; j < end; j++) codes[j - i] = map(text.charCodeAt(j));
    out += String.fromCharCode(...codes);
  }
  return out;
}
