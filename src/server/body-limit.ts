import type { IncomingMessage } from "node:http";
import { createGraphQLError, type Plugin } from "graphql-yoga";

const tooLarge = () => createGraphQLError("Request body too large", { extensions: { http: { status: 413 }, code: "REQUEST_ENTITY_TOO_LARGE" } });
const invalidLength = () => createGraphQLError("Content-Length header is invalid.", { extensions: { http: { status: 400 }, code: "BAD_REQUEST" } });

/**
 * Yoga's request body limit (`maxRequestBodySize`: the same refusals, 400 and 413), without its
 * cost where it cannot refuse anything. Yoga refuses a Content-Length over the limit, then pipes
 * every body through a counting stream in case the length was not told: the stream, its pipeline
 * and the abort that closes it were a fifth of the server's time for a small query. node:http
 * hands on exactly Content-Length bytes, so a request it parsed that states its length is bounded
 * by that length alone; bodies of unstated length (chunked) and requests made in process
 * (`yoga.fetch`, whose headers need not match the body) are counted as yoga counts them.
 * Placed after every plugin that chooses a request parser, so that it wraps the one chosen.
 */
export function useBodyLimit(limit: number): Plugin {
  return {
    onRequestParse({ request, requestParser, setRequestParser, serverContext, fetchAPI }) {
      const length = request.headers.get("content-length");
      if (length !== null) {
        // One non-negative integer only: anything else (a list, as in request smuggling) is refused.
        if (!/^\d+$/.test(length)) throw invalidLength();
        if (Number(length) > limit) throw tooLarge();
        if ((serverContext as { req?: IncomingMessage } | undefined)?.req) return;
      }
      if (!requestParser || !request.body) return;
      const parse = requestParser;
      setRequestParser((request) => parse(countedBody(request, limit, fetchAPI)));
    },
  };
}

type FetchAPI = Parameters<NonNullable<Plugin["onRequestParse"]>>[0]["fetchAPI"];

/** The request with a body that errors once more than `limit` bytes have been read. */
function countedBody(request: Request, limit: number, fetchAPI: FetchAPI): Request {
  // A native ReadableStream pipes only into the native TransformStream (yoga does the same).
  const Transform = request.body instanceof ReadableStream ? globalThis.TransformStream : fetchAPI.TransformStream;
  let read = 0;
  const body = request.body!.pipeThrough(
    new Transform<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        read += chunk.byteLength;
        if (read > limit) controller.error(tooLarge());
        else controller.enqueue(chunk);
      },
    }),
  );
  return new fetchAPI.Request(request.url, { method: request.method, headers: request.headers, signal: request.signal, body, duplex: "half" } as RequestInit);
}
