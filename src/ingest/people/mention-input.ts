/**
 * The article as the people reader takes it: its headings, repaired paragraphs and captions with
 * their spans in the page text, and the names it credits. A module of its own so that the
 * reader's parts (segments.ts) and its entry point (mentions.ts) both read it without importing
 * each other.
 */
import type { Region } from "../titles.ts";
import type { ParsedCaption, ParsedParagraph, Span } from "../types.ts";

export interface MentionInput {
  /** The whole page text (spans index into it). */
  text: string;
  kicker: { text: string; span: Span } | null;
  headline: { text: string; span: Span } | null;
  subheadline: { text: string; span: Span } | null;
  /** Repaired body paragraphs: text may differ from text.slice(span) where a column break was rejoined. */
  paragraphs: ParsedParagraph[];
  captions: ParsedCaption[];
  /** Names credited (reporters, photographers, authors): never mentions. */
  creditNames: string[];
  /** The publication's region, e.g. { city: "太原市", province: "山西省" }. */
  region?: Region;
}
