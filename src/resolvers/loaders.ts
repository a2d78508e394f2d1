import DataLoader from "dataloader";
import type { Db } from "../db/client.ts";
import type { Continuation } from "../generated/prisma/client.ts";

/** One distinct (normalised) title a person was given, with when it was seen. */
export interface PersonTitle {
  /** The fullest printed form: the longest, so 省委常委、太原市委书记 over 省委常委、市委书记. */
  title: string;
  normalisedTitle: string;
  printedTitles: string[];
  firstSeen: string;
  lastSeen: string;
  count: number;
}

export interface PageKey {
  issueId: number;
  number: number;
}

/**
 * Batch loaders for the fields that are not plain relations. Each loader turns all the
 * keys a request asks for in one tick into one query, so lists of parents cost the same
 * number of statements as one parent.
 */
export function createLoaders(db: Db) {
  return {
    personTitles: new DataLoader<number, PersonTitle[]>((ids) => loadPersonTitles(db, ids)),
    continuationsIntoPage: new DataLoader<PageKey, Continuation[], string>((keys) => loadContinuationsInto(db, keys), {
      cacheKeyFn: (key) => `${key.issueId}:${key.number}`,
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

async function loadPersonTitles(db: Db, ids: readonly number[]): Promise<PersonTitle[][]> {
  const mentions = await db.mention.findMany({
    where: { personId: { in: [...ids] }, normalisedTitle: { not: null } },
    select: { personId: true, title: true, normalisedTitle: true, article: { select: { issueDate: true } } },
  });
  const byPerson = new Map<number, Map<string, PersonTitle>>();
  for (const mention of mentions) {
    const normalisedTitle = mention.normalisedTitle!;
    const printed = mention.title ?? normalisedTitle;
    const date = mention.article.issueDate;
    const titles = byPerson.get(mention.personId) ?? new Map<string, PersonTitle>();
    byPerson.set(mention.personId, titles);
    const entry = titles.get(normalisedTitle);
    if (!entry) {
      titles.set(normalisedTitle, { title: printed, normalisedTitle, printedTitles: [printed], firstSeen: date, lastSeen: date, count: 1 });
      continue;
    }
    entry.count += 1;
    if (date < entry.firstSeen) entry.firstSeen = date;
    if (date > entry.lastSeen) entry.lastSeen = date;
    if (!entry.printedTitles.includes(printed)) entry.printedTitles.push(printed);
    if (printed.length > entry.title.length) entry.title = printed;
  }
  return ids.map((id) =>
    [...(byPerson.get(id)?.values() ?? [])]
      .map((entry) => ({ ...entry, printedTitles: entry.printedTitles.sort() }))
      .sort((a, b) => a.firstSeen.localeCompare(b.firstSeen) || b.count - a.count || a.normalisedTitle.localeCompare(b.normalisedTitle)),
  );
}

async function loadContinuationsInto(db: Db, keys: readonly PageKey[]): Promise<Continuation[][]> {
  const rows = await db.continuation.findMany({
    where: {
      toPageNumber: { in: [...new Set(keys.map((key) => key.number))] },
      fromArticle: { issueId: { in: [...new Set(keys.map((key) => key.issueId))] } },
    },
    include: { fromArticle: { select: { issueId: true, pageNumber: true, position: true } } },
  });
  rows.sort((a, b) => a.fromArticle.pageNumber - b.fromArticle.pageNumber || a.fromArticle.position - b.fromArticle.position);
  return keys.map((key) =>
    rows
      .filter((row) => row.fromArticle.issueId === key.issueId && row.toPageNumber === key.number)
      .map(({ fromArticle: _, ...continuation }) => continuation),
  );
}
