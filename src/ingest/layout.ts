/**
 * The folder layout of editions: `<publication>/<YYYY-MM-DD>/page-NN.txt` (or `page-A01.txt`
 * for a paper printed in sections), with the publication described by
 * `<publication>/publication.json`.
 *
 * The page text carries no publication, date or page number: they come from where the file
 * is kept, so the layout is checked as strictly as the text itself.
 */
import { readdir, stat } from "node:fs/promises";
import { basename, join, resolve } from "node:path";
import { isCalendarDate } from "../lib/dates.ts";
import { PageInputError, readPageFile, specialFileKind, specialFileReason } from "./decode.ts";
import { readPageLabel, type PageLabel } from "./page-label.ts";

export interface PageLocation {
  /** The publication folder's name, which is the publication's slug. */
  publication: string;
  /** The issue date, YYYY-MM-DD. */
  date: string;
  /** The page's order in the issue (see page-label.ts): 3 for page-03.txt, 1001 for page-A01.txt. */
  page: number;
  /** The printed label, normalised: "3", "A01". */
  label: string;
  /** The section letter, null for a plain page. */
  section: string | null;
}

export interface PublicationManifest {
  name: string;
  slug: string;
  locale: string;
  /** The city, for resolving 市委 in titles, e.g. 太原市. */
  region: string;
  /** The province, for resolving 省委 in titles, e.g. 山西省. */
  province: string;
}

/**
 * `page-01.txt` … `page-999.txt`, `page-A01.txt` … `page-Z99.txt` (and the same names for
 * other input forms, `page-A01.json`): two digits at least, so that names sort like pages.
 */
const PAGE_FILE = /^page-(\d{2,3}|[A-Za-z]\d{2})\.([^/\\]+)$/;

/** The page a file name such as `page-A01.txt` stands for, and the rest of the name after the label ("txt"); null when it names no page. */
export function pageOfFileName(name: string): { label: PageLabel; extension: string } | null {
  const match = PAGE_FILE.exec(name);
  const label = match === null ? null : readPageLabel(match[1]!);
  return label === null ? null : { label, extension: match![2]! };
}

/** The article-record forms of a page file: page-NN.records.json, page-NN.records.ndjson. */
const RECORDS_FILE = /\.records\.(?:json|ndjson)$/;
export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** A BCP 47 tag as used here: zh-CN, zh-Hant-TW, en. */
export const LOCALE = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;

/**
 * The publication, date and page a file stands for, read from its last three path segments
 * (`/` or `\` separated); null when the path does not follow the layout, the date is not a
 * real calendar date, or the page is not 1..999 (1..99 in its section, for a section page).
 */
export function pageLocationFromPath(path: string): PageLocation | null {
  const [publication, date, file] = path.split(/[\\/]/).slice(-3);
  if (publication === undefined || date === undefined || file === undefined) return null;
  if (publication === "" || publication === "." || publication === "..") return null;
  const page = pageOfFileName(file);
  // A page's article records (page-NN.records.json, .records.ndjson) stand for the page as its text does.
  const readable = page !== null && (page.extension === "txt" || RECORDS_FILE.test(file));
  if (!readable || !isCalendarDate(date)) return null;
  return { publication, date, page: page.label.order, label: page.label.label, section: page.label.section };
}

export interface FoundPageFiles {
  /** Page files, sorted by publication, date and page; files outside the layout last, by path. */
  files: string[];
  /** The given paths that do not exist, in the order given. */
  missing: string[];
  /**
   * Paths that are not read, with the reason: special files (a FIFO, a device, or a link to
   * one) given or named as pages, and files in an edition folder named as a page that is none
   * (`page-00.txt`).
   */
  refused: PageInputError[];
}

/**
 * Expands the paths a user gave to the page files to ingest. A folder is searched
 * recursively for files that follow the layout (others, such as `page-01.expected.json`, are
 * ignored); a file given by name is kept even if it does not follow the layout, so that the
 * caller can report why it cannot be placed. Paths that do not exist are returned in
 * `missing` rather than thrown, so that one typo does not hide the other results.
 * Each file appears once, however many times it was reached.
 */
