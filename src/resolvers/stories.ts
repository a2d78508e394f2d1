import DataLoader from "dataloader";
import type { Db } from "../db/client.ts";
import type { Article } from "../generated/prisma/client.ts";
import { loadStories, MAX_STORY_PARTS, type StoryShape } from "../db/story-walk.ts";

export { MAX_STORY_PARTS, type StoryShape };

/** Sentence-final punctuation: a part that ends without it runs on into the next part's first paragraph. */
const SENTENCE_END = /[。！？!?…”」』）)]$/;

/**
 * The parts' bodies read as one text: paragraphs kept, and a sentence broken by the jump
 * joined again (…全力以赴 (下转第3版) | (上接第1版) 谋产业… reads 全力以赴谋产业). The bodies
 * hold no jump markers: the parser takes them out of the paragraphs.
 */
export function storyBody(bodies: string[]): string {
  let text = "";
  for (const body of bodies.filter((body) => body.length > 0)) {
    text = text === "" ? body : text + (SENTENCE_END.test(text) ? "\n" : "") + body;
  }
  return text;
}

/** The stories of articles, and articles by ID for the parts: two statements a batch, however many stories. */
export function createStoryLoaders(db: Db) {
  return {
    ofArticle: new DataLoader<number, StoryShape>((ids) => loadStories(db, ids)),
    article: new DataLoader<number, Article | null>(async (ids) => {
      const found = await db.article.findMany({ where: { id: { in: [...new Set(ids)] } } });
      const byId = new Map(found.map((article) => [article.id, article]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  };
}
