import fs from "node:fs/promises";
import path from "node:path";
import { pageLocationFromPath } from "../ingest/layout.ts";
import type { PageContext } from "../ingest/types.ts";

interface Manifest {
  name?: string;
  region?: string;
  province?: string;
}

/** The manifest (publication.json) of the publication whose folder holds the page, or null. */
async function manifestOf(file: string): Promise<Manifest | null> {
  const location = pageLocationFromPath(file);
  if (!location) return null;
  const manifest = path.join(path.dirname(path.dirname(path.dirname(path.resolve(file)))), location.publication, "publication.json");
  try {
    return JSON.parse(await fs.readFile(manifest, "utf8")) as Manifest;
  } catch {
    return null;
  }
}

/**
 * What the parser is told of the page's publication: the region for resolving 市委/省委 (from
 * flags, else from the manifest) and the paper's name (from the manifest), whose own bylines name
 * the source.
 */
export async function publicationContextFor(file: string, flags: { region?: string; province?: string }): Promise<Omit<PageContext, "issueDate">> {
  const manifest = await manifestOf(file);
  const publication = manifest?.name ?? null;
  if (flags.region || flags.province) return { region: { city: flags.region ?? null, province: flags.province ?? null }, publication };
  if (manifest === null) return { publication };
  return { region: { city: manifest.region ?? null, province: manifest.province ?? null }, publication };
}
