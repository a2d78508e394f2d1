import { builder, byId } from "./builder.ts";
import { TextSpan, spanOf } from "./text-span.ts";

export const CreditRole = builder.enumType("CreditRole", {
  description: "What a person is credited for.",
  values: {
    REPORTER: { description: "Reporting (记者, 本报记者, 通讯员, 实习生)." },
    PHOTOGRAPHER: { description: "A photo (…摄)." },
    AUTHOR: { description: "Writing, credited at the end of the article, e.g. (李俊华)." },
  } as const,
});

builder.prismaNode("Credit", {
  // Select mode: a request loads the columns it asks for, not the whole row, which a folded read builds into JSON for each row.
  select: { id: true },
  description: "A person credited for an article.",
  ...byId,
  fields: (t) => ({
    role: t.expose("role", { type: CreditRole, description: "What the person is credited for." }),
    label: t.exposeString("label", {
      nullable: true,
      description: "The label printed before the name: 记者, 本报记者, 通讯员, 实习生, 新华社记者; null when none.",
    }),
    person: t.relation("person", { description: "The person credited." }),
    article: t.relation("article", { description: "The article credited." }),
    span: t.field({
      type: TextSpan,
      description: "Where the credited name stands in the page text.",
      select: { spanStart: true, spanEnd: true },
      resolve: (credit) => spanOf(credit.spanStart, credit.spanEnd),
    }),
  }),
});
