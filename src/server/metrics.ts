import { usePrometheus } from "@graphql-yoga/plugin-prometheus";
import { Counter, Registry, collectDefaultMetrics } from "prom-client";
import type { Plugin } from "graphql-yoga";

/**
 * Prometheus metrics at `/metrics`: request durations by method, status and operation type,
 * errors, and the process's own figures. Each server gets a registry of its own, so that
 * several servers in one process (tests) do not register the same metric twice.
 *
 * No label takes a value the client chooses: a series per URL (GET queries carry the whole
 * query) or per operation name would let any client grow the server's memory without bound.
 * The per-phase histograms (parse, validate, execute) and the operation duration are off: the
 * request duration says what matters here, and each histogram observed costs time on every
 * request (these four, about a tenth of a small query's time in the server). Answers given
 * from the cache before yoga are counted apart, by `countCachedAnswer`.
 */
export function createMetrics(): Metrics {
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
      graphql_envelop_request_duration: false,
      graphql_envelop_phase_parse: false,
      graphql_envelop_phase_validate: false,
      graphql_envelop_phase_execute: false,
      graphql_envelop_error_result: true,
      graphql_envelop_deprecated_field: false,
      graphql_envelop_schema_change: false,
    },
  }) as Plugin;
  return { plugin, countCachedAnswer: () => cachedAnswers.inc() };
}

export interface Metrics {
  plugin: Plugin;
  countCachedAnswer(): void;
}
