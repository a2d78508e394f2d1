import type { Plugin } from "graphql-yoga";

/** The paths the server answers; yoga alone would also answer any URL that ends in one. */
export const SERVED_PATHS = ["/graphql", "/subgraph", "/healthz", "/readyz", "/metrics"] as const;

/**
 * Answers only the exact paths the server serves: yoga matches its endpoints with
 * `url.endsWith`, so `/graphql/`, `//graphql`, `/x/graphql` or `/subgraph?/graphql` would each
 * reach GraphQL under a spelling that other plugins, the rate limit
 * first, do not recognise. Anything else is a 404 coded NOT_FOUND, before any work.
 */
export function useCanonicalPaths(paths: readonly string[] = SERVED_PATHS): Plugin {
  const served = new Set(paths);
  return {
    onRequest({ request, url, endResponse }) {
      // `/subgraph?/graphql` is /subgraph to us and /graphql to yoga's `endsWith`.
      const misread = paths.some((path) => path !== url.pathname && request.url.endsWith(path));
      if (served.has(url.pathname) && !misread) return;
      const body = { errors: [{ message: `Not found: ${JSON.stringify(url.pathname.slice(0, 200))}. The server answers ${paths.join(", ")}.`, extensions: { code: "NOT_FOUND" } }] };
      endResponse(new Response(JSON.stringify(body), { status: 404, headers: { "content-type": "application/json; charset=utf-8" } }));
    },
  };
}
