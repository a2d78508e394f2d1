import fs from "node:fs";
import readline from "node:readline";
import type { Writer } from "../db/writer.ts";
import { isCalendarDate } from "../dates.ts";
import { PageInputError } from "../ingest/decode.ts";
import type { CreditRole, ParsedArticle, ParsedCaption, ParsedCredit, ParsedMention, ParsedPage, Span } from "../ingest/types.ts";
import { EXPORT_FORMAT, EXPORT_VERSION } from "./export.ts";
import { TEXT_FIELDS } from "./corrections-store.ts";
import { writePage, type PageSource, type PageWriteResult, type RestoredCorrection, type RestoredLink } from "./write-page.ts";
import type { ExportPerson, ExportRevision, RestoredHistory } from "./export-history.ts";
import { isRecordsFile } from "../ingest/parse-records.ts";

/**
 * Reloading what `papergraph export` wrote (src/resolvers/export.ts). Each line is checked,
 * turned back into the `ParsedPage` the page was written from and written through
 * `writePage` — one transaction a page, with its corrections, and its jumps linked as they
 * were stored (a version 1 line's are matched anew) — without parsing the text again: a
 * backup restores what was stored, whatever a later parser would make of the text.
 */

/** True for a path `ingest` treats as an export rather than page text. */
/** An export (`*.ndjson`, `*.jsonl`), not a page's article records (`page-NN.records.ndjson`). */
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
        if (!(error instanceof BadLine)) throw error;
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

class BadLine extends Error {}

const notExport = (detail: string): never => {
  throw new BadLine(`not a papergraph export line (${detail})`);
};

type Json = Record<string, unknown>;

/** Checks one line and rebuilds the page it holds; throws BadLine with the first problem found. */
export function pageFromLine(line: string): ExportPage {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    throw new BadLine(`not JSON (${(error as Error).message})`);
  }
  if (!isObject(value)) return notExport("not a JSON object");
  if (!("format" in value)) return notExport(`missing "format"`);
  if (value.format !== EXPORT_FORMAT) return notExport(`format is ${JSON.stringify(value.format)}, not "${EXPORT_FORMAT}"`);
  // Version 1 lines are version 2 lines without corrections, jump links and history.
  if (value.version !== 1 && value.version !== EXPORT_VERSION) {
    throw new BadLine(`export version ${JSON.stringify(value.version)} is not supported (this papergraph reads versions 1 to ${EXPORT_VERSION})`);
  }
  const read = new Reader();
  const text = read.string(value, "text");
  read.pageText = text;
  const publication = read.object(value, "publication");
  const date = read.string(value, "date");
  if (!isCalendarDate(date)) notExport(`"date" is not a calendar date YYYY-MM-DD`);
  const pageNumber = read.integer(value, "page", 1);
  const parserVersion = read.string(value, "parserVersion");
  const articles = read.array(value, "articles").map((item, index) => read.at(`articles[${index}]`, () => article(read, item)));
  const positions = new Set<number>();
  for (const [index, parsed] of articles.entries()) {
    if (positions.has(parsed.position)) notExport(`"articles[${index}].position" repeats ${parsed.position}`);
    positions.add(parsed.position);
  }
  const captions = read.array(value, "captions").map((item, index) => read.at(`captions[${index}]`, () => caption(read, item)));
  const links = value.version === 1
    ? undefined
    : read.array(value, "articles").flatMap((item, index) => read.at(`articles[${index}]`, () => linksOf(read, read.asObject(item), pageNumber)));
  const history = value.version === 1 ? undefined : historyOf(read, value);
  const corrections = value.version === 1 ? [] : read.array(value, "corrections").map((item, index) => read.at(`corrections[${index}]`, () => correction(read, item)));
  const corrected = new Set<string>();
  for (const [index, { position, field }] of corrections.entries()) {
    if (corrected.has(`${position}:${field}`)) notExport(`"corrections[${index}]" repeats the ${field} of position ${position}`);
    corrected.add(`${position}:${field}`);
  }
  return {
    source: {
      publication: read.at("publication", () => ({
        slug: read.string(publication, "slug"),
        name: read.string(publication, "name"),
        locale: read.string(publication, "locale"),
        region: read.stringOrNull(publication, "region"),
        province: read.stringOrNull(publication, "province"),
      })),
      date,
      pageNumber,
      text,
    },
    // The text form is not stored and the writer does not use it: a guess from the `#` headings of the OCR form.
    parsed: { format: /^#/m.test(text) ? "ocr" : "epaper", articles: articles.sort((a, b) => a.position - b.position), captions },
    parserVersion,
    corrections,
    ...(links ? { links } : {}),
    ...(history ? { history } : {}),
  };
}

