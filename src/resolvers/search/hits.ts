import type { Db } from "../../db/client.ts";
import { Prisma, type Article, type Photo } from "../../generated/prisma/client.ts";
import type { SearchTerm } from "../../search/query.ts";
import { snippetsOf, type FieldText } from "../../search/snippets.ts";
import { encodeCursor, type CursorMode } from "./cursor.ts";
import { foldedFindMany } from "../folded-read.ts";
import type { Row, SearchHit, SearchRequest } from "./types.ts";

/**
 * The hits of a page: each row's article, loaded with what the request selects of it, and (when
 * `withSnippets`) the snippets of its fields that hold the terms. Rows whose article is gone
 * since are left out.
 */
export async function hitsOf(
  db: Db,
  rows: Row[],
  terms: SearchTerm[],
  mode: CursorMode,
  articleQuery: NonNullable<SearchRequest["articleQuery"]>,
  withSnippets: boolean,
): Promise<SearchHit[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const articles = withSnippets ? await wholeArticles(db, ids, articleQuery) : await selectedArticles(db, ids, articleQuery);
  const byId = new Map(articles.map((article) => [article.id, article]));
  const normalised = terms.map((term) => term.normalised);
  return rows.flatMap((row) => {
    const found = byId.get(row.id);
    if (!found) return [];
    const hit = { score: row.score, cursor: encodeCursor(mode, row.key) };
    // Without snippets the article is as the request planned it, its own photos included.
    if (!withSnippets) return [{ ...hit, article: found, snippets: [] }];
    const { photos, ...article } = found as Article & { photos: Photo[] };
    return [{ ...hit, article, snippets: snippetsOfArticle(article, photos, normalised) }];
  });
}

/** An article as loaded: with its photos when whole. */
type Loaded = Article & { photos?: Photo[] };

/**
 * Each article whole with its photos, which make the snippets; the request's plan (a select:
 * Article is in select mode) adds the relations it asks for. Its own photo selection, if any,
 * gives way: snippets need every caption, in order.
 */
async function wholeArticles(db: Db, ids: number[], articleQuery: NonNullable<SearchRequest["articleQuery"]>): Promise<Loaded[]> {
  const select = {
    ...articleQuery.select,
    ...Object.fromEntries(Object.keys(Prisma.ArticleScalarFieldEnum).map((field) => [field, true])),
    photos: { orderBy: { position: "asc" as const } },
  } as Prisma.ArticleSelect & { photos: { orderBy: { position: "asc" } } };
  return (await db.article.findMany({ where: { id: { in: ids } }, select })) as Loaded[];
}

/**
 * Each article with only what the request selects of it, in one statement (folded-read.ts), else
 * through the client: a page of bodies and captions read for snippets nobody asked for cost most
 * of a search's time in the process (bench/RESULTS.md, 2026-12-06).
 */
async function selectedArticles(db: Db, ids: number[], articleQuery: NonNullable<SearchRequest["articleQuery"]>): Promise<Loaded[]> {
  const select = { ...articleQuery.select, id: true };
  const folded = await foldedFindMany(db, "Article", { select }, { where: Prisma.sql`t0."id" IN (${Prisma.join(ids)})`, orderBy: [] });
  return (folded ?? (await db.article.findMany({ where: { id: { in: ids } }, select }))) as Loaded[];
}

/** The snippets of an article's fields and captions that hold the terms, each caption's with its photo. */
function snippetsOfArticle(article: Article, photos: Photo[], normalised: string[]): SearchHit["snippets"] {
  const fields: FieldText[] = [
    { field: "KICKER", text: article.kicker ?? "" },
    { field: "HEADLINE", text: article.headline ?? "" },
    { field: "SUBHEADLINE", text: article.subheadline ?? "" },
    { field: "BODY", text: article.body },
    ...photos.map((photo) => ({ field: "CAPTION" as const, text: photo.caption, photoId: photo.id })),
  ];
  const photoById = new Map(photos.map((photo) => [photo.id, photo]));
  return snippetsOf(fields, normalised).map((snippet) => ({
    ...snippet,
    photo: snippet.photoId === null ? null : photoById.get(snippet.photoId)!,
  }));
}
