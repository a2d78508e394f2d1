import { describe, expect, it } from "vitest";
import { linesAfterWideGap } from "../../src/ingest/article-gaps.ts";
import { splitBlocks } from "../../src/ingest/blocks.ts";
import { structureOf } from "../support/structure.ts";

const read = (text: string) => structureOf(text, "2026-06-12");

const REPORT = ["江城地铁三号线试运行", "江城日报记者 王小明", "", "6月11日，江城地铁三号线开始试运行。", "", "市地铁公司表示，新线路将在月底开通。"];

describe("linesAfterWideGap", () => {
  it("gives the lines after two empty lines where the page also sets blocks apart by one", () => {
    const { blocks, blankLines } = splitBlocks([...REPORT, "", "", "菜价平稳回落", "本周蔬菜价格回落。"].join("\n"));
    expect([...linesAfterWideGap(blocks, blankLines)]).toEqual([8]);
  });

  it("gives none where every gap is as wide", () => {
    const { blocks, blankLines } = splitBlocks(["甲标题", "", "", "第一段。", "", "", "第二段。"].join("\n"));
    expect([...linesAfterWideGap(blocks, blankLines)]).toEqual([]);
  });
});

describe("a heading line after the wider gap between articles", () => {
  it("opens an article of its own though only body text stands under it", () => {
    const text = [...REPORT, "", "", "菜价平稳回落", "本周全市蔬菜均价每斤下降两角。"].join("\n");
    expect(read(text).map((a) => [a.headline, a.firstBodyChars])).toEqual([
      ["江城地铁三号线试运行", "6月11日，江城地铁三号线开始试运行。市"],
      ["菜价平稳回落", "本周全市蔬菜均价每斤下降两角。"],
    ]);
  });

  it("stays a subheading of the running article after the paragraphs' own gap", () => {
    const text = [...REPORT, "", "菜价平稳回落", "本周全市蔬菜均价每斤下降两角。"].join("\n");
    expect(read(text).map((a) => a.headline)).toEqual(["江城地铁三号线试运行"]);
  });
});
