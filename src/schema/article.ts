import { builder, byId } from "./builder.ts";
import { labelOfPageNumber } from "../ingest/page-label.ts";
import { pageSize, withTotalCount } from "./connection.ts";
import { TextSpan, spanOf } from "./text-span.ts";
import { PersonRole } from "./person-role.ts";
import { Person } from "./person.ts";
import { countArticles, findArticle, listArticles } from "../resolvers/queries.ts";
import type { CreditRole } from "../generated/prisma/enums.ts";

// reporters/photographers/authors share one selection of credits, so asking for all
// three costs one statement, not three.
const creditsWithPeople = { credits: { orderBy: { position: "asc" as const }, include: { person: true } } };

const inRole = <P>(credits: { role: CreditRole; person: P }[], role: CreditRole) =>
  credits.filter((credit) => credit.role === role).map((credit) => credit.person);

export const Article = builder.prismaNode("Article", {
  // Select mode: a request loads the columns it asks for, not the whole row (an article's body is kilobytes).
  select: { id: true },
  description: "One article as printed on one page: its headings, dispatch, body, credits, the people it names and its jumps.",
  ...byId,
  fields: (t) => ({
    position: t.exposeInt("position", { description: "Order on the page, 1 for the first article read." }),
    kicker: t.exposeString("kicker", { nullable: true, description: "引题: the short line printed above the headline." }),
    headline: t.exposeString("headline", { nullable: true, description: "主题: the headline." }),
    subheadline: t.exposeString("subheadline", { nullable: true, description: "副题: the line printed under the headline." }),
    source: t.exposeString("source", {
      nullable: true,
      description: "Who the article comes from, as designated in print: 本报讯, 本报, 新华社, 据新华社; null when unstated.",
    }),
    dispatch: t.exposeString("dispatch", {
      nullable: true,
      description: "The dispatch line as printed, e.g. 本报讯(记者 殷雪莹、梁涛) or 新华社北京10月11日电（记者 张三）.",
    }),
    dateline: t.exposeString("dateline", { nullable: true, description: "The date phrase that opens the report, as printed: 6月2日, 6月1日下午." }),
    eventDate: t.expose("eventDate", {
      type: "Date",
      nullable: true,
      description: "The dateline as a full date, in the issue's year (a December event in a January issue is the previous year's).",
    }),
    paragraphs: t.stringList({
      description: "The body paragraphs, with column breaks repaired; credits and jump markers removed.",
      select: { body: true },
      resolve: (article) => (article.body ? article.body.split("\n") : []),
    }),
    body: t.exposeString("body", { description: "The body paragraphs joined by newlines." }),
    span: t.field({
      type: TextSpan,
      description: "Where the article stands in its page's `text`, from its first heading to its last character.",
      select: { spanStart: true, spanEnd: true },
      resolve: (article) => spanOf(article.spanStart, article.spanEnd),
    }),
    page: t.relation("page", { description: "The page the article is printed on." }),
    issue: t.relation("issue", { description: "The issue the article is printed in." }),
    credits: t.relation("credits", {
      description: "Everyone credited for the article (reporters, photographers, authors), in printed order.",
      query: { orderBy: { position: "asc" } },
    }),
    reporters: t.field({
      type: [Person],
      description: "The reporters credited in the dispatch, in printed order.",
      select: creditsWithPeople,
      resolve: (article) => inRole(article.credits, "REPORTER"),
    }),
    photographers: t.field({
      type: [Person],
      description: "The photographers credited under the article's photos.",
      select: creditsWithPeople,
      resolve: (article) => inRole(article.credits, "PHOTOGRAPHER"),
    }),
    authors: t.field({
      type: [Person],
      description: "The authors credited at the end of the article, e.g. (李俊华).",
      select: creditsWithPeople,
      resolve: (article) => inRole(article.credits, "AUTHOR"),
    }),
    mentions: t.relation("mentions", {
      description: "The people the article names, each once, in order of first appearance, with the title printed beside them.",
      query: { orderBy: { position: "asc" } },
    }),
    photos: t.relation("photos", {
      description: "The photos that illustrate the article, wherever they are printed on the page.",
      query: { orderBy: { position: "asc" } },
    }),
    continuation: t.relation("continuation", {
      nullable: true,
      description: "Where the article continues (下转第3版); null when it ends on this page.",
    }),
    continuedFrom: t.relation("continuedFrom", {
      nullable: true,
      description: "The jump this article continues (上接第1版), once the article it continues is known.",
    }),
    continuedFromPage: t.exposeInt("continuedFromPage", {
      nullable: true,
      description:
        "The number (see `Page.number`) of the page named by a pickup marker such as (上接第1版) or (上接A01版), even before that page is ingested.",
    }),
    continuedFromLabel: t.string({
      nullable: true,
      description: "The label of the page named by a pickup marker, as printed and normalised: \"1\" for (上接第一版), \"A01\" for (上接A1版).",
      select: { continuedFromPage: true },
      resolve: (article) => (article.continuedFromPage === null ? null : labelOfPageNumber(article.continuedFromPage)),
    }),
  }),
});

export const ArticleFilter = builder.inputType("ArticleFilter", {
  description: "Narrows a list of articles. All given conditions must hold.",
  fields: (t) => ({
    publication: t.string({ required: false, description: "Only articles of the publication with this slug." }),
    from: t.field({ type: "Date", required: false, description: "Only articles in issues dated on or after this day." }),
    to: t.field({ type: "Date", required: false, description: "Only articles in issues dated on or before this day." }),
    source: t.string({ required: false, description: "Only articles with this source designation, e.g. 新华社." }),
    personName: t.string({ required: false, description: "Only articles that name or credit the person of this name, in any script, as `person(name:)` finds them." }),
    role: t.field({
      type: PersonRole,
      required: false,
      description: "With `personName`: only in this role. Alone: only articles that have someone in this role.",
    }),
  }),
});

builder.queryFields((t) => ({
  article: t.prismaField({
    type: "Article",
    nullable: true,
    description: "One article by its global ID; null when no article has it.",
    args: { id: t.arg.globalID({ required: true, for: [Article], description: "The article's global ID." }) },
    resolve: (query, _parent, args, ctx) => findArticle(ctx.db, query, Number(args.id.id)),
  }),
  articles: t.prismaConnection(
    {
      type: "Article",
      description: "Articles, newest issue first, then in page order. Lists articles, not stories: a condition (a person, a role, a source) can hold for one part of a story and not another, so the items, cursors and count are of the articles that meet it; each article's `story` gives the whole story (a page of stories costs two statements), and `search(unit: STORY)` lists stories.",
      cursor: "id",
      ...pageSize,
      args: { filter: t.arg({ type: ArticleFilter, required: false, description: "Conditions the articles must meet." }) },
      totalCount: (_parent, args, ctx) => countArticles(ctx.db, args.filter),
      resolve: (query, _parent, args, ctx) => listArticles(ctx.db, query, args.filter),
    },
    withTotalCount("Number of articles matching the filter, across all pages."),
  ),
}));
