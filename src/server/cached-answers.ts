import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import { getCORSHeadersByRequestAndOptions, type CORSOptions } from "@whatwg-node/server";
import type { GraphQLParams } from "graphql-yoga";
import type { ArchiveResponseCache, CachedResult } from "./response-cache.ts";
import type { RateLimit } from "./rate-limit.ts";

export interface CachedAnswersOptions {
  cache: ArchiveResponseCache;
  rateLimit: RateLimit | null;
  /** The GraphQL endpoint's path. */
  endpoint: string;
  /** Yoga refuses larger bodies (413); so does this listener, by leaving them to yoga. */
  maxBodyBytes: number;
  /** Yoga's CORS options: a request with an Origin gets the headers yoga would add to its answer. */
  cors: CORSOptions;
  /** Hears each answer given here, for the metrics. */
  onAnswer?: (() => void) | undefined;
}

/**
 * Request bodies up to this size are read here; larger ones stream to yoga untouched. A query
 * worth caching is small (the front page's body is about 150 bytes), and a body that yoga is
 * handed as text costs time by its size (see `handOver`).
 */
export const MAX_BODY_READ = 4096;

/**
 * node:http's listener for the API. A request whose answer the response cache holds is answered
 * here, from the cache, as yoga's response-cache plugin would answer it — same status, headers
 * and bytes (tested) — without yoga's fetch-API request and response objects or its plugin
 * chain, which cost more than the rest of a cached answer together. It counts against the rate
 * limit like any other request. Everything else goes to yoga: a miss, which yoga then answers
 * and caches, and any request this listener does not take (see `isPlainAnonymousPost`).
 */
export function answerFromCache(yoga: RequestListener, options: CachedAnswersOptions): RequestListener {
  const rendered = new WeakMap<CachedResult, Answer>();

  async function tryCache(req: IncomingMessage, res: ServerResponse, accept: AcceptedType, body: Body): Promise<void> {
    const params = plainParams(body.parsed);
    if (!params) return handOver(yoga, req, res, body);
    if (await options.rateLimit?.admit(req)) return handOver(yoga, req, res, body);
    const result = await options.cache.lookup(params);
    if (!result) return handOver(yoga, req, res, body);
    let answer = rendered.get(result);
    if (!answer) rendered.set(result, (answer = renderHit(result)));
    options.onAnswer?.();
    res.writeHead(200, { "content-type": `${accept}; charset=utf-8`, "content-length": answer.length, ...answer.headers, ...corsHeaders(req, options.cors) }).end(answer.body);
  }

  return (req, res) => {
    const accept = acceptedType(req);
    if (!accept || !isPlainAnonymousPost(req, options.endpoint, Math.min(MAX_BODY_READ, options.maxBodyBytes))) return yoga(req, res);
    readBody(req).then(
      (body) => tryCache(req, res, accept, body).catch(() => handOver(yoga, req, res, body)),
      () => res.destroy(),
    );
  };
}

/**
 * A POST of JSON to the endpoint, small enough to read here, that yoga would answer from the
 * shared cache: no API key (keyed requests have caches of their own), no If-None-Match (yoga
 * answers 304 from the cache), no query string, no compressed body.
 */
function isPlainAnonymousPost(req: IncomingMessage, endpoint: string, maxBytes: number): boolean {
  const { headers } = req;
  const length = Number(headers["content-length"]);
  return (
    req.method === "POST" &&
    req.url === endpoint &&
    /^application\/json\s*(;\s*charset=utf-8\s*)?$/i.test(headers["content-type"] ?? "") &&
    length > 0 &&
    length <= maxBytes &&
    headers.authorization === undefined &&
    headers["if-none-match"] === undefined &&
    headers["content-encoding"] === undefined
  );
}

type AcceptedType = "application/json" | "application/graphql-response+json";

/** The media type yoga answers with, for the Accept headers GraphQL clients send; null for others. */
function acceptedType(req: IncomingMessage): AcceptedType | null {
  const accept = req.headers.accept;
  if (accept === undefined || accept === "*/*" || accept === "application/json") return "application/json";
  if (accept === "application/graphql-response+json") return "application/graphql-response+json";
  return null;
}

/** A request body as read, and as parsed when it is JSON (undefined when not). */
interface Body {
  text: string;
  parsed: unknown;
}

/** The operation, when the body is one plain GraphQL request (not a batch, no extensions such as a persisted-document hash). */
function plainParams(body: unknown): GraphQLParams | null {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return null;
  const { query, variables, operationName, ...rest } = body as Record<string, unknown>;
  if (typeof query !== "string" || Object.keys(rest).length > 0) return null;
  if (variables != null && (typeof variables !== "object" || Array.isArray(variables))) return null;
  if (operationName != null && typeof operationName !== "string") return null;
  return { query, variables: variables as Record<string, unknown> | undefined, operationName: operationName as string | undefined };
}

interface Answer {
  body: string;
  /** Its length in bytes. */
  length: number;
  headers: Record<string, string>;
}

/**
 * A cached answer as yoga sends it: `extensions.responseCache.hit` added, the headers kept in
 * `extensions.http` sent as headers and left out of the body.
 */
function renderHit(result: CachedResult): Answer {
  const { http, ...extensions } = result.extensions ?? {};
  const body = JSON.stringify({
    ...result,
    extensions: { ...extensions, responseCache: { ...(extensions.responseCache as object | undefined), hit: true } },
  });
  return { body, length: Buffer.byteLength(body), headers: http?.headers ?? {} };
}

/** The CORS headers yoga adds to an answer (whatwg-node's own function, for the request's Origin); none without one. */
function corsHeaders(req: IncomingMessage, cors: CORSOptions): Record<string, string> {
  if (req.headers.origin === undefined) return {};
  const header = (name: string) => {
    const value = req.headers[name];
    return (Array.isArray(value) ? value.join(", ") : value) ?? null;
  };
  return getCORSHeadersByRequestAndOptions({ headers: { get: header } } as unknown as Request, cors) ?? {};
}

function readBody(req: IncomingMessage): Promise<Body> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.once("end", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = undefined;
      }
      resolve({ text, parsed });
    });
    req.once("error", reject);
  });
}

/**
 * Yoga answers a request whose body was read here. whatwg-node takes a body already read from
 * `req.body`, as from Express's body parsers: the parsed object (yoga's `request.json()` returns
 * it), or else the text, which yoga parses and refuses as it would have (whatwg-node enumerates
 * a text's characters first, hence MAX_BODY_READ).
 */
function handOver(yoga: RequestListener, req: IncomingMessage, res: ServerResponse, body: Body): void {
  const { parsed } = body;
  const usable = typeof parsed === "object" && parsed !== null && Object.keys(parsed).length > 0;
  (req as IncomingMessage & { body?: unknown }).body = usable ? parsed : body.text;
  void yoga(req, res);
}
