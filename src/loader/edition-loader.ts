import path from "node:path";
import type { Writer } from "../db/writer.ts";
import { PageInputError, readPageFile } from "../ingest/decode.ts";
import { findPageFiles, pageLocationFromPath, readPublicationManifest, type PublicationManifest } from "../ingest/layout.ts";
import { isCalendarDate } from "../lib/dates.ts";
import { pageLabelOfOrder, pageRefOfOrder } from "../ingest/page-label.ts";
import { composeRecords, isRecordsFile, parseRecordsFile, type ArticleRecord, type RecordsPage } from "../ingest/parse-records.ts";
import type { ParsedPage } from "../ingest/types.ts";
import { storableProblem } from "../search/tokens.ts";
import { checkParsedPage, parseRequest, storedState, writeNewParsedPages, writeParsedPage, type CheckedPage } from "./ingest-page.ts";
import { PAGES_PER_THREAD, parserThreads, shortRunParser, workerPool, type PageParser } from "./page-parser.ts";
import { countExportLines, isExportFile, readExportFile, writeExportPage } from "./import-export.ts";
import type { PageSource, PageWriteResult, PublicationInfo } from "./write-page.ts";

export interface IngestOptions {
  /** Overrides the publication read from the folder layout (its slug). */
  publication?: string;
  /** Overrides the issue date read from the folder layout. */
  date?: string;
  /** Overrides the page read from the file name, by its order in the issue (src/ingest/page-label.ts); only with a single file. */
  page?: number;
  onProgress?: (event: { done: number; total: number; file: string }) => void;
  /**
   * Parse every page in worker threads, ahead of the writes. By default only runs of
   * PAGES_PER_THREAD pages or more are, and of a shorter run only its pages of over
   * IN_THREAD_MAX_CHARS (src/loader/page-parser.ts): a thread loads the parser and its
   * dictionary cold, which a few pages of common size do not pay back.
   */
  parseInWorker?: boolean;
}

export interface IngestSummary {
  files: number;
  pages: { created: number; replaced: number; unchanged: number };
  articles: number;
  /** Distinct people credited or named on the pages written. */
  people: number;
  continuationsResolved: number;
  /** Editors' corrections re-applied over the parser's output on the pages written. */
  correctionsKept: number;
  errors: { input: string; message: string }[];
}

/**
 * Ingests page files and folders of editions (`<publication>/<YYYY-MM-DD>/page-NN.txt`, or
 * `page-A01.txt` in a paper printed in sections, or the page's article records
 * `page-NN.records.json` / `.records.ndjson`: see src/ingest/parse-records.ts),
 * and export files (`*.ndjson`, `*.jsonl` given by name: see src/loader/import-export.ts).
 * Each page is written whole or not at all; a bad file or export line is reported and the others go on.
 */
