import { describe, expect, it } from "vitest";
import { createTestDatabase } from "../support/database.ts";
import { PICKUP_PAGE, SAMPLE_HEADLINES, SAMPLE_TEXT, TAIYUAN_DAILY, loadSample } from "../support/sample.ts";
import { ingestPaths } from "../../src/loader/edition-loader.ts";
import { parsePage } from "../../src/ingest/parse-page.ts";
import { writePage } from "../../src/loader/write-page.ts";
import { data, editorServer, keyFor, revisions, } from "./support.ts";

const db = await createTestDatabase();
await loadSample(db.writer);
await ingestPaths(db.writer, [PICKUP_PAGE]);
const yoga = editorServer(db);
const EDITOR = await keyFor(db, "desk", "editor");
const ADMIN = await keyFor(db, "chief", "admin");

const PAGE = (number: number) => `page(publication: "taiyuan-daily", date: "2022-06-03", number: ${number})`;
const ARTICLES = `{ ${PAGE(1)} { articles { id position kicker headline subheadline body
  credits { role label person { name } } mentions { person { name } }
  continuation { toPageNumber marker to { position page { number } } }
  revisions { action before after actor createdAt } } } }`;
// Read with the editor's key: revisions name their key (actor) only to editors.
const articles = async () => (await data(yoga, EDITOR, ARTICLES)).page.articles as any[];
const personNamed = async (name: string) =>
  (await data(yoga, EDITOR, `query($name: String!) { person(name: $name) { id name mentionCount revisions { action before after actor createdAt } } }`, { name })).person;

const UPDATE = `mutation($id: ID!, $patch: ArticlePatch!) { updateArticle(id: $id, patch: $patch) {
  article { headline body credits { role label person { name } } } errors { code message field } } }`;
const RENAME = `mutation($id: ID!, $name: String!) { renamePerson(id: $id, name: $name) { person { name pinyin } errors { code message field } } }`;
const MERGE = `mutation($into: ID!, $from: ID!) { mergePeople(into: $into, from: $from) { person { name mentionCount } errors { code message field } } }`;
const LINK = `mutation($from: ID!, $to: ID!) { linkContinuation(from: $from, to: $to) {
  continuation { marker toPageNumber resolved from { position } to { position page { number } } } errors { code message field } } }`;
const INGEST = `mutation($input: IngestPageInput!) { ingestPage(input: $input) {
  report { status articles continuationsResolved correctionsKept } page { number } errors { code message field } } }`;

const original = await articles();
const first = original[0];

