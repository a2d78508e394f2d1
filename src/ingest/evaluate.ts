/**
 * Scores parser output against hand-read pages (`papergraph eval <folder>`): per field, true
 * positives, false positives and false negatives, with precision, recall and F1.
 *
 * Conventions:
 * - Articles are aligned first by identical headline (in page order), then the rest by
 *   character overlap (Dice coefficient over the characters, whitespace ignored) of their
 *   headlines, or of their firstBodyChars when either headline is missing; the best-scoring
 *   pair is taken first, and pairs below MIN_OVERLAP stay unaligned. An unaligned expected
 *   article counts every value it has as a false negative, an unaligned actual article every
 *   value it has as a false positive (one `articles` mismatch each, not one per field).
 * - Single values: null expected with null actual is a true negative and not counted; a wrong
 *   non-null value is both a false positive and a false negative. Every string is compared
 *   with all whitespace removed (spaces, U+3000, U+00A0, line breaks); the sources 本报讯 and
 *   本报 count as the same.
 * - Lists of names (reporters, photographers, authors, people) compare names, each name once
 *   per article. `credits` pools them as the hand-read convention does: reporters and authors
 *   are one class (a byline), photographers another; its mismatches are the credit
 *   mismatches, and the per-role rows are its breakdown (counted, not listed).
 * - continuations: the printed jumps, an article's jump out (下转) and pickup (上接) each one
 *   value: a jump found where none is printed, or to the wrong page, is a false jump
 *   (a false positive); precision and recall are over printed jumps, never over nulls.
 * - joinedText: each string the hand-reader expects in a repaired paragraph (a column break
 *   rejoined) is a true positive when some actual paragraph contains it, else a false negative.
 * - titles: scored only for people found by name (a missed person already counts in
 *   `people`); two titles match when either contains the other (市委书记 / 太原市委书记).
 * - Counts add up over pages (micro-average) in `combine`.
 */
import type { ExpectedArticle, ExpectedPage } from "./expected-shape.ts";
import type { PageRef } from "./page-label.ts";

export const EVALUATED_FIELDS = [
  "articles",
  "headline",
  "kicker",
  "subheadline",
  "source",
  "reporters",
  "photographers",
  "authors",
  "credits",
  "dateline",
  "firstBodyChars",
  "joinedText",
  "continuations",
  "people",
  "titles",
] as const;

export type EvaluatedField = (typeof EVALUATED_FIELDS)[number];