/** The revisions of the page and its articles, and its people's former names and revisions (version 2). */
function historyOf(read: Reader, line: Json): RestoredHistory {
  const revisions = (object: Json) => read.array(object, "revisions").map((item, index) => read.at(`revisions[${index}]`, () => revision(read, item)));
  return {
    revisions: revisions(line),
    articles: read.array(line, "articles").map((item, index) =>
      read.at(`articles[${index}]`, () => {
        const article = read.asObject(item);
        return { position: read.integer(article, "position", 0), revisions: revisions(article) };
      }),
    ),
    people: read.array(line, "people").map((item, index) =>
      read.at(`people[${index}]`, (): ExportPerson => {
        const person = read.asObject(item);
        return {
          name: read.name(person, "name"),
          formerNames: read.array(person, "formerNames").map((name, at) => (typeof name === "string" && name !== "" ? name : notExport(`"${read.path}formerNames[${at}]" is not a name`))),
          revisions: revisions(person),
        };
      }),
    ),
  };
}

function revision(read: Reader, value: unknown): ExportRevision {
  const item = read.asObject(value);
  const json = (key: string) => (key in item ? item[key] : notExport(`missing "${read.path}${key}"`));
  return { action: read.name(item, "action"), before: json("before"), after: json("after"), actor: read.name(item, "actor"), createdAt: read.dateTime(item, "createdAt") };
}

/** An article's jumps as stored (version 2): out to the article picking it up, in from the one it picks up. */
function linksOf(read: Reader, item: Json, page: number): RestoredLink[] {
  const position = read.integer(item, "position", 0);
  const end = (object: Json) => ({ page: read.integer(object, "page", 1), position: read.integer(object, "position", 0) });
  const links: RestoredLink[] = [];
  const jump = read.objectOrNull(item, "continuesOn");
  const to = jump && read.at("continuesOn", () => read.objectOrNull(jump, "to"));
  if (to) links.push({ from: { page, position }, to: read.at("continuesOn.to", () => end(to)) });
  const from = read.objectOrNull(item, "picksUp");
  if (from) links.push({ from: read.at("picksUp", () => end(from)), to: { page, position } });
  return links;
}

const CORRECTED_FIELDS = [...TEXT_FIELDS, "credits", "continuation"];

/** One correction, its value checked against what its field holds (see corrections-store.ts). */
function correction(read: Reader, value: unknown): RestoredCorrection {
  const item = read.asObject(value);
  const position = read.integer(item, "position", 0);
  const field = read.string(item, "field");
  if (!CORRECTED_FIELDS.includes(field)) notExport(`"${read.path}field" is ${JSON.stringify(field)}, not one of ${CORRECTED_FIELDS.join(", ")}`);
  let corrected: unknown;
  if (field === "credits") {
    corrected = read.array(item, "value").map((entry, index) =>
      read.at(`value[${index}]`, () => {
        const credit = read.asObject(entry);
        const role = read.string(credit, "role");
        if (!ROLES.includes(role as CreditRole)) notExport(`"${read.path}role" is ${JSON.stringify(role)}, not one of ${ROLES.join(", ")}`);
        return { name: read.name(credit, "name"), role, label: read.stringOrNull(credit, "label") };
      }),
    );
  } else if (field === "continuation") {
    const target = read.object(item, "value");
    corrected = read.at("value", () => ({ page: read.integer(target, "page", 1), position: read.integer(target, "position", 0) }));
  } else {
    corrected = read.stringOrNull(item, "value");
  }
  return { position, field, value: corrected, updatedAt: read.dateTime(item, "updatedAt") };
}

