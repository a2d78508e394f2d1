// What the current test file made and must remove after its tests. Test files share modules in
// a worker (isolate: false), so a hook that a support module registered once, on import, would
// serve only the first file: the hook is registered by the setup file each-file.ts instead,
// which vitest runs again before every file.
const cleanups: (() => Promise<void>)[] = [];

/** Runs `cleanup` after the current test file's tests. */
export function afterThisFile(cleanup: () => Promise<void>): void {
  cleanups.push(cleanup);
}

/** Runs, in order, the cleanups registered since the last call: the current file's. */
export async function cleanUpThisFile(): Promise<void> {
  for (const cleanup of cleanups.splice(0)) await cleanup();
}
