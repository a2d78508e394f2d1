import { createHash } from "node:crypto";
import type { GraphiQLOptions, Plugin } from "graphql-yoga";

/**
 * GraphiQL as a small page and its assets (9 MB of script, style, Monaco's workers and the
 * icon, from @graphql-yoga/render-graphiql) served apart, each under a path that holds a hash of
 * its content: a browser fetches them once and keeps them (immutable), instead of 9 MB inlined in
 * every GET of /graphql. They come from the server itself, never a CDN. Loaded on the first
 * visit, not by every process that serves the API.
 */
export const GRAPHIQL_ASSETS = "/graphiql/";

interface Asset {
  body: Uint8Array<ArrayBuffer>;
  type: string;
  etag: string;
}

interface Assets {
  /** Each asset's path, by its name (graphiql.js, graphiql.css, the workers, favicon.ico). */
  paths: Record<string, string>;
  byPath: Map<string, Asset>;
}

let loading: Promise<Assets> | null = null;

function loadAssets(): Promise<Assets> {
  loading ??= import("@graphql-yoga/render-graphiql/graphiql").then((bundle) => {
    const text = (content: string) => new Uint8Array(Buffer.from(content));
    const files: [string, Uint8Array<ArrayBuffer>, string][] = [
      ["graphiql.js", text(bundle.js), "text/javascript; charset=utf-8"],
      ["graphiql.css", text(bundle.css), "text/css; charset=utf-8"],
      ["editor.worker.js", text(bundle.editorWorkerService), "text/javascript; charset=utf-8"],
      ["json.worker.js", text(bundle.jsonWorker), "text/javascript; charset=utf-8"],
      ["graphql.worker.js", text(bundle.graphqlWorker), "text/javascript; charset=utf-8"],
      ["favicon.ico", new Uint8Array(Buffer.from(bundle.favicon.replace(/^data:[^,]*;base64,/, ""), "base64")), "image/x-icon"],
    ];
    const assets: Assets = { paths: {}, byPath: new Map() };
    for (const [name, body, type] of files) {
      const hash = createHash("sha256").update(body).digest("hex").slice(0, 16);
      const path = `${GRAPHIQL_ASSETS}${hash}/${name}`;
      assets.paths[name] = path;
      assets.byPath.set(path, { body, type, etag: `"${hash}"` });
    }
    return assets;
  });
  return loading;
}

/** JSON that can sit in a <script> element: no `</script>` or `<!--` can close it. */
const scriptJson = (value: unknown) => JSON.stringify(value ?? {}).replace(/</g, "\\u003c");

const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (character) => `&#${character.charCodeAt(0)};`);

/** The GraphiQL page: a few hundred bytes that load the assets by their paths. */
export async function renderGraphiQL(options: GraphiQLOptions | undefined): Promise<string> {
  const { paths } = await loadAssets();
  const workers = { editorWorkerService: paths["editor.worker.js"], json: paths["json.worker.js"], graphql: paths["graphql.worker.js"] };
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>${escapeHtml(options?.title ?? "GraphiQL")}</title>
    <link rel="icon" href="${paths["favicon.ico"]}" />
    <link rel="stylesheet" href="${paths["graphiql.css"]}" />
  </head>
  <body id="body" class="no-focus-outline">
    <noscript>You need to enable JavaScript to run this app.</noscript>
    <div id="root"></div>
    <script>
      const workers = ${scriptJson(workers)};
      self.MonacoEnvironment = { globalAPI: false, getWorkerUrl: (_moduleId, label) => workers[label] };
    </script>
    <script src="${paths["graphiql.js"]}"></script>
    <script>
      YogaGraphiQL.renderYogaGraphiQL(document.querySelector("#root"), ${scriptJson(options)});
    </script>
  </body>
</html>
`;
}

/**
 * Answers GET and HEAD of an asset's path: the content with an ETag, kept a year as immutable
 * (its path changes with its content), 304 to a browser that holds it; 404 for any other path
 * under /graphiql/.
 */
export function useGraphiQLAssets(): Plugin {
  return {
    async onRequest({ request, url, endResponse, fetchAPI }) {
      if (!url.pathname.startsWith(GRAPHIQL_ASSETS)) return;
      const asset = (await loadAssets()).byPath.get(url.pathname);
      if (!asset || (request.method !== "GET" && request.method !== "HEAD")) {
        endResponse(new fetchAPI.Response(`Not found: ${url.pathname.slice(0, 200)}\n`, { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } }));
        return;
      }
      const headers = { etag: asset.etag, "cache-control": "public, max-age=31536000, immutable" };
      if (request.headers.get("if-none-match") === asset.etag) {
        endResponse(new fetchAPI.Response(null, { status: 304, headers }));
        return;
      }
      const body = request.method === "HEAD" ? null : asset.body;
      endResponse(new fetchAPI.Response(body, { status: 200, headers: { ...headers, "content-type": asset.type, "content-length": String(asset.body.length) } }));
    },
  };
}
