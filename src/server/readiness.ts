import { useReadinessCheck, type Plugin } from "graphql-yoga";
import type { Readiness } from "../db/readiness.ts";

/**
 * `/readyz`: 200 when the database answers with every migration applied, 503 with the
 * reason otherwise. `/healthz` (the process is up) is yoga's own health check.
 */
export function useReadiness(check: () => Promise<Readiness>): Plugin {
  return useReadinessCheck({
    endpoint: "/readyz",
    check: async () => {
      const readiness = await check();
      return new Response(JSON.stringify(readiness.ready ? { status: "ready" } : { status: "not ready", reason: readiness.reason }), {
        status: readiness.ready ? 200 : 503,
        headers: { "content-type": "application/json" },
      });
    },
  });
}
