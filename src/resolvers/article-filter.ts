import type { Prisma } from "../generated/prisma/client.ts";
import { personKey } from "../ingest/person-key.ts";

/** How a person relates to an article: named in it, or credited for it. */
export type PersonRole = "MENTIONED" | "REPORTER" | "PHOTOGRAPHER" | "AUTHOR";

export interface ArticleFilter {
  publication?: string | null;
  from?: string | null;
  to?: string | null;
  source?: string | null;
  personName?: string | null;
  role?: PersonRole | null;
}

/** Newest issue first; within an issue, page order then position on the page. */
export const newestFirst: Prisma.ArticleOrderByWithRelationInput[] = [
  { issueDate: "desc" },
  { pageNumber: "asc" },
  { position: "asc" },
];

export function articleWhere(filter: ArticleFilter | null | undefined): Prisma.ArticleWhereInput {
  if (!filter) return {};
  const where: Prisma.ArticleWhereInput = {};
  if (filter.publication) where.issue = { publication: { slug: filter.publication } };
  if (filter.from || filter.to) where.issueDate = dateRange(filter.from, filter.to);
  if (filter.source) where.source = filter.source;
  if (filter.personName || filter.role) {
    Object.assign(where, personWhere(filter.personName ?? null, filter.role ?? null));
  }
  return where;
}

/** Articles that name or credit a person (by a name in any script, as `person(name:)`), optionally only in one role. */
export function personWhere(name: string | null, role: PersonRole | null, personId?: number): Prisma.ArticleWhereInput {
  const person: Prisma.PersonWhereInput = {};
  if (name) person.nameKey = personKey(name);
  if (personId !== undefined) person.id = personId;
  const mentioned: Prisma.ArticleWhereInput = { mentions: { some: { person } } };
  if (role === "MENTIONED") return mentioned;
  if (role) return { credits: { some: { role, person } } };
  return { OR: [mentioned, { credits: { some: { person } } }] };
}

export function dateRange(from: string | null | undefined, to: string | null | undefined): Prisma.StringFilter {
  const range: Prisma.StringFilter = {};
  if (from) range.gte = from;
  if (to) range.lte = to;
  return range;
}