export async function ingestPaths(writer: Writer, paths: string[], options: IngestOptions = {}): Promise<IngestSummary> {
  const summary: IngestSummary = {
    files: 0,
    pages: { created: 0, replaced: 0, unchanged: 0 },
    articles: 0,
    people: 0,
    continuationsResolved: 0,
    correctionsKept: 0,
    errors: [],
  };
  const found = await findPageFiles(paths);
  const { missing } = found;
  const files = found.files.filter((file) => !isExportFile(file));
  const exports = found.files.filter(isExportFile);
  for (const input of missing) summary.errors.push({ input, message: `${input}: file or folder not found` });
  for (const refusal of found.refused) summary.errors.push({ input: refusal.input, message: refusal.message });
  if (options.page !== undefined && files.length !== 1) {
    throw new PageInputError("--page", `names one page number, but ${files.length} files were given`);
  }
  const flag = options.publication ? "--publication" : options.date ? "--date" : options.page !== undefined ? "--page" : null;
  if (exports.length > 0 && flag) throw new PageInputError(flag, `applies to page text files, not to an export (${exports[0]})`);
  summary.files = files.length + exports.length;
  const people = new Set<number>();
  const publications = new PublicationResolver(writer);
  const record = (result: PageWriteResult) => {
    summary.pages[result.status] += 1;
    summary.articles += result.articles;
    summary.continuationsResolved += result.continuationsResolved;
    summary.correctionsKept += result.correctionsKept ?? 0;
    for (const id of result.personIds) people.add(id);
  };
  let done = 0;
  let total = files.length;
  if (options.onProgress) for (const file of exports) total += await countExportLines(file);
  // Pages are parsed ahead in a thread of their own while the page before is written.
  const longRun = options.parseInWorker ?? files.length >= PAGES_PER_THREAD;
  // A restore or a long run of pages is made durable a few pages at a time, with its checkpoints
  // apart; the flush at its end makes every page durable before it returns.
  const bulk = longRun || exports.length > 0;
  const checkpointHere = bulk ? writer.checkpointApart?.() : undefined;
  const deferred = bulk ? writer.deferredCommits?.() : undefined;
  const pageWriter = deferred?.writer ?? writer;
  try {
    // Exports first: a backup is restored, then newer page text is read on top of it.
    for (const file of exports) {
      try {
        for await (const entry of readExportFile(file)) {
          const unstorable = entry.page && storableProblem(entry.page.source.date, entry.page.source.pageNumber, entry.page.parsed.articles.length);
          if (entry.error) summary.errors.push({ input: entry.input, message: entry.error.message });
          else if (unstorable) summary.errors.push({ input: entry.input, message: new PageInputError(entry.input, unstorable).message });
          else record(await writeExportPage(pageWriter, entry.page));
          options.onProgress?.({ done: ++done, total: Math.max(total, done), file: entry.input });
          await yieldToRequests();
        }
      } catch (error) {
        if (!(error instanceof PageInputError)) throw error;
        summary.errors.push({ input: file, message: error.message });
      }
    }
    const parser = longRun ? workerPool(parserThreads(files.length)) : shortRunParser();
    // Pages new where they go are written RUN_PAGES at a time (writeNewParsedPages); while a run is
    // written, the parser's threads parse the next one.
    const lookAhead = longRun ? parser.pagesAhead + RUN_PAGES : parser.pagesAhead;
    const ahead: { place: string | null; early: boolean; page: Promise<PreparedPage> }[] = [];
    const run: (CheckedPage & { file: string; place: string | null })[] = [];
    let runChars = 0;
    const writeRun = async () => {
      if (run.length === 0) return;
      const pages = run.splice(0);
      runChars = 0;
      for (const [index, result] of (await writeNewParsedPages(pageWriter, pages)).entries()) {
        record(result);
        options.onProgress?.({ done: ++done, total, file: pages[index]!.file });
      }
    };
    let next = 0;
    try {
      for (const file of files) {
        // Looking ahead stops at a page whose place an earlier page not yet written holds: whether it
        // is unchanged is known only once that one is written.
        while (next < files.length && ahead.length < lookAhead) {
          const place = placeKey(files[next]!, options);
          if (place !== null && [...ahead, ...run].some((entry) => entry.place === place)) break;
          const page = preparePage(writer, publications, parser, files[next]!, options);
          // Known at once (a file read and one SELECT): the next page's lookup must not run inside a write.
          await page.catch(() => undefined);
          ahead.push({ place, early: ahead.length > 0 || run.length > 0, page });
          next += 1;
        }
        const entry = ahead.shift()!;
        try {
          // A page read ahead of others that it could not be (its publication known only from a page
          // before it, say) is read again in its turn, once the pages before it are written.
          const page = await entry.page.catch(async (error) => {
            if (!entry.early) throw error;
            await writeRun();
            return preparePage(writer, publications, parser, file, options);
          });
          if (!page.unchanged && !page.stored) {
            const parsed = await page.parsed!;
            checkParsedPage(page.source, file, parsed);
            run.push({ file, place: entry.place, source: page.source, parsed, records: page.records });
            runChars += page.source.text.length;
            if (run.length >= RUN_PAGES || runChars >= RUN_CHARS) await writeRun();
            // Its progress is told once its run is written.
            await yieldToRequests();
            continue;
          }
          await writeRun();
          record(page.unchanged ?? (await writeParsedPage(pageWriter, page.source, file, await page.parsed!, page.records)));
        } catch (error) {
          // The pages before this one are written (or fail) first, as they would one by one.
          await writeRun();
          if (!(error instanceof PageInputError)) throw error;
          summary.errors.push({ input: file, message: error.message });
        }
        options.onProgress?.({ done: ++done, total, file });
        await yieldToRequests();
      }
      await writeRun();
    } finally {
      for (const entry of ahead) entry.page.then((page) => page.parsed?.catch(() => undefined), () => undefined);
      await parser.close();
    }
  } finally {
    await deferred?.flush();
    await checkpointHere?.();
  }
  summary.people = people.size;
  return summary;
}

/**
 * Pages written together at most (and their text at most RUN_CHARS): a run of sample pages costs
 * the statements of one page. A reader sees the run's pages once it is written, a fraction of a second.
 */
export const RUN_PAGES = 16;
const RUN_CHARS = 4_000_000;

/**
 * A page write never yields to the event loop (the SQLite driver is synchronous): a server in
 * the same process answers its requests between pages.
 */
const yieldToRequests = () => new Promise((resolve) => setImmediate(resolve));

