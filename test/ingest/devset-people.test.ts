import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { evaluateFolder } from "../../src/cli/eval.ts";

// People and their titles on the dev sets, read from the article records so that the score
// is the people reader's alone: with the source's article bounds, article structure cannot
// hide or add people.
const DEVSET = fileURLToPath(new URL("../fixtures/devset/", import.meta.url));

describe("people and titles on the dev sets (article records)", () => {
  for (const set of ["people-daily", "zgqxb"]) {
    it(`reaches F1 0.95 for people and titles on ${set}`, async () => {
      const { fields } = await evaluateFolder(`${DEVSET}${set}`, "records");
      expect(fields.people.f1).toBeGreaterThanOrEqual(0.95);
      expect(fields.titles.f1).toBeGreaterThanOrEqual(0.95);
    });
  }
});