const ROLES: readonly CreditRole[] = ["REPORTER", "PHOTOGRAPHER", "AUTHOR"];

function article(read: Reader, value: unknown): ParsedArticle {
  const item = read.asObject(value);
  const span = read.span(item, "span");
  const marker = (key: "continuesOn" | "continuedFrom") => {
    const found = read.objectOrNull(item, key);
    if (!found) return null;
    const text = read.at(key, () => read.string(found, "text"));
    const page = read.at(key, () => read.integer(found, "page", 1));
    // The marker's own span is not stored: where its text stands in the article, else the article's end.
    const at = read.pageText?.indexOf(text, span.start) ?? -1;
    const markerSpan = text !== "" && at !== -1 && at + text.length <= span.end ? { start: at, end: at + text.length } : { start: span.end, end: span.end };
    return { page, text, span: markerSpan };
  };
  const credits = gapFilled(
    read.array(item, "credits").map((entry, index) =>
      read.at(`credits[${index}]`, (): [number, ParsedCredit] => {
        const credit = read.asObject(entry);
        const role = read.string(credit, "role") as CreditRole;
        if (!ROLES.includes(role)) notExport(`"${read.path}role" is not one of ${ROLES.join(", ")}`);
        return [read.integer(credit, "position", 0), { role, name: read.name(credit, "name"), label: read.stringOrNull(credit, "label"), span: read.span(credit, "span") }];
      }),
    ),
    "credits",
    read,
  );
  const mentions = gapFilled(
    read.array(item, "mentions").map((entry, index) =>
      read.at(`mentions[${index}]`, (): [number, ParsedMention] => {
        const mention = read.asObject(entry);
        return [
          read.integer(mention, "position", 0),
          {
            name: read.name(mention, "name"),
            title: read.stringOrNull(mention, "title"),
            normalisedTitle: read.stringOrNull(mention, "normalisedTitle"),
            span: read.span(mention, "span"),
            titleSpan: read.spanOrNull(mention, "titleSpan"),
          },
        ];
      }),
    ),
    "mentions",
    read,
  );
  const paragraphs = read.array(item, "paragraphs").map((paragraph, index) => {
    if (typeof paragraph !== "string") notExport(`"${read.path}paragraphs[${index}]" is not a string`);
    // Paragraph spans are not stored (the writer keeps the joined body): the article's span stands in.
    return { text: paragraph as string, span };
  });
  return {
    position: read.integer(item, "position", 1),
    span,
    kicker: read.stringOrNull(item, "kicker"),
    headline: read.stringOrNull(item, "headline"),
    subheadline: read.stringOrNull(item, "subheadline"),
    source: read.stringOrNull(item, "source"),
    dispatch: read.stringOrNull(item, "dispatch"),
    dateline: read.stringOrNull(item, "dateline"),
    eventDate: read.stringOrNull(item, "eventDate"),
    paragraphs,
    credits,
    mentions,
    captions: read.array(item, "captions").map((entry, index) => read.at(`captions[${index}]`, () => caption(read, entry))),
    continuesOn: marker("continuesOn"),
    continuedFrom: marker("continuedFrom"),
  };
}

function caption(read: Reader, value: unknown): ParsedCaption {
  const item = read.asObject(value);
  const photographer = read.stringOrNull(item, "photographer");
  if (photographer === "") notExport(`"${read.path}photographer" is empty`);
  return { text: read.string(item, "text"), photographer, span: read.span(item, "span"), photographerSpan: null };
}

