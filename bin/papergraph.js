#!/usr/bin/env node
// Runs the compiled CLI in dist/ (`npm run build`, which `npm install` runs as `prepare`): Node
// 20 cannot run TypeScript, and compiling it at every start (tsx) costs seconds. When there is
// no build, or a source file is newer than it, the sources run through tsx instead, so that a
// change is never hidden behind a stale build.
import { readdirSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const built = `${root}dist/cli/main.js`;
// The build is incremental: it rewrites only the files whose sources changed, and its build
// information (tsconfig.build.json's tsBuildInfoFile) at each build that changed anything.
const buildInfo = `${root}dist/.tsbuildinfo`;

function builtAt() {
  try {
    const main = statSync(built).mtimeMs;
    return Math.max(main, statSync(buildInfo, { throwIfNoEntry: false })?.mtimeMs ?? -1);
  } catch {
    return -1;
  }
}

function newerSource(dir, than) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = `${dir}/${entry.name}`;
    if (entry.isDirectory() ? newerSource(full, than) : statSync(full).mtimeMs > than) return true;
  }
  return false;
}

const at = builtAt();
let main;
if (at >= 0 && !newerSource(`${root}src`, at)) {
  ({ main } = await import(built));
} else {
  const { register } = await import("tsx/esm/api");
  register();
  ({ main } = await import("../src/cli/main.ts"));
}
await main(process.argv.slice(2));
