import { describe, expect, it } from "vitest";
import { foldForMatching, skipSpaces, trimSpacesEnd } from "../../src/ingest/normalise.ts";

describe("foldForMatching", () => {
  it("folds full-width punctuation and digits to ASCII without changing the length", () => {
    const printed = "本报讯（记者　陈静）１２月３０日，记者从市住建局获悉：";
    const folded = foldForMatching(printed);
    expect(folded).toBe("本报讯(记者 陈静)12月30日,记者从市住建局获悉:");
    expect(folded.length).toBe(printed.length);
  });

  it("turns the no-break space of e-paper dispatch lines and the BOM into plain spaces", () => {
    expect(foldForMatching("\ufeff记者\u00a0王晓明")).toBe(" 记者 王晓明");
  });

  it("keeps 、 and 。 as they are (they are separators of their own)", () => {
    expect(foldForMatching("殷雪莹、梁涛。")).toBe("殷雪莹、梁涛。");
  });

  it("keeps a character outside the BMP as its two code units", () => {
    const s = "𠮷野家";
    expect(foldForMatching(s)).toBe(s);
  });
});

describe("space helpers", () => {
  it("skips ideographic and no-break spaces", () => {
    expect(skipSpaces("\u3000\u3000\u00a0正文", 0)).toBe(3);
    expect(trimSpacesEnd("正文\u3000 ", 0, 4)).toBe(2);
  });
});
