import type { ParsedArticle } from "../ingest/types.ts";

/** What an article is printed under, with the same names parsed, stored and exported. */
export type ArticleHeadings = Pick<ParsedArticle, "kicker" | "headline" | "subheadline" | "source" | "dispatch" | "dateline" | "eventDate">;

/**
 * An article's headings alone: one list for the writer (parsed → row), the export (row → line)
 * and the import (line → parsed), so that a heading added to one is not lost by another.
 */
export function headingsOf(article: ArticleHeadings): ArticleHeadings {
  const { kicker, headline, subheadline, source, dispatch, dateline, eventDate } = article;
  return { kicker, headline, subheadline, source, dispatch, dateline, eventDate };
}
