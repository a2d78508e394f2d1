import { describe, expect, it } from "vitest";
import { parsePage } from "../../src/ingest/parse-page.ts";

const ctx = { issueDate: "2025-05-06", region: { city: "江城市", province: "江南省" } };
const headlines = (text: string) => parsePage(text, ctx).articles.map((a) => a.headline);

describe("notices on a page that prints no empty lines", () => {
  it("opens a report at a heading over a dispatch, after a notice closed by its signing office", () => {
    const text = [
      "江南省干部任前公示",
      "　　现将拟任职人选予以公示：",
      "　　中共江南省委组织部",
      "江城市政府任免工作人员",
      "　　本报讯 日前，江城市政府任免一批工作人员。",
    ].join("\n");
    expect(headlines(text)).toEqual(["江南省干部任前公示", "江城市政府任免工作人员"]);
  });

  it("keeps a line that runs on from an open paragraph in it when no dispatch stands under it", () => {
    const text = ["江南省干部任前公示", "　　现将拟任职人选予以公示：", "　　中共江南省委组织部", "江城市政府办公厅", "　　公示期间如有意见请来电反映。"].join("\n");
    expect(headlines(text)).toEqual(["江南省干部任前公示"]);
  });
});
