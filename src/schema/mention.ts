import { builder, byId } from "./builder.ts";
import { TextSpan, spanOf } from "./text-span.ts";

builder.prismaNode("Mention", {
  // Select mode: a request loads the columns it asks for, not the whole row, which a folded read builds into JSON for each row.
  select: { id: true },
  description: "A person named in an article, with the title printed beside the first mention.",
  ...byId,
  fields: (t) => ({
    person: t.relation("person", { description: "The person named." }),
    article: t.relation("article", { description: "The article that names the person." }),
    title: t.exposeString("title", {
      nullable: true,
      description: "The title as printed with the name, e.g. 省委常委、市委书记; null when none.",
    }),
    normalisedTitle: t.exposeString("normalisedTitle", {
      nullable: true,
      description: "The title with 市委/省委 resolved by the publication's region, e.g. 省委常委、太原市委书记; null when no title.",
    }),
    span: t.field({
      type: TextSpan,
      description: "Where the name first stands in the page text.",
      select: { spanStart: true, spanEnd: true },
      resolve: (mention) => spanOf(mention.spanStart, mention.spanEnd),
    }),
    titleSpan: t.field({
      type: TextSpan,
      nullable: true,
      description: "Where the printed title stands in the page text; null when none.",
      select: { titleStart: true, titleEnd: true },
      resolve: (mention) => (mention.titleStart === null || mention.titleEnd === null ? null : spanOf(mention.titleStart, mention.titleEnd)),
    }),
  }),
});
