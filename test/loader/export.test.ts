import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { query } from "../support/graphql.ts";
import { PICKUP_PAGE, SAMPLE_TEXT, TAIYUAN_DAILY, datesAfter, loadSample, loadSampleOnDates } from "../support/sample.ts";
import { ingestPaths } from "../../src/loader/edition-loader.ts";
import { exportPublication, type ExportOptions, type LineSink } from "../../src/loader/export.ts";
import { createServer } from "../../src/server/index.ts";
import { linkContinuation, renamePerson, updateArticle } from "../../src/loader/corrections.ts";
import { writePage } from "../../src/loader/write-page.ts";
import { parsePage } from "../../src/ingest/parse-page.ts";
import { rowId } from "../../src/schema/global-id.ts";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "papergraph-export-"));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

/** Collects what an export writes. */
function collector(): LineSink & { text(): string } {
  const chunks: string[] = [];
  return { write: (chunk) => {
      chunks.push(chunk);
      return true;
    }, once: () => undefined, off: () => undefined, text: () => chunks.join("") };
}

async function exportText(db: TestDatabase, options: ExportOptions = {}): Promise<string> {
  const sink = collector();
  await exportPublication(db.reader, "taiyuan-daily", sink, options);
  return sink.text();
}

const LATER_DATES = datesAfter("2022-06-03", 3); // 2022-06-04 … 2022-06-06

// The sample front page with its pickups on page 3 (jumps resolved), then the front page again on three later dates.
const original = await createTestDatabase();
await loadSample(original.writer);
await ingestPaths(original.writer, [PICKUP_PAGE]);
await loadSampleOnDates(original.writer, LATER_DATES);
// A small batch, so that the keyset pagination crosses issues and pages.
const exported = await exportText(original, { batchSize: 2 });
const backup = path.join(root, "backup.ndjson");
fs.writeFileSync(backup, exported);

const restored = await createTestDatabase();
const restoreSummary = await ingestPaths(restored.writer, [backup]);

const FRONT_PAGE = `{ issue(publication: "taiyuan-daily", date: "2022-06-03") {
  id date
  publication { id slug name locale region province }
  pages {
    id number section text
    photos { id caption span { start end } photographer { id name } article { id headline } }
    continuationsOut { id toPageNumber marker resolved from { id headline } to { id headline page { number } } }
    continuationsIn { id marker resolved from { id headline page { number } } }
    articles {
      id position kicker headline subheadline source dispatch dateline eventDate body paragraphs continuedFromPage
      span { start end }
      credits { id role label span { start end } person { id name pinyin } }
      reporters { id name } photographers { id name } authors { id name }
      mentions { id title normalisedTitle span { start end } titleSpan { start end } person { id name pinyin mentionCount } }
      photos { id caption }
      continuation { id toPageNumber marker resolved to { id headline position page { number } } }
      continuedFrom { id marker from { id headline } }
      story { id headline pages complete body parts { id } }
    }
  }
} }`;

const PERSON = `{ person(name: "韦韬") {
  id name pinyin mentionCount
  titles { title normalisedTitle printedTitles firstSeen lastSeen count }
  articles(first: 10, role: MENTIONED) { totalCount edges { cursor node { id headline issue { date } page { number } } } pageInfo { hasNextPage endCursor } }
  mentions(first: 10) { totalCount edges { node { id title normalisedTitle article { id } } } }
  credits(first: 10) { totalCount }
  coMentioned(first: 5) { person { id name } sharedArticles }
} }`;

const LISTS = `{
  reporter: articles(filter: { personName: "殷雪莹", role: REPORTER, from: "2022-06-01", to: "2022-06-30" }, first: 20) {
    totalCount edges { cursor node { id headline issue { date } page { number } } } pageInfo { hasNextPage endCursor }
  }
  june4: articles(filter: { from: "2022-06-04", to: "2022-06-04" }, first: 20) { totalCount edges { node { id position headline } } }
  issues(publication: "taiyuan-daily", first: 10) { totalCount edges { cursor node { id date pages { id number } } } }
  people(first: 100) { totalCount edges { cursor node { id name pinyin mentionCount } } }
  photographer: person(name: "梁琛") { id credits(first: 10) { totalCount edges { node { id role article { id headline } } } } }
}`;

