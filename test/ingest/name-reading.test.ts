import { describe, expect, it } from "vitest";
import { givenNamePlausibility, isCommonWord } from "../../src/ingest/given-names.ts";
import {
  boundaryAt,
  readChineseName,
  readGrammarGivenName,
  readDottedNameAround,
  readMongolianName,
  readTibetanName,
  readTibetanNameOpenEnd,
  readTransliteratedName,
  type WordAt,
} from "../../src/ingest/name-reading.ts";
import { roleEndingAt, roleTier } from "../../src/ingest/role-nouns.ts";
import { surnameLikelihood } from "../../src/ingest/surnames.ts";

const noWords: WordAt = () => null;

describe("boundaryAt", () => {
  it("ends a name surely at punctuation, a reporting verb or a title, probably at a preposition", () => {
    expect(boundaryAt("王明，", 2)).toBe("strong");
    expect(boundaryAt("王明表示", 2)).toBe("strong");
    expect(boundaryAt("王明院士", 2)).toBe("strong");
    expect(boundaryAt("王明在北京", 2)).toBe("weak");
    expect(boundaryAt("王明华", 2)).toBe("none");
  });
});

describe("readChineseName", () => {
  it("reads a married woman's name of Hong Kong and Macao, her husband's surname before her own (冯程淑仪)", () => {
    expect(readChineseName("冯程淑仪表示，", 0, noWords)?.length).toBe(4);
    expect(readChineseName("陈范美玲说，", 0, noWords)?.length).toBe(4);
    // A common name of three characters stays three: its third character is followed by a verb.
    expect(readChineseName("王林海说，", 0, noWords)?.length).toBe(3);
    // Nothing ends the fourth character: no married name.
    expect(readChineseName("冯程淑仪器", 0, noWords)?.length).not.toBe(4);
  });

  it("reads a double surname of Taiwan as one before a given name, and as a surname and a given name alone (张简慧玲, 张简说)", () => {
    expect(readChineseName("张简慧玲说，", 0, noWords)?.length).toBe(4);
    expect(readChineseName("范姜文豪表示", 0, noWords)?.length).toBe(4);
    expect(readChineseName("张廖明，", 0, noWords)?.length).toBe(3);
    expect(readChineseName("张简说，", 0, noWords)?.length).toBe(2);
    expect(readChineseName("范姜和", 0, noWords)?.length).toBe(2);
  });

  it("reads three characters when the verb follows the third, two when it follows the second", () => {
    expect(readChineseName("宋善允出席", 0, noWords)?.length).toBe(3);
    expect(readChineseName("王明说，", 0, noWords)?.length).toBe(2);
  });

  it("ends the name before a dictionary word that starts at the second given character", () => {
    const words: WordAt = (i) => (i === 2 ? { length: 2, tag: "p" } : null);
    expect(readChineseName("王晨关于草案", 0, words)?.length).toBe(2);
  });

  it("never takes a function word into a given name, and needs a surname", () => {
    expect(readChineseName("王的书", 0, noWords)).toBeNull();
    expect(readChineseName("的王明", 0, noWords)).toBeNull();
  });

  it("reads a compound surname with its given name", () => {
    expect(readChineseName("欧阳明华说", 0, noWords)?.length).toBe(4);
  });

  it("does not take an unlikely second character before a digit into the name (王楠以3比1), a likely one it does", () => {
    expect(readChineseName("王楠以3比1获胜", 0, noWords)?.length).toBe(2);
    expect(readChineseName("王小明18日说", 0, noWords)?.length).toBe(3);
  });
});

describe("readGrammarGivenName", () => {
  it("reads a given name that opens with 和 or 有 up to a sure end, not a word of grammar (有关)", () => {
    expect(readGrammarGivenName("吕和平出席", 0, noWords)).toBe(3);
    expect(readGrammarGivenName("王有福说", 0, noWords)).toBe(3);
    expect(readGrammarGivenName("王有关部门", 0, (i) => (i === 1 ? { length: 2, tag: "vn" } : null))).toBe(0);
    expect(readGrammarGivenName("王明和平", 0, noWords)).toBe(0);
  });
});

describe("given-name plausibility and surname likelihood", () => {
  it("rates name characters high, everyday grammar words at zero", () => {
    expect(givenNamePlausibility("伟")).toBeGreaterThan(0.9);
    expect(givenNamePlausibility("的")).toBe(0);
    expect(givenNamePlausibility("说")).toBe(0);
  });

  it("knows common words that start with a surname character", () => {
    expect(isCommonWord("关心")).toBe(true);
    expect(isCommonWord("单位")).toBe(true);
    expect(isCommonWord("王明华")).toBe(false);
  });

  it("weighs common surnames above rare ones, compound ones in between", () => {
    expect(surnameLikelihood("王明", 0)).toBe(1);
    expect(surnameLikelihood("欧阳明", 0)).toBe(0.8);
    expect(surnameLikelihood("习近平", 0)).toBe(0.6);
    expect(surnameLikelihood("的明", 0)).toBe(0);
  });
});