export interface FieldScore {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface Mismatch {
  /** The page file, when the caller named it. */
  file?: string;
  /** The article's expected headline (its actual one when only the parser found it). */
  article: string;
  field: EvaluatedField;
  /** For `titles`: whose title. */
  person?: string;
  /** For `credits`: the class of the credit. */
  role?: CreditClass;
  /** null: nothing was expected (a false positive). */
  expected: string | number | null;
  /** null: nothing was found (a false negative). */
  actual: string | number | null;
}

export interface PageEvaluation {
  file?: string;
  fields: Record<EvaluatedField, FieldScore>;
  mismatches: Mismatch[];
}

export interface Evaluation {
  pages: number;
  fields: Record<EvaluatedField, FieldScore>;
  mismatches: Mismatch[];
}

/** Below this character overlap two articles are not taken to be the same one. */
export const MIN_OVERLAP = 0.5;

/** The hand-read convention pools reporters and authors: both are a byline credit. */
export type CreditClass = "byline" | "photo";

type Value = string | number | null;
type Same = (expected: Value, actual: Value) => boolean;
const equal: Same = (x, y) => x === y || (typeof x === "string" && typeof y === "string" && withoutSpace(x) === withoutSpace(y));
const sameSource: Same = (x, y) => x !== null && y !== null && canonicalSource(String(x)) === canonicalSource(String(y));
type Counts = Record<EvaluatedField, { tp: number; fp: number; fn: number }>;

/** Scores one page. `file` is copied into the result and its mismatches. */
export function evaluatePage(expected: ExpectedPage, actual: ExpectedPage, file?: string): PageEvaluation {
  const counts = emptyCounts();
  const mismatches: Mismatch[] = [];
  const fileField = file === undefined ? {} : { file };

  for (const [e, a] of alignArticles(expected.articles, actual.articles)) {
    const label = e?.headline ?? a?.headline ?? "(article without headline)";
    // A whole missing or extra article is one mismatch; its fields are only counted.
    const aligned = e !== undefined && a !== undefined;
    type About = { person: string } | { role: CreditClass } | { listed: false };
    const note = (field: EvaluatedField, exp: Value, act: Value, about: About | undefined): void => {
      if ((aligned || field === "articles") && !(about !== undefined && "listed" in about)) {
        mismatches.push({ ...fileField, article: label, field, ...about, expected: exp, actual: act });
      }
    };
    const single = (field: EvaluatedField, exp: Value, act: Value, same: Same = equal, about?: About) => {
      const c = counts[field];
      if (exp !== null && act !== null && same(exp, act)) c.tp++;
      else if (exp !== null || act !== null) {
        if (exp !== null) c.fn++;
        if (act !== null) c.fp++;
        note(field, exp, act, about);
      }
    };
    const names = (field: EvaluatedField, exp: string[], act: string[], about?: About) => {
      const [expSet, actSet] = [nameSet(exp), nameSet(act)];
      for (const [key, name] of expSet) single(field, name, actSet.has(key) ? name : null, equal, about);
      for (const [key, name] of actSet) if (!expSet.has(key)) single(field, null, name, equal, about);
    };

    single("articles", e === undefined ? null : label, a === undefined ? null : label, () => true);
    const [ex, ac] = [e ?? EMPTY_ARTICLE, a ?? EMPTY_ARTICLE];
    single("headline", ex.headline, ac.headline);
    single("kicker", ex.kicker, ac.kicker);
    single("subheadline", ex.subheadline, ac.subheadline);
    single("source", ex.source, ac.source, sameSource);
    const breakdown: About = { listed: false };
    names("reporters", ex.reporters, ac.reporters, breakdown);
    names("photographers", ex.photographers, ac.photographers, breakdown);
    names("authors", ex.authors, ac.authors, breakdown);
    names("credits", [...ex.reporters, ...ex.authors], [...ac.reporters, ...ac.authors], { role: "byline" });
    names("credits", ex.photographers, ac.photographers, { role: "photo" });
    single("dateline", ex.dateline, ac.dateline);
    single("firstBodyChars", ex.firstBodyChars, ac.firstBodyChars);
    // Parser output carries its paragraphs; a hand-read page compared with itself its joinedText.
    const paragraphs = (ac as { paragraphs?: string[] }).paragraphs ?? ac.joinedText ?? [];
    for (const text of ex.joinedText ?? []) {
      const joined = paragraphs.some((paragraph) => withoutSpace(paragraph).includes(withoutSpace(text)));
      single("joinedText", text, joined ? text : null);
    }
    single("continuations", jump("下转", ex.continuesOnPage), jump("下转", ac.continuesOnPage));
    single("continuations", jump("上接", ex.continuedFromPage), jump("上接", ac.continuedFromPage));
    names("people", ex.people.map((p) => p.name), ac.people.map((p) => p.name));
    for (const person of ex.people) {
      const found = ac.people.find((p) => withoutSpace(p.name) === withoutSpace(person.name));
      if (found !== undefined) single("titles", person.title, found.title, titlesMatch, { person: person.name });
    }
  }
  return { ...fileField, fields: scores(counts), mismatches };
}

/**
 * Adds up the counts of several pages (or of evaluations of several pages) and scores the sums;
 * mismatches are kept in order.
 */
export function combine(evaluations: (PageEvaluation | Evaluation)[]): Evaluation {
  const counts = emptyCounts();
  for (const evaluation of evaluations) {
    for (const field of EVALUATED_FIELDS) {
      const [sum, part] = [counts[field], evaluation.fields[field]];
      sum.tp += part.truePositives;
      sum.fp += part.falsePositives;
      sum.fn += part.falseNegatives;
    }
  }
  const pages = evaluations.reduce((n, e) => n + ("pages" in e ? e.pages : 1), 0);
  return { pages, fields: scores(counts), mismatches: evaluations.flatMap((e) => e.mismatches) };
}

/** A table of the scores, one row per field, followed by the mismatches (unless left out), one per line. */
export function formatEvaluation(evaluation: Evaluation, listMismatches = true): string {
  const width = Math.max(...EVALUATED_FIELDS.map((field) => field.length));
  // Field names left-aligned; scores and counts right-aligned.
  const row = (cells: string[]) =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(width) : cell.padStart(i < 4 ? 5 : 4))).join("  ");
  const lines = [
    `${evaluation.pages} page${evaluation.pages === 1 ? "" : "s"} evaluated`,
    "",
    row(["field", "P", "R", "F1", "TP", "FP", "FN"]),
    ...EVALUATED_FIELDS.map((field) => {
      const s = evaluation.fields[field];
      const ratios = [s.precision, s.recall, s.f1].map((r) => r.toFixed(3));
      const tallies = [s.truePositives, s.falsePositives, s.falseNegatives].map(String);
      return row([field, ...ratios, ...tallies]);
    }),
    "",
    jumpLine(evaluation.fields.continuations),
    "",
  ];
  if (!listMismatches) return [...lines, `Mismatches: ${evaluation.mismatches.length}`].join("\n");
  if (evaluation.mismatches.length === 0) return [...lines, "No mismatches."].join("\n");
  lines.push(`Mismatches (${evaluation.mismatches.length}):`);
  let file: string | undefined;
  for (const m of evaluation.mismatches) {
    // Grouped under their file: a page's mismatches are consecutive.
    if (m.file !== undefined && m.file !== file) lines.push(`  ${m.file}`);
    file = m.file;
    const what =
      m.person !== undefined ? `${m.field} of ${m.person}` : m.role !== undefined ? `${m.field} (${CLASS_NAMES[m.role]})` : m.field;
    const indent = m.file === undefined ? "  " : "    ";
    lines.push(`${indent}「${m.article}」 ${what}: expected ${show(m.expected)}, got ${show(m.actual)}`);
  }
  return lines.join("\n");
}

