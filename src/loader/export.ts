import type { Db } from "../db/client.ts";
import type { Article, Prisma } from "../generated/prisma/client.ts";
import type { CreditRole } from "../ingest/types.ts";
import { labelOfPageNumber } from "../ingest/page-label.ts";
import type { PublicationInfo } from "./write-page.ts";
import { EXPORT_FORMAT, EXPORT_VERSION, type ExportCaption, type ExportLine, type ExportSpan } from "./export-format.ts";
import { historyReader, type PageHistory } from "./export-history.ts";
import { pageStories, storiesOfArticles } from "./story-export.ts";
import { headingsOf } from "./article-headings.ts";

/**
 * `papergraph export`: one publication's pages as NDJSON, one self-contained JSON line per
 * page, in publication → date → page order.
 *
 * A line carries the page text and everything the database derived from it — articles with
 * headings, dispatch, body paragraphs, credits, mentions with titles, captions, jump and
 * pickup markers — in the shape of the parser's `ParsedPage`, so that `papergraph ingest`
 * can restore it through the page writer without parsing the text again (a backup restores
 * what is stored, even when a later parser would read the page differently). Names and
 * titles are spelled out rather than referenced by ID, so a bulk user reads a line alone.
 *
 * Version 2 lines also carry the editors' work on the page: its corrections (the articles hold
 * the corrected values already; the corrections themselves let a restored archive go on
 * winning over the parser when the page is ingested again), the revisions of the page and of
 * each article, and those of the people the page names, with their former names (see
 * export-history.ts).
 *
 * Version 3 lines add `stories`: each story of two or more parts with a part on the page, as
 * its parts' pages and positions in reading order (see story-export.ts); a reload links
 * consecutive parts, as it links `continuesOn.to` and `picksUp`.
 *
 * What the database does not keep is not in the line either: spans of paragraphs, headings,
 * markers and photographer credits, the text form, and the ingestion time (a restore is a new
 * ingestion). Database IDs are left out on purpose: they are the store's, not the content's.
 * API keys are not exported: they are the deployment's, not the archive's. The line's shape is
 * declared once, in export-format.ts.
 */

export interface ExportOptions {
  /** First issue date to export, YYYY-MM-DD (inclusive). */
  from?: string;
  /** Last issue date to export, YYYY-MM-DD (inclusive). */
  to?: string;
  /** Pages read per query: memory stays flat whatever the size of the archive. */
  batchSize?: number;
  onProgress?: (pages: number) => void;
}

export interface ExportSummary {
  pages: number;
  issues: number;
  articles: number;
}

export class UnknownPublicationError extends Error {
  override readonly name = "UnknownPublicationError";
}

/** Where lines go: stdout or a file stream. */
export interface LineSink {
  write(chunk: string): boolean;
  once(event: "drain" | "error", listener: (error?: Error) => void): unknown;
  off(event: "drain" | "error", listener: (error?: Error) => void): unknown;
}

/**
 * Writes the publication's pages (optionally from/to dates) to `sink` as NDJSON, reading
 * `batchSize` pages per query with their articles, credits, mentions, photos and jumps
 * (one statement per relation, never per page) and waiting for the sink to drain.
 */
