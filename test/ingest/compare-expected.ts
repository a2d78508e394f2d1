/**
 * Shared by the page tests: the fields of `page-NN.expected.json` that the structure parser
 * decides (people are checked by the people tests), taken from the parser's output through
 * the same shaping as `papergraph parse`.
 */
import { toExpectedShape, type ExpectedArticle } from "../../src/ingest/expected-shape.ts";
import type { ParsedPage } from "../../src/ingest/types.ts";

const STRUCTURE_FIELDS = [
  "kicker",
  "headline",
  "subheadline",
  "source",
  "reporters",
  "photographers",
  "authors",
  "dateline",
  "eventDate",
  "continuesOnPage",
  "continuedFromPage",
  "captions",
] as const;

export type ExpectedStructure = Pick<ExpectedArticle, (typeof STRUCTURE_FIELDS)[number] | "firstBodyChars">;

/** Whitespace removed, first 20 characters: the convention for comparing `firstBodyChars`. */
function firstChars(s: string | null): string | null {
  return s === null ? null : Array.from(s.replace(/\s+/gu, "")).slice(0, 20).join("");
}

export function expectedStructureOf(article: ExpectedArticle): ExpectedStructure {
  const picked = Object.fromEntries(STRUCTURE_FIELDS.map((field) => [field, article[field]]));
  return { ...picked, firstBodyChars: firstChars(article.firstBodyChars) } as ExpectedStructure;
}

/** The parsed page's articles, each in the shape of its hand-read counterpart. */
export function structuresOf(page: ParsedPage): ExpectedStructure[] {
  const shaped = toExpectedShape(page, { publication: "", date: "", pageNumber: 0 });
  return shaped.articles.map((article) => ({
    ...expectedStructureOf(article),
    firstBodyChars: firstChars(article.paragraphs[0] ?? null),
  }));
}
