import { parsePage } from "../ingest/parse-page.ts";
import { parseRecordsPage, type ArticleRecord } from "../ingest/parse-records.ts";
import type { PageContext, ParsedPage } from "../ingest/types.ts";

/** A page to parse: its text, or its article records with their composed text. */
export interface ParseRequest {
  text: string;
  context: PageContext;
  records?: ArticleRecord[];
}

/** Parses a page as ingest does: the text, or the records when given. Plain data in and out (a worker runs it too). */
export function parseSource(request: ParseRequest): ParsedPage {
  return request.records === undefined ? parsePage(request.text, request.context) : parseRecordsPage(request.records, request.context).parsed;
}
