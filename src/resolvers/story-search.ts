import type { Db } from "../db/client.ts";
import type { Photo } from "../generated/prisma/client.ts";
import { normaliseForSearch } from "../search/normalise.ts";
import { parseQuery } from "../search/query.ts";
import { searchArticles, type SearchCount, type SearchHit, type SearchRequest, type SearchResult } from "./search/index.ts";
import type { StoryShape } from "./stories.ts";
import type { Loaders } from "./loaders.ts";

/** A search hit that stands for its whole story: the part that matched first in reading order. */
export interface StoryHit extends SearchHit {
  story: StoryShape;
}

export interface StorySearchResult extends Omit<SearchResult, "hits"> {
  hits: StoryHit[];
}

/**
 * Up to this many matching articles are read to count stories exactly; a search with more
 * matches scales the article count by the share of stories among these.
 */
export const STORY_COUNT_EXACT_UP_TO = 1_000;

/** Matching articles read per round while stories are counted. */
const ROUND_SIZE = 100;

/**
 * Search by story: a story is one hit however many of its parts match, represented by the
 * part that matches first in reading order (its snippets, its page), at that part's place in
 * the article order. A later part is left out when an earlier part of its story matches the
 * query too, wherever the earlier part falls in the order: the rule depends on the story alone,
 * so cursors from the article search stay valid and pages never repeat a story.
 */
export async function searchStories(db: Db, loaders: Loaders, request: SearchRequest): Promise<StorySearchResult> {
  const kept: StoryHit[] = [];
  let first: SearchResult | null = null;
  let after = request.after ?? null;
  for (let more = true; more && kept.length <= request.first; ) {
    // Dropped parts are rare: a round asks for what the page still lacks, and one more to know of a next page.
    const round = await searchArticles(db, { ...request, first: request.first + 1 - kept.length, after });
    first ??= round;
    const judged = await judge(db, loaders, request, round.hits);
    kept.push(...judged.kept);
    after = round.hits.at(-1)?.cursor ?? after;
    more = round.hasNextPage;
  }
  const base = first!;
  let counting: Promise<SearchCount> | null = null;
  return {
    hits: kept.slice(0, request.first),
    hasNextPage: kept.length > request.first,
    method: base.method,
    complete: base.complete,
    totalCount: () => (counting ??= countStories(db, loaders, request, base)),
  };
}

/** Which of `hits` represent their story (no earlier part matches), each with its story. */
async function judge(db: Db, loaders: Loaders, request: SearchRequest, hits: SearchHit[]): Promise<{ kept: StoryHit[]; dropped: number }> {
  const stories = await loaders.stories.ofArticle.loadMany(hits.map((hit) => hit.article.id));
  const earlierOf = (hit: SearchHit, index: number) => {
    const story = stories[index] as StoryShape;
    return story.partIds.slice(0, story.partIds.indexOf(hit.article.id));
  };
  const earlierIds = [...new Set(hits.flatMap(earlierOf))];
  const matching = await matchingArticles(db, request, earlierIds);
  const kept: StoryHit[] = [];
  hits.forEach((hit, index) => {
    if (!earlierOf(hit, index).some((id) => matching.has(id))) kept.push({ ...hit, story: stories[index] as StoryShape });
  });
  return { kept, dropped: hits.length - kept.length };
}

/**
 * Of the given articles (parts of the same issues as the hits, so within the filter's
 * publication and dates), those that match the query as the index does: every term a
 * substring of one field after normalisation, and the filter's source, if any.
 */
async function matchingArticles(db: Db, request: SearchRequest, ids: number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const terms = parseQuery(request.query).map((term) => term.normalised);
  const source = request.filter?.source ?? null;
  const articles = await db.article.findMany({
    where: { id: { in: ids } },
    select: { id: true, kicker: true, headline: true, subheadline: true, body: true, source: true, photos: { select: { caption: true } } },
  });
  const matches = (article: (typeof articles)[number]) => {
    const fields = [article.kicker ?? "", article.headline ?? "", article.subheadline ?? "", article.body, ...article.photos.map((photo: Pick<Photo, "caption">) => photo.caption)].map(
      normaliseForSearch,
    );
    return (source === null || article.source === source) && terms.every((term) => fields.some((field) => field.includes(term)));
  };
  return new Set(articles.filter(matches).map((article) => article.id));
}

/**
 * The number of matching stories: the matching articles less the later parts of stories whose
 * earlier part matches too, read from the matches themselves up to STORY_COUNT_EXACT_UP_TO;
 * beyond, the article count scaled by the share of stories among the matches read.
 */
async function countStories(db: Db, loaders: Loaders, request: SearchRequest, base: SearchResult): Promise<SearchCount> {
  const articles = await base.totalCount();
  let read = 0;
  let dropped = 0;
  let after: string | null = null;
  for (let more = true; more && read < STORY_COUNT_EXACT_UP_TO; ) {
    const round: SearchResult = await searchArticles(db, { ...request, articleQuery: { select: { id: true } }, first: ROUND_SIZE, after });
    read += round.hits.length;
    dropped += (await judge(db, loaders, request, round.hits)).dropped;
    after = round.hits.at(-1)?.cursor ?? null;
    more = round.hasNextPage;
  }
  if (articles.exact && read >= articles.total) return { total: articles.total - dropped, exact: true };
  return { total: Math.round((articles.total * (read - dropped)) / Math.max(1, read)), exact: false };
}
