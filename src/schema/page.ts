import { GraphQLError } from "graphql";
import { builder, byId } from "./builder.ts";
import { readPageLabel } from "../ingest/page-label.ts";
import { findPage } from "../resolvers/queries.ts";
import { Continuation } from "./continuation.ts";

export const Page = builder.prismaNode("Page", {
  // Select mode: a request loads the columns it asks for, not the whole row (a page's text is tens of kilobytes).
  select: { id: true },
  description: "One printed page (版) of an issue, with the text it was read from and the structure recovered from it.",
  ...byId,
  fields: (t) => ({
    number: t.exposeInt("number", {
      description:
        "The page's place in the issue, which orders pages: a plain page's number (1 for the front page, 3 for 第3版); in a paper printed in sections, section pages come after plain pages, sections in letter order and pages in number order (A01 is 1001, A02 1002, B01 1101), so a page's number never changes when other pages of the issue are added.",
    }),
    label: t.exposeString("label", {
      description: "The page label as printed, normalised: \"3\" for a plain page (第三版, 03), \"A01\" for the first page of section A (A1, Ａ０１).",
    }),
    section: t.exposeString("section", { nullable: true, description: "The section letter of a paper printed in sections (\"A\" for page A01); null for a plain page." }),
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
      number: t.arg.int({ required: false, description: PAGE_ARGS.number }),
      label: t.arg.string({ required: false, description: PAGE_ARGS.label }),
    },
    resolve: (query, _parent, args, ctx) => findPage(ctx.db, query, args.publication, args.date, pageOrder(args)),
  }),
);

/** What the two arguments that name one page of an issue say (exactly one of them is given). */
export const PAGE_ARGS = {
  number: "The page's number (see `Page.number`): 1 for the front page, 1001 for A01. Give this or `label`.",
  label: "The page label as printed: 3, 03 or 三 for 第3版; A01, A1 or a1 for the first page of section A. Give this or `number`.",
};

/**
 * The number of the page `number` or `label` names. Exactly one must be given; a label that
 * is not one (头版, A0) is refused rather than answered with null, which would read as "not held".
 */
export function pageOrder(args: { number?: number | null; label?: string | null }): number {
  if ((args.number == null) === (args.label == null)) {
    throw new GraphQLError("Give the page's number or its label, not both and not neither.", { extensions: { code: "BAD_USER_INPUT" } });
  }
  if (args.number != null) return args.number;
  const read = readPageLabel(args.label!);
  if (read === null) {
    throw new GraphQLError(`Argument "label" must be a page label such as 3 or A01, got ${JSON.stringify(args.label)}.`, {
      extensions: { code: "BAD_USER_INPUT" },
    });
  }
  return read.order;
}
