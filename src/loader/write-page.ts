import { createHash } from "node:crypto";
import { removeUnreferencedPeople } from "./unreferenced-people.ts";
import type { SqlRunner, Writer } from "../db/writer.ts";
import type { ParsedArticle, ParsedCaption, ParsedMarker, ParsedPage } from "../ingest/types.ts";
import { pageLabelOfOrder, pageOrderOfLabel } from "../ingest/page-label.ts";
import { insertRows, insertStatements, placeholders, quote } from "./insert-rows.ts";
import { resolveContinuations } from "./resolve-continuations.ts";
import { DATA_VERSION_BUMP } from "../db/data-version.ts";
import { addPageMentionCounts, deleteSearchRows, mentionCountStatements, searchRowStatements } from "./search-index.ts";
import { articleAt, keepCorrections } from "./keep-corrections.ts";
import { linkJump, saveCorrection } from "./corrections-store.ts";
import { restoreHistory, type RestoredHistory } from "./export-history.ts";
import { removeUnnamedOrganisations, writePositionsOf } from "./write-positions.ts";
import { headingsOf } from "./article-headings.ts";
import { peopleByName } from "./people-by-name.ts";

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
  const { publicationId, issueId, existing } = await locatePage(sql, source);
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
    await addPageMentionCounts(
      sql,
      current.map((article) => article.id),
      -1,
    );
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
    const { label, section } = labelOf(source.pageNumber);
    const [page] = await insertRows<{ id: number }>(sql, "Page", [{ issueId, number: source.pageNumber, label, section, ...pageFields }], ["id"]);
    pageId = page!.id;
    articleIds = await createArticles(sql, pageId, articleRows);
  }

  const { ids: people, formerNames } = await peopleByName(sql, namesOf(parsed));
  const mentions = await writeDetails(sql, [{ pageId, issueDate: source.date, parsed, articleIds }], people);
  await writePositionsOf(sql, mentions.map((mention) => ({ ...mention, ...regionOf(source.publication) })));
  // A replaced page's former positions went with its former mentions (a new page removed none).
  if (existing) await removeUnnamedOrganisations(sql);
  // Jumps are matched before the editors' corrections are re-applied: the match compares the
  // headlines as printed, and an editor's link replaces the match it overrules. A page with no
  // jump and no pickup has nothing to match: its jumps were cleared, and jumps into it need a pickup.
  const jumpsOrPickups = parsed.articles.some((article) => article.continuesOn !== null || article.continuedFrom !== null);
  const continuationsResolved = options.links
    ? await restoreLinks(sql, issueId, options.links)
    : jumpsOrPickups
      ? await resolveContinuations(sql, issueId, source.pageNumber)
      : 0;
  for (const correction of options.corrections ?? []) {
    await saveCorrection(sql, pageId, correction.position, correction.field, correction.value, correction.updatedAt);
  }
  // Editors win; corrects articleRows for the search rows below. A former name printed again is
  // one more correction kept: it went to the person an editor renamed or merged.
  const correctionsKept = (await keepCorrections(sql, pageId, articleRows)) + formerNames.size;
  if (options.history) await restoreHistory(sql, pageId, issueId, source.pageNumber, options.history);
  if (formerPeople.length > 0) await removeUnreferencedPeople(sql, formerPeople);
  const searchDocs = parsed.articles.map((article, index) => ({
    articleId: articleIds[index]!,
    publicationId,
    ...articleRows[index]!,
    captions: article.captions.map((caption) => caption.text),
  }));
  await sql.runTogether([...mentionCountStatements(sql.dialect, articleIds, 1), ...searchRowStatements(sql.dialect, searchDocs), DATA_VERSION_BUMP]);
  return {
    status: existing ? "replaced" : "created",
    pageId,
    articles: articleIds.length,
    personIds: [...new Set(people.values())],
    continuationsResolved,
    correctionsKept,
  };
}

