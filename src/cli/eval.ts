import fs from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { ConfigError } from "../lib/config-error.ts";
import { PageInputError, readPageFile } from "../ingest/decode.ts";
import { combine, evaluatePage, formatEvaluation, type Evaluation } from "../ingest/evaluate.ts";
import { readExpectedPage, toExpectedShape, type ExpectedPage } from "../ingest/expected-shape.ts";
import { parsePage } from "../ingest/parse-page.ts";
import { parseRecordsFile, parseRecordsPage } from "../ingest/parse-records.ts";
import type { ParsedPage } from "../ingest/types.ts";
import { publicationContextFor } from "./publication-context.ts";

/** The two inputs a page can be scored from: its text, or its source's article records. */
export type InputForm = "text" | "records";

const FORM_NAMES: Record<InputForm, string> = { text: "page text", records: "article records" };
const INPUT_SUFFIX: Record<InputForm, string> = { text: ".txt", records: ".records.json" };

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

/** The input of `form` beside a hand-read page. */
function inputBeside(expectedFile: string, form: InputForm): string {
  return expectedFile.replace(/\.expected\.json$/, INPUT_SUFFIX[form]);
}

async function exists(file: string): Promise<boolean> {
  return fs.stat(file).then(
    (info) => info.isFile(),
    () => false,
  );
}

/** Parses a page's input of `form`; records must name the page they are beside, if they name one. */
async function parseInput(file: string, form: InputForm, expected: ExpectedPage): Promise<ParsedPage> {
  const context = { issueDate: expected.date, ...(await publicationContextFor(file, {})) };
  const content = await readPageFile(file);
  if (form === "text") return parsePage(content, context);
  const records = parseRecordsFile(content, file);
  for (const [field, value, want] of [
    ["date", records.date, expected.date],
    ["page", records.page, expected.pageNumber],
  ] as const) {
    if (value !== undefined && value !== want) throw new PageInputError(file, `field "${field}" is ${value}, but the hand-read page says ${want}`);
  }
  return parseRecordsPage(records.articles, context).parsed;
}

/**
 * Scores every `*.expected.json` under `folder` against the parser's reading of the input of
 * `form` beside it (`page-NN.txt` or `page-NN.records.json`).
 */
export async function evaluateFolder(folder: string, form: InputForm = "text"): Promise<Evaluation> {
  const evaluations = [];
  for (const expectedFile of await expectedFilesUnder(folder)) {
    const input = inputBeside(expectedFile, form);
    const expected = await readExpectedPage(expectedFile);
    const parsed = await parseInput(input, form, expected);
    const actual = toExpectedShape(parsed, { publication: expected.publication, date: expected.date, pageNumber: expected.pageNumber });
    evaluations.push(evaluatePage(expected, actual, input));
  }
  return combine(evaluations);
}

/** The forms to score a folder in: the one asked for, else text, and records when every page has them. */
async function formsFor(folder: string, asked: InputForm | undefined): Promise<InputForm[]> {
  if (asked !== undefined) return [asked];
  const expectedFiles = await expectedFilesUnder(folder);
  const withRecords = await Promise.all(expectedFiles.map((file) => exists(inputBeside(file, "records"))));
  return withRecords.every(Boolean) ? ["text", "records"] : ["text"];
}

/**
 * `papergraph eval <folder>… [--form text|records]`: per folder and form, the per-field scores and
 * the mismatches; with more than one folder, the scores of all pages together, per form. Without
 * --form, a folder whose pages all have article records beside them is scored in both forms.
 * Exits 1 when anything mismatches.
 */
export async function evalCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { form: { type: "string" } } });
  if (positionals.length === 0) throw new ConfigError("eval needs at least one folder");
  const asked = values.form;
  if (asked !== undefined && asked !== "text" && asked !== "records") throw new ConfigError(`--form must be text or records, got ${asked}`);
  const scored = new Map<InputForm, Evaluation[]>();
  const sections: string[] = [];
  for (const folder of positionals) {
    for (const form of await formsFor(folder, asked)) {
      const evaluation = await evaluateFolder(folder, form);
      scored.set(form, [...(scored.get(form) ?? []), evaluation]);
      sections.push(`== ${folder}: ${FORM_NAMES[form]} ==\n${formatEvaluation(evaluation)}`);
    }
  }
  if (positionals.length > 1) {
    for (const [form, evaluations] of scored) {
      const title = `total: ${FORM_NAMES[form]}, ${evaluations.length} folder${evaluations.length === 1 ? "" : "s"}`;
      sections.push(`== ${title} ==\n${formatEvaluation(combine(evaluations), false)}`);
    }
  }
  console.log(sections.join("\n\n"));
  return [...scored.values()].flat().some((e) => e.mismatches.length > 0) ? 1 : 0;
}
