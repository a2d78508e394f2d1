import type { Db } from "../db/client.ts";
import { loadStories } from "../db/story-walk.ts";

/** A part of a story as an export names it: the page and the position on that page (same issue). */
export interface ExportStoryPart {
  page: number;
  position: number;
}

/** A story of two or more parts, as an export line carries it (version 3). */
export interface ExportStory {
  /** The parts in reading order, first to last. */
  parts: ExportStoryPart[];
  /** False while a jump of the story is unresolved (see `Story.complete`). */
  complete: boolean;
}

/**
 * The stories of two or more parts that have a part on each of the given pages, keyed by the
 * pages' article IDs: every line names each story it holds a part of, so that a line read
 * alone (or whichever page a reload reads second) knows the whole part list. One statement a
 * batch of pages: the continuation walk, which reads the parts' pages and positions too.
 */
export async function storiesOfArticles(db: Db, articleIds: number[]): Promise<Map<number, ExportStory>> {
  const stories = await loadStories(db, articleIds);
  const found = new Map<number, ExportStory>();
  for (const [index, story] of stories.entries()) {
    if (story.partIds.length < 2) continue;
    found.set(articleIds[index]!, { parts: story.places, complete: story.complete });
  }
  return found;
}

/** The stories of a page's articles, each once, in the order of their first part on the page. */
export function pageStories(articleIds: number[], stories: Map<number, ExportStory>): ExportStory[] {
  const seen = new Set<string>();
  return articleIds.flatMap((id) => {
    const story = stories.get(id);
    const key = JSON.stringify(story?.parts);
    if (!story || seen.has(key)) return [];
    seen.add(key);
    return [story];
  });
}