/** The publication's ID, creating it or updating what its manifest says when that changed. */
export async function storePublication(sql: SqlRunner, publication: PublicationInfo): Promise<number> {
  const stored = await sql.get<PublicationInfo & { id: number }>(
    `SELECT "id", "name", "locale", "region", "province" FROM "Publication" WHERE "slug" = ?`,
    [publication.slug],
  );
  return keepPublication(sql, publication, stored);
}

export async function keepPublication(sql: SqlRunner, publication: PublicationInfo, stored: (PublicationInfo & { id: number }) | undefined): Promise<number> {
  const { slug, name, locale, region, province } = publication;
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

interface PageLocation {
  publicationId: number;
  issueId: number;
  existing: { id: number; textHash: string; parserVersion: string } | null;
}

/**
 * The publication, issue and page a source belongs in, read in one statement; the publication
 * and the issue are created (or the publication's manifest updated) when needed.
 */
async function locatePage(sql: SqlRunner, source: PageSource): Promise<PageLocation> {
  const found = await sql.get<PublicationInfo & { id: number; issueId: number | null; pageId: number | null; textHash: string | null; parserVersion: string | null }>(
    `SELECT pub."id", pub."name", pub."locale", pub."region", pub."province", i."id" AS "issueId", p."id" AS "pageId", p."textHash", p."parserVersion"
       FROM "Publication" pub LEFT JOIN "Issue" i ON i."publicationId" = pub."id" AND i."date" = ?
       LEFT JOIN "Page" p ON p."issueId" = i."id" AND p."number" = ?
      WHERE pub."slug" = ?`,
    [source.date, source.pageNumber, source.publication.slug],
  );
  const publicationId = await keepPublication(sql, source.publication, found);
  const issueId = found?.issueId ?? (await storeIssue(sql, publicationId, source.date));
  const existing = found?.pageId != null ? { id: found.pageId, textHash: found.textHash!, parserVersion: found.parserVersion! } : null;
  return { publicationId, issueId, existing };
}

async function storeIssue(sql: SqlRunner, publicationId: number, date: string): Promise<number> {
  return (await storeIssues(sql, [{ publicationId, date }])).get(issueKey(publicationId, date))!;
}

/** The key of an issue in storeIssues' answer. */
export const issueKey = (publicationId: number, date: string) => `${publicationId}|${date}`;

/** Creates the issues given (none stored yet when read); returns the ID of each by issueKey. */
export async function storeIssues(sql: SqlRunner, issues: { publicationId: number; date: string }[]): Promise<Map<string, number>> {
  // Pages of one new issue may be ingested at once by several processes (PostgreSQL): the
  // insert then skips, and the other's issue is read.
  const created = await insertRows<{ id: number; publicationId: number; date: string }>(sql, "Issue", issues, ["id", "publicationId", "date"], ["publicationId", "date"]);
  const ids = new Map(created.map((issue) => [issueKey(Number(issue.publicationId), issue.date), Number(issue.id)]));
  for (const { publicationId, date } of issues) {
    if (ids.has(issueKey(publicationId, date))) continue;
    const raced = await sql.get<{ id: number }>(`SELECT "id" FROM "Issue" WHERE "publicationId" = ? AND "date" = ?`, [publicationId, date]);
    ids.set(issueKey(publicationId, date), Number(raced!.id));
  }
  return ids;
}

/**
 * The printed label of the page at `order` in its issue (src/ingest/page-label.ts). Every way in
 * (file names, --page, exports, the API) gives an order that has one; refusing here keeps a
 * page without a label out of the database whatever the caller.
 */
export function labelOf(order: number): { label: string; section: string | null } {
  const read = pageLabelOfOrder(order);
  if (read === null) throw new RangeError(`page ${order} has no printed label (plain pages are 1 to 999, section pages A01 to Z99)`);
  return { label: read.label, section: read.section };
}

/** Jumps and pickups are stored by the order of the page they name, as pages are: resolving them by order is resolving them by label. */
function orderOf(marker: ParsedMarker): number {
  const order = pageOrderOfLabel(marker.label);
  if (order === null) throw new RangeError(`the marker ${marker.text} names no page label`);
  return order;
}

type ArticleRow = ReturnType<typeof articleRow>;

export function articleRow(article: ParsedArticle, issueId: number, source: PageSource) {
  return {
    issueId,
    issueDate: source.date,
    pageNumber: source.pageNumber,
    position: article.position,
    ...headingsOf(article),
    body: article.paragraphs.map((paragraph) => paragraph.text).join("\n"),
    spanStart: article.span.start,
    spanEnd: article.span.end,
    continuedFromPage: article.continuedFrom ? orderOf(article.continuedFrom) : null,
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

/** The region a publication's titles are read in (src/ingest/positions.ts). */
export const regionOf = (publication: PublicationInfo) => ({ city: publication.region, province: publication.province });

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

export function namesOf(parsed: ParsedPage): string[] {
  const names = new Set<string>();
  for (const article of parsed.articles) {
    for (const credit of article.credits) names.add(credit.name);
    for (const mention of article.mentions) names.add(mention.name);
    for (const caption of article.captions) if (caption.photographer) names.add(caption.photographer);
  }
  for (const caption of parsed.captions) if (caption.photographer) names.add(caption.photographer);
  return [...names];
}

/** A page's articles as just written: what writeDetails stores of it. */
export interface WrittenArticles {
  pageId: number;
  issueDate: string;
  parsed: ParsedPage;
  /** Each parsed article's ID, in the parsed order. */
  articleIds: number[];
}

/**
 * Writes the credits, mentions, photos and jumps of pages whose articles are written, each
 * table's rows of every page in one statement; returns the titled mentions, each with the index
 * of its page in `pages`.
 */
export async function writeDetails(sql: SqlRunner, pages: WrittenArticles[], people: Map<string, number>): Promise<WrittenMention[]> {
  const credits = [];
  const mentions = [];
  const continuations = [];
  const photos = [];
  const pageOfArticle = new Map<number, number>();
  for (const [pageIndex, { pageId, issueDate, parsed, articleIds }] of pages.entries()) {
    const captions: { caption: ParsedCaption; articleId: number | null }[] = [];
    for (const [index, article] of parsed.articles.entries()) {
      const articleId = articleIds[index]!;
      pageOfArticle.set(articleId, pageIndex);
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
        continuations.push({ fromArticleId: articleId, toPageNumber: orderOf(article.continuesOn), marker: article.continuesOn.text });
      }
    }
    for (const caption of parsed.captions) captions.push({ caption, articleId: null });
    captions.sort((a, b) => a.caption.span.start - b.caption.span.start);
    for (const [position, { caption, articleId }] of captions.entries()) {
      photos.push({
        pageId,
        articleId,
        position: position + 1,
        caption: caption.text,
        photographerId: caption.photographer ? people.get(caption.photographer)! : null,
        spanStart: caption.span.start,
        spanEnd: caption.span.end,
      });
    }
  }
  const written = await insertRows<{ id: number; articleId: number; personId: number }>(sql, "Mention", mentions, ["id", "articleId", "personId"]);
  await sql.runTogether([
    ...insertStatements(sql.dialect, "Credit", credits),
    ...insertStatements(sql.dialect, "Photo", photos),
    ...insertStatements(sql.dialect, "Continuation", continuations),
  ]);
  // An article names a person once (seenMentions): article and person find the mention's title.
  const titles = new Map(mentions.map((mention) => [`${mention.articleId}:${mention.personId}`, mention.normalisedTitle]));
  return written.flatMap(({ id, articleId, personId }) => {
    const title = titles.get(`${articleId}:${personId}`);
    return title == null ? [] : [{ id, title, page: pageOfArticle.get(Number(articleId))! }];
  });
}

/** A mention just written, with the normal form of its title and the index of its page. */
export interface WrittenMention {
  id: number;
  title: string;
  page: number;
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
