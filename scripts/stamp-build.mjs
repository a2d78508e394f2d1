// Marks dist/ as built from the sources as they are now. bin/papergraph.js runs the sources
// through tsx when one is newer than the build; an incremental build that finds nothing to
// compile writes no file, so sources touched without a change (a `git stash` and `pop`, a
// checkout back and forth) would leave every later start on tsx.
import { utimesSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export function stampBuild() {
  const now = new Date();
  utimesSync(fileURLToPath(new URL("../dist/.tsbuildinfo", import.meta.url)), now, now);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) stampBuild();
