import fs from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { ConfigError } from "../lib/config-error.ts";
import { isCalendarDate } from "../lib/dates.ts";
import { readPageFile } from "../ingest/decode.ts";
import { combine, evaluatePage, formatEvaluation } from "../ingest/evaluate.ts";
import { readExpectedPage, toExpectedShape } from "../ingest/expected-shape.ts";
import { pageLocationFromPath } from "../ingest/layout.ts";
import { parsePage } from "../ingest/parse-page.ts";

/** `papergraph parse <file>`: the structure of one page as JSON, without a database. */
export async function parseCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { date: { type: "string" }, region: { type: "string" }, province: { type: "string" } },
  });
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new ConfigError("parse takes exactly one file");
  const location = pageLocationFromPath(file);
  const date = values.date ?? location?.date;
  if (!date || !isCalendarDate(date)) throw new ConfigError(`${file}: give --date YYYY-MM-DD (the path does not carry the issue date)`);
  const region = await regionFor(file, values);
  const parsed = parsePage(await readPageFile(file), { issueDate: date, region });
  const shaped = toExpectedShape(parsed, { publication: location?.publication ?? "", date, pageNumber: location?.page ?? 0 });
  console.log(JSON.stringify(shaped, null, 1));
  return 0;
}

/** `papergraph eval <folder>`: parse output against every *.expected.json beside a .txt. */
export async function evalCommand(args: string[]): Promise<number> {
  const { positionals } = parseArgs({ args, allowPositionals: true });
  if (positionals.length !== 1) throw new ConfigError("eval takes exactly one folder");
  const folder = positionals[0]!;
  const expectedFiles = (await fs.readdir(folder, { recursive: true }))
    .filter((name) => name.endsWith(".expected.json"))
    .sort()
    .map((name) => path.join(folder, name));
  if (expectedFiles.length === 0) throw new ConfigError(`${folder}: no *.expected.json files`);
  const evaluations = [];
  for (const expectedFile of expectedFiles) {
    const textFile = expectedFile.replace(/\.expected\.json$/, ".txt");
    const expected = await readExpectedPage(expectedFile);
    const region = await regionFor(textFile, {});
    const parsed = parsePage(await readPageFile(textFile), { issueDate: expected.date, region });
    const actual = toExpectedShape(parsed, { publication: expected.publication, date: expected.date, pageNumber: expected.pageNumber });
    evaluations.push(evaluatePage(expected, actual, textFile));
  }
  const evaluation = combine(evaluations);
  console.log(formatEvaluation(evaluation));
  return evaluation.mismatches.length > 0 ? 1 : 0;
}

/** The region for resolving 市委/省委: from flags, else from the publication's manifest. */
async function regionFor(file: string, flags: { region?: string; province?: string }) {
  if (flags.region || flags.province) return { city: flags.region ?? null, province: flags.province ?? null };
  const location = pageLocationFromPath(file);
  if (!location) return undefined;
  const manifest = path.join(path.dirname(path.dirname(path.dirname(path.resolve(file)))), location.publication, "publication.json");
  try {
    const { region, province } = JSON.parse(await fs.readFile(manifest, "utf8")) as { region?: string; province?: string };
    return { city: region ?? null, province: province ?? null };
  } catch {
    return undefined;
  }
}
