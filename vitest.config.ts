import { defineConfig } from "vitest/config";
import { postgresReachable, TEST_DATABASE_URL } from "./test/support/postgres.ts";
import { requireUnderCi } from "./test/support/services.ts";

// Tests that read or write the database run once per database; parser, schema, CLI and
// client tests need no second run.
const DATABASE_TESTS = ["test/api/**/*.test.ts", "test/loader/**/*.test.ts", "test/search/**/*.test.ts", "test/db/**/*.test.ts", "test/editors/**/*.test.ts", "test/safety/**/*.test.ts"];

const withPostgres = requireUnderCi(`PostgreSQL at ${new URL(TEST_DATABASE_URL).host}`, await postgresReachable());
if (!withPostgres) console.warn(`PostgreSQL not reachable at ${new URL(TEST_DATABASE_URL).host}: running the SQLite tests only`);

// Tests that fail when a trivial query waits longer than test/support/promptly.ts allows beside
// an attack: they run last, one file at a time, so that no other test file shares the cores.
const PROMPTNESS_TESTS = ["test/safety/query-cost.test.ts", "test/safety/refused-input.test.ts", "test/search/search-bounds.test.ts"];

// One database's projects: the test files two at a time, then the promptness tests alone.
const projectsOn = (name: "sqlite" | "postgresql", include: string[]) => [
  { extends: true as const, test: { name, include, exclude: PROMPTNESS_TESTS } },
  {
    extends: true as const,
    test: { name: `${name}, alone`, include: PROMPTNESS_TESTS, maxWorkers: 1, sequence: { groupOrder: 1 } },
  },
];

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
    // Registers, for each test file, the removal of the databases it made.
    setupFiles: ["test/support/each-file.ts"],
    // Test files share a worker and the modules it loaded (the schema, the Prisma clients): a
    // fresh process per file cost seconds each. A file restores what it changes (environment
    // variables, spies) and removes what it made (test/support/each-file.ts).
    isolate: false,
    // Two files at a time: many wait on a database or on processes they started, which leaves
    // a core idle with one.
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [...projectsOn("sqlite", ["test/**/*.test.ts"]), ...(withPostgres ? projectsOn("postgresql", DATABASE_TESTS) : [])],
  },
});
