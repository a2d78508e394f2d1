import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodePageText, MAX_PAGE_BYTES, PageInputError, readPageFile } from "../../src/ingest/decode.ts";

const PAGE =
  "# 太原忻州两市人大常委会太忻经济一体化发展协作工作座谈会举行\n" +
  "本报讯(记者 殷雪莹、梁涛) 6月2日,太原、忻州两市人大常委会召开座谈会。\n";

const TRADITIONAL_PAGE =
  "# 舊區加裝電梯 今年再完成兩百台\n" +
  "本報訊（記者 陳思遠 通訊員 黃麗娟）3月17日上午，記者從房屋局獲悉，今年計劃為舊區加裝電梯兩百台。\n";

let dir: string;
/** Writes `bytes` into the temp folder and returns the file's path. */
const write = (name: string, bytes: Uint8Array | string): string => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
};
const utf16be = (text: string): Buffer => Buffer.from(text, "utf16le").swap16();
const PNG_HEADER = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52];

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "papergraph-"));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The message `readPageFile(file)` rejects with. */
async function refusal(file: string): Promise<string> {
  const error: unknown = await readPageFile(file).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PageInputError);
  return (error as PageInputError).message;
}

describe("readPageFile decodes page text", () => {
  it("reads UTF-8 without a BOM", async () => {
    expect(await readPageFile(write("utf8.txt", PAGE))).toBe(PAGE);
  });

  it("reads UTF-8 with a BOM and removes the BOM", async () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(PAGE)]);
    const text = await readPageFile(write("utf8-bom.txt", bytes));
    expect(text).toBe(PAGE);
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
  });

  it("reads UTF-16 LE with a BOM", async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(PAGE, "utf16le")]);
    expect(await readPageFile(write("utf16le.txt", bytes))).toBe(PAGE);
  });

  it("reads UTF-16 BE with a BOM", async () => {
    const bytes = Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(PAGE)]);
    expect(await readPageFile(write("utf16be.txt", bytes))).toBe(PAGE);
  });

  it("reads GB18030, as Chinese OCR tools write it, when the bytes are not UTF-8", async () => {
    const bytes = iconv.encode(PAGE, "gb18030");
    expect(bytes.equals(Buffer.from(PAGE))).toBe(false);
    expect(await readPageFile(write("gb18030.txt", bytes))).toBe(PAGE);
  });

  it("reads GBK, the subset of GB18030 older tools write", async () => {
    expect(await readPageFile(write("gbk.txt", iconv.encode(PAGE, "gbk")))).toBe(PAGE);
  });

  it("reads Big5, as Hong Kong and Taiwan papers' tools write it, though its bytes are valid GB18030 too", async () => {
    const bytes = iconv.encode(TRADITIONAL_PAGE, "big5");
    expect(new TextDecoder("gb18030", { fatal: true }).decode(bytes)).not.toBe(TRADITIONAL_PAGE);
    expect(await readPageFile(write("big5.txt", bytes))).toBe(TRADITIONAL_PAGE);
  });

  it("reads a traditional page written in GB18030 as GB18030", async () => {
    expect(await readPageFile(write("traditional-gb18030.txt", iconv.encode(TRADITIONAL_PAGE, "gb18030")))).toBe(TRADITIONAL_PAGE);
  });

  it("keeps a stray form feed, as OCR tools put between pages", async () => {
    expect(await readPageFile(write("formfeed.txt", `${PAGE}\f${PAGE}`))).toBe(`${PAGE}\f${PAGE}`);
  });
});

describe("readPageFile refuses bad input with one line naming the file and the reason", () => {
  it("refuses a missing path as file not found", async () => {
    const file = path.join(dir, "no-such-page.txt");
    expect(await refusal(file)).toBe(`${file}: file not found`);
  });

  it("refuses a folder", async () => {
    const folder = path.join(dir, "a-folder");
    fs.mkdirSync(folder);
    expect(await refusal(folder)).toBe(`${folder}: is a folder`);
  });

  it("refuses an empty file", async () => {
    const file = write("empty.txt", "");
    expect(await refusal(file)).toBe(`${file}: empty file`);
  });

  it("refuses a file holding only a BOM as empty", async () => {
    const file = write("bom-only.txt", Buffer.from([0xef, 0xbb, 0xbf]));
    expect(await refusal(file)).toBe(`${file}: empty file`);
  });

  it("refuses a file of whitespace only, full-width spaces included", async () => {
    const file = write("blank.txt", " \n\t\r\n\u3000\n");
    expect(await refusal(file)).toBe(`${file}: blank file (whitespace only)`);
  });

  it("refuses a 6 MB file before decoding it", async () => {
    const file = write("huge.txt", Buffer.alloc(6 * 1024 * 1024, 0x61));
    expect(await refusal(file)).toBe(`${file}: too large (6.0 MB, limit 5 MB)`);
  });

  it("refuses a PNG image as binary data, giving the first NUL byte's offset", async () => {
    const bytes = Buffer.concat([Buffer.from(PNG_HEADER), Buffer.from([0x12, 0x34, 0x00, 0xff])]);
    const file = write("image.png", bytes);
    expect(await refusal(file)).toBe(`${file}: binary data (NUL bytes at offset 8)`);
  });

  it("refuses random bytes with NULs as binary data", async () => {
    const bytes = Buffer.alloc(4096);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919 + 13) % 256;
    const file = write("random.bin", bytes);
    expect(await refusal(file)).toBe(`${file}: binary data (NUL bytes at offset ${bytes.indexOf(0)})`);
  });

  it("refuses bytes that are neither UTF-8, GB18030 nor Big5", async () => {
    const file = write("latin.txt", Buffer.from([0x41, 0x80, 0x42, 0xff, 0x43]));
    expect(await refusal(file)).toBe(`${file}: not valid text in UTF-8, UTF-16, GB18030 or Big5`);
  });

  it("refuses UTF-16 text holding NUL characters as binary data", async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("页\u0000面", "utf16le")]);
    const file = write("utf16-nul.txt", bytes);
    expect(await refusal(file)).toBe(`${file}: binary data (NUL bytes at offset 4)`);
  });

  it("refuses text that is mostly control characters as binary data", async () => {
    const file = write("controls.txt", "\u0001\u0002\u0003页\u0004");
    expect(await refusal(file)).toBe(`${file}: binary data (80% control characters)`);
  });
});

describe("decodePageText", () => {
  it("names the input it was given in its messages", () => {
    expect(() => decodePageText(new Uint8Array(), "seeds/x/page-01.txt")).toThrow(
      new PageInputError("seeds/x/page-01.txt", "empty file"),
    );
  });

  it("accepts exactly MAX_PAGE_BYTES and refuses one byte more", () => {
    const bytes = new Uint8Array(MAX_PAGE_BYTES).fill(0x61);
    expect(decodePageText(bytes, "max.txt")).toHaveLength(MAX_PAGE_BYTES);
    expect(() => decodePageText(new Uint8Array(MAX_PAGE_BYTES + 1).fill(0x61), "over.txt")).toThrow(
      "over.txt: too large (5.0 MB, limit 5 MB)",
    );
  });

  it("gives an error whose name is PageInputError and whose message is one line", () => {
    try {
      decodePageText(new Uint8Array([0, 1, 2]), "x.bin");
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(PageInputError);
      expect((error as PageInputError).name).toBe("PageInputError");
      expect((error as PageInputError).message).not.toContain("\n");
      expect((error as PageInputError).reason).toBe("binary data (NUL bytes at offset 0)");
    }
  });
});
