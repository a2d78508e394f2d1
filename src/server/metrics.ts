import { usePrometheus } from "@graphql-yoga/plugin-prometheus";
import { Registry, collectDefaultMetrics } from "prom-client";
import type { Plugin } from "graphql-yoga";

/**
 * Prometheus metrics at `/metrics`: request and operation durations, errors, and the
 * process's own figures. Each server gets a registry of its own, so that several servers
 * in one process (tests) do not register the same metric twice.
 */
export function useMetrics(): Plugin {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return usePrometheus({
    endpoint: "/metrics",
    registry,
    metrics: {
      graphql_yoga_http_duration: true,
      graphql_envelop_request_duration: true,
      graphql_envelop_phase_parse: true,
      graphql_envelop_phase_validate: true,
      graphql_envelop_phase_execute: true,
      graphql_envelop_error_result: true,
      graphql_envelop_deprecated_field: false,
      graphql_envelop_schema_change: false,
    },
  }) as Plugin;
}