describe("editors' corrections", () => {
  it("updateArticle corrects the headline and credits, with a revision of each (who, before, after)", async () => {
    const patch = {
      headline: "太忻两市人大常委会座谈会举行",
      credits: [
        { name: "殷雪莹", role: "REPORTER", label: "记者" },
        { name: "梁涛", role: "REPORTER", label: "记者" },
      ],
    };
    const result = await data(yoga, EDITOR, UPDATE, { id: first.id, patch });
    expect(result.updateArticle).toEqual({
      article: {
        headline: "太忻两市人大常委会座谈会举行",
        body: first.body,
        credits: [
          { role: "REPORTER", label: "记者", person: { name: "殷雪莹" } },
          { role: "REPORTER", label: "记者", person: { name: "梁涛" } },
        ],
      },
      errors: [],
    });
    const [after] = await articles();
    const creditsBefore = first.credits.map((credit: any) => ({ name: credit.person.name, role: credit.role, label: credit.label }));
    expect(creditsBefore.map((credit: any) => credit.name)).toEqual(["殷雪莹", "梁涛", "梁琛"]);
    expect(revisions(after.revisions)).toEqual([
      { action: "headline", actor: "desk", before: SAMPLE_HEADLINES[0], after: "太忻两市人大常委会座谈会举行" },
      { action: "credits", actor: "desk", before: creditsBefore, after: patch.credits },
    ]);
    expect(Date.now() - Date.parse(after.revisions[0].createdAt)).toBeLessThan(60_000);
    // The same patch again changes nothing and writes no revision.
    const dump = await db.dump();
    expect((await data(yoga, EDITOR, UPDATE, { id: first.id, patch })).updateArticle.errors).toEqual([]);
    expect(await db.dump()).toEqual(dump);
  });

  it("renamePerson renames, and refuses another person's name as a CONFLICT pointing to mergePeople", async () => {
    const person = await personNamed("李俊华");
    const renamed = await data(yoga, EDITOR, RENAME, { id: person.id, name: "李浚华" });
    expect(renamed.renamePerson).toEqual({ person: { name: "李浚华", pinyin: "lijunhua" }, errors: [] });
    expect(revisions((await personNamed("李浚华")).revisions)).toEqual([{ action: "name", actor: "desk", before: "李俊华", after: "李浚华" }]);
    expect(await personNamed("李俊华")).toBeNull();

    const dump = await db.dump();
    const conflict = await data(yoga, EDITOR, RENAME, { id: person.id, name: "韦韬" });
    expect(conflict.renamePerson).toEqual({
      person: null,
      errors: [{ code: "CONFLICT", message: "Another person is named 韦韬: use mergePeople to make them one.", field: "name" }],
    });
    expect(await db.dump()).toEqual(dump);
  });

  it("mergePeople moves mentions to the person that remains, keeps the merged person's revisions and deletes it", async () => {
    const weitao = await personNamed("韦韬");
    const zhangtao = await personNamed("张韬");
    await data(yoga, ADMIN, RENAME, { id: zhangtao.id, name: "张滔" });
    const merged = await data(yoga, ADMIN, MERGE, { into: weitao.id, from: zhangtao.id });
    expect(merged.mergePeople).toEqual({ person: { name: "韦韬", mentionCount: weitao.mentionCount + 1 }, errors: [] });
    expect(await personNamed("张滔")).toBeNull();
    expect((await data(yoga, null, `query($id: ID!) { node(id: $id) { id } }`, { id: zhangtao.id })).node).toBeNull();
    const last = (await articles())[7];
    expect(last.mentions.map((mention: any) => mention.person.name)).toEqual(["韦韬", "习近平"]);
    expect(revisions((await personNamed("韦韬")).revisions)).toEqual([
      { action: "name", actor: "chief", before: "张韬", after: "张滔" },
      {
        action: "merge",
        actor: "chief",
        before: { into: { name: "韦韬", mentionCount: weitao.mentionCount }, from: { name: "张滔", mentionCount: 1 } },
        after: { name: "韦韬", mentionCount: weitao.mentionCount + 1 },
      },
    ]);
  });

  it("linkContinuation links an article to a pickup over the automatic match, with a revision", async () => {
    const pickup = (await data(yoga, null, `{ ${PAGE(3)} { articles { id position continuedFrom { from { position } } } } }`)).page.articles[0];
    expect(pickup.continuedFrom.from.position).toBe(2);
    const last = original[7];
    expect(last.continuation).toBeNull();
    const result = await data(yoga, EDITOR, LINK, { from: last.id, to: pickup.id });
    expect(result.linkContinuation).toEqual({
      continuation: { marker: "", toPageNumber: 3, resolved: true, from: { position: 8 }, to: { position: 1, page: { number: 3 } } },
      errors: [],
    });
    const now = await articles();
    expect(now[1].continuation).toEqual({ toPageNumber: 3, marker: "(下转第3版)", to: null });
    expect(revisions(now[7].revisions)).toEqual([
      { action: "continuation", actor: "desk", before: null, after: { toPageNumber: 3, to: { page: 3, position: 1 } } },
    ]);
  });

  it("a re-ingest by a newer parser keeps every correction and says how many", async () => {
    const parsed = parsePage(SAMPLE_TEXT, { issueDate: "2022-06-03", region: { city: "太原市", province: "山西省" } });
    const dumpBefore = await db.dump();
    const result = await writePage(db.writer, { publication: TAIYUAN_DAILY, date: "2022-06-03", pageNumber: 1, text: SAMPLE_TEXT }, parsed, "newer-parser");
    // headline, credits and the jump of page 1, and the two former names it prints again (李俊华, 张韬).
    expect(result).toMatchObject({ status: "replaced", articles: 8, correctionsKept: 5 });
    await expectCorrectionsKept();
    // Nothing an editor made was lost or duplicated: revisions and corrections are as they were.
    const dumpAfter = await db.dump();
    for (const table of ["Revision", "Correction", "PersonAlias", "ApiKey"]) expect(dumpAfter[table]).toEqual(dumpBefore[table]);
  });

  it("ingestPage with changed text keeps the corrections and reports them; the jump into page 3 survives page 3's re-ingest", async () => {
    const input = { publication: "taiyuan-daily", date: "2022-06-03", page: 1, text: `${SAMPLE_TEXT}\n` };
    const result = await data(yoga, EDITOR, INGEST, { input });
    expect(result.ingestPage).toEqual({
      // The five jumps page 3 picks up are matched again, on the headlines as printed; then the
      // editor's link (a kept correction) takes page 1's second article's pickup.
      report: { status: "REPLACED", articles: 8, continuationsResolved: 5, correctionsKept: 5 },
      page: { number: 1 },
      errors: [],
    });
    await expectCorrectionsKept();
    const { readFile } = await import("node:fs/promises");
    const pickups = `${await readFile(PICKUP_PAGE, "utf8")}\n`;
    const again = await data(yoga, EDITOR, INGEST, { input: { ...input, page: 3, text: pickups } });
    expect(again.ingestPage.report).toEqual({ status: "REPLACED", articles: 5, continuationsResolved: 5, correctionsKept: 1 });
    await expectCorrectionsKept();
    const pageRevisions = await db.reader.revision.findMany({ where: { entityType: "Page" }, orderBy: { id: "asc" } });
    expect(pageRevisions.map((revision) => [revision.action, revision.actor])).toEqual([
      ["ingest", "desk"],
      ["ingest", "desk"],
    ]);
  });

  it("ingestPage stores a new page; the former names it prints go to the renamed and merged people", async () => {
    const input = { publication: "taiyuan-daily", date: "2022-06-10", page: 1, text: SAMPLE_TEXT };
    const result = await data(yoga, EDITOR, INGEST, { input });
    // A rename or merge holds for the whole archive: 李俊华 and 张韬, printed on the new page, are 李浚华 and 韦韬.
    expect(result.ingestPage).toEqual({
      report: { status: "CREATED", articles: 8, continuationsResolved: 0, correctionsKept: 2 },
      page: { number: 1 },
      errors: [],
    });
    const people = await data(yoga, null, `{ issue(publication: "taiyuan-daily", date: "2022-06-10") { pages { articles { authors { name } mentions { person { name } } } } } }`);
    const last = people.issue.pages[0].articles[7];
    expect(last).toEqual({ authors: [{ name: "李浚华" }], mentions: [{ person: { name: "韦韬" } }, { person: { name: "习近平" } }] });
    // Page 3's pickup names 韦韬 too ("(上接第1版)韦韬强调,…"): the reporting verb is the cue.
    expect((await personNamed("韦韬")).mentionCount).toBe(9);
  });
});

