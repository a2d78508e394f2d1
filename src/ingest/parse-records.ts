/**
 * Article records as input: a page as its source's list of articles (an e-paper crawler's
 * kicker, headline, subheadline and body per article), in page order. Boundaries and headings
 * come from the source; only the within-article reading is inferred (`readArticle`).
 *
 * Two file forms (docs/article-records.schema.json; README, "Article records"):
 * - `page-NN.records.json`: one object, `{"publication", "date", "page", "source", "articles": [...]}`,
 *   everything but `articles` optional;
 * - `page-NN.records.ndjson`: one article record per line (blank lines skipped); the page's
 *   publication, date and number come from where the file is kept.
 *
 * The page text stored for such a page is the records joined back: per article its three
 * heading lines (empty when absent) and its body, articles separated by an empty line.
 */
import { z } from "zod";
import { isCalendarDate } from "../lib/dates.ts";
import { splitBlocks } from "./blocks.ts";
import { PageInputError } from "./decode.ts";
import { foldForMatching } from "./normalise.ts";
import { orderOfPageRef, PAGE_REF_DESCRIPTION, type PageRef } from "./page-label.ts";
import { readArticle, readingOf, type ArticleParts } from "./parse-page.ts";
import { PARSER_VERSION } from "./version.ts";
import type { PageContext, ParsedPage, Span } from "./types.ts";

/** Most articles one page may hold; a real page has a few dozen. */
export const MAX_RECORDS = 500;
/** Longest heading field, in characters (code points, as JSON Schema counts): a heading is a line or two. */
export const MAX_HEADING_LENGTH = 1000;

/** Stored with pages read from records, so that the same text read as a page is read again. */
export const RECORDS_PARSER_VERSION = `${PARSER_VERSION}+records`;

const heading = z
  .string()
  .refine((value) => value.length <= MAX_HEADING_LENGTH || Array.from(value).length <= MAX_HEADING_LENGTH, {
    message: `is longer than ${MAX_HEADING_LENGTH} characters`,
  })
  .nullable()
  .optional();

/** One article as the source stored it. */
export const articleRecordSchema = z.strictObject({
  kicker: heading,
  headline: heading,
  subheadline: heading,
  body: z.string(),
});

/** A page of article records (the `.records.json` form). */
export const recordsPageSchema = z.strictObject({
  publication: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).optional(),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  // Checked by orderOfPageRef: one message for a number out of range, a fraction or a loose label.
  page: z.custom<PageRef>((value) => orderOfPageRef(value) !== null, { error: `must be ${PAGE_REF_DESCRIPTION}` }).optional(),
  source: z.string().optional(),
  articles: z.array(articleRecordSchema).min(1).max(MAX_RECORDS),
});

export interface ArticleRecord {
  kicker: string | null;
  headline: string | null;
  subheadline: string | null;
  body: string;
}

export interface RecordsPage {
  publication?: string;
  date?: string;
  /** The page, by its number or, in a section, its label ("A04"). */
  page?: PageRef;
  /** Where the records come from (a crawler, an archive), as the file says. */
  source?: string;
  articles: ArticleRecord[];
}

const RECORDS_FILE = /\.records\.(json|ndjson)$/;

/** True for a file name of the article-record forms, `page-NN.records.json` or `.records.ndjson`. */
export function isRecordsFile(name: string): boolean {
  return RECORDS_FILE.test(name);
}

/**
 * Reads the content of a records file named `name` (the form follows the name), refusing it
 * with `PageInputError` naming the file, the line or field, and the reason.
 */
export function parseRecordsFile(content: string, name: string): RecordsPage {
  if (name.endsWith(".ndjson")) {
    const articles: ArticleRecord[] = [];
    const lines = content.split(/\r?\n/);
    lines.forEach((line, i) => {
      if (line.trim() === "") return;
      const where = `line ${i + 1}`;
      const json = parseJson(line, name, `${where}: `);
      articles.push(...checked(articleRecordSchema, json, name, `${where}: `, (record) => [normalised(record)]));
    });
    return checkPage({ articles }, name);
  }
  const json = parseJson(content, name, "");
  const page = checked(recordsPageSchema, json, name, "", (value) => ({ ...value, articles: value.articles.map(normalised) }));
  if (page.date !== undefined && !isCalendarDate(page.date)) {
    throw new PageInputError(name, `field "date" must be a calendar date YYYY-MM-DD, got ${page.date}`);
  }
  return checkPage(page, name);
}

