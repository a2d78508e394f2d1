import fs from "node:fs/promises";
import path from "node:path";
import { pageLocationFromPath } from "../ingest/layout.ts";

/** The region for resolving 市委/省委: from flags, else from the publication's manifest. */
export async function regionFor(file: string, flags: { region?: string; province?: string }) {
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
