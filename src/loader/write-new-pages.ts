import type { SqlRunner, Writer } from "../db/writer.ts";
import type { ParsedPage } from "../ingest/types.ts";
import { DATA_VERSION_BUMP } from "../db/data-version.ts";
import { insertRows, placeholders } from "./insert-rows.ts";
import { keepJumpsIntoNewPages } from "./keep-corrections.ts";
import { peopleByName } from "./people-by-name.ts";
import { resolveContinuationsOf, type IssuePage } from "./resolve-continuations.ts";
import { mentionCountStatements, searchRowStatements } from "./search-index.ts";
import { writePositionsOf } from "./write-positions.ts";
import {
  articleRow,
  keepPublication,
  labelOf,
  namesOf,
  regionOf,
  issueKey,
  storeIssues,
  textHash,
  writeDetails,
  type PageSource,
  type PageWriteResult,
  type PublicationInfo,
} from "./write-page.ts";

/** A parsed page to store where no page is stored yet. */
export interface NewPage {
  source: PageSource;
  parsed: ParsedPage;
  parserVersion: string;
}

/**
 * Writes pages that are not stored yet in one transaction, as writePage would write each of them
 * (the same rows, IDs in the same order), but each table's rows of every page in one statement:
 * a run of pages costs the statements of one (on PostgreSQL each a round trip, and the server's
 * start of a statement). Returns null, having written nothing, when one of the places is taken
 * by then (another process wrote that page) or two pages share one: the caller writes them one
 * by one, replacing the stored page as writePage does.
 */
export function writeNewPages(writer: Writer, pages: NewPage[]): Promise<PageWriteResult[] | null> {
  return writer.transaction((sql) => writeNewPagesWith(sql, pages));
}

async function writeNewPagesWith(sql: SqlRunner, pages: NewPage[]): Promise<PageWriteResult[] | null> {
  const places = await placesOf(
    sql,
    pages.map((page) => page.source),
  );
  if (places === null) return null;
  const { publicationIds, issueIds } = places;
  const ingestedAt = new Date().toISOString();
  const created = await insertRows<{ id: number; issueId: number; number: number }>(
    sql,
    "Page",
    pages.map(({ source, parserVersion }, index) => {
      const { label, section } = labelOf(source.pageNumber);
      // The columns in writePage's order: one statement text for both.
      return { issueId: issueIds[index]!, number: source.pageNumber, label, section, text: source.text, textHash: textHash(source.text), parserVersion, ingestedAt };
    }),
    ["id", "issueId", "number"],
  );
  const pageIdAt = new Map(created.map((page) => [`${page.issueId}:${page.number}`, Number(page.id)]));
  const pageIds = pages.map((page, index) => pageIdAt.get(`${issueIds[index]}:${page.source.pageNumber}`)!);
  const articleRows = pages.map(({ source, parsed }, index) => parsed.articles.map((article) => articleRow(article, issueIds[index]!, source)));
  const articles = await insertRows<{ id: number; pageId: number; position: number }>(
    sql,
    "Article",
    articleRows.flatMap((rows, index) => rows.map((row) => ({ pageId: pageIds[index]!, ...row }))),
    ["id", "pageId", "position"],
  );
  const articleIdAt = new Map(articles.map((article) => [`${article.pageId}:${article.position}`, Number(article.id)]));
  const articleIds = articleRows.map((rows, index) => rows.map((row) => articleIdAt.get(`${pageIds[index]}:${row.position}`)!));

  const namesOfPages = pages.map((page) => namesOf(page.parsed));
  const { ids: people, formerNames } = await peopleByName(sql, [...new Set(namesOfPages.flat())]);
  const mentions = await writeDetails(
    sql,
    pages.map((page, index) => ({ pageId: pageIds[index]!, issueDate: page.source.date, parsed: page.parsed, articleIds: articleIds[index]! })),
    people,
  );
  await writePositionsOf(
    sql,
    mentions.map((mention) => ({ ...mention, ...regionOf(pages[mention.page]!.source.publication) })),
  );
  const issuePages: IssuePage[] = pages.map((page, index) => ({ issueId: issueIds[index]!, pageNumber: page.source.pageNumber }));
  // As writePage: only pages with a jump or a pickup have anything to match.
  const matchable = issuePages.filter((_, index) =>
    pages[index]!.parsed.articles.some((article) => article.continuesOn !== null || article.continuedFrom !== null),
  );
  const resolved = matchable.length > 0 ? await resolveContinuationsOf(sql, matchable) : [];
  const jumpsKept = await keepJumpsIntoNewPages(sql, issuePages);
  await sql.runTogether([
    ...mentionCountStatements(sql.dialect, articleIds.flat(), 1),
    ...searchRowStatements(
      sql.dialect,
      pages.flatMap(({ parsed }, index) =>
        parsed.articles.map((article, at) => ({
          articleId: articleIds[index]![at]!,
          publicationId: publicationIds[index]!,
          ...articleRows[index]![at]!,
          captions: article.captions.map((caption) => caption.text),
        })),
      ),
    ),
    DATA_VERSION_BUMP,
  ]);
  // A jump resolved is counted on the later page of its two in the run, as writing them one by one counts it.
  const indexOf = new Map(issuePages.map((page, index) => [`${page.issueId}:${page.pageNumber}`, index]));
  const resolvedOn = pages.map(() => 0);
  for (const jump of resolved) {
    const at = Math.max(indexOf.get(`${jump.issueId}:${jump.fromPage}`) ?? -1, indexOf.get(`${jump.issueId}:${jump.toPage}`) ?? -1);
    resolvedOn[at]! += 1;
  }
  return pages.map((_, index) => ({
    status: "created",
    pageId: pageIds[index]!,
    articles: articleIds[index]!.length,
    personIds: [...new Set(namesOfPages[index]!.map((name) => people.get(name)!))],
    continuationsResolved: resolvedOn[index]!,
    correctionsKept: jumpsKept[index]! + namesOfPages[index]!.filter((name) => formerNames.has(name)).length,
  }));
}

