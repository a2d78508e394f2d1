import { Prisma } from "../generated/prisma/client.ts";
import { DEFAULT_PAGE_SIZE } from "./page-size.ts";
import { personArticlesOf } from "./person-articles.ts";
import { newestArticles } from "./queries.ts";
import { column, Unsupported, type Dialect } from "./model-sql.ts";
import type { RootConnectionRows } from "./root-reads.ts";

/**
 * A connection field that no relation gives, read in a whole operation's statement
 * (operation-statement.ts): its rows for the field's arguments (as its resolver receives them)
 * on the row of its parent under `parent`.
 */
export type FieldConnection = (args: Record<string, unknown>, parent: string, dialect: Dialect) => RootConnectionRows;

const dateOrNull = (value: unknown): string | null => {
  if (value == null) return null;
  if (typeof value !== "string") throw new Unsupported("date");
  return value;
};

/** By "Type.field". */
export const FIELD_CONNECTIONS: Record<string, FieldConnection> = {
  // Its first page, as the loaders read it (person-articles.ts); a page after a cursor is listPersonArticles', executed.
  "Person.articles": (args, parent, dialect) => {
    if (args.after != null) throw new Unsupported("Person.articles after a cursor");
    const role = args.role ?? null;
    if (role !== null && typeof role !== "string") throw new Unsupported("role");
    const filter = { role: role as Parameters<typeof personArticlesOf>[2]["role"], from: dateOrNull(args.from), to: dateOrNull(args.to) };
    // One more than the page: whether a next page exists.
    const take = Number(args.first ?? DEFAULT_PAGE_SIZE) + 1;
    const { candidates, count } = personArticlesOf(dialect, column(parent, "id"), filter, take);
    return {
      model: "Article",
      where: (alias) => [Prisma.sql`${column(alias, "id")} IN (${candidates})`],
      order: newestArticles({}).orderBy,
      count,
      // Where PostgreSQL starts (a date range's articles, or the person's credits and mentions) depends
      // on how wide the range is: a generic plan took 16 ms for a year of a person credited nowhere,
      // the request 5 ms planned for its values.
      plannedEachTime: true,
    };
  },
};