async function expectCorrectionsKept() {
  const now = await articles();
  expect(now.map((article) => article.headline)).toEqual(["太忻两市人大常委会座谈会举行", ...SAMPLE_HEADLINES.slice(1)]);
  expect(now[0].credits.map((credit: any) => [credit.role, credit.person.name])).toEqual([
    ["REPORTER", "殷雪莹"],
    ["REPORTER", "梁涛"],
  ]);
  expect(now[3].credits.map((credit: any) => credit.person.name)).toEqual(["李浚华"]);
  expect(now[7].credits.map((credit: any) => credit.person.name)).toEqual(["李浚华"]);
  expect(now[7].mentions.map((mention: any) => mention.person.name)).toEqual(["韦韬", "习近平"]);
  expect(now[7].continuation).toEqual({ toPageNumber: 3, marker: "", to: { position: 1, page: { number: 3 } } });
  expect(now[1].continuation.to).toBeNull();
  for (const name of ["李俊华", "张韬", "张滔"]) expect(await personNamed(name)).toBeNull();
  const weitao = await personNamed("韦韬");
  expect(weitao.mentionCount).toBe(await db.reader.mention.count({ where: { personId: Number(Buffer.from(weitao.id, "base64").toString().split(":")[1]) } }));
  // Page 3's pickup names 韦韬 too ("(上接第1版)韦韬强调,…"): the reporting verb is the cue.
  expect(weitao.mentionCount).toBe(5);
}