/** A page file read, checked and (unless unchanged) being parsed. */
interface PreparedPage {
  source: PageSource;
  records?: ArticleRecord[];
  unchanged: PageWriteResult | null;
  /** Whether a page was stored at its place when read (false: it is written with a run of new pages). */
  stored: boolean;
  parsed: Promise<ParsedPage> | null;
}

async function preparePage(writer: Writer, publications: PublicationResolver, parser: PageParser, file: string, options: IngestOptions): Promise<PreparedPage> {
  const location = placeOf(file, options);
  const publication = await publications.resolve(location.publication, file);
  const content = await readPageFile(file);
  let records: ArticleRecord[] | undefined;
  let text = content;
  if (isRecordsFile(file)) {
    const read = parseRecordsFile(content, file);
    checkRecordsPlace(read, location, file);
    records = read.articles;
    text = composeRecords(records).text;
  }
  const source = { publication, date: location.date, pageNumber: location.page, text };
  const { unchanged, stored } = await storedState(writer, source, file, records);
  const parsed = unchanged ? null : parser.parse(parseRequest(source, records));
  // Rejections are awaited at the page's turn; until then they must not count as unhandled.
  parsed?.catch(() => undefined);
  return { source, records, unchanged, stored, parsed };
}

/** Where a file's page goes (publication, date, page), or null when its name does not say. */
function placeKey(file: string, options: IngestOptions): string | null {
  try {
    const { publication, date, page } = placeOf(file, options);
    return `${publication}/${date}/${page}`;
  } catch {
    return null;
  }
}

function placeOf(file: string, options: IngestOptions): { publication: string; date: string; page: number } {
  const location = pageLocationFromPath(file);
  const publication = options.publication ?? location?.publication;
  const date = options.date ?? location?.date;
  const page = options.page ?? location?.page;
  if (!publication || !date || page === undefined) {
    const lacking = [!publication && "--publication", !date && "--date", page === undefined && "--page"].filter(Boolean).join(", ");
    throw new PageInputError(file, `not in the <publication>/<YYYY-MM-DD>/page-NN.txt layout; give ${lacking}`);
  }
  if (!isCalendarDate(date)) throw new PageInputError(file, `the date ${date} is not a calendar date (YYYY-MM-DD)`);
  if (pageLabelOfOrder(page) === null) throw new PageInputError(file, `the page ${page} has no printed label (plain pages are 1 to 999, section pages A01 to Z99)`);
  return { publication, date, page };
}

/** Records that name their publication, date or page must name the place they are ingested as. */
function checkRecordsPlace(records: RecordsPage, place: { publication: string; date: string; page: number }, file: string): void {
  const named = [
    ["publication", records.publication, place.publication],
    ["date", records.date, place.date],
    ["page", records.page, pageRefOfOrder(place.page)],
  ] as const;
  for (const [field, value, expected] of named) {
    if (value !== undefined && value !== expected) {
      throw new PageInputError(file, `field "${field}" is ${JSON.stringify(value)}, but the file is ingested as ${JSON.stringify(expected)}`);
    }
  }
}

/**
 * Finds what is known of a publication: its manifest beside the edition folders
 * (`<publication>/publication.json`), else what the database already holds.
 */
class PublicationResolver {
  readonly #cache = new Map<string, Promise<PublicationInfo>>();
  constructor(readonly writer: Writer) {}

  resolve(slug: string, file: string): Promise<PublicationInfo> {
    const location = pageLocationFromPath(file);
    const folder = location?.publication === slug ? path.dirname(path.dirname(path.resolve(file))) : null;
    const key = `${slug}\0${folder ?? ""}`;
    let found = this.#cache.get(key);
    if (!found) {
      found = this.#load(slug, folder, file);
      this.#cache.set(key, found);
      // A publication not found yet may be stored by a page before this one (read ahead, then again).
      found.catch(() => this.#cache.delete(key));
    }
    return found;
  }

  async #load(slug: string, folder: string | null, file: string): Promise<PublicationInfo> {
    if (folder) {
      try {
        return fromManifest(await readPublicationManifest(folder));
      } catch (error) {
        if (!(error instanceof PageInputError) || !error.reason.includes("not found")) throw error;
      }
    }
    const stored = await this.writer.read.get<PublicationInfo>(
      `SELECT "slug", "name", "locale", "region", "province" FROM "Publication" WHERE "slug" = ?`,
      [slug],
    );
    if (stored) return stored;
    throw new PageInputError(file, `unknown publication "${slug}": add ${slug}/publication.json beside its edition folders`);
  }
}

const fromManifest = (manifest: PublicationManifest): PublicationInfo => ({
  slug: manifest.slug,
  name: manifest.name,
  locale: manifest.locale,
  region: manifest.region,
  province: manifest.province,
});
