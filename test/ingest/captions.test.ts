import { describe, expect, it } from "vitest";
import { parseCaption } from "../../src/ingest/captions.ts";
import { foldForMatching } from "../../src/ingest/normalise.ts";

function caption(printed: string) {
  const f = foldForMatching(printed);
  const c = parseCaption(f, 0, f.length);
  if (c === null) return null;
  return {
    text: printed.slice(0, c.textEnd),
    photographers: c.photographers.map((p) => ({ name: p.name, label: p.label, printed: printed.slice(p.span.start, p.span.end) })),
  };
}

describe("photo captions", () => {
  it("reads the sample's caption 工作座谈会现场。梁琛摄", () => {
    expect(caption("工作座谈会现场。梁琛摄")).toEqual({
      text: "工作座谈会现场。",
      photographers: [{ name: "梁琛", label: null, printed: "梁琛" }],
    });
  });

  it("reads a padded name behind a label: 新华社记者 张 三摄", () => {
    expect(caption("10月10日，在河南省滑县，农机手驾驶收割机收获玉米。新华社记者 张 三摄")).toEqual({
      text: "10月10日，在河南省滑县，农机手驾驶收割机收获玉米。",
      photographers: [{ name: "张三", label: "新华社记者", printed: "张 三" }],
    });
  });

  it("reads a credit in parentheses: （本报记者 黄海涛摄）", () => {
    expect(caption("市民在冰场体验冰上运动（本报记者 黄海涛摄）")).toEqual({
      text: "市民在冰场体验冰上运动",
      photographers: [{ name: "黄海涛", label: "本报记者", printed: "黄海涛" }],
    });
  });

  it("does not read body text or a block without a photographer as a caption", () => {
    expect(caption("这张照片是他父亲所摄。")).toBeNull();
    expect(caption("张新伟调研督导防汛抗旱和应急救援演练工作")).toBeNull();
  });
});
