import { Prisma } from "../generated/prisma/client.ts";
import { readPageLabel } from "../ingest/page-label.ts";
import { issueOn, newestArticles, personNamed } from "./queries.ts";
import type { FoldedRoot } from "./folded-read.ts";
import { Unsupported, column, countOf, type Direction } from "./model-sql.ts";

/**
 * The root fields a whole operation can be read for in one statement (operation-statement.ts),
 * each as the row its resolver in src/schema finds: the same conditions, from queries.ts.
 * Arguments come as the resolver receives them (coerced, then through the field's argument
 * mappers: a global ID decoded); a value the field would refuse is `Unsupported`, so that the
 * executor refuses it with its own error.
 */
export const ROOT_READS: Record<string, (args: Record<string, unknown>) => { model: string; root: FoldedRoot }> = {
  issue: (args) => ({ model: "Issue", root: issueOn(String(args.publication), String(args.date)) }),
  person: (args) => ({ model: "Person", root: personNamed(String(args.name)) }),
  article: (args) => {
    const id = args.id as { typename?: unknown; id?: unknown } | undefined;
    if (id?.typename !== "Article" || typeof id.id !== "string" || !/^[1-9]\d{0,14}$/.test(id.id)) throw new Unsupported("article id");
    return { model: "Article", root: { where: Prisma.sql`t0."id" = ${Number(id.id)}`, orderBy: [], unique: true } };
  },
  // One page of an issue by its number or its label: exactly one of them, a label that is one.
  page: (args) => {
    const { number, label } = args as { number?: number | null; label?: string | null };
    if ((number == null) === (label == null)) throw new Unsupported("page number or label");
    const order = number ?? readPageLabel(label!)?.order;
    if (order == null) throw new Unsupported("page label");
    return {
      model: "Page",
      root: {
        where: Prisma.sql`t0."number" = ${order} AND t0."issueId" = (SELECT i."id" FROM "Issue" i JOIN "Publication" u ON u."id" = i."publicationId" WHERE u."slug" = ${String(args.publication)} AND i."date" = ${String(args.date)})`,
        orderBy: [],
        unique: true,
      },
    };
  },
};

/** The rows a root connection pages through: conditions on a row under an alias, their order (ending in `id`, the cursor's column), and the count of them all. */
export interface RootConnectionRows {
  model: string;
  where: (alias: string) => Prisma.Sql[];
  order: [string, Direction][];
  count: Prisma.Sql;
  /**
   * Its best plan depends on its values (how wide a date range is): PostgreSQL plans a statement
   * holding it for each request, where a prepared statement's
   * generic plan, chosen after five, would be the average case's for every one.
   */
  plannedEachTime?: boolean;
}

export type RootConnection = (args: Record<string, unknown>) => RootConnectionRows;

/** The root connections read in one statement. */
export const ROOT_CONNECTIONS: Record<string, RootConnection> = {
  // Unfiltered, as listArticles reads them (a filter whose every condition is null is none).
  articles: (args) => {
    const filter = args.filter as Record<string, unknown> | null | undefined;
    if (filter && Object.values(filter).some((value) => value != null)) throw new Unsupported("articles filter");
    return { model: "Article", where: () => [], order: newestArticles({}).orderBy, count: countOf("Article", []) };
  },
  // As listIssues: newest first, of a publication and within dates when given.
  issues: (args) => {
    const { publication, from, to } = args as { publication?: string | null; from?: string | null; to?: string | null };
    const where = (alias: string) => {
      const conditions: Prisma.Sql[] = [];
      if (publication) conditions.push(Prisma.sql`${column(alias, "publicationId")} = (SELECT u."id" FROM "Publication" u WHERE u."slug" = ${publication})`);
      if (from) conditions.push(Prisma.sql`${column(alias, "date")} >= ${from}`);
      if (to) conditions.push(Prisma.sql`${column(alias, "date")} <= ${to}`);
      return conditions;
    };
    return { model: "Issue", where, order: [["date", "desc"], ["id", "asc"]], count: countOf("Issue", where("c")) };
  },
};
