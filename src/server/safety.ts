import { useCSRFPrevention } from "@graphql-yoga/plugin-csrf-prevention";
import { GraphQLError } from "graphql";
/* eslint-disable @typescript-eslint/no-explicit-any */
import { createGraphQLError, maskError, type Plugin, type YogaMaskedErrorOpts } from "graphql-yoga";

/**
 * Errors a client may see: GraphQL errors raised on purpose (each with its
 * `extensions.code`) pass through; anything else — a database error, a bug — becomes
 * `Unexpected error.` coded INTERNAL_SERVER_ERROR, whatever NODE_ENV says (yoga would add
 * the original error and its stack when NODE_ENV=development). A database that cannot be
 * reached is said so, coded DATABASE_UNAVAILABLE, so clients know to retry, and a statement
 * stopped at the statement timeout, coded QUERY_TIMEOUT (DATABASE_ERRORS). Yoga logs the
 * original error to the server's logger, so the detail is in the server log only.
 */
export function useErrorMasking(): Partial<YogaMaskedErrorOpts> {
  return {
    errorMessage: "Unexpected error.",
    isDev: false,
    maskError: (error, message) => {
      // A resolver's error comes wrapped in a GraphQLError; a plugin's (the response cache reads
      // the data version before execution) comes as it was thrown.
      const cause = error instanceof GraphQLError ? error.originalError : error;
      const told = cause instanceof GraphQLError ? undefined : DATABASE_ERRORS.find((kind) => kind.is(cause));
      if (told) {
        return new GraphQLError(told.message, {
          ...(error instanceof GraphQLError ? { nodes: error.nodes, path: error.path } : {}),
          extensions: { code: told.code },
        });
      }
      const masked = maskError(error, message, false);
      if (masked instanceof GraphQLError) {
        const extensions = masked.extensions as Record<string, unknown>;
        // Yoga marks masked errors `unexpected: true`: the code says it. (Beside "POST body
        // sent invalid JSON." yoga puts the JSON parser's message, about the client's own body,
        // as `originalError`; it stays, as yoga derives the 400 status from it.)
        delete extensions.unexpected;
        // Pothos refuses malformed global IDs and cursors with errors of its own, uncoded.
        if (!extensions.code && masked.originalError?.name === "PothosValidationError") extensions.code = "BAD_USER_INPUT";
      }
      return masked;
    },
  };
}

// SQLSTATE classes 08 (connection exception) and 57P (operator intervention: shutdown,
// terminated, cannot connect now), 53300 (too many connections), 55000 as PostgreSQL sends it
// for a database that refuses connections; the network errors of a server that is gone.
const UNAVAILABLE_CODES = /^(08...|57P0\d|53300|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENOTFOUND|EHOSTUNREACH|EPIPE)$/;
const UNAVAILABLE_MESSAGES = /not currently accepting connections|Connection terminated|connection timeout|Can't reach database server/i;

/** Whether an error, or one it was caused by, says the database cannot be reached. */
export function isDatabaseUnavailable(error: unknown): boolean {
  return causes(error).some(
    (cause) => (typeof cause.code === "string" && UNAVAILABLE_CODES.test(cause.code)) || (typeof cause.message === "string" && UNAVAILABLE_MESSAGES.test(cause.message)),
  );
}

/** Whether PostgreSQL cancelled the statement at DATABASE_STATEMENT_TIMEOUT (SQLSTATE 57014). */
export function isStatementTimeout(error: unknown): boolean {
  return causes(error).some((cause) => cause.code === "57014" || cause.originalCode === "57014");
}

// The database errors a client is told of, instead of "Unexpected error.", first match wins.
const DATABASE_ERRORS = [
  {
    is: isStatementTimeout,
    code: "QUERY_TIMEOUT",
    message: "The query ran longer than the server allows and was stopped: narrow it (a date range, fewer or smaller pages).",
  },
  { is: isDatabaseUnavailable, code: "DATABASE_UNAVAILABLE", message: "The database is unavailable; try again shortly." },
];

/** The error and those it was caused by: `cause`, GraphQL's `originalError`, and Prisma's driver adapter error. */
function causes(error: unknown): ErrorFields[] {
  const found: ErrorFields[] = [];
  for (let cause = error; isObject(cause) && found.length < 8; cause = cause.cause ?? cause.originalError ?? (isObject(cause.meta) ? cause.meta.driverAdapterError : undefined)) {
    found.push(cause);
  }
  return found;
}

/** What the error tests read of an error and its causes, any of which a driver may leave out. */
type ErrorFields = { [field: string]: unknown };

const isObject = (value: unknown): value is ErrorFields => typeof value === "object" && value !== null;

/** The headers that mark a request as sent by a script, not a form or a link (yoga's and Apollo's). */
export const CSRF_HEADERS = ["x-graphql-yoga-csrf", "apollo-require-preflight", "x-apollo-operation-name", "graphql-preflight"];

/**
 * CSRF prevention for browsers: a request a browser could send cross-site without a CORS
 * preflight (a GET, or a POST as a form or text/plain) must carry one of CSRF_HEADERS, so a
 * page on another site cannot make a visitor's browser run operations. JSON POSTs — every
 * GraphQL client, GraphiQL included — are not affected. 403 otherwise, coded CSRF_HEADER_REQUIRED.
 */
export function useBrowserSafety(): Plugin[] {
  const csrf = useCSRFPrevention({ requestHeaders: CSRF_HEADERS }) as Plugin;
  return [
    {
      // Yoga answers a body it cannot read with an empty 415; say what it accepts.
      onRequestParse({ request, requestParser }) {
        if (requestParser || request.method !== "POST") return;
        throw createGraphQLError(
          `Unsupported content type ${JSON.stringify(request.headers.get("content-type") ?? "")}: send application/json (or application/graphql-response+json, application/graphql).`,
          { extensions: { code: "UNSUPPORTED_MEDIA_TYPE", http: { status: 415 } } },
        );
      },
    },
    {
      onRequestParse(payload) {
        try {
          return (csrf.onRequestParse as (payload: unknown) => void)(payload);
        } catch (error) {
          (error as { extensions: Record<string, unknown> }).extensions.code = "CSRF_HEADER_REQUIRED";
          (error as { message: string }).message = `Required CSRF header missing: send one of ${CSRF_HEADERS.join(", ")} with GET and form requests.`;
          throw error;
        }
      },
    },
  ];
}
