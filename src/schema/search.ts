import { GraphQLError } from "graphql";
import { queryFromInfo } from "@pothos/plugin-prisma";
import { builder } from "./builder.ts";
import { pageSize } from "./connection.ts";
import { Article } from "./article.ts";
import { Photo } from "./photo.ts";
import { MAX_QUERY_LENGTH, MAX_QUERY_TERMS } from "../search/query.ts";
import { Story } from "./story.ts";
import { searchStories, STORY_COUNT_EXACT_UP_TO } from "../resolvers/story-search.ts";
import { selectsAny } from "./selection.ts";
import { CHECK_LIMIT, COUNT_EXACT_UP_TO, RELEVANCE_WINDOW, SCAN_LIMIT, searchArticles, type SearchHit as SearchHitShape, type SearchRequest, type SearchResult } from "../resolvers/search/index.ts";
import type { StoryHit } from "../resolvers/story-search.ts";
import type { Range, Snippet } from "../search/snippets.ts";
import type { Photo as PhotoRow } from "../generated/prisma/client.ts";

/** The fields of a search connection that need its count. */
const COUNT_FIELDS = new Set(["totalCount", "totalCountExact"]);
const SNIPPETS = new Set(["snippets"]);

const SearchOrder = builder.enumType("SearchOrder", {
  description: "How search results are ordered.",
  values: {
    NEWEST: { description: "Newest issue first, then in page order (the order of `articles`)." },
    RELEVANCE: {
      description:
        `Best match first (BM25 with the same field weights on both databases: a match in a headline counts most, then in a kicker or subheadline, then in the body or a caption), newest first among equals. Only the newest ${RELEVANCE_WINDOW} matches are ranked (a rescoring window: ranking costs a few microseconds a match), and any older matches follow, newest first, with a null \`score\`. A query with only one-character terms is ordered newest first.`,
    },
  } as const,
});

const SearchMethod = builder.enumType("SearchMethod", {
  description: "How a search found its articles.",
  values: {
    INDEX: {
      description: `Through the full-text index: every article in the archive that matches was found (one-character terms beside longer ones: see \`complete\`).`,
    },
    SCAN: {
      description: `Every term has one character, which the index does not hold: the newest ${SCAN_LIMIT} articles that pass the filter were scanned (see \`complete\`).`,
    },
  } as const,
});

const SearchField = builder.enumType("SearchField", {
  description: "The part of an article a snippet comes from.",
  values: {
    KICKER: { description: "The kicker (引题): `Article.kicker`." },
    HEADLINE: { description: "The headline (主题): `Article.headline`." },
    SUBHEADLINE: { description: "The subheadline (副题): `Article.subheadline`." },
    BODY: { description: "The body: `Article.body`, paragraphs joined by newlines." },
    CAPTION: { description: "The caption of one of the article's photos: `Photo.caption` of the snippet's `photo`." },
  } as const,
});

const SearchUnit = builder.enumType("SearchUnit", {
  description: "What one search result stands for.",
  values: {
    ARTICLE: { description: "One article as printed on one page: the two parts of a jumped article are two results." },
    STORY: {
      description:
        "One story (`Story`): an article with its continuations is one result however many of its parts match, given by the part that matches first in reading order (its snippets, its page), at that part's place in the order.",
    },
  } as const,
});

const SearchFilter = builder.inputType("SearchFilter", {
  description: "Narrows a search. All given conditions must hold.",
  fields: (t) => ({
    publication: t.string({ required: false, description: "Only articles of the publication with this slug." }),
    from: t.field({ type: "Date", required: false, description: "Only articles in issues dated on or after this day." }),
    to: t.field({ type: "Date", required: false, description: "Only articles in issues dated on or before this day." }),
    source: t.string({ required: false, description: "Only articles with this source designation, e.g. 新华社." }),
  }),
});

const SearchHighlight = builder.objectRef<Range>("SearchHighlight").implement({
  description:
    "What matched: a half-open range [start, end) of UTF-16 code-unit offsets into the text of the snippet's field (not into the snippet's excerpt), so `field.slice(start, end)` is the matched text as printed (韋韜 for the query 韦韬).",
  fields: (t) => ({
    start: t.exposeInt("start", { description: "Offset of the first matched character in the field's text." }),
    end: t.exposeInt("end", { description: "Offset just past the last matched character in the field's text." }),
  }),
});

const SearchSnippet = builder.objectRef<Snippet & { photo: PhotoRow | null }>("SearchSnippet").implement({
  description:
    "An excerpt of one field of a hit with the matches highlighted. Kicker, headlines and captions are given whole; the body as up to three excerpts of about 100 characters, each within one paragraph.",
  fields: (t) => ({
    field: t.field({ type: SearchField, description: "The field the excerpt comes from.", resolve: (snippet) => snippet.field }),
    photo: t.field({
      type: Photo,
      nullable: true,
      description: "For CAPTION: the photo whose caption it is; null for the other fields.",
      resolve: (snippet) => snippet.photo,
    }),
    text: t.exposeString("text", { description: "The excerpt as printed: the field's text from `start` to `end`." }),
    start: t.exposeInt("start", { description: "Where the excerpt begins in the field's text (UTF-16 code units)." }),
    end: t.exposeInt("end", { description: "Where the excerpt ends in the field's text (exclusive)." }),
    highlights: t.field({
      type: [SearchHighlight],
      description: "The matches within the excerpt, in order, as offsets into the field's text; overlapping matches are merged.",
      resolve: (snippet) => snippet.highlights,
    }),
  }),
});

