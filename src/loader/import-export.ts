import fs from "node:fs";
import readline from "node:readline";
import type { Writer } from "../db/writer.ts";
import { PageInputError } from "../ingest/decode.ts";
import { pageLabelOfOrder } from "../ingest/page-label.ts";
import { isRecordsFile } from "../ingest/parse-records.ts";
import type { ParsedArticle, ParsedCaption, ParsedCredit, ParsedMention, ParsedPage } from "../ingest/types.ts";
import { checkExportLine, ExportLineError, type CheckedExportLine } from "./export-format.ts";
import { writePage, type PageSource, type PageWriteResult, type RestoredCorrection, type RestoredLink } from "./write-page.ts";
import type { RestoredHistory } from "./export-history.ts";
import { headingsOf } from "./article-headings.ts";

/**
 * Reloading what `papergraph export` wrote (src/loader/export.ts). Each line is checked against
 * the export format (export-format.ts), turned back into the `ParsedPage` the page was written
 * from and written through
 * `writePage` — one transaction a page, with its corrections, and its jumps linked as they
 * were stored (a version 1 line's are matched anew) — without parsing the text again: a
 * backup restores what was stored, whatever a later parser would make of the text.
 */

/** True for a path `ingest` treats as an export: `*.ndjson`, `*.jsonl`, but not a page's article records (`page-NN.records.ndjson`). */
export const isExportFile = (file: string) => /\.(ndjson|jsonl)$/i.test(file) && !isRecordsFile(file);

export interface ExportPage {
  source: PageSource;
  parsed: ParsedPage;
  parserVersion: string;
  /** The editors' corrections of the page (none in a version 1 line). */
  corrections: RestoredCorrection[];
  /** The page's jumps as stored; a version 1 line has none, and its jumps are matched anew. */
  links?: RestoredLink[];
  /** The editors' history of the page, its articles and people (none in a version 1 line). */
  history?: RestoredHistory;
}

/** One line of an export file: the page it holds, or why it was refused. */
export type ExportEntry = { input: string; page: ExportPage; error?: undefined } | { input: string; page?: undefined; error: PageInputError };

/**
 * Reads an export file line by line (a stream: a large export is never held whole). Blank
 * lines are skipped; a bad line yields an error naming `file:line`, and reading goes on.
 */
export async function* readExportFile(file: string): AsyncGenerator<ExportEntry> {
  const lines = readline.createInterface({ input: fs.createReadStream(file, { encoding: "utf8" }), crlfDelay: Infinity });
  let number = 0;
  try {
    for await (const raw of lines) {
      number += 1;
      const line = number === 1 ? raw.replace(/^\uFEFF/, "") : raw;
      if (line.trim() === "") continue;
      const input = `${file}:${number}`;
      try {
        yield { input, page: pageFromLine(line) };
      } catch (error) {
        if (!(error instanceof ExportLineError)) throw error;
        yield { input, error: new PageInputError(input, error.message) };
      }
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EISDIR" || code === "ENOENT" || code === "EACCES") {
      throw new PageInputError(file, code === "EISDIR" ? "is a folder, not an export file" : `cannot be read (${code})`);
    }
    throw error;
  } finally {
    lines.close();
  }
}

/** Counts the lines of a file without holding it (for a progress bar's total). */
export async function countExportLines(file: string): Promise<number> {
  let count = 0;
  let last = 0x0a;
  try {
    for await (const chunk of fs.createReadStream(file) as AsyncIterable<Buffer>) {
      for (let index = chunk.indexOf(0x0a); index !== -1; index = chunk.indexOf(0x0a, index + 1)) count += 1;
      if (chunk.length > 0) last = chunk[chunk.length - 1]!;
    }
  } catch {
    return 0;
  }
  return last === 0x0a ? count : count + 1;
}

/** Writes one page of an export with its corrections, in one transaction. */
export function writeExportPage(writer: Writer, page: ExportPage): Promise<PageWriteResult> {
  return writePage(writer, page.source, page.parsed, page.parserVersion, {
    corrections: page.corrections,
    ...(page.links ? { links: page.links } : {}),
    ...(page.history ? { history: page.history } : {}),
  });
}

