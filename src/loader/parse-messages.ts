import type { ParsedPage } from "../ingest/types.ts";
import type { ParseRequest } from "./parse-source.ts";

/*
 * The messages between the ingest's thread and the parser's (page-parser.ts, parse-worker.ts).
 * A module of its own: the parser's thread must not load parse-source.ts, whose records parser
 * brings zod.
 */

/** A page for the parser's thread, numbered so that its reply finds it. */
export interface ParseMessage {
  id: number;
  request: ParseRequest;
}

/** What the parser's thread posts back for a page. */
export type ParseReply = { id: number; parsed: ParsedPage; error?: undefined } | { id: number; error: string };

/** What the parser's thread posts once it parses at full speed: its sources loaded and jieba's dictionary read. */
export const PARSER_READY = "ready";
