import { createHash } from "node:crypto";
import { removeUnreferencedPeople } from "./unreferenced-people.ts";
import type { SqlRunner, Writer } from "../db/writer.ts";
import type { ParsedArticle, ParsedCaption, ParsedPage } from "../ingest/types.ts";
import { insertRows, placeholders, quote } from "./insert-rows.ts";
import { resolveContinuations } from "./resolve-continuations.ts";
import { bumpDataVersion } from "../db/data-version.ts";
import { addPageMentionCounts, deleteSearchRows, insertSearchRows } from "./search-index.ts";
import { pinyinOf } from "../search/pinyin.ts";
import { articleAt, keepCorrections } from "./keep-corrections.ts";
import { linkJump, saveCorrection } from "./corrections-store.ts";
import { restoreHistory, type RestoredHistory } from "./export-history.ts";

export interface PublicationInfo {
  slug: string;
  name: string;
  locale: string;
  region: string | null;
  province: string | null;
}

/** One page of one issue, as text, with where it belongs. */
export interface PageSource {
  publication: PublicationInfo;
  date: string;
  pageNumber: number;
  text: string;
}

export type WriteStatus = "created" | "replaced" | "unchanged";

export interface PageWriteResult {
  status: WriteStatus;
  pageId: number;
  articles: number;
  /** The people the page credits or names (empty when unchanged). */
  personIds: number[];
  /** Jumps into or out of this page that this write matched to their other half. */
  continuationsResolved: number;
  /** Editors' corrections re-applied over the parser's output (src/loader/keep-corrections.ts). */
  correctionsKept?: number;
}

export interface StoredPage {
  id: number;
  textHash: string;
  parserVersion: string;
  articles: number;
}

export const textHash = (text: string) => createHash("sha256").update(text).digest("hex");

/** The stored version of a page, to skip parsing text that was already ingested. */
export function storedPage(sql: SqlRunner, slug: string, date: string, pageNumber: number): Promise<StoredPage | undefined> {
  return sql.get<StoredPage>(
    `SELECT p."id", p."textHash", p."parserVersion", CAST((SELECT COUNT(*) FROM "Article" a WHERE a."pageId" = p."id") AS INTEGER) AS "articles"
       FROM "Page" p JOIN "Issue" i ON i."id" = p."issueId" JOIN "Publication" pub ON pub."id" = i."publicationId"
      WHERE pub."slug" = ? AND i."date" = ? AND p."number" = ?`,
    [slug, date, pageNumber],
  );
}

/** An editor's correction of the page, as an export carries it (see model Correction). */
export interface RestoredCorrection {
  position: number;
  field: string;
  value: unknown;
  updatedAt: string;
}

/** A jump as an export carries it: the two articles of one issue by page and position. */
export interface RestoredLink {
  from: { page: number; position: number };
  to: { page: number; position: number };
}

/** How a page restored from an export is written (src/loader/import-export.ts). */
export interface WritePageOptions {
  /**
   * Corrections restored with the page: stored before the editors' corrections are
   * re-applied, so that they are applied as on any re-ingest.
   */
  corrections?: RestoredCorrection[];
  /**
   * The jumps into and out of the page as they were stored: each is linked again once both of
   * its articles exist, instead of matching the page's jumps anew (a match reads headlines,
   * which editors may have corrected since).
   */
  links?: RestoredLink[];
  /** The page's history: its revisions, its articles', and its people's (with former names). */
  history?: RestoredHistory;
}

/**
 * Writes a parsed page in one transaction: the publication and issue if new, the page, its
 * articles, photos, credits, mentions and jumps, then matches jumps with the pages already
 * stored. Text and parser version unchanged: nothing is written and IDs stay as they are.
 * Changed: articles keep their IDs by position, their details are replaced, and people no
 * longer named or credited anywhere are removed. The articles' search rows and their people's
 * mention counts are written in the same transaction, so search never sees a stale page.
 */
export function writePage(writer: Writer, source: PageSource, parsed: ParsedPage, parserVersion: string, options: WritePageOptions = {}): Promise<PageWriteResult> {
  return writer.transaction((sql) => writePageWith(sql, source, parsed, parserVersion, options));
}