async function answers(db: TestDatabase) {
  // These queries read everything of the sample at once (170 IDs in one nodes), past the
  // default cost and list limits: compared here, not limited.
  const yoga = createServer(db.reader, { limits: { maxCost: Number.POSITIVE_INFINITY, maxListItems: Number.POSITIVE_INFINITY } });
  const front = await query(yoga, FRONT_PAGE);
  const person = await query(yoga, PERSON);
  const lists = await query(yoga, LISTS);
  return { front, person, lists, yoga };
}

describe("export and reload", () => {
  it("writes one self-contained line per page, in date and page order", () => {
    const lines = exported.trimEnd().split("\n").map((line) => JSON.parse(line));
    expect(lines.map((line) => [line.date, line.page])).toEqual([
      ["2022-06-03", 1],
      ["2022-06-03", 3],
      ...LATER_DATES.map((date) => [date, 1]),
    ]);
    const [front] = lines;
    expect(front).toMatchObject({
      format: "papergraph-export",
      version: 3,
      corrections: [],
      publication: { slug: "taiyuan-daily", name: "太原日报", locale: "zh-CN", region: "太原市", province: "山西省" },
    });
    expect(front.articles).toHaveLength(8);
    expect(front.articles[0].mentions[0]).toMatchObject({ name: "韦韬", title: "省委常委、太原市委书记", normalisedTitle: "山西省委常委、太原市委书记" });
    expect(front.label).toBe("1");
    expect(front.articles[0].continuesOn).toEqual({ page: 3, label: "3", text: "(下转第3版)", to: { page: 3, position: 2 } });
    // Each story with a part on the page, as its parts in reading order: both pages name the five of this issue.
    const stories = ([[1, 2], [2, 1], [3, 3], [6, 5], [7, 4]] as const).map(([first, pickup]) => ({ parts: [{ page: 1, position: first }, { page: 3, position: pickup }], complete: true }));
    expect(front.stories).toEqual(stories);
    expect(lines[1].stories).toEqual([...stories].sort((a, b) => a.parts[1]!.position - b.parts[1]!.position));
    expect(lines[2].stories).toEqual([]);
    expect(exported.endsWith("\n")).toBe(true);
  });

  it("reloads into a fresh database without parsing, jumps linked as they were stored", () => {
    expect(restoreSummary).toEqual({
      files: 1,
      pages: { created: 5, replaced: 0, unchanged: 0 },
      articles: 8 * 4 + 5,
      people: expect.any(Number),
      continuationsResolved: 5,
      correctionsKept: 0,
      errors: [],
    });
  });

  it("answers every query of the restored database as the original does, global IDs included", async () => {
    const before = await answers(original);
    const after = await answers(restored);
    expect(after.front).toEqual(before.front);
    expect(after.person).toEqual(before.person);
    expect(after.lists).toEqual(before.lists);
    // The answers compared are not empty: jumps resolved, timelines and lists filled.
    const pages = before.front.issue.pages;
    expect(pages.map((page: { number: number }) => page.number)).toEqual([1, 3]);
    expect(pages[0].continuationsOut.filter((jump: { resolved: boolean }) => jump.resolved)).toHaveLength(5);
    expect(before.person.person.titles.length).toBeGreaterThan(0);
    expect(before.lists.reporter.totalCount).toBe(12); // three articles on each of the four front pages

    // Every ID the original gave out names the same object in the restored database.
    const ids = [...JSON.stringify(before.front).matchAll(/"id":"([^"]+)"/g)].map((match) => match[1]!);
    expect(ids.length).toBeGreaterThan(100);
    const NODES = `query ($ids: [ID!]!) { nodes(ids: $ids) { __typename id ... on Article { headline } ... on Person { name } ... on Page { number } } }`;
    const fromOriginal = await query(before.yoga, NODES, { ids });
    expect(fromOriginal.nodes.every((node: unknown) => node !== null)).toBe(true);
    expect(await query(after.yoga, NODES, { ids })).toEqual(fromOriginal);
  });

  it("exports the same lines again from the restored database", async () => {
    expect(await exportText(restored)).toBe(exported);
  });

  it("leaves a restored page alone when the same export is loaded again", async () => {
    const again = await ingestPaths(restored.writer, [backup]);
    expect(again.pages).toEqual({ created: 0, replaced: 0, unchanged: 5 });
    expect(again.errors).toEqual([]);
  });

  it("restores what was stored, not what the text would parse to", async () => {
    // An editor's correction lives only in the database, and a repeated credit the writer
    // skipped leaves a gap in the positions: both must come back as they were.
    const line = JSON.parse(exported.split("\n")[0]!);
    line.articles[0].headline = "更正后的标题";
    line.articles[0].mentions[0].normalisedTitle = "山西省委常委、太原市委书记(更正)";
    line.articles[0].credits[1].position = 2;
    line.articles[0].credits[2].position = 3;
    const file = path.join(root, "edited.ndjson");
    fs.writeFileSync(file, `${JSON.stringify(line)}\n`);
    const db = await createTestDatabase();
    expect((await ingestPaths(db.writer, [file])).errors).toEqual([]);
    const article = await db.reader.article.findFirstOrThrow({
      where: { position: 1 },
      select: { headline: true, mentions: { orderBy: { position: "asc" }, take: 1, select: { normalisedTitle: true } }, credits: { orderBy: { position: "asc" }, select: { position: true, person: { select: { name: true } } } } },
    });
    expect(article.headline).toBe("更正后的标题");
    expect(article.mentions[0]!.normalisedTitle).toBe("山西省委常委、太原市委书记(更正)");
    expect(article.credits).toEqual([
      { position: 0, person: { name: "殷雪莹" } },
      { position: 2, person: { name: "梁涛" } },
      { position: 3, person: { name: "梁琛" } },
    ]);
    const sink = collector();
    await exportPublication(db.reader, "taiyuan-daily", sink);
    // Page 3 is not in this database: the page's stories are not either.
    expect(sink.text()).toBe(`${JSON.stringify({ ...line, stories: [] })}\n`.replace(/"to":\{"page":3,"position":\d\}/g, '"to":null'));
  });

  it("keeps to the --from/--to dates", async () => {
    const text = await exportText(original, { from: LATER_DATES[0], to: LATER_DATES[1] });
    const lines = text.trimEnd().split("\n").map((line) => JSON.parse(line));
    expect(lines).toHaveLength(2);
    expect(lines.map((line) => [line.date, line.page])).toEqual([
      [LATER_DATES[0], 1],
      [LATER_DATES[1], 1],
    ]);
    expect(await exportText(original, { from: "2022-06-03", to: "2022-06-03" })).toBe(`${exported.split("\n").slice(0, 2).join("\n")}\n`);
    expect(await exportText(original, { from: "2023-01-01" })).toBe("");
  });

  it("reports a bad line with file and line number, and loads the others", async () => {
    const good = exported.trimEnd().split("\n");
    const noText = JSON.parse(good[1]!);
    delete noText.text;
    const badCredit = JSON.parse(good[2]!);
    badCredit.articles[0].credits[0].role = "EDITOR";
    const file = path.join(root, "damaged.jsonl");
    fs.writeFileSync(
      file,
      [
        good[0],
        "{ this is not json",
        JSON.stringify({ format: "something-else", version: 1 }),
        JSON.stringify(noText),
        "",
        JSON.stringify(badCredit),
        JSON.stringify({ ...JSON.parse(good[3]!), version: 4 }),
        good[4],
      ].join("\n"),
    );
    const db = await createTestDatabase();
    const summary = await ingestPaths(db.writer, [file]);
    expect(summary.pages).toEqual({ created: 2, replaced: 0, unchanged: 0 });
    expect(summary.files).toBe(1);
    expect(summary.errors.map((error) => error.input)).toEqual([2, 3, 4, 6, 7].map((line) => `${file}:${line}`));
    expect(summary.errors[0]!.message).toMatch(new RegExp(`^${escapeRegExp(file)}:2: not JSON \\(.+\\)$`));
    expect(summary.errors.slice(1).map((error) => error.message)).toEqual([
      `${file}:3: not a papergraph export line (format is "something-else", not "papergraph-export")`,
      `${file}:4: not a papergraph export line (missing "text")`,
      `${file}:6: not a papergraph export line ("articles[0].credits[0].role" is not one of REPORTER, PHOTOGRAPHER, AUTHOR)`,
      `${file}:7: export version 4 is not supported (this papergraph reads versions 1 to 3)`,
    ]);
    const dates = (await db.reader.issue.findMany({ orderBy: { date: "asc" }, select: { date: true } })).map((issue) => issue.date);
    expect(dates).toEqual(["2022-06-03", LATER_DATES[2]]);
  });

  it("refuses a line whose spans lie outside its text", async () => {
    const line = JSON.parse(exported.split("\n")[0]!);
    line.articles[2].mentions[0].span = { start: 10, end: line.text.length + 1 };
    const file = path.join(root, "spans.ndjson");
    fs.writeFileSync(file, `${JSON.stringify(line)}\n`);
    const db = await createTestDatabase();
    const summary = await ingestPaths(db.writer, [file]);
    expect(summary.errors).toEqual([
      { input: `${file}:1`, message: `${file}:1: not a papergraph export line ("articles[2].mentions[0].span" lies outside the page text)` },
    ]);
    expect(await db.reader.page.count()).toBe(0);
  });

  it("reads a batch of pages in a fixed number of statements, however many pages it holds", async () => {
    original.resetStatements();
    await exportText(original, { from: "2022-06-05", to: "2022-06-05" });
    const onePage = original.statements.length;
    original.resetStatements();
    await exportText(original);
    expect(original.statements.length).toBe(onePage);
  });

  it("refuses to export a publication the database does not hold, naming those it does", async () => {
    await expect(exportPublication(original.reader, "nowhere-daily", collector())).rejects.toThrow(
      'unknown publication "nowhere-daily" (the database holds: taiyuan-daily)',
    );
  });
});

