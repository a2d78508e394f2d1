import { builder, byId } from "./builder.ts";
import { pageSize, withTotalCount } from "./connection.ts";
import { countIssues, findIssue, listIssues } from "../resolvers/queries.ts";
import { Page, PAGE_ARGS, pageOrder } from "./page.ts";

export const Issue = builder.prismaNode("Issue", {
  description: "One day's edition of a publication.",
  ...byId,
  fields: (t) => ({
    date: t.expose("date", { type: "Date", description: "The date printed on the issue." }),
    publication: t.relation("publication", { description: "The publication this issue belongs to." }),
    pages: t.relation("pages", {
      description: "The pages held for this issue, in page order.",
      query: { orderBy: { number: "asc" } },
    }),
    page: t.field({
      type: Page,
      nullable: true,
      description: "One page by its number or its printed label (`page(label: \"B02\")`); null when that page is not in the archive.",
      args: {
        number: t.arg.int({ required: false, description: PAGE_ARGS.number }),
        label: t.arg.string({ required: false, description: PAGE_ARGS.label }),
      },
      // Arguments that name no page select none here; resolve refuses them with the reason.
      select: (args, _ctx, nestedSelection) => ({
        pages: nestedSelection({ where: { number: orderOrNone(args) } }),
      }),
      resolve: (issue, args) => {
        pageOrder(args);
        return issue.pages[0] ?? null;
      },
    }),
    articles: t.relatedConnection(
      "articles",
      {
        description: "Every article of the issue, in page order and then in order on the page.",
        cursor: "id",
        ...pageSize,
        totalCount: true,
        query: { orderBy: [{ pageNumber: "asc" }, { position: "asc" }] },
      },
      withTotalCount("Number of articles in the issue."),
    ),
  }),
});

function orderOrNone(args: { number?: number | null; label?: string | null }): number {
  try {
    return pageOrder(args);
  } catch {
    return -1;
  }
}

builder.queryFields((t) => ({
  issues: t.prismaConnection(
    {
      type: "Issue",
      description: "Issues, newest first, optionally of one publication and within a date range.",
      cursor: "id",
      ...pageSize,
      args: {
        publication: t.arg.string({ required: false, description: "Only issues of the publication with this slug." }),
        from: t.arg({ type: "Date", required: false, description: "Only issues dated on or after this day." }),
        to: t.arg({ type: "Date", required: false, description: "Only issues dated on or before this day." }),
      },
      totalCount: (_parent, args, ctx) => countIssues(ctx.db, args),
      resolve: (query, _parent, args, ctx) => listIssues(ctx.db, query, args),
    },
    withTotalCount("Number of issues matching the arguments, across all pages."),
  ),
  issue: t.prismaField({
    type: "Issue",
    nullable: true,
    description: "The issue of a publication on a date; null when the archive does not hold it.",
    args: {
      publication: t.arg.string({ required: true, description: "The publication's slug, e.g. `taiyuan-daily`." }),
      date: t.arg({ type: "Date", required: true, description: "The issue date." }),
    },
    resolve: (query, _parent, args, ctx) => findIssue(ctx.db, query, args.publication, args.date),
  }),
}));
