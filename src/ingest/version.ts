/**
 * Bumped whenever the parser's output for the same text changes: stored pages read by an
 * older parser are then read again on the next ingest, even though their text is unchanged.
 */
export const PARSER_VERSION = "6";
