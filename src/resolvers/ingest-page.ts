import type { Writer } from "../db/writer.ts";
import { PageInputError } from "../ingest/decode.ts";
import { parsePage } from "../ingest/parse-page.ts";
import { parseRecordsPage, RECORDS_PARSER_VERSION, type ArticleRecord } from "../ingest/parse-records.ts";
import { PARSER_VERSION } from "../ingest/version.ts";
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
  const version = records === undefined ? PARSER_VERSION : RECORDS_PARSER_VERSION;
  const stored = await storedPage(writer.read, source.publication.slug, source.date, source.pageNumber);
  if (stored && stored.textHash === textHash(source.text) && stored.parserVersion === version) {
    return { status: "unchanged", pageId: stored.id, articles: stored.articles, personIds: [], continuationsResolved: 0 };
  }
  const context = { issueDate: source.date, region: { city: source.publication.region, province: source.publication.province } };
  const parsed = records === undefined ? parsePage(source.text, context) : parseRecordsPage(records, context).parsed;
  if (parsed.articles.length === 0) throw new PageInputError(inputName, "no recognisable article in the text");
  return writePage(writer, source, parsed, version);
}