export async function exportPublication(db: Db, slug: string, sink: LineSink, options: ExportOptions = {}): Promise<ExportSummary> {
  const publication = await db.publication.findUnique({
    where: { slug },
    select: { id: true, slug: true, name: true, locale: true, region: true, province: true },
  });
  if (!publication) {
    const known = (await db.publication.findMany({ select: { slug: true }, orderBy: { slug: "asc" } })).map((row) => row.slug);
    throw new UnknownPublicationError(
      `unknown publication "${slug}" (${known.length ? `the database holds: ${known.join(", ")}` : "the database holds no publication"})`,
    );
  }
  const { id: publicationId, ...info } = publication;
  const batchSize = options.batchSize ?? 200;
  const dateRange = { ...(options.from ? { gte: options.from } : {}), ...(options.to ? { lte: options.to } : {}) };
  const summary: ExportSummary = { pages: 0, issues: 0, articles: 0 };
  let last = null as { date: string; number: number } | null;
  const historyOf = historyReader(db);
  for (;;) {
    // Keyset pagination on (issue date, page number): each batch is an index range, where an
    // OFFSET would scan every page before it.
    const pages: PageRow[] = await db.page.findMany({
      where: {
        issue: { publicationId, date: dateRange },
        ...(last ? { OR: [{ issue: { date: { gt: last.date } } }, { issue: { date: last.date }, number: { gt: last.number } }] } : {}),
      },
      orderBy: [{ issue: { date: "asc" } }, { number: "asc" }],
      take: batchSize,
      select: PAGE_SELECT,
    });
    if (pages.length === 0) break;
    const histories = await historyOf(
      pages.map((page) => ({
        id: page.id,
        articles: page.articles,
        personIds: [
          ...page.articles.flatMap((article) => [...article.credits.map((credit) => credit.personId), ...article.mentions.map((mention) => mention.personId)]),
          ...page.photos.flatMap((photo) => (photo.photographerId === null ? [] : [photo.photographerId])),
        ],
      })),
    );
    const stories = await storiesOfArticles(db, pages.flatMap((page) => page.articles.map((article) => article.id)));
    let chunk = "";
    for (const [index, page] of pages.entries()) {
      const line = exportLine(info, page, histories[index]!);
      line.stories = pageStories(page.articles.map((article) => article.id), stories);
      chunk += `${JSON.stringify(line)}\n`;
      if (page.issue.date !== last?.date) summary.issues += 1;
      summary.articles += page.articles.length;
      last = { date: page.issue.date, number: page.number };
    }
    summary.pages += pages.length;
    await write(sink, chunk);
    options.onProgress?.(summary.pages);
    if (pages.length < batchSize) break;
  }
  return summary;
}

function write(sink: LineSink, chunk: string): Promise<void> {
  if (sink.write(chunk)) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const done = (error?: Error) => {
      sink.off("drain", done);
      sink.off("error", done);
      if (error) reject(error);
      else resolve();
    };
    sink.once("drain", done);
    sink.once("error", done);
  });
}

const PERSON_NAME = { select: { name: true } } as const;

const PAGE_SELECT = {
  id: true,
  number: true,
  label: true,
  text: true,
  parserVersion: true,
  issue: { select: { date: true } },
  articles: {
    orderBy: { position: "asc" },
    select: {
      id: true,
      position: true,
      spanStart: true,
      spanEnd: true,
      kicker: true,
      headline: true,
      subheadline: true,
      source: true,
      dispatch: true,
      dateline: true,
      eventDate: true,
      body: true,
      continuedFromPage: true,
      pickupMarker: true,
      credits: {
        orderBy: { position: "asc" },
        select: { position: true, role: true, label: true, spanStart: true, spanEnd: true, personId: true, person: PERSON_NAME },
      },
      mentions: {
        orderBy: { position: "asc" },
        select: {
          position: true,
          title: true,
          normalisedTitle: true,
          spanStart: true,
          spanEnd: true,
          titleStart: true,
          titleEnd: true,
          personId: true,
          person: PERSON_NAME,
        },
      },
      continuation: {
        select: { toPageNumber: true, marker: true, toArticle: { select: { pageNumber: true, position: true } } },
      },
      continuedFrom: { select: { fromArticle: { select: { pageNumber: true, position: true } } } },
    },
  },
  photos: {
    orderBy: { position: "asc" },
    select: { articleId: true, caption: true, spanStart: true, spanEnd: true, photographerId: true, photographer: PERSON_NAME },
  },
  corrections: {
    orderBy: [{ position: "asc" }, { field: "asc" }] as Prisma.CorrectionOrderByWithRelationInput[],
    select: { position: true, field: true, value: true, updatedAt: true },
  },
} as const;