/** writePage inside a transaction the caller holds (bench/search.ts writes many pages in one). */
export async function writePageWith(
  sql: SqlRunner,
  source: PageSource,
  parsed: ParsedPage,
  parserVersion: string,
  options: WritePageOptions = {},
): Promise<PageWriteResult> {
  const hash = textHash(source.text);
  const publicationId = await storePublication(sql, source.publication);
  const issueId = await storeIssue(sql, publicationId, source.date);
  const existing = await sql.get<{ id: number; textHash: string; parserVersion: string }>(
    `SELECT "id", "textHash", "parserVersion" FROM "Page" WHERE "issueId" = ? AND "number" = ?`,
    [issueId, source.pageNumber],
  );
  const pageFields = { text: source.text, textHash: hash, parserVersion, ingestedAt: new Date().toISOString() };
  const articleRows = parsed.articles.map((article) => articleRow(article, issueId, source));
  let pageId: number;
  let articleIds: number[];
  let formerPeople: number[] = [];
  if (existing) {
    pageId = existing.id;
    const current = await sql.all<{ id: number; position: number }>(`SELECT "id", "position" FROM "Article" WHERE "pageId" = ?`, [pageId]);
    if (existing.textHash === hash && existing.parserVersion === parserVersion) {
      return { status: "unchanged", pageId, articles: current.length, personIds: [], continuationsResolved: 0 };
    }
    // Before any article goes: the full-text rows are found through "ArticleSearch", which cascades away with its article.
    await deleteSearchRows(sql, OF_PAGE, [pageId]);
    await addPageMentionCounts(sql, pageId, -1);
    formerPeople = await clearPage(sql, pageId);
    await sql.run(`UPDATE "Page" SET "text" = ?, "textHash" = ?, "parserVersion" = ?, "ingestedAt" = ? WHERE "id" = ?`, [
      pageFields.text,
      pageFields.textHash,
      pageFields.parserVersion,
      pageFields.ingestedAt,
      pageId,
    ]);
    articleIds = await replaceArticles(sql, pageId, current, articleRows);
  } else {
    const [page] = await insertRows<{ id: number }>(sql, "Page", [{ issueId, number: source.pageNumber, ...pageFields }], ["id"]);
    pageId = page!.id;
    articleIds = await createArticles(sql, pageId, articleRows);
  }

  const people = await personIds(sql, namesOf(parsed));
  await writeDetails(sql, pageId, source.date, parsed, articleIds, people);
  // Jumps are matched before the editors' corrections are re-applied: the match compares the
  // headlines as printed, and an editor's link replaces the match it overrules.
  const continuationsResolved = options.links
    ? await restoreLinks(sql, issueId, options.links)
    : await resolveContinuations(sql, issueId, source.pageNumber);
  for (const correction of options.corrections ?? []) {
    await saveCorrection(sql, pageId, correction.position, correction.field, correction.value, correction.updatedAt);
  }
  const correctionsKept = await keepCorrections(sql, pageId, articleRows); // editors win; corrects articleRows for the search rows below
  if (options.history) await restoreHistory(sql, pageId, issueId, source.pageNumber, options.history);
  if (formerPeople.length > 0) await removeUnreferencedPeople(sql, formerPeople);
  await addPageMentionCounts(sql, pageId, 1);
  await insertSearchRows(
    sql,
    parsed.articles.map((article, index) => ({
      articleId: articleIds[index]!,
      publicationId,
      ...articleRows[index]!,
      captions: article.captions.map((caption) => caption.text),
    })),
  );
  await bumpDataVersion(sql);
  return {
    status: existing ? "replaced" : "created",
    pageId,
    articles: articleIds.length,
    personIds: [...people.values()],
    continuationsResolved,
    correctionsKept,
  };
}

/** The publication's ID, creating it or updating what its manifest says when that changed. */
export async function storePublication(sql: SqlRunner, publication: PublicationInfo): Promise<number> {
  const { slug, name, locale, region, province } = publication;
  const stored = await sql.get<PublicationInfo & { id: number }>(
    `SELECT "id", "name", "locale", "region", "province" FROM "Publication" WHERE "slug" = ?`,
    [slug],
  );
  if (!stored) {
    const [created] = await insertRows<{ id: number }>(sql, "Publication", [{ slug, name, locale, region, province }], ["id"]);
    return created!.id;
  }
  if (stored.name !== name || stored.locale !== locale || stored.region !== region || stored.province !== province) {
    await sql.run(`UPDATE "Publication" SET "name" = ?, "locale" = ?, "region" = ?, "province" = ? WHERE "id" = ?`, [
      name,
      locale,
      region,
      province,
      stored.id,
    ]);
  }
  return stored.id;
}

