import { builder, byId } from "./builder.ts";
import { labelOfPageNumber } from "../ingest/page-label.ts";

export const Continuation = builder.prismaNode("Continuation", {
  description:
    "A jump: an article that continues on another page of the same issue, as printed (下转第3版). It is resolved once the article that picks the text up (上接第1版) is ingested, whichever page comes first.",
  ...byId,
  fields: (t) => ({
    from: t.relation("fromArticle", { description: "The article that jumps." }),
    toPageNumber: t.exposeInt("toPageNumber", {
      description: "The number (see `Page.number`) of the page the marker names: 3 for (下转第3版), 1102 for (下转B02版).",
    }),
    toPageLabel: t.string({
      description: "The label of the page the marker names, as printed and normalised: \"3\" for (下转第3版), \"B02\" for (下转B2版).",
      resolve: (continuation) => labelOfPageNumber(continuation.toPageNumber),
    }),
    to: t.relation("toArticle", {
      nullable: true,
      description: "The article on the jump page that continues the text; null until that page is ingested and matched.",
    }),
    resolved: t.boolean({
      description: "True when the continuing article is known.",
      select: { toArticleId: true },
      resolve: (continuation) => continuation.toArticleId !== null,
    }),
    marker: t.exposeString("marker", { description: "The jump marker as printed, e.g. (下转第3版)." }),
  }),
});