describe("foreign and minority names", () => {
  it("reads a run of transliteration characters that ends at a boundary", () => {
    expect(readTransliteratedName("卡多索表示", 0)).toBe(3);
    expect(readTransliteratedName("卡多索的书", 0)).toBe(3);
    expect(readTransliteratedName("卡多索研究", 0)).toBe(0);
  });

  it("reads a name with · from its dot, stopping at a title before it", () => {
    const text = "副主席玛丽亚·贝克说";
    expect(readDottedNameAround(text, 6, (i) => i === 3)).toEqual({ start: 3, end: 9 });
  });

  it("reads a syllable the table lacks next to the dot when its part runs on in the table (吐尔贡·, ·文内斯兰)", () => {
    const before = "农民吐尔贡·沙吾提说";
    expect(readDottedNameAround(before, 5, (i) => i === 2)).toEqual({ start: 2, end: 9 });
    const after = "特使托尔·文内斯兰表示";
    expect(readDottedNameAround(after, 4, (i) => i === 2)).toEqual({ start: 2, end: 9 });
  });

  it("reads a hyphenated first part back to the title (让-皮埃尔·莫罗), and no verb before it", () => {
    const titled = "学者让-皮埃尔·莫罗认为";
    expect(readDottedNameAround(titled, 7, (i) => i === 2)).toEqual({ start: 2, end: 10 });
    const untitled = "他认为让-皮埃尔·莫罗的观点";
    expect(readDottedNameAround(untitled, 8, () => false)).toEqual({ start: 3, end: 11 });
  });

  it("reads a first part back to where another reading starts it, over syllables the table lacks (谢尔顿·)", () => {
    const text = "教练谢尔顿·米勒说";
    expect(readDottedNameAround(text, 5, (i) => i === 2)).toEqual({ start: 3, end: 8 });
    expect(readDottedNameAround(text, 5, (i) => i === 2, 2)).toEqual({ start: 2, end: 8 });
  });

  it("refuses an organisation or a slogan with ·", () => {
    expect(readDottedNameAround("施普林格·自然集团", 4, () => false)).toBeNull();
    expect(readDottedNameAround("奋进七十年·出彩", 5, () => false)).toBeNull();
  });

  it("reads Tibetan names of two syllables", () => {
    expect(readTibetanName("晋美旺措任团长", 0)).toBe(4);
    expect(readTibetanName("晋美旺盛", 0)).toBe(0);
  });

  it("reads a Tibetan name whose closing syllable the table lacks, made of the table's characters", () => {
    expect(readTibetanNameOpenEnd("次仁仓觉说", 0)).toBe(4);
    expect(readTibetanNameOpenEnd("晋美旺盛", 0)).toBe(0);
    expect(readTibetanNameOpenEnd("扎西平时", 0)).toBe(0);
    expect(readTibetanNameOpenEnd("次仁多吉", 0)).toBe(0);
    expect(readTibetanNameOpenEnd("王明仓觉", 0)).toBe(0);
  });
});

describe("role nouns in tiers", () => {
  it("finds the longest role noun ending at a position, with its tier", () => {
    expect(roleEndingAt("中央气象台首席预报员", 10)).toEqual({ word: "首席预报员", tier: "profession" });
    expect(roleEndingAt("县委书记", 4)).toEqual({ word: "书记", tier: "office" });
    expect(roleEndingAt("他的妻子", 4)).toEqual({ word: "妻子", tier: "kinship" });
    expect(roleEndingAt("天气晴朗", 4)).toBeNull();
  });

  it("gives each word one tier, the strongest", () => {
    expect(roleTier("党员")).toBe("profession");
    expect(roleTier("车主")).toBe("situation");
    expect(roleTier("风景")).toBeNull();
  });
});

describe("readMongolianName", () => {
  it("reads a name as elements, longest first, a one-character element only closing it", () => {
    expect(readMongolianName("额尔敦毕力格连胜五轮", 0)).toEqual({ length: 6, elements: 2 });
    // At the text's end an element is as long as what is left of the text (其其格, not 5).
    expect(readMongolianName("其其格", 0)).toEqual({ length: 3, elements: 1 });
    expect(readMongolianName("乌兰图雅", 0)).toEqual({ length: 4, elements: 2 });
    expect(readMongolianName("阿拉坦仓说", 0)).toEqual({ length: 4, elements: 2 });
    expect(readMongolianName("其木格介绍", 0)).toEqual({ length: 3, elements: 1 });
  });

  it("reads nothing where no element opens the text, and no closing character alone", () => {
    expect(readMongolianName("王明说", 0)).toBeNull();
    expect(readMongolianName("仓库里", 0)).toBeNull();
  });
});

describe("readTibetanName of one syllable", () => {
  it("reads one syllable only when asked to (旺堆 after a title)", () => {
    expect(readTibetanName("旺堆看得入迷", 0)).toBe(0);
    expect(readTibetanName("旺堆看得入迷", 0, 1)).toBe(2);
  });
});

describe("readDottedNameAround with characters of Uyghur and Kazakh names", () => {
  it("reads every part of the name (艾尔肯·吐尔逊), but not 则 after it", () => {
    expect(readDottedNameAround("店主艾尔肯·吐尔逊说", 5, (i) => i === 2)).toEqual({ start: 2, end: 9 });
    expect(readDottedNameAround("理查德·察金则盛赞", 3, () => false)).toEqual({ start: 0, end: 6 });
  });
});