async function storeIssue(sql: SqlRunner, publicationId: number, date: string): Promise<number> {
  const find = () => sql.get<{ id: number }>(`SELECT "id" FROM "Issue" WHERE "publicationId" = ? AND "date" = ?`, [publicationId, date]);
  const stored = await find();
  if (stored) return stored.id;
  // Pages of one new issue may be ingested at once by several processes (PostgreSQL).
  await insertRows(sql, "Issue", [{ publicationId, date }], [], ["publicationId", "date"]);
  return (await find())!.id;
}

type ArticleRow = ReturnType<typeof articleRow>;

function articleRow(article: ParsedArticle, issueId: number, source: PageSource) {
  return {
    issueId,
    issueDate: source.date,
    pageNumber: source.pageNumber,
    position: article.position,
    kicker: article.kicker,
    headline: article.headline,
    subheadline: article.subheadline,
    source: article.source,
    dispatch: article.dispatch,
    dateline: article.dateline,
    eventDate: article.eventDate,
    body: article.paragraphs.map((paragraph) => paragraph.text).join("\n"),
    spanStart: article.span.start,
    spanEnd: article.span.end,
    continuedFromPage: article.continuedFrom?.page ?? null,
    pickupMarker: article.continuedFrom?.text ?? null,
  };
}

async function createArticles(sql: SqlRunner, pageId: number, rows: ArticleRow[]): Promise<number[]> {
  const created = await insertRows<{ id: number; position: number }>(
    sql,
    "Article",
    rows.map((row) => ({ pageId, ...row })),
    ["id", "position"],
  );
  const idByPosition = new Map(created.map((article) => [article.position, article.id]));
  return rows.map((row) => idByPosition.get(row.position)!);
}

/** Keeps the ID of the article at each position that still has one. */
async function replaceArticles(
  sql: SqlRunner,
  pageId: number,
  current: { id: number; position: number }[],
  rows: ArticleRow[],
): Promise<number[]> {
  const idByPosition = new Map(current.map((article) => [article.position, article.id]));
  const positions = new Set(rows.map((row) => row.position));
  const gone = current.filter((article) => !positions.has(article.position)).map((article) => article.id);
  if (gone.length > 0) await sql.run(`DELETE FROM "Article" WHERE "id" IN ${placeholders(gone.length)}`, gone);
  for (const row of rows) {
    const id = idByPosition.get(row.position);
    if (id === undefined) continue;
    const columns = Object.keys(row) as (keyof ArticleRow)[];
    await sql.run(`UPDATE "Article" SET ${columns.map((column) => `${quote(column)} = ?`).join(", ")} WHERE "id" = ?`, [
      ...columns.map((column) => row[column]),
      id,
    ]);
  }
  const fresh = (await createArticles(sql, pageId, rows.filter((row) => !idByPosition.has(row.position)))).values();
  return rows.map((row) => idByPosition.get(row.position) ?? fresh.next().value!);
}

const OF_PAGE = `SELECT "id" FROM "Article" WHERE "pageId" = ?`;

/** Removes what hangs off a page's articles; returns the people it referenced. */
async function clearPage(sql: SqlRunner, pageId: number): Promise<number[]> {
  const people = await sql.all<{ personId: number }>(
    `SELECT "personId" FROM "Credit" WHERE "articleId" IN (${OF_PAGE})
     UNION SELECT "personId" FROM "Mention" WHERE "articleId" IN (${OF_PAGE})
     UNION SELECT "photographerId" FROM "Photo" WHERE "pageId" = ? AND "photographerId" IS NOT NULL`,
    [pageId, pageId, pageId],
  );
  await sql.run(`DELETE FROM "Credit" WHERE "articleId" IN (${OF_PAGE})`, [pageId]);
  await sql.run(`DELETE FROM "Mention" WHERE "articleId" IN (${OF_PAGE})`, [pageId]);
  await sql.run(`DELETE FROM "Photo" WHERE "pageId" = ?`, [pageId]);
  await sql.run(`DELETE FROM "Continuation" WHERE "fromArticleId" IN (${OF_PAGE})`, [pageId]);
  await sql.run(`UPDATE "Continuation" SET "toArticleId" = NULL WHERE "toArticleId" IN (${OF_PAGE})`, [pageId]);
  return people.map((row) => row.personId);
}

