import { builder, byId } from "./builder.ts";
import { Person } from "./person.ts";
import { Article } from "./article.ts";
import { MAX_PAGE_SIZE } from "./connection.ts";
import { GraphQLError } from "graphql";
import type { OrganisationMember as OrganisationMemberShape, PersonPosition as PersonPositionShape } from "../resolvers/positions.ts";

export const Organisation = builder.prismaNode("Organisation", {
  description:
    "An organisation named in the titles printed beside people (太原市委, 山西省人大常委会, 太原市人民政府, 汾酒集团), by its normalised name: a title's relative 市委/省委 is read with the region of the publication that printed it.",
  ...byId,
  fields: (t) => ({
    name: t.exposeString("name", { description: "The normalised name: 太原市委 for 市委 on a 太原日报 page and for 中共太原市委." }),
    people: t.field({
      type: [OrganisationMember],
      description: "Who held which role here, as the archive names them: each person and role once, in the order first seen, then the most often named first.",
      args: {
        role: t.arg.string({ required: false, description: "Only this role, as printed after the organisation: 书记, 副书记, 常委, 主任, 市长." }),
        from: t.arg({ type: "Date", required: false, description: "Only as named in issues dated on or after this day." }),
        to: t.arg({ type: "Date", required: false, description: "Only as named in issues dated on or before this day." }),
      },
      select: { id: true },
      resolve: (organisation, args, ctx) =>
        ctx.loaders.positions.members.load({ organisationId: organisation.id, role: args.role ?? null, from: args.from ?? null, to: args.to ?? null }),
    }),
  }),
});

const OrganisationMember = builder.objectRef<OrganisationMemberShape>("OrganisationMember").implement({
  description: "A person who held a role in an organisation, with the first and last issue dates that name them so.",
  fields: (t) => ({
    person: t.field({ type: Person, description: "The person.", resolve: (member) => member.person }),
    role: t.exposeString("role", { description: "The role: 书记, 常委, 副主任, 市长." }),
    firstSeen: t.expose("firstSeen", { type: "Date", description: "Date of the first issue that names the person in this role." }),
    lastSeen: t.expose("lastSeen", { type: "Date", description: "Date of the last issue that names the person in this role." }),
    count: t.exposeInt("count", { description: "Number of articles that name the person in this role." }),
  }),
});

const Position = builder.objectRef<PersonPositionShape>("Position").implement({
  description: "A position a person held: an organisation and a role, as the titles printed beside their name give it, with when and how often.",
  fields: (t) => ({
    organisation: t.field({ type: Organisation, description: "The organisation.", resolve: (position) => position.organisation }),
    role: t.exposeString("role", { description: "The role held there: 书记, 常委, 副主任, 市长." }),
    firstSeen: t.expose("firstSeen", { type: "Date", description: "Date of the first issue that names the person in this position." }),
    lastSeen: t.expose("lastSeen", { type: "Date", description: "Date of the last issue that names the person in this position." }),
    count: t.exposeInt("count", { description: "Number of articles that name the person in this position." }),
    articles: t.field({
      type: [Article],
      description: "The articles that name the person in this position, newest first.",
      args: { first: t.arg.int({ required: false, defaultValue: 10, description: `How many articles, 0 to ${MAX_PAGE_SIZE}; 10 by default.` }) },
      resolve: (position, args, ctx) => {
        const first = args.first ?? 10;
        if (first < 0 || first > MAX_PAGE_SIZE) {
          throw new GraphQLError(`Argument "first" must be between 0 and ${MAX_PAGE_SIZE}, got ${first}.`, { extensions: { code: "PAGE_SIZE_OUT_OF_RANGE" } });
        }
        if (first === 0) return [];
        return ctx.loaders.positions.articles.load({ personId: position.personId, organisationId: position.organisation.id, role: position.role, first });
      },
    }),
  }),
});

builder.prismaObjectField("Person", "positions", (t) =>
  t.field({
    type: [Position],
    description:
      "The positions the person was named with, one per organisation and role (省委常委、太原市委书记 gives 山西省委 常委 and 太原市委 书记), in the order first seen.",
    select: { id: true },
    resolve: (person, _args, ctx) => ctx.loaders.positions.ofPerson.load(person.id),
  }),
);

builder.queryFields((t) => ({
  organisation: t.prismaField({
    type: "Organisation",
    nullable: true,
    description: "One organisation by its normalised name (太原市委, 山西省人大常委会); null when no title names it.",
    args: { name: t.arg.string({ required: true, description: "The normalised name, e.g. 太原市委." }) },
    resolve: (query, _parent, args, ctx) => ctx.db.organisation.findUnique({ ...query, where: { name: args.name.trim().replace(/^中共(?!中央)/, "") } }),
  }),
}));
