/**
 * The hand-read shape of a page (`page-NN.expected.json`) and the conversion of parser output
 * into it. `papergraph parse` prints this shape and `papergraph eval` compares two of them,
 * so the parser's output and the human reading line up field by field.
 */
import { PageInputError, readPageFile } from "./decode.ts";
import { isCalendarDate } from "../lib/dates.ts";
import type { CreditRole, ParsedArticle, ParsedCaption, ParsedMarker, ParsedPage, Span } from "./types.ts";
import { orderOfPageRef, PAGE_REF_DESCRIPTION, pageOrderOfLabel, pageRefOfOrder, type PageRef } from "./page-label.ts";

export interface ExpectedCaption {
  text: string;
  photographer: string | null;
}

export interface ExpectedPerson {
  name: string;
  /** The title as printed with the name, null when none. */
  title: string | null;
  /** The title with 市委/省委 resolved; only in parser output, hand-read files omit it. */
  normalisedTitle?: string | null;
}

/** One article as a careful human reads it off the page. */
export interface ExpectedArticle {
  kicker: string | null;
  headline: string | null;
  subheadline: string | null;
  source: string | null;
  reporters: string[];
  photographers: string[];
  authors: string[];
  dateline: string | null;
  /** YYYY-MM-DD. */
  eventDate: string | null;
  continuesOnPage: PageRef | null;
  continuedFromPage: PageRef | null;
  /** The first 20 characters of the first paragraph, null when the article has no body. */
  firstBodyChars: string | null;
  captions: ExpectedCaption[];
  people: ExpectedPerson[];
  /** Hand-read files only: text that must come out joined across a column break. */
  joinedText?: string[];
  /** Hand-read files only: the trap this article sets for a parser. */
  notes?: string;
}

export interface ExpectedContinuation {
  fromHeadline: string | null;
  toPage: PageRef;
}

export interface ExpectedCredits {
  reporters: string[];
  photographers: string[];
  authors: string[];
}

export interface ExpectedPage {
  /** The publication's name or slug, as the file's location or manifest gives it. */
  publication: string;
  /** The issue date, YYYY-MM-DD. */
  date: string;
  pageNumber: PageRef;
  articles: ExpectedArticle[];
  /** Every jump out of the page, in article order. */
  continuations: ExpectedContinuation[];
  /** Every credited name on the page by role, unique, in order of first appearance. */
  credits: ExpectedCredits;
  /** Hand-read files only: where the page's date and number come from. */
  provenance?: string;
}

/** Where the parts of an article stand in the page text (see `Span` in types.ts). */
export interface ArticleSpans {
  article: Span;
  credits: { role: CreditRole; name: string; span: Span }[];
  mentions: { name: string; span: Span; titleSpan: Span | null }[];
  captions: { text: string; span: Span; photographerSpan: Span | null }[];
}

/** The parser's article in the expected shape, with what only the parser knows. */
export interface ShapedArticle extends ExpectedArticle {
  paragraphs: string[];
  spans: ArticleSpans;
  people: Required<ExpectedPerson>[];
}

/** The parser's page in the expected shape (what `papergraph parse` prints). */
export interface ShapedPage extends ExpectedPage {
  articles: ShapedArticle[];
  /** Captions the parser could not attach to an article, so that none is lost from the output. */
  unattachedCaptions: ExpectedCaption[];
}

export interface PageMeta {
  publication: string;
  date: string;
  pageNumber: PageRef;
}

/** Length of `firstBodyChars`, in characters (code points). */
const FIRST_BODY_CHARS = 20;

/** The page a jump names, as `pageNumber` names pages: 3 for 第3版, "B02" for B02 (page-label.ts). */
function markerPage(marker: ParsedMarker | null): PageRef | null {
  const order = marker === null ? null : pageOrderOfLabel(marker.label);
  return order === null ? null : pageRefOfOrder(order);
}

/** Converts parser output into the shape of `page-NN.expected.json`, plus spans and paragraphs. */
export function toExpectedShape(parsed: ParsedPage, meta: PageMeta): ShapedPage {
  const articles = parsed.articles.map(shapeArticle);
  return {
    publication: meta.publication,
    date: meta.date,
    pageNumber: meta.pageNumber,
    articles,
    continuations: parsed.articles.flatMap((article) =>
      article.continuesOn === null ? [] : [{ fromHeadline: article.headline, toPage: markerPage(article.continuesOn)! }],
    ),
    credits: {
      reporters: unique(articles.flatMap((article) => article.reporters)),
      photographers: unique([
        ...articles.flatMap((article) => article.photographers),
        ...photographersOf(parsed.captions),
      ]),
      authors: unique(articles.flatMap((article) => article.authors)),
    },
    unattachedCaptions: parsed.captions.map(shapeCaption),
  };
}

