import { z } from "zod";
import { isCalendarDate } from "../lib/dates.ts";
import { TEXT_FIELDS } from "./corrections-store.ts";

/**
 * The export format, declared once: `papergraph export` writes lines of this shape (their
 * type is the schema's input) and `papergraph ingest` checks every line against it (the
 * schema's output), naming the path of the first field that is wrong.
 *
 * A line is one page: its text and everything the database derived from it, in the shape of
 * the parser's `ParsedPage` (see export.ts for what is in it and why). Version 1 lines are
 * version 2 lines without the editors' work: no corrections, jump links or history.
 */
export const EXPORT_FORMAT = "papergraph-export";
export const EXPORT_VERSION = 2;

// Every message continues `"<path>" `; a missing field is reported as `missing "<path>"` instead
// (see exportLineProblem), so each schema names only what its value should have been.
const string = () => z.string({ error: "is not a string" });
const stringOrNull = () => z.string({ error: "is not a string or null" }).nullable();
const name = () => string().min(1, { error: "is not a name (it is empty)" });
const wholeNumber = (min: number) => z.int({ error: `is not a whole number ≥ ${min}` }).min(min, { error: `is not a whole number ≥ ${min}` });
const object = <Shape extends z.ZodRawShape>(shape: Shape) => z.object(shape, { error: "is not an object" });
const objectOrNull = <Shape extends z.ZodRawShape>(shape: Shape) => z.object(shape, { error: "is not an object or null" }).nullable();
const list = <Item extends z.ZodType>(item: Item) => z.array(item, { error: "is not a list" });
/** Any JSON value, but present. */
const present = () => z.unknown().refine((value) => value !== undefined);
/** A date and time (ISO 8601), read as ISO 8601 in UTC. */
const dateTime = () =>
  string()
    .refine((value) => !Number.isNaN(Date.parse(value)), { error: "is not a date and time" })
    .transform((value) => new Date(value).toISOString());

export const CREDIT_ROLES = ["REPORTER", "PHOTOGRAPHER", "AUTHOR"] as const;
const CREDIT_ROLE_LIST = CREDIT_ROLES.join(", ");

/** Fields an editor's correction can set (model Correction; see corrections-store.ts). */
export const CORRECTED_FIELDS = [...TEXT_FIELDS, "credits", "continuation"] as const;

const spanSchema = object({ start: wholeNumber(0), end: wholeNumber(0) });
const pagePosition = () => object({ page: wholeNumber(1), position: wholeNumber(0) });

/** Credits and mentions carry their index as parsed: a gap is a duplicate the writer skipped, a repeat is wrong. */
const positioned = <Item extends z.ZodType<{ position: number }>>(item: Item) =>
  list(item).superRefine((items, ctx) => {
    const seen = new Set<number>();
    for (const [index, { position }] of items.entries()) {
      if (seen.has(position)) ctx.addIssue({ code: "custom", path: [index, "position"], message: `repeats ${position}` });
      seen.add(position);
    }
  });

const creditSchema = object({
  position: wholeNumber(0),
  role: string().pipe(z.enum(CREDIT_ROLES, { error: `is not one of ${CREDIT_ROLE_LIST}` })),
  name: name(),
  label: stringOrNull(),
  span: spanSchema,
});

const mentionSchema = object({
  position: wholeNumber(0),
  name: name(),
  title: stringOrNull(),
  normalisedTitle: stringOrNull(),
  span: spanSchema,
  titleSpan: spanSchema.nullable(),
});

const captionSchema = object({
  text: string(),
  photographer: stringOrNull().refine((photographer) => photographer !== "", { error: "is empty" }),
  span: spanSchema,
});

const revisionSchema = object({
  action: name(),
  before: present(),
  after: present(),
  actor: name(),
  createdAt: dateTime(),
});

const personSchema = object({
  name: name(),
  formerNames: list(z.string({ error: "is not a name" }).min(1, { error: "is not a name" })),
  revisions: list(revisionSchema),
});