export async function findPageFiles(paths: string[]): Promise<FoundPageFiles> {
  const found = new Map<string, string>();
  const missing: string[] = [];
  const refused: PageInputError[] = [];
  const add = (file: string): void => {
    if (!found.has(resolve(file))) found.set(resolve(file), file);
  };
  for (const path of paths) {
    const info = await statOrNull(path);
    const special = info && specialFileKind(info);
    if (info === null) missing.push(path);
    else if (special) refused.push(new PageInputError(path, specialFileReason(special)));
    else if (info.isDirectory()) for (const file of await pageFilesUnder(path, refused)) add(file);
    else add(path);
  }
  refused.sort((a, b) => compareText(a.input, b.input));
  return { files: withoutTextBesideRecords([...found.values()]).sort(compareByLocation), missing, refused };
}

/** `page-….txt` (or records) named as a page in an edition folder; null when it is fine or names no page at all. */
function notAPage(path: string): string | null {
  const [date, file] = path.split(/[\\/]/).slice(-2);
  if (date === undefined || file === undefined || !isCalendarDate(date)) return null;
  if (!/^page-[^.]*\.(?:txt|records\.json|records\.ndjson)$/.test(file) || pageOfFileName(file) !== null) return null;
  return `${file} names no page (plain pages are page-01 to page-999, section pages page-A01 to page-Z99): refused`;
}

/**
 * A page kept both as text and as article records is read once, from its records: there the
 * source itself says where each article begins.
 */
function withoutTextBesideRecords(files: string[]): string[] {
  const recordsOf = new Set(files.filter((file) => RECORDS_FILE.test(file)).map((file) => resolve(file.replace(RECORDS_FILE, ".txt"))));
  return files.filter((file) => !recordsOf.has(resolve(file)));
}

async function pageFilesUnder(folder: string, refused: PageInputError[]): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      files.push(...(await pageFilesUnder(path, refused)));
      continue;
    }
    // Symbolic links are followed to files only, so that a link loop cannot recurse forever.
    const info = entry.isSymbolicLink() ? await statOrNull(path) : entry;
    const special = info && specialFileKind(info);
    const wrongName = notAPage(path);
    if (info === null || pageLocationFromPath(path) === null) {
      if (wrongName) refused.push(new PageInputError(path, wrongName));
    } else if (special) refused.push(new PageInputError(path, specialFileReason(special)));
    else if (info.isFile()) files.push(path);
  }
  return files;
}

function compareByLocation(a: string, b: string): number {
  const [la, lb] = [pageLocationFromPath(a), pageLocationFromPath(b)];
  if (la === null || lb === null) {
    if (la !== lb) return la === null ? 1 : -1;
    return compareText(a, b);
  }
  return (
    compareText(la.publication, lb.publication) ||
    compareText(la.date, lb.date) ||
    la.page - lb.page ||
    compareText(a, b)
  );
}

/** Code-point order, the same on every machine (localeCompare is not). */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

async function statOrNull(path: string) {
  try {
    return await stat(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return null;
    throw error;
  }
}

const MANIFEST_FIELDS = ["name", "slug", "locale", "region", "province"] as const;

/**
 * Reads and checks `<folder>/publication.json`, where `folder` is a publication folder.
 * Throws `PageInputError` naming the manifest and the missing or invalid field; the slug
 * must also be the folder's name, since page paths name the publication by its folder.
 */
export async function readPublicationManifest(folder: string): Promise<PublicationManifest> {
  const file = join(folder, "publication.json");
  function refuse(reason: string): never {
    throw new PageInputError(file, reason);
  }
  let json: unknown;
  try {
    json = JSON.parse(await readPageFile(file));
  } catch (error) {
    if (error instanceof PageInputError) throw error;
    refuse(`not valid JSON (${(error as Error).message})`);
  }
  if (typeof json !== "object" || json === null || Array.isArray(json)) return refuse("not a JSON object");

  const record = json as Record<string, unknown>;
  const manifest = {} as PublicationManifest;
  for (const field of MANIFEST_FIELDS) {
    const value = record[field];
    if (value === undefined) refuse(`missing field "${field}"`);
    if (typeof value !== "string" || value.trim() === "") refuse(`field "${field}" must be a non-empty string`);
    manifest[field] = value.trim();
  }
  const { slug, locale } = manifest;
  if (!SLUG.test(slug)) refuse(`field "slug" must be lower-case letters, digits and hyphens, got "${slug}"`);
  const folderName = basename(resolve(folder));
  if (slug !== folderName) refuse(`field "slug" is "${slug}" but the folder is named "${folderName}"`);
  if (!LOCALE.test(locale)) refuse(`field "locale" must be a language tag such as zh-CN, got "${locale}"`);
  return manifest;
}
