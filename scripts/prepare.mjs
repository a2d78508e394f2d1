// `npm install` runs this (prepare): builds dist/ when TypeScript is installed. An install
// without dev dependencies (npm ci --omit=dev) has no compiler; bin/papergraph.js then runs
// the sources through tsx, slower to start but the same program.
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { stampBuild } from "./stamp-build.mjs";

const require = createRequire(import.meta.url);
let compiler;
try {
  compiler = require.resolve("typescript/bin/tsc");
} catch {
  console.warn("papergraph: TypeScript is not installed (no dev dependencies): not building dist/, the command will run through tsx");
  process.exit(0);
}
execFileSync(process.execPath, [compiler, "-p", "tsconfig.build.json"], { stdio: "inherit" });
stampBuild();
