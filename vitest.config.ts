import { defineConfig } from "vitest/config";
import { postgresReachable, TEST_DATABASE_URL } from "./test/support/postgres.ts";
import { requireUnderCi } from "./test/support/services.ts";

// Tests that read or write the database run once per database; parser, schema, CLI and
// client tests need no second run.
const DATABASE_TESTS = ["test/api/**/*.test.ts", "test/loader/**/*.test.ts", "test/search/**/*.test.ts", "test/db/**/*.test.ts", "test/editors/**/*.test.ts", "test/safety/**/*.test.ts"];

const withPostgres = requireUnderCi(`PostgreSQL at ${new URL(TEST_DATABASE_URL).host}`, await postgresReachable());
if (!withPostgres) console.warn(`PostgreSQL not reachable at ${new URL(TEST_DATABASE_URL).host}: running the SQLite tests only`);

export default defineConfig({
  resolve: {
    // graphql 16 ships CJS (`main`) and ESM (`module`) builds without an exports map: Node
    // gives libraries the CJS one, Vite would give our code the ESM one, and graphql refuses
    // to mix types from two copies. Everything uses the CJS build, as under Node.
    alias: [{ find: /^graphql$/, replacement: "graphql/index.js" }],
  },
  test: {
    environment: "node",
    globalSetup: ["test/support/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true as const, test: { name: "sqlite", include: ["test/**/*.test.ts"] } },
      ...(withPostgres ? [{ extends: true as const, test: { name: "postgresql", include: DATABASE_TESTS } }] : []),
    ],
  },
});
