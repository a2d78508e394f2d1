import fs from "node:fs";
import path from "node:path";
import { ConfigError } from "../lib/config-error.ts";

/** Where the embedded database lives unless DATABASE_URL says otherwise (relative to the working folder). */
export const DEFAULT_DATABASE_URL = "file:./data/papergraph.db";

export interface SqliteLocation {
  url: string;
  /** Absolute path of the database file. */
  file: string;
}

export function sqliteFileOf(url: string): string {
  return path.resolve(url.replace(/^file:/, "").replace(/\?.*$/, ""));
}

/**
 * Checks that the folder of a SQLite database can hold it. The default data folder is
 * created on first start; a folder named explicitly in DATABASE_URL must exist already,
 * since a missing one is more likely a typo than a wish.
 */
export function prepareSqliteLocation(url: string, { isDefault }: { isDefault: boolean }): SqliteLocation {
  if (!url.startsWith("file:")) {
    throw new ConfigError(`DATABASE_URL=${url}: expected file:… (SQLite) or postgres://… (PostgreSQL)`);
  }
  const file = sqliteFileOf(url);
  const folder = path.dirname(file);
  if (isDefault) {
    try {
      fs.mkdirSync(folder, { recursive: true });
    } catch (error) {
      throw new ConfigError(`cannot create the data folder ${folder}: ${reasonOf(error)}`);
    }
  }
  let stat: fs.Stats;
  try {
    stat = fs.statSync(folder);
  } catch {
    throw new ConfigError(`${describe(url, isDefault)}: the data folder ${folder} does not exist`);
  }
  if (!stat.isDirectory()) throw new ConfigError(`${describe(url, isDefault)}: ${folder} is not a folder`);
  // A probe file tells what permission bits do not: root passes every access() check, yet
  // cannot write to a read-only mount or a virtual file system.
  const probe = path.join(folder, `.papergraph-probe-${process.pid}`);
  try {
    fs.closeSync(fs.openSync(probe, "wx"));
    fs.rmSync(probe);
  } catch (error) {
    throw new ConfigError(`${describe(url, isDefault)}: the data folder ${folder} is not writable (${reasonOf(error)})`);
  }
  return { url, file };
}

const describe = (url: string, isDefault: boolean) => (isDefault ? `database ${url}` : `DATABASE_URL=${url}`);

function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  if (code === "ENOTDIR" || code === "EEXIST") return "a file stands where a folder is needed";
  if (code === "EROFS") return "read-only file system";
  if (code === "ENOENT") return "cannot create files there";
  return error instanceof Error ? error.message : String(error);
}