/**
 * The publication and issue of each source, read in one statement, creating those missing (and
 * updating a publication whose manifest changed); null when a source's page is stored, or two
 * sources name one page.
 */
async function placesOf(sql: SqlRunner, sources: PageSource[]): Promise<{ publicationIds: number[]; issueIds: number[] } | null> {
  const keys = sources.map((source) => `${source.publication.slug}|${source.date}|${source.pageNumber}`);
  if (new Set(keys).size < keys.length) return null;
  const slugs = [...new Set(sources.map((source) => source.publication.slug))];
  const dates = [...new Set(sources.map((source) => source.date))];
  const numbers = [...new Set(sources.map((source) => source.pageNumber))];
  // Every page of those numbers in every issue of those dates: the pairs not asked for are dropped below.
  const found = await sql.all<PublicationInfo & { id: number; issueId: number | null; date: string | null; number: number | null }>(
    `SELECT pub."id", pub."slug", pub."name", pub."locale", pub."region", pub."province", i."id" AS "issueId", i."date", p."number"
       FROM "Publication" pub LEFT JOIN "Issue" i ON i."publicationId" = pub."id" AND i."date" IN ${placeholders(dates.length)}
       LEFT JOIN "Page" p ON p."issueId" = i."id" AND p."number" IN ${placeholders(numbers.length)}
      WHERE pub."slug" IN ${placeholders(slugs.length)}`,
    [...dates, ...numbers, ...slugs],
  );
  const taken = new Set(found.filter((row) => row.number !== null).map((row) => `${row.slug}|${row.date}|${row.number}`));
  if (keys.some((key) => taken.has(key))) return null;
  const publicationOf = new Map<string, number>();
  for (const { publication } of sources) {
    if (publicationOf.has(publication.slug)) continue;
    const stored = found.find((row) => row.slug === publication.slug);
    publicationOf.set(publication.slug, await keepPublication(sql, publication, stored && { ...stored, id: Number(stored.id) }));
  }
  const publicationIds = sources.map((source) => publicationOf.get(source.publication.slug)!);
  const issueOf = new Map(found.filter((row) => row.issueId !== null).map((row) => [issueKey(Number(row.id), row.date!), Number(row.issueId)]));
  const missing = new Map<string, { publicationId: number; date: string }>();
  for (const [index, { date }] of sources.entries()) {
    const key = issueKey(publicationIds[index]!, date);
    if (!issueOf.has(key)) missing.set(key, { publicationId: publicationIds[index]!, date });
  }
  if (missing.size > 0) for (const [key, id] of await storeIssues(sql, [...missing.values()])) issueOf.set(key, id);
  return { publicationIds, issueIds: sources.map((source, index) => issueOf.get(issueKey(publicationIds[index]!, source.date))!) };
}