/**
 * Puts credits (or mentions) back at the index they had as parsed. The writer stores each
 * one's index and skips a repeat of a person already credited; a gap in the stored indexes
 * is such a repeat, and is filled with a copy of the first entry, which the writer skips
 * again — so the rows written are the rows exported, positions included.
 */
function gapFilled<T>(entries: [number, T][], key: string, read: Reader): T[] {
  const byPosition = new Map<number, T>();
  for (const [index, [position, entry]] of entries.entries()) {
    if (byPosition.has(position)) notExport(`"${read.path}${key}[${index}].position" repeats ${position}`);
    byPosition.set(position, entry);
  }
  const sorted = [...byPosition.entries()].sort((a, b) => a[0] - b[0]);
  const first = sorted[0];
  if (!first) return [];
  // An export always starts at 0 (the writer never skips the first entry); a hand-made line
  // that does not is read from its first position on.
  const result: T[] = [];
  for (let position = first[0]; position <= sorted[sorted.length - 1]![0]; position += 1) result.push(byPosition.get(position) ?? first[1]);
  return result;
}

const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);

/** Reads typed fields, naming the field path in the message of the first one that is wrong. */
class Reader {
  path = "";
  /** The page text, once read: spans must lie within it. */
  pageText: string | undefined;

  at<T>(prefix: string, read: () => T): T {
    const outer = this.path;
    this.path = `${outer}${prefix}.`;
    try {
      return read();
    } finally {
      this.path = outer;
    }
  }

  #field(object: Json, key: string): unknown {
    if (!(key in object)) notExport(`missing "${this.path}${key}"`);
    return object[key];
  }

  #wrong(key: string, what: string): never {
    return notExport(`"${this.path}${key}" is not ${what}`);
  }

  asObject(value: unknown): Json {
    if (!isObject(value)) notExport(`"${this.path.slice(0, -1)}" is not an object`);
    return value as Json;
  }

  object(object: Json, key: string): Json {
    const value = this.#field(object, key);
    return isObject(value) ? value : this.#wrong(key, "an object");
  }

  objectOrNull(object: Json, key: string): Json | null {
    const value = this.#field(object, key);
    return value === null ? null : isObject(value) ? value : this.#wrong(key, "an object or null");
  }

  array(object: Json, key: string): unknown[] {
    const value = this.#field(object, key);
    return Array.isArray(value) ? value : this.#wrong(key, "a list");
  }

  string(object: Json, key: string): string {
    const value = this.#field(object, key);
    return typeof value === "string" ? value : this.#wrong(key, "a string");
  }

  name(object: Json, key: string): string {
    const value = this.string(object, key);
    return value === "" ? this.#wrong(key, "a name (it is empty)") : value;
  }

  stringOrNull(object: Json, key: string): string | null {
    const value = this.#field(object, key);
    return value === null || typeof value === "string" ? value : this.#wrong(key, "a string or null");
  }

  /** A date and time (ISO 8601), as ISO 8601 in UTC. */
  dateTime(object: Json, key: string): string {
    const value = this.string(object, key);
    return Number.isNaN(Date.parse(value)) ? this.#wrong(key, "a date and time") : new Date(value).toISOString();
  }

  integer(object: Json, key: string, min: number): number {
    const value = this.#field(object, key);
    return Number.isSafeInteger(value) && (value as number) >= min ? (value as number) : this.#wrong(key, `a whole number ≥ ${min}`);
  }

  span(object: Json, key: string): Span {
    const value = this.object(object, key);
    const span = this.at(key, () => ({ start: this.integer(value, "start", 0), end: this.integer(value, "end", 0) }));
    if (span.start > span.end || span.end > (this.pageText?.length ?? Infinity)) notExport(`"${this.path}${key}" lies outside the page text`);
    return span;
  }

  spanOrNull(object: Json, key: string): Span | null {
    return this.#field(object, key) === null ? null : this.span(object, key);
  }
}
