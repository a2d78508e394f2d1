import type { Db } from "../db/client.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import { articleWhere, dateRange, newestFirst, personWhere, type ArticleFilter, type PersonRole } from "./article-filter.ts";

/**
 * The root lookups of the API. Each takes the selection plugin-prisma planned for the
 * request (`query`: include/select, and take/skip/cursor for connections), so that nested
 * fields are loaded in the same round of statements.
 */
type Planned = { include?: any; select?: any };
type Page = Planned & { take?: number; skip?: number; cursor?: any };

export const listPublications = (db: Db, query: Page) => db.publication.findMany({ ...query, orderBy: { slug: "asc" } });
export const countPublications = (db: Db) => db.publication.count();

export const findPublication = (db: Db, query: Planned, slug: string) =>
  db.publication.findUnique({ ...query, where: { slug } });

export interface IssueRange {
  publication?: string | null;
  from?: string | null;
  to?: string | null;
}

function issueWhere(range: IssueRange): Prisma.IssueWhereInput {
  const where: Prisma.IssueWhereInput = {};
  if (range.publication) where.publication = { slug: range.publication };
  if (range.from || range.to) where.date = dateRange(range.from, range.to);
  return where;
}

export const listIssues = (db: Db, query: Page, range: IssueRange) =>
  db.issue.findMany({ ...query, where: issueWhere(range), orderBy: [{ date: "desc" }, { id: "asc" }] });
export const countIssues = (db: Db, range: IssueRange) => db.issue.count({ where: issueWhere(range) });

export const findIssue = (db: Db, query: Planned, publication: string, date: string) =>
  db.issue.findFirst({ ...query, where: { date, publication: { slug: publication } } });

export const findPage = (db: Db, query: Planned, publication: string, date: string, number: number) =>
  db.page.findFirst({ ...query, where: { number, issue: { date, publication: { slug: publication } } } });

export const findArticle = (db: Db, query: Planned, id: number) => db.article.findUnique({ ...query, where: { id } });

export const listArticles = (db: Db, query: Page, filter: ArticleFilter | null | undefined) =>
  db.article.findMany({ ...query, where: articleWhere(filter), orderBy: [...newestFirst, { id: "asc" }] });
export const countArticles = (db: Db, filter: ArticleFilter | null | undefined) =>
  db.article.count({ where: articleWhere(filter) });

export const listPersonArticles = (db: Db, query: Page, personId: number, role: PersonRole | null) =>
  db.article.findMany({ ...query, where: personWhere(null, role, personId), orderBy: [...newestFirst, { id: "asc" }] });
export const countPersonArticles = (db: Db, personId: number, role: PersonRole | null) =>
  db.article.count({ where: personWhere(null, role, personId) });

export const findPerson = (db: Db, query: Planned, name: string) => db.person.findUnique({ ...query, where: { name } });

function peopleWhere(nameContains: string | null | undefined): Prisma.PersonWhereInput {
  return nameContains ? { name: { contains: nameContains } } : {};
}

export const listPeople = (db: Db, query: Page, nameContains: string | null | undefined) =>
  db.person.findMany({ ...query, where: peopleWhere(nameContains), orderBy: [{ name: "asc" }, { id: "asc" }] });
export const countPeople = (db: Db, nameContains: string | null | undefined) =>
  db.person.count({ where: peopleWhere(nameContains) });