const articleFields = {
  position: wholeNumber(1),
  span: spanSchema,
  kicker: stringOrNull(),
  headline: stringOrNull(),
  subheadline: stringOrNull(),
  source: stringOrNull(),
  dispatch: stringOrNull(),
  dateline: stringOrNull(),
  eventDate: stringOrNull(),
  paragraphs: list(string()),
  credits: positioned(creditSchema),
  mentions: positioned(mentionSchema),
  captions: list(captionSchema),
  /** The pickup marker (上接第1版), as printed. */
  continuedFrom: objectOrNull({ page: wholeNumber(1), text: string() }),
};

const articleV1 = object({ ...articleFields, continuesOn: objectOrNull({ page: wholeNumber(1), text: string() }) });

const articleV2 = object({
  ...articleFields,
  /**
   * The jump out. `to` is the article that picks it up (same issue): a reload links the two
   * again, as stored (editors may have linked it by hand, or corrected a headline the
   * automatic match read). Version 1 lines were matched anew.
   */
  continuesOn: objectOrNull({ page: wholeNumber(1), text: string(), to: pagePosition().nullable() }),
  /** The article whose jump this one picks up, marker or not: so that whichever page a reload reads second links the two. */
  picksUp: pagePosition().nullable(),
  /** The editors' changes to the article, oldest first. */
  revisions: list(revisionSchema),
});

/** What a correction's value holds, by its field. */
const correctedValue = (field: (typeof CORRECTED_FIELDS)[number]): z.ZodType =>
  field === "credits"
    ? list(
        object({
          name: name(),
          role: string().refine((role) => (CREDIT_ROLES as readonly string[]).includes(role), {
            error: (issue) => `is ${JSON.stringify(issue.input)}, not one of ${CREDIT_ROLE_LIST}`,
          }),
          label: stringOrNull(),
        }),
      )
    : field === "continuation"
      ? pagePosition()
      : stringOrNull();

/** An editor's value for one field of the article at `position` (model Correction). */
const correctionSchema = object({
  position: wholeNumber(0),
  field: string().pipe(
    z.enum(CORRECTED_FIELDS, { error: (issue) => `is ${JSON.stringify(issue.input)}, not one of ${CORRECTED_FIELDS.join(", ")}` }),
  ),
  /** The value as JSON: a string or null, a list of credits, or the pickup's page and position. */
  value: present(),
  updatedAt: dateTime(),
}).transform((correction, ctx) => {
  const value = correctedValue(correction.field).safeParse(correction.value);
  if (value.success) return { ...correction, value: value.data as unknown };
  for (const issue of value.error.issues) ctx.addIssue({ ...issue, path: ["value", ...issue.path] } as z.core.$ZodRawIssue);
  return z.NEVER;
});

const publicationSchema = object({
  slug: string(),
  name: string(),
  locale: string(),
  region: stringOrNull(),
  province: stringOrNull(),
});

const lineFields = {
  format: z.literal(EXPORT_FORMAT),
  text: string(),
  publication: publicationSchema,
  date: string().refine(isCalendarDate, { error: "is not a calendar date YYYY-MM-DD" }),
  page: wholeNumber(1),
  parserVersion: string(),
  /** Captions attached to no article. */
  captions: list(captionSchema),
};

const uniquePositions = (articles: { position: number }[], ctx: z.RefinementCtx) => {
  const seen = new Set<number>();
  for (const [index, { position }] of articles.entries()) {
    if (seen.has(position)) ctx.addIssue({ code: "custom", path: [index, "position"], message: `repeats ${position}` });
    seen.add(position);
  }
};

/** Every span lies within the page text. */
function spansWithin(line: { text: string; articles: z.output<typeof articleV1>[]; captions: z.output<typeof captionSchema>[] }, ctx: z.RefinementCtx) {
  const check = (span: { start: number; end: number } | null, path: (string | number)[]) => {
    if (span && (span.start > span.end || span.end > line.text.length)) ctx.addIssue({ code: "custom", path, message: "lies outside the page text" });
  };
  for (const [a, article] of line.articles.entries()) {
    check(article.span, ["articles", a, "span"]);
    for (const [i, credit] of article.credits.entries()) check(credit.span, ["articles", a, "credits", i, "span"]);
    for (const [i, mention] of article.mentions.entries()) {
      check(mention.span, ["articles", a, "mentions", i, "span"]);
      check(mention.titleSpan, ["articles", a, "mentions", i, "titleSpan"]);
    }
    for (const [i, caption] of article.captions.entries()) check(caption.span, ["articles", a, "captions", i, "span"]);
  }
  for (const [i, caption] of line.captions.entries()) check(caption.span, ["captions", i, "span"]);
}

