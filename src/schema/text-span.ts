import { builder } from "./builder.ts";

export interface TextSpanShape {
  start: number;
  end: number;
}

/** Provenance: where something stands in the page text it was read from. */
export const TextSpan = builder.objectRef<TextSpanShape>("TextSpan").implement({
  description:
    "A half-open range [start, end) of UTF-16 code-unit offsets into the page's `text`: `text.slice(start, end)` is what was printed.",
  fields: (t) => ({
    start: t.exposeInt("start", { description: "Offset of the first character." }),
    end: t.exposeInt("end", { description: "Offset just past the last character." }),
  }),
});

export const spanOf = (start: number, end: number): TextSpanShape => ({ start, end });
