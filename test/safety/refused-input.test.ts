import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ingestPaths } from "../../src/loader/edition-loader.ts";
import { createTestDatabase } from "../support/database.ts";
import { generatePages } from "../support/generated-corpus.ts";
import { answeredPromptlyBeside } from "../support/promptly.ts";
import { SAMPLE_TEXT, loadSample } from "../support/sample.ts";
import { editorServer, keyFor, run } from "../editors/support.ts";
import { parsePage } from "../../src/ingest/parse-page.ts";

// Input the archive cannot hold is refused with an error naming it, before anything is
// written, by the mutation and by the command line, which goes on with the other files.
const db = await createTestDatabase();
await loadSample(db.writer);
const yoga = editorServer(db);
const EDITOR = await keyFor(db, "desk", "editor");
const root = fs.mkdtempSync(path.join(os.tmpdir(), "papergraph-refused-"));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const INGEST = `mutation($input: IngestPageInput!) { ingestPage(input: $input) { errors { code message field } } }`;
const ingest = (input: Record<string, unknown>) => run(yoga, EDITOR, INGEST, { input: { publication: "taiyuan-daily", date: "2022-06-05", page: 2, text: SAMPLE_TEXT, ...input } });
/** 512 articles in the OCR form, one heading and paragraph each. */
const CROWDED = generatePages(1, { seed: 9, articlesPerPage: 512 })[0]!.text;
const CROWDED_ARTICLES = parsePage(CROWDED, { issueDate: "2022-06-05", region: { city: "太原市", province: "山西省" } }).articles.length;

describe("input the archive cannot hold", () => {
  it("ingestPage refuses page numbers no page label names (0, 1000, past 3599), dates outside 1700-01-01 to 2417-09-22 and pages of over 511 articles as INVALID_INPUT, writing nothing", async () => {
    const before = await db.dump();
    for (const page of [1000, 1100, 3600, 4096, 0]) {
      expect((await ingest({ page })).data.ingestPage.errors).toEqual([
        { code: "INVALID_INPUT", message: "A page number is from 1 to 999, or 1001 to 3599 for a section page (see Page.number).", field: "input.page" },
      ]);
    }
    for (const date of ["1699-12-31", "1000-01-01", "2417-09-23", "9999-12-31"]) {
      expect((await ingest({ date })).data.ingestPage.errors).toEqual([{ code: "INVALID_INPUT", message: "An issue date is from 1700-01-01 to 2417-09-22.", field: "input.date" }]);
    }
    // 512 articles are 800 KB of text: over the default MAX_BODY_BYTES, refused before it is parsed;
    // a deployment that takes larger bodies still stores no page of over 511 articles.
    const crowded = { input: { publication: "taiyuan-daily", date: "2022-06-05", page: 2, text: CROWDED } };
    const refusedBody = await run(yoga, EDITOR, INGEST, crowded);
    expect(refusedBody.data).toBeUndefined();
    expect(refusedBody.errors?.map((error) => [error.message, error.extensions?.code])).toEqual([["Request body too large", "REQUEST_ENTITY_TOO_LARGE"]]);
    const largeBodies = editorServer(db, { limits: { maxBodyBytes: 2_000_000 } });
    expect((await run(largeBodies, EDITOR, INGEST, crowded)).data.ingestPage.errors).toEqual([
      { code: "INVALID_INPUT", message: `The text cannot be ingested: the page holds ${CROWDED_ARTICLES} articles; at most 511 are stored.`, field: "input.text" },
    ]);
    expect(await db.dump()).toEqual(before);
    // At the bounds, stored.
    expect((await ingest({ page: 999, date: "2417-09-22" })).data.ingestPage.errors).toEqual([]);
    expect((await ingest({ page: 3599, date: "2417-09-22" })).data.ingestPage.errors).toEqual([]);
    expect((await ingest({ page: 1, date: "1700-01-01" })).data.ingestPage.errors).toEqual([]);
  });

  it("refuses a NUL character in any string argument as BAD_USER_INPUT naming it, written, as a variable or nested in an input", async () => {
    const cases: [string, Record<string, unknown>, string][] = [
      [`{ person(name: "韦\\u0000韬") { name } }`, {}, 'Argument "name" of Query.person holds a NUL character (U+0000), which no text may hold.'],
      [`query($q: String!) { search(query: $q) { totalCount } }`, { q: "韦韬\u0000" }, 'Argument "query" of Query.search holds a NUL character (U+0000), which no text may hold.'],
      [`query($f: ArticleFilter) { articles(filter: $f) { totalCount } }`, { f: { personName: "\u0000" } }, 'Argument "filter.personName" of Query.articles holds a NUL character (U+0000), which no text may hold.'],
      [`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: ["QXJ0aWNsZTox", "\u0000"] }, 'Argument "ids.1" of Query.nodes holds a NUL character (U+0000), which no text may hold.'],
      [INGEST, { input: { publication: "taiyuan-daily", date: "2022-06-05", page: 2, text: `${SAMPLE_TEXT}\u0000` } }, 'Argument "input.text" of Mutation.ingestPage holds a NUL character (U+0000), which no text may hold.'],
    ];
    for (const [query, variables, message] of cases) {
      const answer = await run(yoga, EDITOR, query, variables);
      expect(answer.errors).toEqual([{ message, extensions: { code: "BAD_USER_INPUT" } }]);
      expect(answer.data).toBeUndefined();
    }
  });

  it("the command line reports each file the archive cannot hold, naming it, and ingests the others", async () => {
    const edition = (date: string) => path.join(root, "taiyuan-daily", date);
    fs.mkdirSync(path.join(root, "taiyuan-daily"), { recursive: true });
    fs.writeFileSync(path.join(root, "taiyuan-daily", "publication.json"), JSON.stringify({ slug: "taiyuan-daily", name: "太原日报", locale: "zh-CN", region: "太原市", province: "山西省" }));
    const files = {
      page999: path.join(edition("2022-07-01"), "page-999.txt"),
      crowded: path.join(edition("2022-07-01"), "page-03.txt"),
      early: path.join(edition("1650-01-01"), "page-01.txt"),
      late: path.join(edition("2500-01-01"), "page-01.txt"),
      good: path.join(edition("2022-07-01"), "page-01.txt"),
    };
    for (const [name, file] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, name === "crowded" ? CROWDED : SAMPLE_TEXT);
    }
    const summary = await answeredPromptlyBeside(yoga, () => ingestPaths(db.writer, [root]));
    expect(CROWDED_ARTICLES).toBeGreaterThan(511);
    // Page 999 is the last plain page a label names: stored beside the good page.
    expect(summary.pages.created).toBe(2);
    expect(new Map(summary.errors.map((error) => [error.input, error.message]))).toEqual(
      new Map([
        [files.crowded, `${files.crowded}: the page holds ${CROWDED_ARTICLES} articles; at most 511 are stored`],
        [files.early, `${files.early}: the date 1650-01-01 is outside 1700-01-01 to 2417-09-22, the issue dates the archive holds`],
        [files.late, `${files.late}: the date 2500-01-01 is outside 1700-01-01 to 2417-09-22, the issue dates the archive holds`],
      ]),
    );
  });
});
