import { parseArgs } from "node:util";
import { databaseUrlFromEnv, openDatabase } from "../db/database.ts";
import { LOCALE, SLUG } from "../ingest/layout.ts";
import { ConfigError } from "../lib/config-error.ts";
import { listPublications, registerPublication } from "../loader/publications.ts";

const USAGE = `publications add <slug> --name N [--locale zh-CN] [--region 太原市] [--province 山西省]
publications list [--json]`;

/**
 * `papergraph publications add|list`: what a publication.json beside the edition folders says,
 * registered in the database instead, for ingesting single files with `--publication`.
 */
export async function publicationsCommand(args: string[]): Promise<number> {
  const [action, ...rest] = args;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: { name: { type: "string" }, locale: { type: "string" }, region: { type: "string" }, province: { type: "string" }, json: { type: "boolean" } },
  });
  if (action !== "add" && action !== "list") throw new ConfigError(`publications takes add or list:\n${USAGE}`);
  if (action === "list" ? positionals.length !== 0 : positionals.length !== 1) throw new ConfigError(`publications ${action}: ${USAGE.split("\n").find((line) => line.includes(action))}`);
  const publication = action === "add" ? publicationFrom(positionals[0]!, values) : null;
  const database = await openDatabase(databaseUrlFromEnv());
  try {
    if (publication) {
      const outcome = await registerPublication(database.writer, publication);
      console.log(`${outcome} publication ${publication.slug} (${publication.name})`);
    } else {
      const publications = await listPublications(database.writer);
      if (values.json) console.log(JSON.stringify(publications, null, 2));
      else if (publications.length === 0) console.log("no publications");
      else for (const entry of publications) console.log([entry.slug, entry.name, entry.locale, entry.region ?? "", entry.province ?? ""].join("\t"));
    }
    return 0;
  } finally {
    await database.close();
  }
}

function publicationFrom(slug: string, flags: { name?: string | undefined; locale?: string | undefined; region?: string | undefined; province?: string | undefined }) {
  if (!SLUG.test(slug)) throw new ConfigError(`publications add: the slug must be lower-case letters, digits and hyphens, got "${slug}"`);
  const name = flags.name?.trim();
  if (!name) throw new ConfigError("publications add needs --name (the publication's name as printed)");
  const locale = flags.locale?.trim() || "zh-CN";
  if (!LOCALE.test(locale)) throw new ConfigError(`--locale must be a language tag such as zh-CN, got "${locale}"`);
  // Region and province resolve 市委 and 省委 in titles; without them those stay as printed.
  return { slug, name, locale, region: flags.region?.trim() || null, province: flags.province?.trim() || null };
}
