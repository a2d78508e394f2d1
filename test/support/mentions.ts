import type { MentionInput } from "../../src/ingest/people/mention-input.ts";
import { extractMentions } from "../../src/ingest/people/mentions.ts";

/** `text` as the one paragraph of an article with no headings, captions or credits, in no region unless `extra` names one. */
export function snippet(text: string, extra: Partial<MentionInput> = {}): MentionInput {
  return {
    text,
    kicker: null,
    headline: null,
    subheadline: null,
    paragraphs: [{ text, span: { start: 0, end: text.length } }],
    captions: [],
    creditNames: [],
    ...extra,
  };
}

/** The people read in `text` standing alone as one paragraph (see `snippet`), as [name, title]. */
export function peopleIn(text: string, extra: Partial<MentionInput> = {}): Array<[string, string | null]> {
  return extractMentions(snippet(text, extra)).map((mention) => [mention.name, mention.title]);
}
