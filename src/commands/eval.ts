import fs from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { ConfigError } from "../db/config-error.ts";
import { readPageFile } from "../ingest/decode.ts";
import { combine, evaluatePage, formatEvaluation, type Evaluation } from "../ingest/evaluate.ts";
import { readExpectedPage, toExpectedShape } from "../ingest/expected-shape.ts";
import { parsePage } from "../ingest/parse-page.ts";
import { regionFor } from "./region.ts";

/** Every hand-read page under `folder`, sorted, as paths. */
async function expectedFilesUnder(folder: string): Promise<string[]> {
  let names: string[];
  try {
    names = await fs.readdir(folder, { recursive: true });
  } catch (error) {
    throw new ConfigError(`${folder}: cannot read the folder (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  const files = names.filter((name) => name.endsWith(".expected.json")).sort().map((name) => path.join(folder, name));
  if (files.length === 0) throw new ConfigError(`${folder}: no *.expected.json files`);
  return files;
}

/** Parses the page text beside every `*.expected.json` under `folder` and scores it against it. */
export async function evaluateFolder(folder: string): Promise<Evaluation> {
  const evaluations = [];
  for (const expectedFile of await expectedFilesUnder(folder)) {
    const textFile = expectedFile.replace(/\.expected\.json$/, ".txt");
    const expected = await readExpectedPage(expectedFile);
    const region = await regionFor(textFile, {});
    const parsed = parsePage(await readPageFile(textFile), { issueDate: expected.date, region });
    const actual = toExpectedShape(parsed, { publication: expected.publication, date: expected.date, pageNumber: expected.pageNumber });
    evaluations.push(evaluatePage(expected, actual, textFile));
  }
  return combine(evaluations);
}

/**
 * `papergraph eval <folder>…`: per folder, the per-field scores and the mismatches; with more
 * than one folder, the scores of all pages together. Exits 1 when anything mismatches.
 */
export async function evalCommand(args: string[]): Promise<number> {
  const { positionals } = parseArgs({ args, allowPositionals: true });
  if (positionals.length === 0) throw new ConfigError("eval needs at least one folder");
  const scored: Evaluation[] = [];
  const sections: string[] = [];
  for (const folder of positionals) {
    const evaluation = await evaluateFolder(folder);
    scored.push(evaluation);
    sections.push(`== ${folder} ==\n${formatEvaluation(evaluation)}`);
  }
  if (scored.length > 1) {
    sections.push(`== total: ${scored.length} folders ==\n${formatEvaluation(combine(scored), false)}`);
  }
  console.log(sections.join("\n\n"));
  return scored.some((e) => e.mismatches.length > 0) ? 1 : 0;
}
