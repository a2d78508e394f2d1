import { builder } from "./builder.ts";
import { Article } from "./article.ts";
import { TextSpan, spanOf } from "./text-span.ts";
import { storyBody, MAX_STORY_PARTS, type StoryShape } from "../resolvers/stories.ts";
import type { Article as ArticleRow } from "../generated/prisma/client.ts";
import type { Context } from "./context.ts";

/** The parts' rows, in reading order (a part deleted since the story was read is left out). */
async function partsOf(story: StoryShape, ctx: Context): Promise<ArticleRow[]> {
  const parts = await ctx.loaders.stories.article.loadMany(story.partIds);
  return parts.filter((part): part is ArticleRow => part !== null && !(part instanceof Error));
}

const StorySpan = builder.objectRef<ArticleRow>("StorySpan").implement({
  description: "Where one part of a story stands: its page and its span in that page's `text`.",
  fields: (t) => ({
    article: t.field({ type: Article, description: "The part: one article as printed on one page.", resolve: (part) => part }),
    pageNumber: t.exposeInt("pageNumber", { description: "The number of the page the part is printed on." }),
    span: t.field({
      type: TextSpan,
      description: "Where the part stands in its page's `text`, from its first heading to its last character.",
      resolve: (part) => spanOf(part.spanStart, part.spanEnd),
    }),
  }),
});

export const Story = builder.objectRef<StoryShape>("Story");

builder.node(Story, {
  description: `An article read whole across its jumps (下转第3版 → 上接第1版): its parts in reading order, with one body. Computed from the continuation links when read, so it follows ingest in any page order, re-ingest and editors' relinking. A single-page article is a story of one part. Its ID is that of the story whose first part is the given article: once another part is linked in front of it, the old ID finds nothing. At most ${MAX_STORY_PARTS} parts are followed.`,
  id: { resolve: (story) => story.id, description: "Opaque global ID, made from the story's first part." },
  isTypeOf: (value) => typeof value === "object" && value !== null && "partIds" in value,
  loadMany: async (ids, ctx: Context) => {
    const stories = await ctx.loaders.stories.ofArticle.loadMany(ids.map(Number));
    // Only a story's first part names it: an ID of an article that became a later part finds nothing.
    return stories.map((story, index) => (story instanceof Error || story.partIds[0] !== Number(ids[index]) ? null : story));
  },
  fields: (t) => ({
    parts: t.field({
      type: [Article],
      description: "The articles that make up the story, in reading order: the first part, then each pickup of the jump before it.",
      resolve: (story, _args, ctx) => partsOf(story, ctx),
    }),
    pages: t.intList({
      description: "The numbers of the pages the story is printed on, in reading order, each once.",
      resolve: async (story, _args, ctx) => [...new Set((await partsOf(story, ctx)).map((part) => part.pageNumber))],
    }),
    headline: t.string({
      nullable: true,
      description: "The first part's headline (the pickups repeat it, often shortened).",
      resolve: async (story, _args, ctx) => (await partsOf(story, ctx))[0]?.headline ?? null,
    }),
    body: t.string({
      description:
        "The parts' bodies read as one text, paragraphs separated by newlines: the jump markers are not in it, and a sentence the jump broke is joined again.",
      resolve: async (story, _args, ctx) => storyBody((await partsOf(story, ctx)).map((part) => part.body)),
    }),
    complete: t.boolean({
      description:
        "False while part of the story is missing: a jump whose pickup is not stored or not matched yet, or a first part that is itself a pickup (上接第1版) of a page not stored.",
      resolve: (story) => story.complete,
    }),
    spans: t.field({
      type: [StorySpan],
      description: "Each part's page and span in that page's text, in reading order.",
      resolve: (story, _args, ctx) => partsOf(story, ctx),
    }),
  }),
});

builder.prismaObjectField("Article", "story", (t) =>
  t.field({
    type: Story,
    description: "The story this article is part of: the whole article across its jumps (a story of one part when it has none).",
    select: { id: true },
    resolve: (article, _args, ctx) => ctx.loaders.stories.ofArticle.load(article.id),
  }),
);
