import { builder, byId } from "./builder.ts";
import { findPage } from "../resolvers/queries.ts";
import { Continuation } from "./continuation.ts";

export const Page = builder.prismaNode("Page", {
  // Select mode: a request loads the columns it asks for, not the whole row (a page's text is tens of kilobytes).
  select: { id: true },
  description: "One printed page (版) of an issue, with the text it was read from and the structure recovered from it.",
  ...byId,
  fields: (t) => ({
    number: t.exposeInt("number", { description: "The page number (版), 1 for the front page." }),
    section: t.exposeString("section", { nullable: true, description: "The section name printed on the page (要闻, 国内…), when known." }),
    issue: t.relation("issue", { description: "The issue this page belongs to." }),
    text: t.exposeString("text", { description: "The page text as ingested; every `span` in the API points into it." }),
    ingestedAt: t.expose("ingestedAt", { type: "DateTime", description: "When this version of the page was stored." }),
    articles: t.relation("articles", {
      description: "The articles printed on the page, in reading order.",
      query: { orderBy: { position: "asc" } },
    }),
    photos: t.relation("photos", {
      description: "The photos printed on the page, known by their captions, in reading order.",
      query: { orderBy: { position: "asc" } },
    }),
    continuationsOut: t.field({
      type: [Continuation],
      description: "Jumps out of this page: articles that continue on another page, in reading order.",
      select: (_args, _ctx, nestedSelection) => ({
        articles: { orderBy: { position: "asc" }, select: { continuation: nestedSelection(true) } },
      }),
      resolve: (page) => page.articles.flatMap((article) => (article.continuation ? [article.continuation] : [])),
    }),
    continuationsIn: t.field({
      type: [Continuation],
      description:
        "Jumps into this page: articles on other pages of the issue that continue here, resolved or not yet matched to an article of this page.",
      select: { issueId: true, number: true },
      resolve: (page, _args, ctx) => ctx.loaders.continuationsIntoPage.load({ issueId: page.issueId, number: page.number }),
    }),
  }),
});

builder.queryField("page", (t) =>
  t.prismaField({
    type: "Page",
    nullable: true,
    description: "One page of an issue; null when the archive does not hold it.",
    args: {
      publication: t.arg.string({ required: true, description: "The publication's slug, e.g. `taiyuan-daily`." }),
      date: t.arg({ type: "Date", required: true, description: "The issue date." }),
      number: t.arg.int({ required: true, description: "The page number (版), 1 for the front page." }),
    },
    resolve: (query, _parent, args, ctx) => findPage(ctx.db, query, args.publication, args.date, args.number),
  }),
);
