import fs from "node:fs";
import { usePersistedOperations } from "@graphql-yoga/plugin-persisted-operations";
import type { Plugin } from "graphql-yoga";
import { ConfigError } from "../lib/config-error.ts";

export interface PersistedOperationsOptions {
  /** hash → document, as in the `persisted-documents.json` that codegen writes. */
  documents: Record<string, string>;
  /** Refuse every operation that is not sent as a known hash (for production). */
  only: boolean;
}

/** Lets clients send `extensions.persistedQuery.sha256Hash` instead of the query text. */
export function usePersistedDocuments({ documents, only }: PersistedOperationsOptions): Plugin {
  return usePersistedOperations({
    getPersistedOperation: (hash) => (Object.hasOwn(documents, hash) ? documents[hash]! : null),
    allowArbitraryOperations: !only,
  });
}

/**
 * The options of `papergraph serve` from the environment: PERSISTED_DOCUMENTS names a
 * codegen manifest, PERSISTED_ONLY=true refuses every other operation.
 */
export function persistedOperationsFromEnv(env: NodeJS.ProcessEnv): PersistedOperationsOptions | undefined {
  const file = env.PERSISTED_DOCUMENTS;
  const only = env.PERSISTED_ONLY === "true";
  if (!file) {
    if (only) throw new ConfigError("PERSISTED_ONLY=true needs PERSISTED_DOCUMENTS, the manifest of the allowed documents");
    return undefined;
  }
  let documents: unknown;
  try {
    documents = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (error) {
    throw new ConfigError(`PERSISTED_DOCUMENTS ${file}: ${(error as Error).message}`);
  }
  if (typeof documents !== "object" || documents === null || Object.values(documents).some((value) => typeof value !== "string")) {
    throw new ConfigError(`PERSISTED_DOCUMENTS ${file}: expected a JSON object of hash → document`);
  }
  return { documents: documents as Record<string, string>, only };
}
