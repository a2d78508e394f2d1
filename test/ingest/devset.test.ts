import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { evaluateFolder, type InputForm } from "../../src/cli/eval.ts";
import { EVALUATED_FIELDS } from "../../src/ingest/evaluate.ts";
import { seedsDir } from "../../src/lib/paths.ts";

const DEVSET = fileURLToPath(new URL("../fixtures/devset/", import.meta.url));

type Floors = {
  headline: number;
  kicker: number;
  subheadline: number;
  source: number;
  dateline: number;
  credits: number;
  people: number;
  titles: number;
  /** Recall of the printed jumps (下转/上接). */
  jumpRecall: number;
  /** At most this many jumps found where none is printed (or to another page). */
  falseJumps: number;
};

// The thresholds (F1): headline 0.99; kicker, subheadline, source, dateline 0.97; credits 0.97;
// people 0.95; titles 0.95; jump recall 1.0 with no false jump.
const FLOORS: Record<string, Record<InputForm, Floors>> = {
  "people-daily": {
    text: { headline: 0.99, kicker: 0.97, subheadline: 0.97, source: 0.97, dateline: 0.97, credits: 0.97, people: 0.95, titles: 0.95, jumpRecall: 1, falseJumps: 0 },
    records: { headline: 0.99, kicker: 0.97, subheadline: 0.97, source: 0.97, dateline: 0.97, credits: 0.97, people: 0.95, titles: 0.95, jumpRecall: 1, falseJumps: 0 },
  },
  zgqxb: {
    text: { headline: 0.99, kicker: 0.97, subheadline: 0.97, source: 0.97, dateline: 0.97, credits: 0.97, people: 0.95, titles: 0.95, jumpRecall: 1, falseJumps: 0 },
    records: { headline: 0.99, kicker: 0.97, subheadline: 0.97, source: 0.97, dateline: 0.97, credits: 0.97, people: 0.95, titles: 0.95, jumpRecall: 1, falseJumps: 0 },
  },
};

const F1_FIELDS = ["headline", "kicker", "subheadline", "source", "dateline", "credits", "people", "titles"] as const;
/** An F1 of exactly 0.4 may come out a unit in the last place below it (0.39999999999999997). */
const ROUNDING = 1e-9;

// Each evaluation parses a whole set of real pages.
describe("the parser on the dev sets", { timeout: 120_000 }, () => {
  const cases = Object.entries(FLOORS).flatMap(([set, forms]) =>
    Object.entries(forms).map(([form, floors]) => ({ set, form: form as InputForm, floors })),
  );

  it.each(cases)("$set, read from its $form, stays at or above its floors", async ({ set, form, floors }) => {
    const { pages, fields } = await evaluateFolder(path.join(DEVSET, set), form);
    expect(pages).toBe(8);
    const measured = Object.fromEntries(F1_FIELDS.map((field) => [field, fields[field].f1]));
    for (const field of F1_FIELDS) expect(measured[field], `${set} ${form} ${field} F1`).toBeGreaterThanOrEqual(floors[field] - ROUNDING);
    expect(fields.continuations.recall, `${set} ${form} jump recall`).toBeGreaterThanOrEqual(floors.jumpRecall - ROUNDING);
    expect(fields.continuations.falsePositives, `${set} ${form} false jumps`).toBeLessThanOrEqual(floors.falseJumps);
  });

  it("reads the sample page 1.0 on every field", async () => {
    const { pages, fields, mismatches } = await evaluateFolder(seedsDir, "text");
    expect(pages).toBe(1);
    for (const field of EVALUATED_FIELDS) expect(fields[field].f1, field).toBe(1);
    expect(mismatches).toEqual([]);
  });
});
