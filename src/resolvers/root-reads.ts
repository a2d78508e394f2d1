import { Prisma } from "../generated/prisma/client.ts";
import { issueOn, newestArticles, personNamed } from "./queries.ts";
import type { FoldedRoot } from "./folded-read.ts";
import { Unsupported, type Direction } from "./model-sql.ts";

/**
 * The root fields a whole operation can be read for in one statement (operation-statement.ts),
 * each as the row its resolver in src/schema finds: the same conditions, from queries.ts.
 * Arguments come coerced by their types, as the executor hands them to the field.
 */
export const ROOT_READS: Record<string, (args: Record<string, unknown>) => { model: string; root: FoldedRoot }> = {
  issue: (args) => ({ model: "Issue", root: issueOn(String(args.publication), String(args.date)) }),
  person: (args) => ({ model: "Person", root: personNamed(String(args.name)) }),
};

/** The rows a root connection pages through: conditions on a row under an alias, their order (ending in `id`, the cursor's column), and the count of them all. */
export interface RootConnectionRows {
  model: string;
  where: (alias: string) => Prisma.Sql[];
  order: [string, Direction][];
  count: Prisma.Sql;
}

export type RootConnection = (args: Record<string, unknown>) => RootConnectionRows;

/** The root connections read in one statement, with their arguments mapped as their resolvers receive them. */
export const ROOT_CONNECTIONS: Record<string, RootConnection> = {
  // Unfiltered, as listArticles reads them (a filter whose every condition is null is none).
  articles: (args) => {
    const filter = args.filter as Record<string, unknown> | null | undefined;
    if (filter && Object.values(filter).some((value) => value != null)) throw new Unsupported("articles filter");
    return { model: "Article", where: () => [], order: newestArticles({}).orderBy, count: Prisma.sql`(SELECT count(*) FROM "Article")` };
  },
};