const SearchHit = builder.objectRef<SearchHitShape>("SearchHit").implement({
  description: "An article that matches a search, with where it matches.",
  fields: (t) => ({
    article: t.field({
      type: Article,
      description: "The matching article; with `unit: STORY`, the story's part that matches first in reading order (the snippets are of this part).",
      resolve: (hit) => hit.article,
    }),
    story: t.field({
      type: Story,
      description: "The story the matching article is part of.",
      resolve: (hit, _args, ctx) => ("story" in hit ? (hit as StoryHit).story : ctx.loaders.stories.ofArticle.load(hit.article.id)),
    }),
    snippets: t.field({
      type: [SearchSnippet],
      description: "Excerpts of the fields that contain a term, in reading order: kicker, headline, subheadline, body, captions.",
      resolve: (hit) => hit.snippets,
    }),
    score: t.float({
      nullable: true,
      description: "With `orderBy: RELEVANCE` through the index: the relevance (BM25), higher is better; its scale differs between databases and searches: compare scores within one search only; null otherwise, and for the matches older than the ranking window.",
      resolve: (hit) => hit.score,
    }),
  }),
});

type SearchConnectionShape = SearchResult & {
  edges: { cursor: string; node: SearchHitShape }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
};

builder.queryFields((t) => ({
  search: t.connection(
    {
      type: SearchHit,
      description:
        "Articles whose kicker, headline, subheadline, body or captions contain the query, as Chinese readers expect: space-separated terms must all occur (AND); a \"quoted phrase\" is one term, spaces included; every term of 2 or more characters matches exactly where it occurs as a substring (韦韬 finds every article printing 韦韬), through the index. Full-width and half-width forms, letter case and traditional characters match their plain simplified forms. Pages forwards only (`first`/`after`).",
      args: {
        query: t.arg.string({
          required: true,
          description: `The search terms, e.g. 韦韬 汾酒 or "太忻 经济": at most ${MAX_QUERY_TERMS} terms and ${MAX_QUERY_LENGTH} characters (BAD_USER_INPUT beyond).`,
        }),
        filter: t.arg({ type: SearchFilter, required: false, description: "Conditions the articles must meet." }),
        orderBy: t.arg({ type: SearchOrder, required: false, defaultValue: "NEWEST", description: "The order of the results; NEWEST by default." }),
        unit: t.arg({ type: SearchUnit, required: false, defaultValue: "ARTICLE", description: "Whether a result is an article (ARTICLE, the default) or a story across its jumps (STORY)." }),
      },
      resolve: async (_parent, args, ctx, info): Promise<SearchConnectionShape> => {
        pageSize.maxSize(args);
        if (args.last != null || args.before != null) {
          throw new GraphQLError("search pages forwards only: use `first` and `after`.", { extensions: { code: "BAD_USER_INPUT" } });
        }
        const search = args.unit === "STORY" ? (db: typeof ctx.db, request: SearchRequest) => searchStories(db, ctx.loaders, request) : searchArticles;
        const result = await search(ctx.db, {
          query: args.query,
          filter: args.filter ?? null,
          orderBy: args.orderBy ?? "NEWEST",
          first: args.first ?? pageSize.defaultSize,
          after: args.after ?? null,
          // Loads each hit's article with the relations the request selects, in the same query.
          articleQuery: queryFromInfo({ context: ctx, info, path: ["edges", "node", "article"] }),
          countAhead: args.unit !== "STORY" && selectsAny(info, COUNT_FIELDS),
          // A story's snippets are its matching part's: story search reads them itself.
          snippets: args.unit === "STORY" || selectsAny(info, SNIPPETS, ["edges", "node"]),
        });
        const edges = result.hits.map((hit) => ({ cursor: hit.cursor, node: hit }));
        return {
          ...result,
          edges,
          pageInfo: {
            hasNextPage: result.hasNextPage,
            hasPreviousPage: args.after != null,
            startCursor: edges[0]?.cursor ?? null,
            endCursor: edges.at(-1)?.cursor ?? null,
          },
        };
      },
    },
    {
      name: "SearchConnection",
      description: "A page of search results, with the total count and how they were found.",
      fields: (c) => ({
        totalCount: c.int({
          description: `Number of matching articles across all pages (for a SCAN: among the articles scanned); with \`unit: STORY\`, of matching stories, exact while at most ${STORY_COUNT_EXACT_UP_TO} articles match. Exact up to ${COUNT_EXACT_UP_TO}; a search matching more is estimated (at least ${COUNT_EXACT_UP_TO + 1}, extrapolated from the share of the filtered archive its newest ${COUNT_EXACT_UP_TO + 1} matches span), so that very common terms answer fast: see \`totalCountExact\`.`,
          resolve: async (parent) => (await (parent as unknown as SearchResult).totalCount()).total,
        }),
        totalCountExact: c.boolean({
          description: `True when \`totalCount\` is the exact number of matches; false when more than ${COUNT_EXACT_UP_TO} matched and it is an estimate.`,
          resolve: async (parent) => (await (parent as unknown as SearchResult).totalCount()).exact,
        }),
        method: c.field({
          type: SearchMethod,
          description: "Whether the index answered (INDEX) or, for one-character terms only, a bounded scan (SCAN).",
          resolve: (parent) => (parent as unknown as SearchResult).method,
        }),
        complete: c.boolean({
          description: `False when older articles were not examined and \`totalCount\` counts only the examined ones: a SCAN reached its limit of ${SCAN_LIMIT} articles, or one-character terms beside longer ones were checked on the newest ${CHECK_LIMIT} articles holding the longer ones only.`,
          resolve: (parent) => (parent as unknown as SearchResult).complete,
        }),
      }),
    },
    { name: "SearchEdge", description: "One search result with its cursor." },
  ),
}));
