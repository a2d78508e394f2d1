import { expect } from "vitest";
import type { PapergraphServer } from "../../src/server/index.ts";
import { execute } from "./graphql.ts";

/** How long a trivial query may wait while an attack runs beside it (the bench's goal is 250 ms). */
export const PROMPT_MS = 500;

/**
 * Runs `attack` and, while it runs, a trivial query against `yoga` every few milliseconds;
 * fails when any of them waited longer than PROMPT_MS. Returns what `attack` returned.
 */
export async function answeredPromptlyBeside<T>(yoga: PapergraphServer, attack: () => Promise<T>): Promise<T> {
  let done = false;
  const latencies: number[] = [];
  const probe = (async () => {
    while (!done) {
      const started = performance.now();
      const result = await execute(yoga, "{ publications(first: 1) { totalCount } }");
      latencies.push(performance.now() - started);
      expect(result.errors).toBeUndefined();
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  })();
  try {
    return await attack();
  } finally {
    done = true;
    await probe;
    expect(latencies.length).toBeGreaterThan(0);
    expect(Math.max(...latencies)).toBeLessThan(PROMPT_MS);
  }
}
