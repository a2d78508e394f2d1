import { usePrometheus } from "@graphql-yoga/plugin-prometheus";
import { Counter, Registry, collectDefaultMetrics } from "prom-client";
import { timingSafeEqual } from "node:crypto";
import type { Plugin } from "graphql-yoga";

/**
 * Prometheus metrics at `/metrics`: request durations by method, status and operation type,
 * errors, and the process's own figures. Each server gets a registry of its own, so that
 * several servers in one process (tests) do not register the same metric twice.
 *
 * No label takes a value the client chooses: a series per URL (GET queries carry the whole
 * query) or per operation name would let any client grow the server's memory without bound.
 * Every other metric of the plugin is off, those it turns on unless told (the context phase's
 * histogram, the request counter and the request time summary, the subscribe phase) with the
 * per-phase histograms and the operation duration: the request duration says what matters here
 * (its count counts the requests), and each metric observed costs time on every request (the
 * phases and the operation duration, about a tenth of a small query's time in the server; the
 * context phase, the counter and the summary, about as much again). Answers given from the cache
 * before yoga are counted apart, by `countCachedAnswer`.
 */
export function createMetrics(options: MetricsOptions = {}): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const cachedAnswers = new Counter({
    name: "papergraph_cached_answers_total",
    help: "Answers given from the response cache before yoga (src/server/cached-answers.ts); not in graphql_yoga_http_duration.",
    registers: [registry],
  });
  const plugin = usePrometheus({
    endpoint: "/metrics",
    registry,
    labels: { url: false, operationName: false },
    metrics: {
      graphql_yoga_http_duration: true,
      graphql_envelop_request: false,
      graphql_envelop_request_duration: false,
      graphql_envelop_request_time_summary: false,
      graphql_envelop_phase_context: false,
      graphql_envelop_phase_subscribe: false,
      graphql_envelop_phase_parse: false,
      graphql_envelop_phase_validate: false,
      graphql_envelop_phase_execute: false,
      graphql_envelop_error_result: true,
      graphql_envelop_deprecated_field: false,
      graphql_envelop_schema_change: false,
    },
  }) as Plugin;
  const plugins = options.token ? [requireBearer(options.token), plugin] : [plugin];
  return { plugins, countCachedAnswer: () => cachedAnswers.inc() };
}

export interface MetricsOptions {
  /** When set, `/metrics` answers only requests with `Authorization: Bearer <token>` (401 otherwise). */
  token?: string;
}

export interface Metrics {
  plugins: Plugin[];
  countCachedAnswer(): void;
}

/**
 * Refuses `/metrics` without the token: the figures tell an attacker how loaded the server is
 * and what fails. Compared in constant time, so that the token cannot be guessed by timing.
 */
function requireBearer(token: string): Plugin {
  const expected = Buffer.from(`Bearer ${token}`);
  return {
    onRequest({ request, url, endResponse, fetchAPI }) {
      if (url.pathname !== "/metrics") return;
      const given = Buffer.from(request.headers.get("authorization") ?? "");
      if (given.length === expected.length && timingSafeEqual(given, expected)) return;
      endResponse(new fetchAPI.Response("/metrics needs the header Authorization: Bearer <METRICS_TOKEN>\n", { status: 401, headers: { "www-authenticate": "Bearer", "content-type": "text/plain; charset=utf-8" } }));
    },
  };
}
