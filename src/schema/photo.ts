import { builder, byId } from "./builder.ts";
import { TextSpan, spanOf } from "./text-span.ts";

export const Photo = builder.prismaNode("Photo", {
  description: "A photo printed on a page, known by its caption (图片说明).",
  ...byId,
  fields: (t) => ({
    caption: t.exposeString("caption", { description: "The caption without the photographer's credit, e.g. 工作座谈会现场。" }),
    photographer: t.relation("photographer", { nullable: true, description: "The photographer credited (…摄); null when none." }),
    page: t.relation("page", { description: "The page the photo is printed on." }),
    article: t.relation("article", {
      nullable: true,
      description: "The article the photo illustrates (the same event), even when printed after its jump marker; null when none.",
    }),
    span: t.field({
      type: TextSpan,
      description: "Where the caption, credit included, stands in the page text.",
      select: { spanStart: true, spanEnd: true },
      resolve: (photo) => spanOf(photo.spanStart, photo.spanEnd),
    }),
  }),
});
