import { describe, expect, it } from "vitest";
import { foldForMatching } from "../../src/ingest/normalise.ts";
import { isStaffLine } from "../../src/ingest/page-furniture.ts";

const staff = (printed: string) => {
  const f = foldForMatching(printed);
  return isStaffLine(f, 0, f.length);
};

describe("isStaffLine", () => {
  it("reads a staff line whose names are padded to three characters' width (马 霞)", () => {
    expect(staff("责任编辑：孙 红　编辑：次仁卓玛")).toBe(true);
    expect(staff("责任编辑：孙红、周 洋")).toBe(true);
  });

  it("reads no line of prose that opens with an editor's word", () => {
    expect(staff("编辑部的同事们都很忙，大家一起加班")).toBe(false);
  });
});
