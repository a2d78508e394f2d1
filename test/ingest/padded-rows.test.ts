import { describe, expect, it } from "vitest";
import type { MentionInput } from "../../src/ingest/people/mention-input.ts";
import { extractMentions } from "../../src/ingest/people/mentions.ts";
import { withoutColumnPadding } from "../../src/ingest/people/padded-rows.ts";

function peopleOfRows(rows: string[]): Array<[string, string | null, string]> {
  const text = rows.join("\n");
  let at = 0;
  const paragraphs = rows.map((row) => {
    const p = { text: row, span: { start: at, end: at + row.length } };
    at += row.length + 1;
    return p;
  });
  const input: MentionInput = { text, kicker: null, headline: null, subheadline: null, paragraphs, captions: [], creditNames: [] };
  return extractMentions(input).map((m) => [m.name, m.title, text.slice(m.span.start, m.span.end)]);
}

describe("rows of a list in padded columns", () => {
  it("takes the padding out between the unit and role and the name, and inside a padded name", () => {
    expect(withoutColumnPadding("江城港务集团装卸队队长　　　　王小明")).toBe("江城港务集团装卸队队长王小明");
    expect(withoutColumnPadding("江城市第一人民医院护士长　陶 静")).toBe("江城市第一人民医院护士长陶静");
  });

  it("leaves a line alone that ends in no role before the padding, or in no name after it", () => {
    expect(withoutColumnPadding("江城港务集团装卸队　　　　王小明")).toBe("江城港务集团装卸队　　　　王小明");
    expect(withoutColumnPadding("江城港务集团装卸队队长　　　　第一名")).toBe("江城港务集团装卸队队长　　　　第一名");
    expect(withoutColumnPadding("装卸队队长王小明说，今年任务重。")).toBe("装卸队队长王小明说，今年任务重。");
  });

  it("gives each name the unit and role before it as its title, a padded name read whole and spanned as printed", () => {
    expect(peopleOfRows(["江城港务集团装卸队队长　　　　王小明", "江城市第一人民医院护士长　　陶 静"])).toEqual([
      ["王小明", "江城港务集团装卸队队长", "王小明"],
      ["陶静", "江城市第一人民医院护士长", "陶 静"],
    ]);
  });
});
