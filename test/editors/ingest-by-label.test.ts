import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createTestDatabase } from "../support/database.ts";
import { ingestPaths } from "../../src/loader/edition-loader.ts";
import { projectRoot } from "../../src/lib/paths.ts";
import { data, editorServer, keyFor } from "./support.ts";

// The invented two-section edition (test/fixtures/sections): A01 is stored, B02 comes through the API.
const EDITION = path.join(projectRoot, "test", "fixtures", "sections", "city-evening", "2023-03-08");
const db = await createTestDatabase();
await ingestPaths(db.writer, [path.join(EDITION, "page-A01.txt")]);
const yoga = editorServer(db);
const EDITOR = await keyFor(db, "desk", "editor");
const B02 = fs.readFileSync(path.join(EDITION, "page-B02.txt"), "utf8");

const INGEST = `mutation($input: IngestPageInput!) { ingestPage(input: $input) {
  report { status articles continuationsResolved } page { number label section } errors { code message field } } }`;
const input = (page: Record<string, unknown>) => ({ input: { publication: "city-evening", date: "2023-03-08", text: B02, ...page } });

describe("ingestPage of a paper printed in sections", () => {
  it("refuses a page given by both number and label, by neither, or by a label that is not one, and writes nothing", async () => {
    const refusals = await Promise.all(
      [{ page: 1102, label: "B02" }, {}, { label: "B100" }, { page: 1000 }].map(async (page) => (await data(yoga, EDITOR, INGEST, input(page))).ingestPage),
    );
    expect(refusals.map((result) => [result.page, result.errors])).toEqual([
      [null, [{ code: "INVALID_INPUT", message: "Give the page's number or its label, not both and not neither.", field: "input.page" }]],
      [null, [{ code: "INVALID_INPUT", message: "Give the page's number or its label, not both and not neither.", field: "input.page" }]],
      [null, [{ code: "INVALID_INPUT", message: "A page label is a number from 1 to 999 or a section page such as A01.", field: "input.label" }]],
      [null, [{ code: "INVALID_INPUT", message: "A page number is from 1 to 999, or 1001 to 3599 for a section page (see Page.number).", field: "input.page" }]],
    ]);
    expect(await db.reader.page.count()).toBe(1);
  });

  it("stores a page given by its printed label, and links the jumps into it from A01", async () => {
    const result = await data(yoga, EDITOR, INGEST, input({ label: "b2" }));
    expect(result.ingestPage).toEqual({
      report: { status: "CREATED", articles: 2, continuationsResolved: 2 },
      page: { number: 1102, label: "B02", section: "B" },
      errors: [],
    });
  });
});
