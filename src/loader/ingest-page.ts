import type { Writer } from "../db/writer.ts";
import { PageInputError } from "../ingest/decode.ts";
import { RECORDS_PARSER_VERSION, type ArticleRecord } from "../ingest/parse-records.ts";
import type { ParsedPage } from "../ingest/types.ts";
import { PARSER_VERSION } from "../ingest/version.ts";
import { storableProblem } from "../search/tokens.ts";
import { parseSource, type ParseRequest } from "./parse-source.ts";
import { storedPage, textHash, writePage, type PageSource, type PageWriteResult } from "./write-page.ts";

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
  const unchanged = await unchangedPage(writer, source, inputName, records);
  if (unchanged) return unchanged;
  return writeParsedPage(writer, source, inputName, parseSource(parseRequest(source, records)), records);
}

/**
 * The first half of ingestPage: refuses a page that cannot be stored, and answers "unchanged"
 * for a page stored with the same text and parser (null: it must be parsed and written).
 */
export async function unchangedPage(writer: Writer, source: PageSource, inputName: string, records?: ArticleRecord[]): Promise<PageWriteResult | null> {
  const unstorable = storableProblem(source.date, source.pageNumber);
  if (unstorable) throw new PageInputError(inputName, unstorable);
  const stored = await storedPage(writer.read, source.publication.slug, source.date, source.pageNumber);
  if (stored && stored.textHash === textHash(source.text) && stored.parserVersion === versionOf(records)) {
    return { status: "unchanged", pageId: stored.id, articles: stored.articles, personIds: [], continuationsResolved: 0 };
  }
  return null;
}

/** What the parser reads of a page: its text (or records) and the context of its issue. */
export function parseRequest(source: PageSource, records?: ArticleRecord[]): ParseRequest {
  const { name, region, province } = source.publication;
  const context = { issueDate: source.date, region: { city: region, province }, publication: name };
  return records === undefined ? { text: source.text, context } : { text: source.text, context, records };
}

/** The second half of ingestPage: refuses a page without articles (or with too many), else writes it. */
export function writeParsedPage(writer: Writer, source: PageSource, inputName: string, parsed: ParsedPage, records?: ArticleRecord[]): Promise<PageWriteResult> {
  if (parsed.articles.length === 0) throw new PageInputError(inputName, "no recognisable article in the text");
  const tooMany = storableProblem(source.date, source.pageNumber, parsed.articles.length);
  if (tooMany) throw new PageInputError(inputName, tooMany);
  return writePage(writer, source, parsed, versionOf(records));
}

const versionOf = (records: ArticleRecord[] | undefined) => (records === undefined ? PARSER_VERSION : RECORDS_PARSER_VERSION);
