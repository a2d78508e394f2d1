import { builder, byId } from "./builder.ts";
import { pageSize, withTotalCount } from "./connection.ts";
import { PersonRole } from "./person-role.ts";
import type { PersonTitle as PersonTitleShape } from "../resolvers/loaders.ts";
import {
  countPeople,
  findPerson,
  listPeople,
  listPersonArticles,
  type CoMention as CoMentionShape,
} from "../resolvers/queries.ts";
import { MAX_PAGE_SIZE } from "./connection.ts";
import { GraphQLError } from "graphql";
import type { Person as PersonRow } from "../generated/prisma/client.ts";
import type { PersonArticlesFilter } from "../resolvers/person-articles.ts";

const personArticlesFilter = (args: { role?: PersonArticlesFilter["role"] | null; from?: string | null; to?: string | null }): PersonArticlesFilter => ({
  role: args.role ?? null,
  from: args.from ?? null,
  to: args.to ?? null,
});

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

const CoMention = builder.objectRef<CoMentionShape & { person: PersonRow }>("CoMention");

const PeopleOrder = builder.enumType("PeopleOrder", {
  description: "How a list of people is ordered.",
  values: {
    NAME: { description: "By name, in Unicode code-point order." },
    PINYIN: { description: "By the pinyin of the name (as Chinese indexes sort), then by name." },
    MENTIONS: { description: "Most mentioned first (number of articles that name the person), then by pinyin." },
  } as const,
});

export const Person = builder.prismaNode("Person", {
  description:
    "A person named or credited in the archive, identified by the name in simplified characters: a page that prints 吳建軍 (a Hong Kong daily) and one that prints 吴建军 name one person.",
  ...byId,
  fields: (t) => ({
    name: t.exposeString("name", {
      description:
        "The name as printed in plain simplified characters (韦韬) once any page has printed it so; until then the form first printed (吳建軍, until a page prints 吴建军); or the name an editor gave.",
    }),
    aliases: t.stringList({
      description:
        "The person's other names, sorted: the forms printed in other characters than `name` (吳建軍 beside 吴建军), and the names the person bore before an editor renamed or merged them.",
      select: { aliases: { select: { name: true }, orderBy: { name: "asc" } } },
      resolve: (person) => person.aliases.map((alias) => alias.name),
    }),
    pinyin: t.exposeString("pinyin", {
      description: "The name in toneless pinyin, lower case, without spaces, read as a name: weitao for 韦韬, shan… for the surname 单, lv for 吕.",
    }),
    mentionCount: t.exposeInt("mentionCount", { description: "Number of articles that name the person." }),
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
        // Mention's own copy of its article's issue date: the (personId, issueDate, id) index gives this order.
        query: { orderBy: [{ issueDate: "desc" }, { id: "asc" }] },
      },
      withTotalCount("Number of articles that name the person."),
    ),
    articles: t.prismaConnection(
      {
        type: "Article",
        description:
          "Articles that name or credit the person, newest first. The first page and the count cost a fixed number of statements for a whole list of people; a page after a cursor runs its own query. Lists articles, not stories: a condition (a person, a role, a source) can hold for one part of a story and not another, so the items, cursors and count are of the articles that meet it; each article's `story` gives the whole story (a page of stories costs two statements), and `search(unit: STORY)` lists stories.",
        cursor: "id",
        ...pageSize,
        args: {
          role: t.arg({ type: PersonRole, required: false, description: "Only articles where the person has this role." }),
          from: t.arg({ type: "Date", required: false, description: "Only articles in issues dated on or after this day." }),
          to: t.arg({ type: "Date", required: false, description: "Only articles in issues dated on or before this day." }),
        },
        totalCount: (person, args, ctx) => ctx.loaders.personArticles.counts.load({ personId: person.id, filter: personArticlesFilter(args) }),
        // The newest first page of each person is batched; `last` (a negative take) and pages after a cursor are not.
        resolve: (query, person, args, ctx) =>
          ("cursor" in query && query.cursor) || (query.take ?? 0) <= 0
            ? listPersonArticles(ctx.db, query, person.id, args.role ?? null, args)
            : ctx.loaders.personArticles.firstPages.load({ personId: person.id, filter: personArticlesFilter(args), query }),
      },
      withTotalCount("Number of articles that name or credit the person in the given role."),
    ),
    coMentioned: t.field({
      type: [CoMention],
      description:
        "People named in the same articles as this person, with the number of articles they share, most shared first (then by pinyin).",
      args: {
        first: t.arg.int({ required: false, defaultValue: 10, description: `How many people to return: 0 to ${MAX_PAGE_SIZE}, default 10.` }),
      },
      resolve: async (person, args, ctx) => {
        const first = args.first ?? 10;
        if (first < 0 || first > MAX_PAGE_SIZE) {
          throw new GraphQLError(`Argument "first" must be between 0 and ${MAX_PAGE_SIZE}, got ${first}.`, {
            extensions: { code: "PAGE_SIZE_OUT_OF_RANGE" },
          });
        }
        return ctx.loaders.coMentioned.load({ personId: person.id, first });
      },
    }),
    titles: t.field({
      type: [PersonTitle],
      description: "Each distinct title the person was named with, oldest first: a timeline of positions.",
      resolve: (person, _args, ctx) => ctx.loaders.personTitles.load(person.id),
    }),
  }),
});

CoMention.implement({
  description: "A person named in the same articles as another, with how many articles they share.",
  fields: (t) => ({
    person: t.field({ type: Person, description: "The other person.", resolve: (entry) => entry.person }),
    sharedArticles: t.exposeInt("sharedArticles", { description: "Number of articles that name both people." }),
  }),
});

builder.queryFields((t) => ({
  person: t.prismaField({
    type: "Person",
    nullable: true,
    description:
      "The person of this name, in simplified or traditional characters alike (吳建軍 and 吴建军 answer the same person: names are compared with each character folded to simplified, nothing else); null when the archive has none. A former name an editor replaced answers null.",
    args: { name: t.arg.string({ required: true, description: "The name in any script, e.g. 韦韬 or 韋韜." }) },
    resolve: (query, _parent, args, ctx) => findPerson(ctx.db, query, args.name),
  }),
  people: t.prismaConnection(
    {
      type: "Person",
      description: "People in the archive, by name unless `orderBy` says otherwise.",
      cursor: "id",
      ...pageSize,
      args: {
        nameContains: t.arg.string({ required: false, description: "Only people whose name contains this text, in any script (吳 finds 吴建军)." }),
        pinyinPrefix: t.arg.string({
          required: false,
          description: "Only people whose name's pinyin starts with this, e.g. wei or weit for 韦韬 (case, spaces and apostrophes ignored; ü as v).",
        }),
        orderBy: t.arg({ type: PeopleOrder, required: false, defaultValue: "NAME", description: "The order of the list; NAME by default." }),
      },
      totalCount: (_parent, args, ctx) => countPeople(ctx.db, args),
      resolve: (query, _parent, args, ctx) => listPeople(ctx.db, query, args),
    },
    withTotalCount("Number of people matching the arguments."),
  ),
}));
