import { createHash } from "node:crypto";
import type { Db } from "../db/client.ts";
import type { ParsedArticle, ParsedCaption, ParsedPage } from "../ingest/types.ts";
import { resolveContinuations, type Tx } from "./resolve-continuations.ts";

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
}

export const textHash = (text: string) => createHash("sha256").update(text).digest("hex");

/** The stored version of a page, to skip parsing text that was already ingested. */
export async function storedPageVersion(db: Db, slug: string, date: string, pageNumber: number) {
  return db.page.findFirst({
    where: { number: pageNumber, issue: { date, publication: { slug } } },
    select: { id: true, textHash: true, parserVersion: true, _count: { select: { articles: true } } },
  });
}

/**
 * Writes a parsed page in one transaction: the publication and issue if new, the page, its
 * articles, photos, credits, mentions and jumps, then matches jumps with the pages already
 * stored. Text and parser version unchanged: nothing is written and IDs stay as they are.
 * Changed: articles keep their IDs by position, their details are replaced, and people no
 * longer named or credited anywhere are removed.
 */
export async function writePage(db: Db, source: PageSource, parsed: ParsedPage, parserVersion: string): Promise<PageWriteResult> {
  const hash = textHash(source.text);
  return db.$transaction(
    async (tx) => {
      const { publication } = source;
      const { id: publicationId } = await tx.publication.upsert({
        where: { slug: publication.slug },
        create: publication,
        update: { name: publication.name, locale: publication.locale, region: publication.region, province: publication.province },
        select: { id: true },
      });
      const { id: issueId } = await tx.issue.upsert({
        where: { publicationId_date: { publicationId, date: source.date } },
        create: { publicationId, date: source.date },
        update: {},
        select: { id: true },
      });
      const existing = await tx.page.findUnique({
        where: { issueId_number: { issueId, number: source.pageNumber } },
        select: { id: true, textHash: true, parserVersion: true, articles: { select: { id: true, position: true } } },
      });
      if (existing && existing.textHash === hash && existing.parserVersion === parserVersion) {
        return { status: "unchanged", pageId: existing.id, articles: existing.articles.length, personIds: [], continuationsResolved: 0 };
      }

      const pageFields = { text: source.text, textHash: hash, parserVersion, ingestedAt: new Date() };
      const articleRows = parsed.articles.map((article) => articleRow(article, issueId, source));
      let pageId: number;
      let articleIds: number[];
      let formerPeople: number[] = [];
      if (existing) {
        pageId = existing.id;
        formerPeople = await clearPage(tx, pageId);
        await tx.page.update({ where: { id: pageId }, data: pageFields });
        articleIds = await replaceArticles(tx, pageId, existing.articles, articleRows);
      } else {
        ({ id: pageId } = await tx.page.create({ data: { issueId, number: source.pageNumber, ...pageFields }, select: { id: true } }));
        articleIds = await createArticles(tx, pageId, articleRows);
      }

      const people = await personIds(tx, namesOf(parsed));
      await writeDetails(tx, pageId, parsed, articleIds, people);
      if (formerPeople.length > 0) {
        await tx.person.deleteMany({
          where: { id: { in: formerPeople }, credits: { none: {} }, mentions: { none: {} }, photos: { none: {} } },
        });
      }
      const continuationsResolved = await resolveContinuations(tx, issueId, source.pageNumber);
      return {
        status: existing ? "replaced" : "created",
        pageId,
        articles: articleIds.length,
        personIds: [...people.values()],
        continuationsResolved,
      };
    },
    { timeout: 60_000, maxWait: 60_000 },
  );
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

async function createArticles(tx: Tx, pageId: number, rows: ArticleRow[]): Promise<number[]> {
  if (rows.length === 0) return [];
  const created = await tx.article.createManyAndReturn({
    data: rows.map((row) => ({ ...row, pageId })),
    select: { id: true, position: true },
  });
  const idByPosition = new Map(created.map((article) => [article.position, article.id]));
  return rows.map((row) => idByPosition.get(row.position)!);
}

/** Keeps the ID of the article at each position that still has one. */
async function replaceArticles(
  tx: Tx,
  pageId: number,
  current: { id: number; position: number }[],
  rows: ArticleRow[],
): Promise<number[]> {
  const idByPosition = new Map(current.map((article) => [article.position, article.id]));
  const positions = new Set(rows.map((row) => row.position));
  const gone = current.filter((article) => !positions.has(article.position)).map((article) => article.id);
  if (gone.length > 0) await tx.article.deleteMany({ where: { id: { in: gone } } });
  for (const row of rows) {
    const id = idByPosition.get(row.position);
    if (id !== undefined) await tx.article.update({ where: { id }, data: row });
  }
  const fresh = await createArticles(tx, pageId, rows.filter((row) => !idByPosition.has(row.position)));
  const freshIds = fresh.values();
  return rows.map((row) => idByPosition.get(row.position) ?? freshIds.next().value!);
}

/** Removes what hangs off a page's articles; returns the people it referenced. */
async function clearPage(tx: Tx, pageId: number): Promise<number[]> {
  const [credits, mentions, photos] = await Promise.all([
    tx.credit.findMany({ where: { article: { pageId } }, select: { personId: true } }),
    tx.mention.findMany({ where: { article: { pageId } }, select: { personId: true } }),
    tx.photo.findMany({ where: { pageId, photographerId: { not: null } }, select: { photographerId: true } }),
  ]);
  await tx.credit.deleteMany({ where: { article: { pageId } } });
  await tx.mention.deleteMany({ where: { article: { pageId } } });
  await tx.photo.deleteMany({ where: { pageId } });
  await tx.continuation.deleteMany({ where: { fromArticle: { pageId } } });
  await tx.continuation.updateMany({ where: { toArticle: { pageId } }, data: { toArticleId: null } });
  return [
    ...new Set([
      ...credits.map((credit) => credit.personId),
      ...mentions.map((mention) => mention.personId),
      ...photos.map((photo) => photo.photographerId!),
    ]),
  ];
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

async function personIds(tx: Tx, names: string[]): Promise<Map<string, number>> {
  if (names.length === 0) return new Map();
  const found = await tx.person.findMany({ where: { name: { in: names } }, select: { id: true, name: true } });
  const known = new Set(found.map((person) => person.name));
  const missing = names.filter((name) => !known.has(name));
  const created = missing.length
    ? await tx.person.createManyAndReturn({ data: missing.map((name) => ({ name })), select: { id: true, name: true } })
    : [];
  return new Map([...found, ...created].map((person) => [person.name, person.id]));
}

async function writeDetails(
  tx: Tx,
  pageId: number,
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
  if (credits.length) await tx.credit.createMany({ data: credits });
  if (mentions.length) await tx.mention.createMany({ data: mentions });
  if (photos.length) await tx.photo.createMany({ data: photos });
  if (continuations.length) await tx.continuation.createMany({ data: continuations });
}