const CLASS_NAMES: Record<CreditClass, string> = { byline: "reporter or author", photo: "photographer" };

/** The printed jumps found, and the false ones (found where none is printed, or to another page). */
function jumpLine(s: FieldScore): string {
  const printed = s.truePositives + s.falseNegatives;
  return `jumps: ${s.truePositives} of ${printed} printed found (recall ${s.recall.toFixed(3)}), ${s.falsePositives} false`;
}

/**
 * Pairs expected with actual articles: every expected article once, in page order, with its
 * actual counterpart or undefined; then the actual articles left over, paired with undefined.
 */
export function alignArticles<A extends ExpectedArticle>(
  expected: A[],
  actual: A[],
): [A | undefined, A | undefined][] {
  const partner = new Map<number, number>();
  const taken = new Set<number>();
  const pair = (i: number, j: number) => {
    partner.set(i, j);
    taken.add(j);
  };
  expected.forEach((e, i) => {
    const j = actual.findIndex(
      (a, j) => !taken.has(j) && e.headline !== null && a.headline !== null && withoutSpace(a.headline) === withoutSpace(e.headline),
    );
    if (j >= 0) pair(i, j);
  });
  const candidates: { i: number; j: number; overlap: number }[] = [];
  expected.forEach((e, i) => {
    if (partner.has(i)) return;
    actual.forEach((a, j) => {
      if (taken.has(j)) return;
      const overlap = articleOverlap(e, a);
      if (overlap >= MIN_OVERLAP) candidates.push({ i, j, overlap });
    });
  });
  // Stable sort: equal overlaps keep page order.
  for (const { i, j } of candidates.sort((x, y) => y.overlap - x.overlap)) {
    if (!partner.has(i) && !taken.has(j)) pair(i, j);
  }
  const pairs: [A | undefined, A | undefined][] = expected.map((e, i) => {
    const j = partner.get(i);
    return [e, j === undefined ? undefined : actual[j]];
  });
  actual.forEach((a, j) => {
    if (!taken.has(j)) pairs.push([undefined, a]);
  });
  return pairs;
}