interface PageRow {
  id: number;
  number: number;
  label: string;
  text: string;
  parserVersion: string;
  issue: { date: string };
  articles: (Pick<
    Article,
    "id" | "position" | "spanStart" | "spanEnd" | "kicker" | "headline" | "subheadline" | "source" | "dispatch" | "dateline" | "eventDate" | "body" | "continuedFromPage" | "pickupMarker"
  > & {
    credits: { position: number; role: CreditRole; label: string | null; spanStart: number; spanEnd: number; personId: number; person: { name: string } }[];
    mentions: {
      position: number;
      title: string | null;
      normalisedTitle: string | null;
      spanStart: number;
      spanEnd: number;
      titleStart: number | null;
      titleEnd: number | null;
      personId: number;
      person: { name: string };
    }[];
    continuation: { toPageNumber: number; marker: string; toArticle: { pageNumber: number; position: number } | null } | null;
    continuedFrom: { fromArticle: { pageNumber: number; position: number } } | null;
  })[];
  photos: { articleId: number | null; caption: string; spanStart: number; spanEnd: number; photographerId: number | null; photographer: { name: string } | null }[];
  corrections: { position: number; field: string; value: string; updatedAt: Date }[];
}

const span = (start: number, end: number): ExportSpan => ({ start, end });

function exportLine(publication: PublicationInfo, page: PageRow, history: PageHistory): ExportLine {
  const caption = (photo: PageRow["photos"][number]): ExportCaption => ({
    text: photo.caption,
    photographer: photo.photographer?.name ?? null,
    span: span(photo.spanStart, photo.spanEnd),
  });
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    publication: {
      slug: publication.slug,
      name: publication.name,
      locale: publication.locale,
      region: publication.region,
      province: publication.province,
    },
    date: page.issue.date,
    page: page.number,
    label: page.label,
    text: page.text,
    parserVersion: page.parserVersion,
    articles: page.articles.map((article) => ({
      position: article.position,
      span: span(article.spanStart, article.spanEnd),
      ...headingsOf(article),
      // The writer stores the paragraphs joined by "\n"; splitting gives them back.
      paragraphs: article.body === "" ? [] : article.body.split("\n"),
      credits: article.credits.map((credit) => ({
        position: credit.position,
        role: credit.role,
        name: credit.person.name,
        label: credit.label,
        span: span(credit.spanStart, credit.spanEnd),
      })),
      mentions: article.mentions.map((mention) => ({
        position: mention.position,
        name: mention.person.name,
        title: mention.title,
        normalisedTitle: mention.normalisedTitle,
        span: span(mention.spanStart, mention.spanEnd),
        titleSpan: mention.titleStart !== null && mention.titleEnd !== null ? span(mention.titleStart, mention.titleEnd) : null,
      })),
      captions: page.photos.filter((photo) => photo.articleId === article.id).map(caption),
      continuesOn: article.continuation && {
        page: article.continuation.toPageNumber,
        label: labelOfPageNumber(article.continuation.toPageNumber),
        text: article.continuation.marker,
        to: article.continuation.toArticle && { page: article.continuation.toArticle.pageNumber, position: article.continuation.toArticle.position },
      },
      continuedFrom:
        article.continuedFromPage !== null
          ? { page: article.continuedFromPage, label: labelOfPageNumber(article.continuedFromPage), text: article.pickupMarker ?? "" }
          : null,
      picksUp: article.continuedFrom && { page: article.continuedFrom.fromArticle.pageNumber, position: article.continuedFrom.fromArticle.position },
      revisions: history.articles.get(article.position) ?? [],
    })),
    captions: page.photos.filter((photo) => photo.articleId === null).map(caption),
    corrections: page.corrections.map((correction) => ({
      position: correction.position,
      field: correction.field,
      value: JSON.parse(correction.value) as unknown,
      updatedAt: correction.updatedAt.toISOString(),
    })),
    revisions: history.revisions,
    people: history.people,
    stories: [],
  };
}
