import { builder, byId } from "./builder.ts";
import { pageSize, withTotalCount } from "./connection.ts";
import { PersonRole } from "./person-role.ts";
import type { PersonTitle as PersonTitleShape } from "../resolvers/loaders.ts";
import { countPeople, countPersonArticles, findPerson, listPeople, listPersonArticles } from "../resolvers/queries.ts";

const PersonTitle = builder.objectRef<PersonTitleShape>("PersonTitle").implement({
  description: "A position a person was named with, and when the archive saw it: one entry of a timeline of positions.",
  fields: (t) => ({
    title: t.exposeString("title", {
      description: "The fullest form the title was printed in, e.g. 省委常委、太原市委书记 rather than 省委常委、市委书记.",
    }),
    normalisedTitle: t.exposeString("normalisedTitle", {
      description:
        "The title with 市/省 resolved by the publication's region (市委书记 in 太原日报 → 太原市委书记): printed variants with the same normalised title are one entry.",
    }),
    printedTitles: t.exposeStringList("printedTitles", { description: "The titles as printed that normalise to `title`, sorted." }),
    firstSeen: t.expose("firstSeen", { type: "Date", description: "Date of the first issue that names the person with this title." }),
    lastSeen: t.expose("lastSeen", { type: "Date", description: "Date of the last issue that names the person with this title." }),
    count: t.exposeInt("count", { description: "Number of articles that name the person with this title." }),
  }),
});

export const Person = builder.prismaNode("Person", {
  description: "A person named or credited in the archive, identified by the name as printed.",
  ...byId,
  fields: (t) => ({
    name: t.exposeString("name", { description: "The name as printed, e.g. 韦韬." }),
    credits: t.relatedConnection(
      "credits",
      {
        description: "The person's credits as reporter, photographer or author, newest first.",
        cursor: "id",
        ...pageSize,
        totalCount: true,
        query: { orderBy: [{ article: { issueDate: "desc" } }, { id: "asc" }] },
      },
      withTotalCount("Number of credits."),
    ),
    mentions: t.relatedConnection(
      "mentions",
      {
        description: "The articles that name the person, with the title printed each time, newest first.",
        cursor: "id",
        ...pageSize,
        totalCount: true,
        query: { orderBy: [{ article: { issueDate: "desc" } }, { id: "asc" }] },
      },
      withTotalCount("Number of articles that name the person."),
    ),
    articles: t.prismaConnection(
      {
        type: "Article",
        description:
          "Articles that name or credit the person, newest first. Runs its own query for each person it is asked of: prefer it on one person, not on long lists.",
        cursor: "id",
        ...pageSize,
        args: { role: t.arg({ type: PersonRole, required: false, description: "Only articles where the person has this role." }) },
        totalCount: (person, args, ctx) => countPersonArticles(ctx.db, person.id, args.role ?? null),
        resolve: (query, person, args, ctx) => listPersonArticles(ctx.db, query, person.id, args.role ?? null),
      },
      withTotalCount("Number of articles that name or credit the person in the given role."),
    ),
    titles: t.field({
      type: [PersonTitle],
      description: "Each distinct title the person was named with, oldest first: a timeline of positions.",
      resolve: (person, _args, ctx) => ctx.loaders.personTitles.load(person.id),
    }),
  }),
});

builder.queryFields((t) => ({
  person: t.prismaField({
    type: "Person",
    nullable: true,
    description: "The person with exactly this name; null when the archive has none.",
    args: { name: t.arg.string({ required: true, description: "The name as printed, e.g. 韦韬." }) },
    resolve: (query, _parent, args, ctx) => findPerson(ctx.db, query, args.name),
  }),
  people: t.prismaConnection(
    {
      type: "Person",
      description: "People in the archive, by name.",
      cursor: "id",
      ...pageSize,
      args: {
        nameContains: t.arg.string({ required: false, description: "Only people whose name contains this text." }),
      },
      totalCount: (_parent, args, ctx) => countPeople(ctx.db, args.nameContains),
      resolve: (query, _parent, args, ctx) => listPeople(ctx.db, query, args.nameContains),
    },
    withTotalCount("Number of people matching the arguments."),
  ),
}));
