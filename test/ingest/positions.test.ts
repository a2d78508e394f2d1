import { describe, expect, it } from "vitest";
import { positionsOfTitle, readTitle } from "../../src/ingest/positions.ts";

// Invented titles, read as a paper of 晋阳市 in 河东省 would print them.
const JINYANG = { city: "晋阳市", province: "河东省" };

describe("positionsOfTitle: a title as the organisations and roles it names", () => {
  it("resolves a bare 市委 and 省委 to the paper's city and province", () => {
    expect(positionsOfTitle("省委常委、市委书记", JINYANG)).toEqual([
      { organisation: "河东省委", role: "常委" },
      { organisation: "晋阳市委", role: "书记" },
    ]);
  });

  it("keeps an organisation printed in full, whatever the paper's region", () => {
    expect(positionsOfTitle("汾阳市人大常委会副主任", JINYANG)).toEqual([{ organisation: "汾阳市人大常委会", role: "副主任" }]);
    expect(positionsOfTitle("中共晋阳市委副书记", JINYANG)).toEqual([{ organisation: "晋阳市委", role: "副书记" }]);
  });

  it("gives a part with no organisation of its own the organisation before it (市委常委、秘书长)", () => {
    expect(positionsOfTitle("市委常委、秘书长", JINYANG)).toEqual([
      { organisation: "晋阳市委", role: "常委" },
      { organisation: "晋阳市委", role: "秘书长" },
    ]);
  });

  it("reads a mayor as the head of the city's government, whichever city the title names", () => {
    expect(positionsOfTitle("市委副书记、市长", JINYANG)).toEqual([
      { organisation: "晋阳市委", role: "副书记" },
      { organisation: "晋阳市人民政府", role: "市长" },
    ]);
    expect(positionsOfTitle("汾阳市委副书记、市长", JINYANG)).toEqual([
      { organisation: "汾阳市委", role: "副书记" },
      { organisation: "汾阳市人民政府", role: "市长" },
    ]);
    expect(positionsOfTitle("常务副市长", JINYANG)).toEqual([{ organisation: "晋阳市人民政府", role: "常务副市长" }]);
    expect(positionsOfTitle("副省长", JINYANG)).toEqual([{ organisation: "河东省人民政府", role: "副省长" }]);
  });

  it("gives a non-party role after a party organ to the body the organ sits in", () => {
    expect(positionsOfTitle("晋阳钢铁集团党委书记、董事长", JINYANG)).toEqual([
      { organisation: "晋阳钢铁集团党委", role: "书记" },
      { organisation: "晋阳钢铁集团", role: "董事长" },
    ]);
    expect(positionsOfTitle("河东省气象局党组成员、副局长", JINYANG)).toEqual([
      { organisation: "河东省气象局党组", role: "成员" },
      { organisation: "河东省气象局", role: "副局长" },
    ]);
  });

  it("puts a committee's organ printed alone under that committee (市委副书记、政法委书记)", () => {
    expect(positionsOfTitle("市委副书记、政法委书记", JINYANG)).toEqual([
      { organisation: "晋阳市委", role: "副书记" },
      { organisation: "晋阳市委政法委", role: "书记" },
    ]);
  });

  it("moves qualifiers of the role out of the organisation (第一书记, 高级工程师)", () => {
    expect(positionsOfTitle("晋阳市气象台高级工程师", JINYANG)).toEqual([{ organisation: "晋阳市气象台", role: "高级工程师" }]);
    expect(positionsOfTitle("东关村第一书记", JINYANG)).toEqual([{ organisation: "东关村", role: "第一书记" }]);
  });

  it("names no organisation where the title gives none it can name", () => {
    // A national paper: 全国 is no city, so a bare 县委 stays unnamed.
    expect(positionsOfTitle("县委书记", { city: "全国", province: "全国" })).toEqual([]);
    expect(positionsOfTitle("市委书记")).toEqual([]);
    expect(positionsOfTitle("主任", JINYANG)).toEqual([]);
    // 市领导 names the city, not one of its organisations.
    expect(positionsOfTitle("市领导", JINYANG)).toEqual([]);
    expect(positionsOfTitle("退休干部", JINYANG)).toEqual([]);
  });

  it("reads the office of every part, known or not, for reporting the lexicon's reach", () => {
    expect(readTitle("县委副书记、县长候选人")).toEqual([
      { part: "县委副书记", role: "副书记", organisation: null },
      { part: "县长候选人", role: null, organisation: null },
    ]);
  });

  it("lists a position once when a title repeats it", () => {
    expect(positionsOfTitle("市委书记、晋阳市委书记", JINYANG)).toEqual([{ organisation: "晋阳市委", role: "书记" }]);
  });
});