/** Checks one line and rebuilds the page it holds; throws ExportLineError with the first problem found. */
export function pageFromLine(line: string): ExportPage {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    throw new ExportLineError(`not JSON (${(error as Error).message})`);
  }
  const checked = checkExportLine(value);
  const { text } = checked;
  const articles = checked.articles.map((item) => article(item, text));
  const captions = checked.captions.map(caption);
  const page = {
    source: { publication: checked.publication, date: checked.date, pageNumber: checked.page, text },
    // The text form is not stored and the writer does not use it: a guess from the `#` headings of the OCR form.
    parsed: { format: /^#/m.test(text) ? ("ocr" as const) : ("epaper" as const), articles: articles.sort((a, b) => a.position - b.position), captions },
    parserVersion: checked.parserVersion,
  };
  // Version 1 lines are version 2 lines without corrections, jump links and history.
  if (checked.version === 1) return { ...page, corrections: [] };
  return {
    ...page,
    corrections: checked.corrections,
    links: withStoryLinks(checked.articles.flatMap((item) => linksOf(item, checked.page)), "stories" in checked ? checked.stories : []),
    history: {
      revisions: checked.revisions,
      articles: checked.articles.map((item) => ({ position: item.position, revisions: item.revisions })),
      people: checked.people,
    },
  };
}

type CheckedArticle = CheckedExportLine["articles"][number];
type CheckedCaption = CheckedExportLine["captions"][number];

/**
 * The links between consecutive parts of each story a line names (version 3), added to the
 * jumps `continuesOn.to` and `picksUp` name: the story's part list restored, each pair once.
 */
function withStoryLinks(links: RestoredLink[], stories: { parts: { page: number; position: number }[] }[]): RestoredLink[] {
  const known = new Set(links.map((link) => JSON.stringify(link)));
  for (const { parts } of stories) {
    for (const [at, to] of parts.slice(1).entries()) {
      const link = { from: parts[at]!, to };
      if (!known.has(JSON.stringify(link))) links.push(link);
      known.add(JSON.stringify(link));
    }
  }
  return links;
}

/** An article's jumps as stored (version 2): out to the article picking it up, in from the one it picks up. */
function linksOf(item: Extract<CheckedArticle, { picksUp: unknown }>, page: number): RestoredLink[] {
  const links: RestoredLink[] = [];
  if (item.continuesOn?.to) links.push({ from: { page, position: item.position }, to: item.continuesOn.to });
  if (item.picksUp) links.push({ from: item.picksUp, to: { page, position: item.position } });
  return links;
}

function article(item: CheckedArticle, pageText: string): ParsedArticle {
  const { span } = item;
  const marker = (found: { page: number; label?: string | undefined; text: string } | null) => {
    if (!found) return null;
    const { text } = found;
    const label = pageLabelOfOrder(found.page);
    // The marker's own span is not stored: where its text stands in the article, else the article's end.
    const at = pageText.indexOf(text, span.start);
    const markerSpan = text !== "" && at !== -1 && at + text.length <= span.end ? { start: at, end: at + text.length } : { start: span.end, end: span.end };
    // A stored number no label names (a jump to 第1200版, stored before labels) stays a plain page.
    return { label: label?.label ?? String(found.page), page: label?.section ? null : found.page, text, span: markerSpan };
  };
  return {
    position: item.position,
    span,
    ...headingsOf(item),
    // Paragraph spans are not stored (the writer keeps the joined body): the article's span stands in.
    paragraphs: item.paragraphs.map((paragraph) => ({ text: paragraph, span })),
    credits: gapFilled(item.credits.map(({ position, ...credit }): [number, ParsedCredit] => [position, credit])),
    mentions: gapFilled(item.mentions.map(({ position, ...mention }): [number, ParsedMention] => [position, mention])),
    captions: item.captions.map(caption),
    continuesOn: marker(item.continuesOn),
    continuedFrom: marker(item.continuedFrom),
  };
}

const caption = (item: CheckedCaption): ParsedCaption => ({ ...item, photographerSpan: null });

/**
 * Puts credits (or mentions) back at the index they had as parsed. The writer stores each
 * one's index and skips a repeat of a person already credited; a gap in the stored indexes
 * is such a repeat, and is filled with a copy of the first entry, which the writer skips
 * again — so the rows written are the rows exported, positions included.
 */
function gapFilled<T>(entries: [number, T][]): T[] {
  // Positions are unique: the export format checks it.
  const byPosition = new Map<number, T>(entries);
  const sorted = [...byPosition.entries()].sort((a, b) => a[0] - b[0]);
  const first = sorted[0];
  if (!first) return [];
  // An export always starts at 0 (the writer never skips the first entry); a hand-made line
  // that does not is read from its first position on.
  const result: T[] = [];
  for (let position = first[0]; position <= sorted[sorted.length - 1]![0]; position += 1) result.push(byPosition.get(position) ?? first[1]);
  return result;
}
