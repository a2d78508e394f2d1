import { bumpDataVersion } from "../db/data-version.ts";
import type { Writer } from "../db/writer.ts";
import { storePublication, type PublicationInfo } from "./write-page.ts";

/**
 * Registers a publication (or updates what is known of it), so that pages can be ingested for
 * it with `--publication` without a publication.json beside them. One transaction.
 */
export function registerPublication(writer: Writer, publication: PublicationInfo): Promise<"created" | "updated" | "unchanged"> {
  return writer.transaction(async (sql) => {
    const before = await sql.get<PublicationInfo>(`SELECT "slug", "name", "locale", "region", "province" FROM "Publication" WHERE "slug" = ?`, [publication.slug]);
    if (before && before.name === publication.name && before.locale === publication.locale && before.region === publication.region && before.province === publication.province) {
      return "unchanged";
    }
    await storePublication(sql, publication);
    await bumpDataVersion(sql);
    return before ? "updated" : "created";
  });
}

/** Every publication the database holds, by slug. */
export function listPublications(writer: Writer): Promise<PublicationInfo[]> {
  return writer.read.all<PublicationInfo>(`SELECT "slug", "name", "locale", "region", "province" FROM "Publication" ORDER BY "slug"`);
}
