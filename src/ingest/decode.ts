/**
 * Turns the bytes of a page file into text, or refuses them with one clear line.
 *
 * Page text comes from OCR tools and e-paper exports, which write UTF-8, UTF-16 with a BOM,
 * GB18030/GBK, or Big5 (Hong Kong and Taiwan papers). Anything else (binary, empty, huge) is refused before the parser sees it,
 * so that a bad file is reported by name instead of producing an empty or garbled edition.
 */
import { constants, type Stats } from "node:fs";
import { open } from "node:fs/promises";

/** The largest page file accepted: a broadsheet page of text is well under 200 KB. */
export const MAX_PAGE_BYTES = 5 * 1024 * 1024;

/**
 * Share of control characters above which decoded text is taken to be binary. OCR output
 * carries at most a stray form feed; random bytes that happen to decode carry about 12%.
 */
const MAX_CONTROL_SHARE = 0.05;

/** Bad ingest input. `message` is one line: `<input>: <reason>`, with no stack trace in it. */
export class PageInputError extends Error {
  override readonly name = "PageInputError";

  constructor(
    /** The file (or other input) that was refused, as the caller named it. */
    readonly input: string,
    /** Why, e.g. "empty file". */
    readonly reason: string,
  ) {
    super(`${input}: ${reason}`);
  }
}

/**
 * Decodes one page file. Throws `PageInputError` when the bytes are too large, empty or
 * blank, binary, or not text in UTF-8, UTF-16 (with BOM), GB18030 or Big5. A BOM is removed.
 */
export function decodePageText(bytes: Uint8Array, name: string): string {
  function refuse(reason: string): never {
    throw new PageInputError(name, reason);
  }
  // Checked before decoding so that a huge file costs nothing more than its length.
  if (bytes.length > MAX_PAGE_BYTES) refuse(tooLarge(bytes.length));
  if (bytes.length === 0) refuse("empty file");

  const utf16 = utf16Encoding(bytes);
  // In UTF-16 every ASCII character carries a 0x00 byte, so NUL is looked for after decoding.
  if (utf16 === null && bytes.includes(0)) refuse(`binary data (NUL bytes at offset ${bytes.indexOf(0)})`);
  const text =
    (utf16 === null ? strictDecode("utf-8", bytes) ?? strictDecode(big5Likelier(bytes) ? "big5" : "gb18030", bytes) : strictDecode(utf16, bytes)) ??
    refuse("not valid text in UTF-8, UTF-16, GB18030 or Big5");

  if (text === "") refuse("empty file");
  // A UTF-16 code unit is two bytes, after the two-byte BOM.
  const nul = text.indexOf("\u0000");
  if (nul >= 0) refuse(`binary data (NUL bytes at offset ${2 + nul * 2})`);
  const controls = countControlCharacters(text);
  if (controls > text.length * MAX_CONTROL_SHARE) {
    refuse(`binary data (${Math.round((controls / text.length) * 100)}% control characters)`);
  }
  if (text.trim() === "") refuse("blank file (whitespace only)");
  return text;
}

/**
 * What a path that is neither a regular file nor a folder is ("a FIFO", "a character device"),
 * or null for a file or folder. Such a path is refused unread: a FIFO blocks its reader until
 * someone writes, and /dev/zero never ends.
 */
export function specialFileKind(info: Pick<Stats, "isFile" | "isDirectory" | "isFIFO" | "isCharacterDevice" | "isBlockDevice" | "isSocket">): string | null {
  if (info.isFile() || info.isDirectory()) return null;
  if (info.isFIFO()) return "a FIFO (named pipe)";
  if (info.isCharacterDevice()) return "a character device";
  if (info.isBlockDevice()) return "a block device";
  if (info.isSocket()) return "a socket";
  return "not a regular file";
}

/** Why a special file is refused, as ingest reports it. */
export const specialFileReason = (kind: string) => `is ${kind}, not a regular file: refused unread`;

/**
 * Reads and decodes one page file. A missing path, a folder, a special file (FIFO, device) or
 * an unreadable file gives a `PageInputError` naming `path`; the size is checked before the
 * file is read. The file is opened without blocking and checked through its open handle, so a
 * FIFO is never waited on, whatever the path pointed to when it was listed.
 */
export async function readPageFile(path: string): Promise<string> {
  function refuse(reason: string): never {
    throw new PageInputError(path, reason);
  }
  try {
    const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
    try {
      const info = await handle.stat();
      if (info.isDirectory()) refuse("is a folder");
      const special = specialFileKind(info);
      if (special) refuse(specialFileReason(special));
      if (info.size > MAX_PAGE_BYTES) refuse(tooLarge(info.size));
      return decodePageText(await handle.readFile(), path);
    } finally {
      await handle.close();
    }
  } catch (error) {
    if (error instanceof PageInputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") refuse("file not found");
    if (code === "EISDIR") refuse("is a folder");
    return refuse(`cannot read (${code ?? String(error)})`);
  }
}

/**
 * The UTF-16 variant named by a BOM, or null. UTF-16 is only recognised by its BOM: without
 * one it is indistinguishable from binary. Otherwise UTF-8 is tried before GB18030, since
 * GB18030 bytes are rarely valid UTF-8; the UTF-8 decoder drops a BOM by itself.
 */
function utf16Encoding(bytes: Uint8Array): "utf-16le" | "utf-16be" | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  return null;
}

/**
 * Whether bytes that are not UTF-8 read better as Big5 than as GB18030. Nearly every Big5 pair
 * is also a GB18030 pair, so both decode, one of them into nonsense; but a text's characters are
 * mostly its encoding's commonest ones, which each keeps in a block of its own: GB2312's first
 * level (lead byte 0xB0–0xD7, trail 0xA1–0xFE), Big5's (0xA440–0xC67E). A simplified page in GBK
 * has some 90% of its pairs in the first and under half in the second; a traditional page in Big5
 * the other way round; a traditional page in GB18030 still more in the first.
 */
function big5Likelier(bytes: Uint8Array): boolean {
  let gbCommon = 0;
  let big5Common = 0;
  for (let i = 0; i + 1 < bytes.length; ) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i++;
      continue;
    }
    const trail = bytes[i + 1]!;
    if (lead >= 0xb0 && lead <= 0xd7 && trail >= 0xa1 && trail <= 0xfe) gbCommon++;
    if (lead >= 0xa4 && lead <= 0xc6 && ((trail >= 0x40 && trail <= 0x7e) || (trail >= 0xa1 && trail <= 0xfe))) big5Common++;
    i += 2;
  }
  return big5Common > gbCommon;
}

function strictDecode(encoding: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** C0 and C1 control characters and DEL, except the whitespace that text files do carry. */
function countControlCharacters(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const isControl = code < 0x20 || (code >= 0x7f && code <= 0x9f);
    if (isControl && code !== 0x09 && code !== 0x0a && code !== 0x0d && code !== 0x0c) count++;
  }
  return count;
}

function tooLarge(size: number): string {
  const mb = 1024 * 1024;
  return `too large (${(size / mb).toFixed(1)} MB, limit ${MAX_PAGE_BYTES / mb} MB)`;
}