/** What the schema cannot say: a page of at least one record, each with a headline or a body. */
function checkPage(page: RecordsPage, name: string): RecordsPage {
  if (page.articles.length === 0) throw new PageInputError(name, "no article records");
  if (page.articles.length > MAX_RECORDS) {
    throw new PageInputError(name, `${page.articles.length} article records, more than the ${MAX_RECORDS} a page may hold`);
  }
  page.articles.forEach((record, i) => {
    if (record.headline === null && record.body.trim() === "") {
      throw new PageInputError(name, `article ${i + 1} has neither a headline nor a body`);
    }
  });
  return page;
}

function parseJson(text: string, name: string, where: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new PageInputError(name, `${where}not valid JSON (${(error as Error).message})`);
  }
}

function checked<S extends z.ZodType, T>(schema: S, json: unknown, name: string, where: string, then: (value: z.infer<S>) => T): T {
  // The input is reported so that a value of the wrong type is told apart from a missing one.
  const result = schema.safeParse(json, { reportInput: true });
  if (result.success) return then(result.data);
  const issue = result.error.issues[0]!;
  throw new PageInputError(name, `${where}${describeIssue(issue)}`);
}

/** One schema issue as a sentence naming the field by its path, e.g. `field "articles[2].body" …`. */
function describeIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path.map((key, i) => (typeof key === "number" ? `[${key}]` : i === 0 ? String(key) : `.${String(key)}`)).join("");
  const field = path === "" ? "the record" : `field "${path}"`;
  switch (issue.code) {
    case "unrecognized_keys":
      return `${path === "" ? "" : `${field}: `}unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `"${k}"`).join(", ")}`;
    case "invalid_type":
      return issue.input === undefined ? `missing ${field}` : `${field} must be ${EXPECTED[issue.expected] ?? issue.expected}`;
    case "too_big":
      return `${field} is too long (at most ${issue.maximum})`;
    case "too_small":
      return issue.origin === "array" ? `${field} must hold at least ${issue.minimum}` : `${field} must be at least ${issue.minimum}`;
    case "custom":
      return `${field} ${issue.message}`;
    default:
      return `${field}: ${issue.message}`;
  }
}

const EXPECTED: Record<string, string> = {
  string: "a string",
  number: "a number",
  array: "a list",
  object: "an object",
  int: "a whole number",
};

/** A heading that is empty or only spaces is absent (null), as in the hand-read convention. */
function normalised(record: z.infer<typeof articleRecordSchema>): ArticleRecord {
  const part = (value: string | null | undefined) => (value == null || value.trim() === "" ? null : value);
  return { kicker: part(record.kicker), headline: part(record.headline), subheadline: part(record.subheadline), body: record.body };
}

/** The page text of the records, and where each article's parts stand in it. */
export function composeRecords(records: ArticleRecord[]): { text: string; parts: ArticleParts[] } {
  let text = "";
  const parts: ArticleParts[] = [];
  const line = (value: string | null): Span | null => {
    const span = value === null ? null : { start: text.length, end: text.length + value.length };
    text += `${value ?? ""}\n`;
    return span;
  };
  records.forEach((record, i) => {
    if (i > 0) text += "\n";
    const kicker = line(record.kicker);
    const headline = line(record.headline);
    const subheadline = line(record.subheadline);
    const body = { start: text.length, end: text.length + record.body.length };
    text += `${record.body}\n`;
    parts.push({ kicker, headline, subheadline, body });
  });
  return { text, parts };
}

/** Reads every record's article: the page text they make up, and the parsed page over it. */
export function parseRecordsPage(records: ArticleRecord[], context: PageContext): { text: string; parsed: ParsedPage } {
  const { text, parts } = composeRecords(records);
  const folded = foldForMatching(text);
  const reading = readingOf(text);
  const articles = parts.map((part, i) => ({ ...readArticle(text, part, context, folded, reading), position: i + 1 }));
  return { text, parsed: { format: splitBlocks(text).form, articles, captions: [] } };
}
