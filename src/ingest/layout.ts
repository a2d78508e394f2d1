/**
 * The folder layout of editions: `<publication>/<YYYY-MM-DD>/page-NN.txt`, with the
 * publication described by `<publication>/publication.json`.
 *
 * The page text carries no publication, date or page number: they come from where the file
 * is kept, so the layout is checked as strictly as the text itself.
 */
import { readdir, stat } from "node:fs/promises";
import { basename, join, resolve } from "node:path";
import { isCalendarDate } from "../lib/dates.ts";
import { PageInputError, readPageFile } from "./decode.ts";

export interface PageLocation {
  /** The publication folder's name, which is the publication's slug. */
  publication: string;
  /** The issue date, YYYY-MM-DD. */
  date: string;
  page: number;
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

/** `page-01.txt` … `page-999.txt`: two digits at least, so that names sort like pages. */
const PAGE_FILE = /^page-(\d{2,3})\.txt$/;
export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** A BCP 47 tag as used here: zh-CN, zh-Hant-TW, en. */
export const LOCALE = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;

/**
 * The publication, date and page a file stands for, read from its last three path segments
 * (`/` or `\` separated); null when the path does not follow the layout, the date is not a
 * real calendar date, or the page is not 1..999.
 */
export function pageLocationFromPath(path: string): PageLocation | null {
  const [publication, date, file] = path.split(/[\\/]/).slice(-3);
  if (publication === undefined || date === undefined || file === undefined) return null;
  if (publication === "" || publication === "." || publication === "..") return null;
  const page = PAGE_FILE.exec(file);
  if (page === null || !isCalendarDate(date)) return null;
  const number = Number(page[1]);
  return number >= 1 ? { publication, date, page: number } : null;
}

export interface FoundPageFiles {
  /** Page files, sorted by publication, date and page; files outside the layout last, by path. */
  files: string[];
  /** The given paths that do not exist, in the order given. */
  missing: string[];
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
  const add = (file: string): void => {
    if (!found.has(resolve(file))) found.set(resolve(file), file);
  };
  for (const path of paths) {
    const info = await statOrNull(path);
    if (info === null) missing.push(path);
    else if (info.isDirectory()) for (const file of await pageFilesUnder(path)) add(file);
    else add(path);
  }
  return { files: [...found.values()].sort(compareByLocation), missing };
}

async function pageFilesUnder(folder: string): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    // Symbolic links are followed to files only, so that a link loop cannot recurse forever.
    const isFile = entry.isFile() || (entry.isSymbolicLink() && (await statOrNull(path))?.isFile() === true);
    if (entry.isDirectory()) files.push(...(await pageFilesUnder(path)));
    else if (isFile && pageLocationFromPath(path) !== null) files.push(path);
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
