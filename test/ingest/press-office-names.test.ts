import { describe, expect, it } from "vitest";
import { parseCreditList } from "../../src/ingest/credit-names.ts";
import { foldForMatching } from "../../src/ingest/normalise.ts";
import { isPressOfficePenName } from "../../src/ingest/press-office-names.ts";

const names = (printed: string) => {
  const f = foldForMatching(printed);
  return parseCreditList(f, 0, f.length)?.map((c) => [c.label, c.name]) ?? null;
};

describe("isPressOfficePenName", () => {
  it("accepts a place's short form, an office's short form and 宣", () => {
    for (const n of ["湘农宣", "鄂交运宣", "蓉公宣", "闽海渔宣"]) expect(isPressOfficePenName(n)).toBe(true);
  });

  it("rejects a name ending in 宣 that opens with no place, a place without 宣, and a two-character name", () => {
    for (const n of ["王文宣", "湘农办", "鲁宣", "赵德宣", "粤农宣传部门"]) expect(isPressOfficePenName(n)).toBe(false);
  });

  it("accepts a district office's pen name (district's two characters, office, 宣) but not a compound-surname name", () => {
    for (const n of ["东湖教宣", "江北公宣"]) expect(isPressOfficePenName(n)).toBe(true);
    for (const n of ["欧阳文宣", "司马立宣", "东湖教育"]) expect(isPressOfficePenName(n)).toBe(false);
  });
});

describe("parseCreditList with a press office's pen name", () => {
  it("credits the pen name after 通讯员 as one name, as printed, beside the reporters", () => {
    expect(names("记者 方晓岚 通讯员 湘水利宣")).toEqual([
      ["记者", "方晓岚"],
      ["通讯员", "湘水利宣"],
    ]);
    // One whose place is also a surname (桂) is not split into two names.
    expect(names("通讯员 桂交运宣")).toEqual([["通讯员", "桂交运宣"]]);
    // A district office's pen name before a padded correspondent's name: both credited.
    expect(names("记者 方 岚 通讯员 东湖教宣 李 青")).toEqual([
      ["记者", "方岚"],
      ["通讯员", "东湖教宣"],
      ["通讯员", "李青"],
    ]);
  });

  it("still splits two glued personal names after a label", () => {
    expect(names("通讯员 桂晓明罗丹")).toEqual([
      ["通讯员", "桂晓明"],
      ["通讯员", "罗丹"],
    ]);
  });
});
