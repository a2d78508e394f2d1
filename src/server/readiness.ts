import { useReadinessCheck, type Plugin } from "graphql-yoga";
import type { Readiness } from "../db/readiness.ts";

const READINESS_PATH = "/readyz";

/**
 * `/readyz`: 200 when the database answers with every migration applied, 503 with the
 * reason otherwise. `/healthz` (the process is up) is yoga's own health check.
 */
export function useReadiness(check: () => Promise<Readiness>): Plugin {
  const plugin = useReadinessCheck({
    endpoint: READINESS_PATH,
    check: async () => {
      const readiness = await check();
      return new Response(JSON.stringify(readiness.ready ? { status: "ready" } : { status: "not ready", reason: readiness.reason }), {
        status: readiness.ready ? 200 : 503,
        headers: { "content-type": "application/json" },
      });
    },
  });
  // Yoga's check tests every other request's URL against a URLPattern too (a fiftieth of a small
  // query's time); only the exact path reaches this plugin's check (src/server/canonical-paths.ts).
  const onRequest = plugin.onRequest!;
  return { ...plugin, onRequest: (payload) => (payload.url.pathname === READINESS_PATH ? onRequest(payload) : undefined) };
}
