import type { CodegenConfig } from "@graphql-codegen/cli";

/**
 * Typed documents for the example client, from the committed schema.graphql (which
 * `npm run codegen` prints first, with the same printer as `npm run generate`).
 */
const config: CodegenConfig = {
  schema: "schema.graphql",
  documents: ["examples/client/src/**/*.ts", "!examples/client/src/gql/**"],
  ignoreNoDocuments: false,
  generates: {
    "examples/client/src/gql/": {
      preset: "client",
      // The hashes let the client send persisted operations instead of query text.
      presetConfig: { persistedDocuments: true, fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { Date: "string", DateTime: "string" },
      },
    },
  },
};

export default config;
