/** Shared by the page tests: a parsed article in the shape of `page-NN.expected.json`. */
import type { ParsedArticle } from "../../src/ingest/types.ts";

export interface ExpectedStructure {
  kicker: string | null;
  headline: string | null;
  subheadline: string | null;
  source: string | null;
  reporters: string[];
  photographers: string[];
  authors: string[];
  dateline: string | null;
  eventDate: string | null;
  continuesOnPage: number | null;
  continuedFromPage: number | null;
  firstBodyChars: string | null;
  captions: { text: string; photographer: string | null }[];
}

export interface ExpectedArticleFile extends ExpectedStructure {
  joinedText?: string[];
}

/** Whitespace removed, first 20 characters. */
export function firstChars(s: string | null | undefined): string | null {
  return s == null ? null : Array.from(s.replace(/\s+/gu, "")).slice(0, 20).join("");
}

export function structureOf(a: ParsedArticle): ExpectedStructure {
  const names = (role: string) => [...new Set(a.credits.filter((c) => c.role === role).map((c) => c.name))];
  return {
    kicker: a.kicker,
    headline: a.headline,
    subheadline: a.subheadline,
    source: a.source,
    reporters: names("REPORTER"),
    photographers: names("PHOTOGRAPHER"),
    authors: names("AUTHOR"),
    dateline: a.dateline,
    eventDate: a.eventDate,
    continuesOnPage: a.continuesOn?.page ?? null,
    continuedFromPage: a.continuedFrom?.page ?? null,
    firstBodyChars: firstChars(a.paragraphs[0]?.text),
    captions: a.captions.map((c) => ({ text: c.text, photographer: c.photographer })),
  };
}

export function expectedStructureOf(e: ExpectedArticleFile): ExpectedStructure {
  return {
    kicker: e.kicker,
    headline: e.headline,
    subheadline: e.subheadline,
    source: e.source,
    reporters: e.reporters,
    photographers: e.photographers,
    authors: e.authors,
    dateline: e.dateline,
    eventDate: e.eventDate,
    continuesOnPage: e.continuesOnPage,
    continuedFromPage: e.continuedFromPage,
    firstBodyChars: firstChars(e.firstBodyChars),
    captions: e.captions,
  };
}
