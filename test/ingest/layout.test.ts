import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PageInputError } from "../../src/ingest/decode.ts";
import { findPageFiles, pageLocationFromPath, readPublicationManifest } from "../../src/ingest/layout.ts";

let root: string;
/** Creates `relative` (and its folders) under the temp root and returns its path. */
const write = (relative: string, text = "页"): string => {
  const file = path.join(root, relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
};

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "papergraph-"));
});
afterAll(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

describe("pageLocationFromPath", () => {
  it("reads publication, date and page from <publication>/<YYYY-MM-DD>/page-NN.txt", () => {
    expect(pageLocationFromPath("seeds/taiyuan-daily/2022-06-03/page-01.txt")).toEqual({
      publication: "taiyuan-daily",
      date: "2022-06-03",
      page: 1,
      label: "1",
      section: null,
    });
  });

  it("accepts Windows separators and three-digit pages", () => {
    expect(pageLocationFromPath("C:\\seeds\\taiyuan-daily\\2022-06-03\\page-120.txt")).toEqual({
      publication: "taiyuan-daily",
      date: "2022-06-03",
      page: 120,
      label: "120",
      section: null,
    });
  });

  it("reads a section page from page-A01.txt: its label, its section and its order in the issue", () => {
    expect(pageLocationFromPath("city-daily/2023-01-03/page-A01.txt")).toEqual({
      publication: "city-daily",
      date: "2023-01-03",
      page: 1001,
      label: "A01",
      section: "A",
    });
    expect(pageLocationFromPath("city-daily/2023-01-03/page-b12.txt")).toMatchObject({ page: 1112, label: "B12", section: "B" });
  });

  it("accepts 29 February in a leap year", () => {
    expect(pageLocationFromPath("p/2024-02-29/page-02.txt")?.date).toBe("2024-02-29");
  });

  it.each([
    ["a date that is not a calendar day", "p/2022-02-30/page-01.txt"],
    ["29 February in a common year", "p/2023-02-29/page-01.txt"],
    ["month 13", "p/2022-13-01/page-01.txt"],
    ["a date not in YYYY-MM-DD", "p/2022-6-3/page-01.txt"],
    ["page 0", "p/2022-06-03/page-00.txt"],
    ["page 1000", "p/2022-06-03/page-1000.txt"],
    ["a one-digit page number", "p/2022-06-03/page-1.txt"],
    ["another file name", "p/2022-06-03/page-01.expected.json"],
    ["a section page of another form", "p/2022-06-03/page-A01.expected.json"],
    ["section page 0", "p/2022-06-03/page-A00.txt"],
    ["a one-digit section page", "p/2022-06-03/page-A1.txt"],
    ["a two-letter section", "p/2022-06-03/page-AB01.txt"],
    ["section page 100", "p/2022-06-03/page-A100.txt"],
    ["a path without a publication folder", "2022-06-03/page-01.txt"],
  ])("returns null for %s", (_, file) => {
    expect(pageLocationFromPath(file)).toBeNull();
  });
});

describe("findPageFiles", () => {
  it("expands folders recursively to page files sorted by publication, date and page", async () => {
    const files = [
      write("editions/zz-evening/2022-06-01/page-01.txt"),
      write("editions/taiyuan-daily/2022-06-03/page-10.txt"),
      write("editions/taiyuan-daily/2022-06-03/page-02.txt"),
      write("editions/taiyuan-daily/2022-06-02/page-01.txt"),
    ];
    write("editions/taiyuan-daily/2022-06-03/page-02.expected.json", "{}");
    write("editions/taiyuan-daily/publication.json", "{}");
    write("editions/taiyuan-daily/notes/page-01.txt");

    expect(await findPageFiles([path.join(root, "editions")])).toEqual({
      files: [files[3], files[2], files[1], files[0]],
      missing: [],
      refused: [],
    });
  });

  it("sorts section pages after plain pages, sections in letter order and pages in number order", async () => {
    const files = [
      write("sections/city-daily/2023-01-03/page-B01.txt"),
      write("sections/city-daily/2023-01-03/page-A10.txt"),
      write("sections/city-daily/2023-01-03/page-A02.txt"),
      write("sections/city-daily/2023-01-03/page-02.txt"),
    ];
    write("sections/city-daily/2023-01-03/page-A02.expected.json", "{}");

    expect(await findPageFiles([path.join(root, "sections")])).toEqual({ files: [files[3], files[2], files[1], files[0]], missing: [], refused: [] });
  });

  it("keeps a file given by name even when it does not follow the layout, after the placed ones", async () => {
    const loose = write("loose/scan.txt");
    const placed = write("one/taiyuan-daily/2022-06-03/page-01.txt");
    expect(await findPageFiles([loose, path.join(root, "one")])).toEqual({ files: [placed, loose], missing: [], refused: [] });
  });

  it("reports missing paths instead of throwing, and still returns the rest", async () => {
    const placed = write("two/taiyuan-daily/2022-06-03/page-01.txt");
    const missing = path.join(root, "no-such-folder");
    expect(await findPageFiles([missing, path.join(root, "two")])).toEqual({ files: [placed], missing: [missing], refused: [] });
  });

  it("lists a file reached twice once", async () => {
    const placed = write("three/taiyuan-daily/2022-06-03/page-01.txt");
    expect(await findPageFiles([path.join(root, "three"), placed]).then((r) => r.files)).toEqual([placed]);
  });
});

describe("readPublicationManifest", () => {
  const manifest = { name: "太原日报", slug: "taiyuan-daily", locale: "zh-CN", region: "太原市", province: "山西省" };
  /** Writes `<root>/<case>/taiyuan-daily/publication.json` and returns the publication folder. */
  const publication = (name: string, content: unknown): string => {
    const text = typeof content === "string" ? content : JSON.stringify(content);
    const file = write(`${name}/taiyuan-daily/publication.json`, text);
    return path.dirname(file);
  };
  /** The message `readPublicationManifest(folder)` rejects with. */
  const refusal = async (folder: string): Promise<string> => {
    const error: unknown = await readPublicationManifest(folder).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(PageInputError);
    return (error as PageInputError).message;
  };

  it("reads the seed publication's manifest", async () => {
    const seed = fileURLToPath(new URL("../../seeds/taiyuan-daily", import.meta.url));
    expect(await readPublicationManifest(seed)).toEqual(manifest);
  });

  it("names the file and the missing field", async () => {
    const { province: _, ...rest } = manifest;
    const folder = publication("no-province", rest);
    expect(await refusal(folder)).toBe(`${folder}/publication.json: missing field "province"`);
  });

  it("refuses a field that is not a non-empty string", async () => {
    const folder = publication("numeric-region", { ...manifest, region: 42 });
    expect(await refusal(folder)).toBe(`${folder}/publication.json: field "region" must be a non-empty string`);
  });

  it("refuses a slug that is not the folder's name", async () => {
    const folder = publication("other-slug", { ...manifest, slug: "taiyuan-evening" });
    expect(await refusal(folder)).toBe(
      `${folder}/publication.json: field "slug" is "taiyuan-evening" but the folder is named "taiyuan-daily"`,
    );
  });

  it("refuses a locale that is not a language tag", async () => {
    const folder = publication("bad-locale", { ...manifest, locale: "Chinese" });
    expect(await refusal(folder)).toBe(
      `${folder}/publication.json: field "locale" must be a language tag such as zh-CN, got "Chinese"`,
    );
  });

  it("refuses JSON that is not an object", async () => {
    const folder = publication("array", [manifest]);
    expect(await refusal(folder)).toBe(`${folder}/publication.json: not a JSON object`);
  });

  it("refuses text that is not JSON, in one line", async () => {
    const message = await refusal(publication("not-json", "name: 太原日报"));
    expect(message).toMatch(/publication\.json: not valid JSON \(.+\)$/);
    expect(message).not.toContain("\n");
  });

  it("refuses a missing manifest as file not found", async () => {
    const folder = path.join(root, "nothing", "taiyuan-daily");
    expect(await refusal(folder)).toBe(`${folder}/publication.json: file not found`);
  });
});
