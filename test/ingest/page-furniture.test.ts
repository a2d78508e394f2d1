import { describe, expect, it } from "vitest";
import { foldForMatching } from "../../src/ingest/normalise.ts";
import { isRunningHead, isStaffLine } from "../../src/ingest/page-furniture.ts";

const staff = (line: string) => {
  const folded = foldForMatching(line);
  return isStaffLine(folded, 0, folded.length);
};

describe("isStaffLine", () => {
  it("reads a staff line whose name of two characters is padded to three's width (版式设计：夏 冰)", () => {
    expect(staff("本版责编：欧阳青 版式设计：夏 冰")).toBe(true);
    expect(staff("责任编辑：夏\u3000冰\u3000美术编辑：程东")).toBe(true);
    expect(staff("责任编辑：孙 红　编辑：次仁卓玛")).toBe(true);
    expect(staff("责任编辑：孙红、周 洋")).toBe(true);
  });

  it("reads no sentence after a label and a padded name, nor prose that opens with an editor's word, as a staff line", () => {
    expect(staff("编辑 夏 冰说这版改了三次")).toBe(false);
    expect(staff("校对工作")).toBe(false);
    expect(staff("编辑部的同事们都很忙，大家一起加班")).toBe(false);
  });
});

describe("isRunningHead", () => {
  const head = (line: string) => {
    const folded = foldForMatching(line);
    return isRunningHead(folded, 0, folded.length);
  };

  it("reads a section and its subsection joined by a dot as one section's name beside the paper's name", () => {
    expect(head("海滨晚报 2026年6月5日 星期五 A07 滨城·社区")).toBe(true);
    expect(head("城事·A05")).toBe(true);
  });

  it("reads no three names beside a page number as a running head, nor two dotted names alone", () => {
    expect(head("海滨晚报 2026年6月5日 星期五 A07 滨城 社区")).toBe(false);
    expect(head("滨城·社区")).toBe(false);
  });
});