export const exportLineV1 = object({
  ...lineFields,
  version: z.literal(1),
  articles: list(articleV1).superRefine(uniquePositions),
}).superRefine(spansWithin);

export const exportLineV2 = object({
  ...lineFields,
  version: z.literal(EXPORT_VERSION),
  articles: list(articleV2).superRefine(uniquePositions),
  corrections: list(correctionSchema).superRefine((corrections, ctx) => {
    const seen = new Set<string>();
    for (const [index, { position, field }] of corrections.entries()) {
      if (seen.has(`${position}:${field}`)) ctx.addIssue({ code: "custom", path: [index], message: `repeats the ${field} of position ${position}` });
      seen.add(`${position}:${field}`);
    }
  }),
  /** The editors' changes to the page (ingests through the API), oldest first. */
  revisions: list(revisionSchema),
  /** The people this page is the first of the export to credit or name, when they have former names or revisions. */
  people: list(personSchema),
}).superRefine(spansWithin);

/** A line as `papergraph export` writes it. */
export type ExportLine = z.input<typeof exportLineV2>;
export type ExportArticle = ExportLine["articles"][number];
export type ExportCaption = ExportArticle["captions"][number];
export type ExportCorrection = ExportLine["corrections"][number];
export type ExportSpan = z.input<typeof spanSchema>;
/** One revision as exported: the change, without the ID of what it changed. */
export type ExportRevision = z.input<typeof revisionSchema>;
/** A person the page names, with their former names and revisions (see export-history.ts). */
export type ExportPerson = z.input<typeof personSchema>;

/** A line as `papergraph ingest` reads it back, checked. */
export type CheckedExportLine = z.output<typeof exportLineV1> | z.output<typeof exportLineV2>;

export class ExportLineError extends Error {}

/**
 * Checks one parsed JSON value as an export line; throws ExportLineError with the first problem
 * found, its field named by path ("articles[0].credits[1].role").
 */
export function checkExportLine(value: unknown): CheckedExportLine {
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw notExport("not a JSON object");
  const line = value as Record<string, unknown>;
  if (!("format" in line)) throw notExport(`missing "format"`);
  if (line.format !== EXPORT_FORMAT) throw notExport(`format is ${JSON.stringify(line.format)}, not "${EXPORT_FORMAT}"`);
  if (line.version !== 1 && line.version !== EXPORT_VERSION) {
    throw new ExportLineError(`export version ${JSON.stringify(line.version)} is not supported (this papergraph reads versions 1 to ${EXPORT_VERSION})`);
  }
  const checked = (line.version === 1 ? exportLineV1 : exportLineV2).safeParse(line);
  if (checked.success) return checked.data;
  throw notExport(exportLineProblem(line, checked.error.issues[0]!));
}

const notExport = (detail: string) => new ExportLineError(`not a papergraph export line (${detail})`);

/** `"articles[0].span" is not an object`, or `missing "articles[0].span"` when the field is absent. */
function exportLineProblem(line: unknown, issue: z.core.$ZodIssue): string {
  const path = issue.path.map((key, index) => (typeof key === "number" ? `[${key}]` : index === 0 ? String(key) : `.${String(key)}`)).join("");
  let parent: unknown = line;
  for (const key of issue.path.slice(0, -1)) parent = (parent as Record<PropertyKey, unknown>)[key as PropertyKey];
  const last = issue.path[issue.path.length - 1];
  const missing = typeof last === "string" && typeof parent === "object" && parent !== null && !Array.isArray(parent) && !(last in parent);
  return missing ? `missing "${path}"` : `"${path}" ${issue.message}`;
}