function namesOf(parsed: ParsedPage): string[] {
  const names = new Set<string>();
  for (const article of parsed.articles) {
    for (const credit of article.credits) names.add(credit.name);
    for (const mention of article.mentions) names.add(mention.name);
    for (const caption of article.captions) if (caption.photographer) names.add(caption.photographer);
  }
  for (const caption of parsed.captions) if (caption.photographer) names.add(caption.photographer);
  return [...names];
}

async function personIds(sql: SqlRunner, names: string[]): Promise<Map<string, number>> {
  if (names.length === 0) return new Map();
  const found = await sql.all<{ id: number; name: string }>(
    `SELECT "id", "name" FROM "Person" WHERE "name" IN ${placeholders(names.length)}`,
    names,
  );
  const known = new Set(found.map((person) => person.name));
  const missing = names.filter((name) => !known.has(name));
  // A concurrent ingest may add the same person first: skip those rows, then read them.
  const created = await insertRows<{ id: number; name: string }>(sql, "Person", missing.map((name) => ({ name, pinyin: pinyinOf(name) })), ["id", "name"], ["name"]);
  const raced = missing.filter((name) => !created.some((person) => person.name === name));
  const late = raced.length
    ? await sql.all<{ id: number; name: string }>(`SELECT "id", "name" FROM "Person" WHERE "name" IN ${placeholders(raced.length)}`, raced)
    : [];
  return new Map([...found, ...created, ...late].map((person) => [person.name, person.id]));
}

async function writeDetails(
  sql: SqlRunner,
  pageId: number,
  issueDate: string,
  parsed: ParsedPage,
  articleIds: number[],
  people: Map<string, number>,
): Promise<void> {
  const credits = [];
  const mentions = [];
  const continuations = [];
  const captions: { caption: ParsedCaption; articleId: number | null }[] = [];
  for (const [index, article] of parsed.articles.entries()) {
    const articleId = articleIds[index]!;
    const seenCredits = new Set<string>();
    for (const [position, credit] of article.credits.entries()) {
      const personId = people.get(credit.name)!;
      const key = `${credit.role}:${personId}`;
      if (seenCredits.has(key)) continue;
      seenCredits.add(key);
      credits.push({ articleId, personId, role: credit.role, label: credit.label, position, spanStart: credit.span.start, spanEnd: credit.span.end });
    }
    const seenMentions = new Set<number>();
    for (const [position, mention] of article.mentions.entries()) {
      const personId = people.get(mention.name)!;
      if (seenMentions.has(personId)) continue;
      seenMentions.add(personId);
      mentions.push({
        articleId,
        personId,
        position,
        title: mention.title,
        normalisedTitle: mention.normalisedTitle,
        spanStart: mention.span.start,
        spanEnd: mention.span.end,
        titleStart: mention.titleSpan?.start ?? null,
        titleEnd: mention.titleSpan?.end ?? null,
        issueDate, // the article's, denormalised for person titles (loaders.ts)
      });
    }
    for (const caption of article.captions) captions.push({ caption, articleId });
    if (article.continuesOn) {
      continuations.push({ fromArticleId: articleId, toPageNumber: article.continuesOn.page, marker: article.continuesOn.text });
    }
  }
  for (const caption of parsed.captions) captions.push({ caption, articleId: null });
  captions.sort((a, b) => a.caption.span.start - b.caption.span.start);
  const photos = captions.map(({ caption, articleId }, position) => ({
    pageId,
    articleId,
    position: position + 1,
    caption: caption.text,
    photographerId: caption.photographer ? people.get(caption.photographer)! : null,
    spanStart: caption.span.start,
    spanEnd: caption.span.end,
  }));
  await insertRows(sql, "Credit", credits);
  await insertRows(sql, "Mention", mentions);
  await insertRows(sql, "Photo", photos);
  await insertRows(sql, "Continuation", continuations);
}

/** Links the restored jumps whose two articles exist; returns how many it linked. */
async function restoreLinks(sql: SqlRunner, issueId: number, links: RestoredLink[]): Promise<number> {
  let linked = 0;
  for (const link of links) {
    const [from, to] = [await articleAt(sql, issueId, link.from.page, link.from.position), await articleAt(sql, issueId, link.to.page, link.to.position)];
    if (!from || !to) continue;
    await linkJump(sql, from.id, to);
    linked += 1;
  }
  return linked;
}