/** Character overlap of two articles' headlines, or of their body openings when a headline is missing. */
function articleOverlap(e: ExpectedArticle, a: ExpectedArticle): number {
  if (e.headline !== null && a.headline !== null) return dice(e.headline, a.headline);
  if (e.firstBodyChars !== null && a.firstBodyChars !== null) return dice(e.firstBodyChars, a.firstBodyChars);
  return 0;
}

/** 2·|common characters| / (|x| + |y|), counting repeated characters, whitespace ignored. */
function dice(x: string, y: string): number {
  const [xs, ys] = [Array.from(withoutSpace(x)), Array.from(withoutSpace(y))];
  if (xs.length + ys.length === 0) return 0;
  const left = new Map<string, number>();
  for (const ch of xs) left.set(ch, (left.get(ch) ?? 0) + 1);
  let common = 0;
  for (const ch of ys) {
    const n = left.get(ch) ?? 0;
    if (n > 0) {
      common++;
      left.set(ch, n - 1);
    }
  }
  return (2 * common) / (xs.length + ys.length);
}

function titlesMatch(x: Value, y: Value): boolean {
  if (typeof x !== "string" || typeof y !== "string") return false;
  const [a, b] = [withoutSpace(x), withoutSpace(y)];
  return a.includes(b) || b.includes(a);
}

/** The text with every whitespace character removed (JavaScript's \s covers U+3000 and U+00A0). */
function withoutSpace(value: Value): string {
  return String(value).replace(/\s+/g, "");
}

/** 本报讯 (a local dispatch without place or date) and 本报 name the same source. */
function canonicalSource(source: string): string {
  const bare = withoutSpace(source);
  return bare === "本报讯" ? "本报" : bare;
}

/** The names of a list by their whitespace-free form, each once, keeping the first spelling. */
function nameSet(names: string[]): Map<string, string> {
  const set = new Map<string, string>();
  for (const name of names) if (!set.has(withoutSpace(name))) set.set(withoutSpace(name), name);
  return set;
}

/** A jump as the page prints it, so that a mismatch says which way it goes. */
function jump(direction: "下转" | "上接", page: PageRef | null): string | null {
  return page === null ? null : `${direction}第${page}版`;
}

function show(value: Value): string {
  return value === null ? "(none)" : typeof value === "number" ? String(value) : JSON.stringify(value);
}

const EMPTY_ARTICLE: ExpectedArticle = {
  kicker: null,
  headline: null,
  subheadline: null,
  source: null,
  reporters: [],
  photographers: [],
  authors: [],
  dateline: null,
  eventDate: null,
  continuesOnPage: null,
  continuedFromPage: null,
  firstBodyChars: null,
  captions: [],
  people: [],
};

function emptyCounts(): Counts {
  return Object.fromEntries(EVALUATED_FIELDS.map((field) => [field, { tp: 0, fp: 0, fn: 0 }])) as Counts;
}

/**
 * Precision and recall with an empty denominator are 1 only when the field had nothing to
 * score at all (every value a true negative), and 0 otherwise; F1 is their harmonic mean.
 */
function scores(counts: Counts): Record<EvaluatedField, FieldScore> {
  const ratio = (tp: number, denominator: number, others: number) =>
    denominator > 0 ? tp / denominator : others === 0 ? 1 : 0;
  return Object.fromEntries(
    EVALUATED_FIELDS.map((field) => {
      const { tp, fp, fn } = counts[field];
      const precision = ratio(tp, tp + fp, fn);
      const recall = ratio(tp, tp + fn, fp);
      const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
      return [field, { truePositives: tp, falsePositives: fp, falseNegatives: fn, precision, recall, f1 }];
    }),
  ) as Record<EvaluatedField, FieldScore>;
}
