import { describe, expect, it } from "vitest";
import { runsOnToNextLine } from "../../src/ingest/run-on-headings.ts";

describe("a heading line that runs on into the next", () => {
  it("runs on after a conjunction that waits for what it joins", () => {
    expect(runsOnToNextLine("全市秋季森林防火暨")).toBe(true);
    expect(runsOnToNextLine("推进城乡融合发展与")).toBe(true);
  });

  it("runs on with a quotation or a title opened and not closed", () => {
    expect(runsOnToNextLine("老街坊的“幸福")).toBe(true);
    expect(runsOnToNextLine("重读《山海")).toBe(true);
  });

  it("runs on when the line is only a place, 一 and who or what (the news's indefinite subject)", () => {
    expect(runsOnToNextLine("宁波一退休医生")).toBe(true);
    expect(runsOnToNextLine("某县一中学")).toBe(true);
  });

  it("does not run on from a line that closes a headline", () => {
    // A conjunction's character inside a word (缓和), 一 inside a word (一家亲), quotes closed.
    expect(runsOnToNextLine("两国关系趋于缓和")).toBe(false);
    expect(runsOnToNextLine("两岸一家亲")).toBe(false);
    expect(runsOnToNextLine("老街坊的“幸福账”")).toBe(false);
    expect(runsOnToNextLine("春耕生产忙")).toBe(false);
    // Too short to tell: a column's label.
    expect(runsOnToNextLine("和")).toBe(false);
  });
});
