import { GraphQLError } from "graphql";

export const searchInputError = (message: string) => new GraphQLError(message, { extensions: { code: "BAD_USER_INPUT" } });

export type CursorMode = "n" | "r";

// Cursors: "n:<key>" (newest first: the search key of the last hit) or "r:<offset>" (relevance).
export const encodeCursor = (mode: CursorMode, value: string) => Buffer.from(`search:${mode}:${value}`).toString("base64url");

export function decodeCursor(cursor: string | null | undefined, mode: CursorMode): string | null {
  if (!cursor) return null;
  const match = /^search:([nr]):(\d+)$/.exec(Buffer.from(cursor, "base64url").toString());
  if (!match || match[1] !== mode) throw searchInputError(`Invalid cursor for this search: ${cursor}`);
  return match[2]!;
}