describe("editors' corrections in an export", () => {
  const EDITOR = { id: 0, name: "desk", scope: "editor" as const };
  const REVISIONS = "revisions { action before after actor createdAt }";
  const FRONT = `{ page(publication: "taiyuan-daily", date: "2022-06-03", number: 1) {
    articles { id position headline credits { role label person { name } } continuation { to { position page { number } } }
      mentions { person { name ${REVISIONS} } } ${REVISIONS} } } }`;
  const PAGE_3 = `{ page(publication: "taiyuan-daily", date: "2022-06-03", number: 3) { articles { id position } } }`;

  it("carries them, and a restored archive keeps them winning over the parser on re-ingest", async () => {
    const edited = await createTestDatabase();
    await loadSample(edited.writer);
    await ingestPaths(edited.writer, [PICKUP_PAGE]);
    const yoga = createServer(edited.reader);
    const [first, second] = (await query(yoga, FRONT)).page.articles;
    const pickups = (await query(yoga, PAGE_3)).page.articles;
    const credits = [{ name: "殷雪莹", role: "REPORTER" as const, label: "记者" }];
    expect((await updateArticle(edited.writer, EDITOR, rowId(first.id, "Article"), { headline: "改过的标题", credits })).errors).toEqual([]);
    // The second article's jump, linked by hand to the last pickup of page 3.
    expect((await linkContinuation(edited.writer, EDITOR, rowId(second.id, "Article"), rowId(pickups.at(-1).id, "Article"))).errors).toEqual([]);
    const weitao = await edited.reader.person.findUniqueOrThrow({ where: { name: "韦韬" }, select: { id: true } });
    expect((await renamePerson(edited.writer, EDITOR, weitao.id, "韦韬同志")).errors).toEqual([]);

    const text = await exportText(edited);
    const line = JSON.parse(text.split("\n")[0]!);
    expect(line.corrections).toEqual([
      { position: first.position, field: "credits", value: [{ name: "殷雪莹", role: "REPORTER", label: "记者" }], updatedAt: expect.any(String) },
      { position: first.position, field: "headline", value: "改过的标题", updatedAt: expect.any(String) },
      { position: second.position, field: "continuation", value: { page: 3, position: pickups.at(-1).position }, updatedAt: expect.any(String) },
    ]);
    expect(line.articles[0].revisions.map((revision: any) => [revision.action, revision.after])).toEqual([
      ["headline", "改过的标题"],
      ["credits", credits],
    ]);
    expect(line.people).toEqual([
      { name: "韦韬同志", formerNames: ["韦韬"], revisions: [{ action: "name", before: "韦韬", after: "韦韬同志", actor: "desk", createdAt: expect.any(String) }] },
    ]);
    const file = path.join(root, "corrected.ndjson");
    fs.writeFileSync(file, text);
    const copy = await createTestDatabase();
    const summary = await ingestPaths(copy.writer, [file]);
    expect(summary.errors).toEqual([]);
    const stored = (db: TestDatabase) =>
      db.reader.correction.findMany({ orderBy: [{ position: "asc" }, { field: "asc" }], select: { position: true, field: true, value: true, updatedAt: true } });
    expect(await stored(copy)).toEqual(await stored(edited));
    const restoredYoga = createServer(copy.reader);
    const front = async (server: typeof yoga) => (await query(server, FRONT)).page.articles.map(({ id: _, ...article }: any) => article);
    expect(await front(restoredYoga)).toEqual(await front(yoga));
    expect(await exportText(copy)).toBe(text);
    // In file order, page 3's pickups named the jumps they pick up (picksUp); in the other order,
    // page 3 first, page 1's jumps name their pickups (continuesOn.to).
    const reversed = path.join(root, "corrected-reversed.ndjson");
    fs.writeFileSync(reversed, `${text.trimEnd().split("\n").reverse().join("\n")}\n`);
    const other = await createTestDatabase();
    expect((await ingestPaths(other.writer, [reversed])).errors).toEqual([]);
    expect(await front(createServer(other.reader))).toEqual(await front(yoga));

    const formerNames = (db: TestDatabase) => db.reader.personAlias.findMany({ select: { name: true, person: { select: { name: true } } } });
    expect(await formerNames(copy)).toEqual([{ name: "韦韬", person: { name: "韦韬同志" } }]);

    // A newer parser reads the page again: the editors' values stay, and the name printed
    // there, 韦韬, still goes to the renamed person.
    const reread = await writePage(copy.writer, { publication: TAIYUAN_DAILY, date: "2022-06-03", pageNumber: 1, text: SAMPLE_TEXT }, parsePage(SAMPLE_TEXT, { issueDate: "2022-06-03" }), "a-newer-parser");
    expect(reread).toMatchObject({ status: "replaced", correctionsKept: 4 });
    expect(await front(restoredYoga)).toEqual(await front(yoga));
    expect(await copy.reader.person.findUnique({ where: { name: "韦韬" } })).toBeNull();
  });

  it("refuses a correction of a field editors cannot correct or with a value its field cannot hold, and malformed history", async () => {
    const line = JSON.parse(exported.split("\n")[0]!);
    const file = path.join(root, "bad-corrections.ndjson");
    const withCorrections = (...corrections: unknown[]) => JSON.stringify({ ...line, corrections });
    const at = "2026-11-28T12:00:00.000Z";
    fs.writeFileSync(
      file,
      [
        withCorrections({ position: 0, field: "dateline", value: "6月2日", updatedAt: at }),
        withCorrections({ position: 0, field: "credits", value: [{ name: "殷雪莹", role: "EDITOR", label: null }], updatedAt: at }),
        withCorrections({ position: 0, field: "continuation", value: { page: 0, position: 1 }, updatedAt: at }),
        withCorrections({ position: 0, field: "headline", value: "甲", updatedAt: "yesterday" }),
        withCorrections({ position: 0, field: "headline", value: "甲", updatedAt: at }, { position: 0, field: "headline", value: "乙", updatedAt: at }),
        JSON.stringify({ ...line, revisions: [{ action: "ingest", before: null, after: null, actor: "desk", createdAt: "soon" }] }),
        JSON.stringify({ ...line, people: [{ name: "韦韬", formerNames: [""], revisions: [] }] }),
      ].join("\n"),
    );
    const db = await createTestDatabase();
    const summary = await ingestPaths(db.writer, [file]);
    expect(summary.errors.map((error) => error.message)).toEqual([
      `${file}:1: not a papergraph export line ("corrections[0].field" is "dateline", not one of kicker, headline, subheadline, body, credits, continuation)`,
      `${file}:2: not a papergraph export line ("corrections[0].value[0].role" is "EDITOR", not one of REPORTER, PHOTOGRAPHER, AUTHOR)`,
      `${file}:3: not a papergraph export line ("corrections[0].value.page" is not a whole number ≥ 1)`,
      `${file}:4: not a papergraph export line ("corrections[0].updatedAt" is not a date and time)`,
      `${file}:5: not a papergraph export line ("corrections[1]" repeats the headline of position 0)`,
      `${file}:6: not a papergraph export line ("revisions[0].createdAt" is not a date and time)`,
      `${file}:7: not a papergraph export line ("people[0].formerNames[0]" is not a name)`,
    ]);
    expect(await db.reader.page.count()).toBe(0);
    expect(await db.reader.correction.count()).toBe(0);
  });

  it("restores each story's part list from a version 3 line's stories, and reads a version 2 line, which has none", async () => {
    // The per-article links taken out: the stories alone link the parts again.
    const lines = exported.trimEnd().split("\n").slice(0, 2).map((line) => JSON.parse(line));
    for (const line of lines) {
      for (const article of line.articles) {
        if (article.continuesOn) article.continuesOn.to = null;
        article.picksUp = null;
      }
    }
    const file = path.join(root, "stories.ndjson");
    fs.writeFileSync(file, lines.map((line) => `${JSON.stringify(line)}\n`).join(""));
    const db = await createTestDatabase();
    expect(await ingestPaths(db.writer, [file])).toMatchObject({ pages: { created: 2, replaced: 0, unchanged: 0 }, errors: [] });
    const STORIES = `{ page(publication: "taiyuan-daily", date: "2022-06-03", number: 1) { articles { story { complete pages parts { position page { number } } } } } }`;
    const expected = await query(createServer(original.reader), STORIES);
    expect(await query(createServer(db.reader), STORIES)).toEqual(expected);
    expect(expected.page.articles.filter((article: any) => article.story.parts.length === 2)).toHaveLength(5);

    const version2 = path.join(root, "version-2.ndjson");
    fs.writeFileSync(version2, lines.map(({ stories: _, ...line }) => `${JSON.stringify({ ...line, version: 2 })}\n`).join(""));
    const old = await createTestDatabase();
    expect(await ingestPaths(old.writer, [version2])).toMatchObject({ pages: { created: 2, replaced: 0, unchanged: 0 }, errors: [] });
    // Without links or stories, version 2 reads the jumps as stored: none here, so the parts stay apart.
    const apart = await query(createServer(old.reader), STORIES);
    expect(apart.page.articles.filter((article: any) => article.story.parts.length === 2)).toHaveLength(0);
  });

  it("refuses a story of fewer than two parts in a line", async () => {
    const line = JSON.parse(exported.split("\n")[0]!);
    line.stories = [{ parts: [{ page: 1, position: 1 }], complete: true }];
    const file = path.join(root, "short-story.ndjson");
    fs.writeFileSync(file, `${JSON.stringify(line)}\n`);
    const summary = await ingestPaths((await createTestDatabase()).writer, [file]);
    expect(summary.errors.map((error) => error.message)).toEqual([
      `${file}:1: not a papergraph export line ("stories[0].parts" has 1 part(s): a story in an export has two or more)`,
    ]);
  });

  it("reads a version 1 line, which has no corrections", async () => {
    const { corrections: _, ...line } = JSON.parse(exported.split("\n")[0]!);
    const file = path.join(root, "version-1.ndjson");
    fs.writeFileSync(file, `${JSON.stringify({ ...line, version: 1 })}\n`);
    const db = await createTestDatabase();
    const summary = await ingestPaths(db.writer, [file]);
    expect(summary).toMatchObject({ pages: { created: 1, replaced: 0, unchanged: 0 }, errors: [] });
  });
});

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
