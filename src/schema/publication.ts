import { builder, byId } from "./builder.ts";
import { pageSize, withTotalCount } from "./connection.ts";
import { dateRange } from "../resolvers/article-filter.ts";
import { countPublications, findPublication, listPublications } from "../resolvers/queries.ts";

export const Publication = builder.prismaNode("Publication", {
  description: "A newspaper title, such as 太原日报.",
  ...byId,
  fields: (t) => ({
    slug: t.exposeString("slug", { description: "Short stable name used in URLs and arguments, e.g. `taiyuan-daily`." }),
    name: t.exposeString("name", { description: "The title as printed on the masthead, e.g. 太原日报." }),
    locale: t.exposeString("locale", { description: "BCP 47 language tag of the text, e.g. `zh-CN`." }),
    region: t.exposeString("region", {
      nullable: true,
      description: "The city the paper serves (太原市); 市委 in its titles means this city's party committee.",
    }),
    province: t.exposeString("province", {
      nullable: true,
      description: "The province (山西省); 省委 in its titles means this province's party committee.",
    }),
    issues: t.relatedConnection(
      "issues",
      {
        description: "The issues held in the archive, newest first.",
        cursor: "id",
        ...pageSize,
        totalCount: true,
        args: {
          from: t.arg({ type: "Date", required: false, description: "Only issues dated on or after this day." }),
          to: t.arg({ type: "Date", required: false, description: "Only issues dated on or before this day." }),
        },
        query: (args) => ({
          where: args.from || args.to ? { date: dateRange(args.from, args.to) } : {},
          orderBy: [{ date: "desc" }, { id: "asc" }],
        }),
      },
      withTotalCount("Number of issues matching the arguments, across all pages."),
    ),
  }),
});

builder.queryFields((t) => ({
  publications: t.prismaConnection(
    {
      type: "Publication",
      description: "Every publication in the archive, by slug.",
      cursor: "id",
      ...pageSize,
      totalCount: (_parent, _args, ctx) => countPublications(ctx.db),
      resolve: (query, _parent, _args, ctx) => listPublications(ctx.db, query),
    },
    withTotalCount("Number of publications in the archive."),
  ),
  publication: t.prismaField({
    type: "Publication",
    nullable: true,
    description: "One publication by its slug; null when there is none.",
    args: { slug: t.arg.string({ required: true, description: "The publication's slug, e.g. `taiyuan-daily`." }) },
    resolve: (query, _parent, args, ctx) => findPublication(ctx.db, query, args.slug),
  }),
}));