function shapeArticle(article: ParsedArticle): ShapedArticle {
  const namesFor = (role: CreditRole) => article.credits.filter((c) => c.role === role).map((c) => c.name);
  // The first characters of the body, not counting whitespace, run over paragraph ends (a
  // 核心阅读 box or a short first paragraph); Array.from splits by code point, so a character
  // outside the BMP is never cut in half.
  const firstBodyChars =
    article.paragraphs.length === 0
      ? null
      : Array.from(article.paragraphs.map((p) => p.text.replace(/\s+/gu, "")).join(""))
          .slice(0, FIRST_BODY_CHARS)
          .join("") || null;
  return {
    kicker: article.kicker,
    headline: article.headline,
    subheadline: article.subheadline,
    source: article.source,
    reporters: unique(namesFor("REPORTER")),
    // A photo credit is printed in the caption (梁琛摄), so caption photographers count too.
    photographers: unique([...namesFor("PHOTOGRAPHER"), ...photographersOf(article.captions)]),
    authors: unique(namesFor("AUTHOR")),
    dateline: article.dateline,
    eventDate: article.eventDate,
    continuesOnPage: markerPage(article.continuesOn),
    continuedFromPage: markerPage(article.continuedFrom),
    firstBodyChars,
    captions: article.captions.map(shapeCaption),
    people: article.mentions.map((m) => ({ name: m.name, title: m.title, normalisedTitle: m.normalisedTitle })),
    paragraphs: article.paragraphs.map((p) => p.text),
    spans: {
      article: article.span,
      credits: article.credits.map((c) => ({ role: c.role, name: c.name, span: c.span })),
      mentions: article.mentions.map((m) => ({ name: m.name, span: m.span, titleSpan: m.titleSpan })),
      captions: article.captions.map((c) => ({ text: c.text, span: c.span, photographerSpan: c.photographerSpan })),
    },
  };
}

function shapeCaption(caption: ParsedCaption): ExpectedCaption {
  return { text: caption.text, photographer: caption.photographer };
}

function photographersOf(captions: ParsedCaption[]): string[] {
  return captions.flatMap((caption) => (caption.photographer === null ? [] : [caption.photographer]));
}

/** The names in order of first appearance, each once. */
function unique(names: string[]): string[] {
  return [...new Set(names)];
}

/** What a field of a hand-read file must hold; fields not listed (notes, joinedText, …) pass through. */
type Kind = keyof typeof KIND_NAMES | { list: Fields } | { record: Fields };
type Fields = Record<string, Kind>;

const KIND_NAMES = {
  text: "a string",
  "text?": "a string or null",
  names: "a list of strings",
  page: PAGE_REF_DESCRIPTION,
  "page?": `${PAGE_REF_DESCRIPTION} or null`,
  date: "a date YYYY-MM-DD",
  "date?": "a date YYYY-MM-DD or null",
} as const;

const ARTICLE_FIELDS: Fields = {
  kicker: "text?",
  headline: "text?",
  subheadline: "text?",
  source: "text?",
  reporters: "names",
  photographers: "names",
  authors: "names",
  dateline: "text?",
  eventDate: "date?",
  continuesOnPage: "page?",
  continuedFromPage: "page?",
  firstBodyChars: "text?",
  captions: { list: { text: "text", photographer: "text?" } },
  people: { list: { name: "text", title: "text?" } },
};

const PAGE_FIELDS: Fields = {
  publication: "text",
  date: "date",
  pageNumber: "page",
  articles: { list: ARTICLE_FIELDS },
  continuations: { list: { fromHeadline: "text?", toPage: "page" } },
  credits: { record: { reporters: "names", photographers: "names", authors: "names" } },
};

/** Reads a hand-read `page-NN.expected.json`, refusing it with `PageInputError` when malformed. */
export async function readExpectedPage(path: string): Promise<ExpectedPage> {
  let json: unknown;
  try {
    json = JSON.parse(await readPageFile(path));
  } catch (error) {
    if (error instanceof PageInputError) throw error;
    throw new PageInputError(path, `not valid JSON (${(error as Error).message})`);
  }
  return parseExpectedPage(json, path);
}

/**
 * Checks that `json` has the shape of `ExpectedPage` and returns it. Throws `PageInputError`
 * naming `name` and the first wrong field by its path, e.g. `field "articles[2].reporters"`.
 */
export function parseExpectedPage(json: unknown, name: string): ExpectedPage {
  const fail = (reason: string): never => {
    throw new PageInputError(name, reason);
  };
  const checkFields = (value: unknown, fields: Fields, where: string): void => {
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      fail(where === "" ? "not a JSON object" : `field "${where}" must be an object`);
    }
    const record = value as Record<string, unknown>;
    for (const [key, kind] of Object.entries(fields)) {
      const path = where === "" ? key : `${where}.${key}`;
      if (!(key in record)) fail(`missing field "${path}"`);
      checkValue(record[key], kind, path);
    }
  };
  const checkValue = (value: unknown, kind: Kind, path: string): void => {
    if (typeof kind === "object") {
      if ("record" in kind) return checkFields(value, kind.record, path);
      if (!Array.isArray(value)) return fail(`field "${path}" must be a list`);
      return value.forEach((item, i) => checkFields(item, kind.list, `${path}[${i}]`));
    }
    if (!holds(value, kind)) fail(`field "${path}" must be ${KIND_NAMES[kind]}`);
  };
  checkFields(json, PAGE_FIELDS, "");
  return json as ExpectedPage;
}

function holds(value: unknown, kind: keyof typeof KIND_NAMES): boolean {
  const isDate = typeof value === "string" && isCalendarDate(value);
  const isPage = orderOfPageRef(value) !== null;
  switch (kind) {
    case "text":
      return typeof value === "string";
    case "text?":
      return value === null || typeof value === "string";
    case "names":
      return Array.isArray(value) && value.every((item) => typeof item === "string");
    case "page":
      return isPage;
    case "page?":
      return value === null || isPage;
    case "date":
      return isDate;
    case "date?":
      return value === null || isDate;
  }
}
