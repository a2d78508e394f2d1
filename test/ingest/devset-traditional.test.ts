import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import stCharacters from "opencc-js/dict/STCharacters";
import { afterAll, describe, expect, it } from "vitest";
import { evaluateFolder } from "../../src/cli/eval.ts";
import { EVALUATED_FIELDS } from "../../src/ingest/evaluate.ts";

const DEVSET = fileURLToPath(new URL("../fixtures/devset/", import.meta.url));
const folder = fs.mkdtempSync(path.join(os.tmpdir(), "papergraph-traditional-devset-"));
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

/** Simplified → traditional, one character for one (OpenCC's first traditional form), so that the page and its labels change alike. */
const toTraditional = new Map(stCharacters.split("|").map((entry) => entry.split(" ") as [string, string]));
const traditional = (text: string) => [...text].map((ch) => toTraditional.get(ch) ?? ch).join("");

/** A dev set with every page, label and record file printed in traditional characters. */
function traditionalCopy(set: string): string {
  const from = path.join(DEVSET, set);
  const to = path.join(folder, set);
  for (const file of fs.readdirSync(from, { recursive: true, encoding: "utf8" })) {
    const source = path.join(from, file);
    if (fs.statSync(source).isDirectory()) continue;
    fs.mkdirSync(path.dirname(path.join(to, file)), { recursive: true });
    fs.writeFileSync(path.join(to, file), traditional(fs.readFileSync(source, "utf8")));
  }
  return to;
}

// Each evaluation parses a whole set of real pages, twice.
describe("the dev sets printed in traditional characters", { timeout: 120_000 }, () => {
  it.each(["people-daily", "zgqxb"])("%s scores as it does in simplified ones, field by field, in both input forms", async (set) => {
    const copy = traditionalCopy(set);
    for (const form of ["text", "records"] as const) {
      const simplified = await evaluateFolder(path.join(DEVSET, set), form);
      const read = await evaluateFolder(copy, form);
      expect(read.pages).toBe(8);
      for (const field of EVALUATED_FIELDS) expect(read.fields[field].f1, `${set} ${form} ${field}`).toBe(simplified.fields[field].f1);
      expect(read.mismatches).toHaveLength(simplified.mismatches.length);
    }
  });
});
