import { GroupRolledBackError, type Writer } from "../db/writer.ts";
import { PageInputError } from "../ingest/decode.ts";
import { RECORDS_PARSER_VERSION, type ArticleRecord } from "../ingest/parse-records.ts";
import type { ParsedPage } from "../ingest/types.ts";
import { PARSER_VERSION } from "../ingest/version.ts";
import { storableProblem } from "../search/tokens.ts";
import { parseSource, type ParseRequest } from "./parse-source.ts";
import { storedPage, textHash, writePage, type PageSource, type PageWriteResult } from "./write-page.ts";
import { writeNewPages } from "./write-new-pages.ts";

/**
 * Parses and stores one page. An unchanged page (same text, same parser) is recognised
 * before parsing and left alone. Text with no recognisable article is refused with a
 * PageInputError naming `inputName`, and nothing is written.
 *
 * With `records` (a source's article records), the articles are the records and `source.text`
 * must be their page text (`composeRecords`); such a page is stored under its own parser
 * version, so that the same text read as a page, or as records, is read again.
 */
export async function ingestPage(writer: Writer, source: PageSource, inputName: string, records?: ArticleRecord[]): Promise<PageWriteResult> {
  const { unchanged } = await storedState(writer, source, inputName, records);
  if (unchanged) return unchanged;
  return writeParsedPage(writer, source, inputName, parseSource(parseRequest(source, records)), records);
}

/** Whether a page is stored at a source's place, and if so whether with the same text and parser. */
export interface StoredState {
  /** The page stored with the same text and parser; null: it must be parsed and written. */
  unchanged: PageWriteResult | null;
  /** Whether a page is stored at the place (false: the page is new there). */
  stored: boolean;
}

/** The first half of ingestPage: refuses a page that cannot be stored, and tells what is stored in its place. */
export async function storedState(writer: Writer, source: PageSource, inputName: string, records?: ArticleRecord[]): Promise<StoredState> {
  const unstorable = storableProblem(source.date, source.pageNumber);
  if (unstorable) throw new PageInputError(inputName, unstorable);
  const stored = await storedPage(writer.read, source.publication.slug, source.date, source.pageNumber);
  if (stored && stored.textHash === textHash(source.text) && stored.parserVersion === versionOf(records)) {
    return { unchanged: { status: "unchanged", pageId: stored.id, articles: stored.articles, personIds: [], continuationsResolved: 0 }, stored: true };
  }
  return { unchanged: null, stored: stored !== undefined };
}

/** What the parser reads of a page: its text (or records) and the context of its issue. */
export function parseRequest(source: PageSource, records?: ArticleRecord[]): ParseRequest {
  const { name, region, province } = source.publication;
  const context = { issueDate: source.date, region: { city: region, province }, publication: name };
  return records === undefined ? { text: source.text, context } : { text: source.text, context, records };
}

/** The second half of ingestPage: refuses a page without articles (or with too many), else writes it. */
export function writeParsedPage(writer: Writer, source: PageSource, inputName: string, parsed: ParsedPage, records?: ArticleRecord[]): Promise<PageWriteResult> {
  checkParsedPage(source, inputName, parsed);
  return writePage(writer, source, parsed, versionOf(records));
}

/** Refuses, naming `inputName`, a parsed page that cannot be stored: without articles, or with too many. */
export function checkParsedPage(source: PageSource, inputName: string, parsed: ParsedPage): void {
  if (parsed.articles.length === 0) throw new PageInputError(inputName, "no recognisable article in the text");
  const tooMany = storableProblem(source.date, source.pageNumber, parsed.articles.length);
  if (tooMany) throw new PageInputError(inputName, tooMany);
}

/** A parsed page that checkParsedPage accepted, with the records it was read from, if any. */
export interface CheckedPage {
  source: PageSource;
  parsed: ParsedPage;
  records?: ArticleRecord[];
}

/**
 * Writes parsed pages that were new where they go when read: together (writeNewPages), or one
 * by one when a place is taken by then, or when writing them together failed, so that a page that
 * cannot be written fails alone, with its own error, once the pages before it are written. A
 * failure that took pages written before with it (SQLite's whole group, src/db/writer.ts) is not
 * retried: it is reported as it is.
 */
export async function writeNewParsedPages(writer: Writer, pages: CheckedPage[]): Promise<PageWriteResult[]> {
  if (pages.length > 1) {
    try {
      const written = await writeNewPages(
        writer,
        pages.map((page) => ({ source: page.source, parsed: page.parsed, parserVersion: versionOf(page.records) })),
      );
      if (written) return written;
    } catch (error) {
      if (error instanceof GroupRolledBackError) throw error;
      // Written again one by one below: the page that fails fails alone.
    }
  }
  const results: PageWriteResult[] = [];
  for (const page of pages) results.push(await writePage(writer, page.source, page.parsed, versionOf(page.records)));
  return results;
}

const versionOf = (records: ArticleRecord[] | undefined) => (records === undefined ? PARSER_VERSION : RECORDS_PARSER_VERSION);
