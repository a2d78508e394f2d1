import { describe, expect, it } from "vitest";
import { creditRoleOf, looksLikePersonalName, parseCreditList, splitGluedNames } from "../../src/ingest/credit-names.ts";
import { foldForMatching } from "../../src/ingest/normalise.ts";

const list = (printed: string, unlabelledDotted = true) => {
  const f = foldForMatching(printed);
  return parseCreditList(f, 0, f.length, unlabelledDotted)?.map((c) => ({ ...c, printed: printed.slice(c.span.start, c.span.end) })) ?? null;
};

describe("looksLikePersonalName", () => {
  it("accepts names of the sample and a dotted minority name", () => {
    for (const n of ["殷雪莹", "梁涛", "丁洁", "李俊华", "梁琛", "欧阳修文", "阿不都·热合曼"]) expect(looksLikePersonalName(n)).toBe(true);
  });

  it("rejects words, one character, five characters and non-Han text", () => {
    for (const n of ["新华社", "以下简称", "完", "作者为研究员", "上图", "Li Hua", "张"]) expect(looksLikePersonalName(n)).toBe(false);
  });
});

describe("parseCreditList", () => {
  it("reads a name of a rare surname in a line of whole names with no label, beside a name the table vouches for", () => {
    expect(list("杭晓舟 蒲晓岚")?.map((c) => [c.label, c.name])).toEqual([
      [null, "杭晓舟"],
      [null, "蒲晓岚"],
    ]);
    // Alone, or beside a dictionary's word, nothing vouches for it.
    expect(list("杭晓舟", false)).toBeNull();
    expect(list("蒲晓岚 城市更新", false)).toBeNull();
  });

  it("reads a minority reporter's name with no Chinese surname after a label: Mongolian elements or transliteration characters", () => {
    expect(list("记者 其其格")?.map((c) => [c.label, c.name])).toEqual([["记者", "其其格"]]);
    expect(list("通讯员 乌兰图雅 阿斯哈尔")?.map((c) => [c.label, c.name])).toEqual([
      ["通讯员", "乌兰图雅"],
      ["通讯员", "阿斯哈尔"],
    ]);
    expect(list("记者 次仁罗布")?.map((c) => [c.label, c.name])).toEqual([["记者", "次仁罗布"]]);
    expect(list("记者 曲比阿依")?.map((c) => [c.label, c.name])).toEqual([["记者", "曲比阿依"]]);
    // Without a label nothing vouches for it, and prose after a label is no name.
    expect(list("阿斯哈尔", false)).toBeNull();
    expect(list("记者 调查发现")).toBeNull();
  });

  it("reads a Japanese name of a listed surname after a label, and no unlisted one", () => {
    expect(list("记者 中村千代子")?.map((c) => [c.label, c.name])).toEqual([["记者", "中村千代子"]]);
    expect(list("记者 全部调查")).toBeNull();
  });

  it("reads a paper's name with a qualifier or a brand before 记者 as one label, and an app brand before the paper's name left out", () => {
    expect(list("东海市晚报全媒体记者 韩立新")?.map((c) => [c.label, c.name])).toEqual([["东海市晚报全媒体记者", "韩立新"]]);
    expect(list("西江都市报极目新闻记者 韩立新")?.map((c) => [c.label, c.name])).toEqual([["西江都市报极目新闻记者", "韩立新"]]);
    expect(list("浪花新闻 东海晚报记者 韩 立 通讯员 曹 敏")?.map((c) => [c.label, c.name])).toEqual([
      ["东海晚报记者", "韩立"],
      ["通讯员", "曹敏"],
    ]);
    // A brand standing alone before a name is no label.
    expect(list("浪花新闻 韩立新")).toBeNull();
  });

  it("reads 编译/X as a translator-editor's credit, an author", () => {
    const names = list("编译/韩 立");
    expect(names?.map((c) => [c.label, c.name])).toEqual([["编译", "韩立"]]);
    expect(creditRoleOf(names![0]!)).toBe("AUTHOR");
  });

  it("reads a labelled list separated by 、", () => {
    expect(list("记者 殷雪莹、梁涛、丁洁")?.map((c) => [c.label, c.name])).toEqual([
      ["记者", "殷雪莹"],
      ["记者", "梁涛"],
      ["记者", "丁洁"],
    ]);
  });

  it("puts a padded two-character name back together and spans it as printed", () => {
    expect(list("本报记者\u3000刘\u3000洋\u3000孙丽华")?.map((c) => [c.name, c.printed])).toEqual([
      ["刘洋", "刘\u3000洋"],
      ["孙丽华", "孙丽华"],
    ]);
  });

  it("puts a surname set apart from its two-character given name back together, and spans it as printed", () => {
    expect(list("本报记者 魏　志远")?.map((c) => [c.name, c.printed])).toEqual([["魏志远", "魏　志远"]]);
    expect(list("记者 魏  志远 李强")?.map((c) => c.name)).toEqual(["魏志远", "李强"]);
  });

  it("puts a compound surname set apart from its one-character given name back together, and spans it as printed", () => {
    expect(list("本报记者 欧阳　琳 李强")?.map((c) => [c.name, c.printed])).toEqual([
      ["欧阳琳", "欧阳　琳"],
      ["李强", "李强"],
    ]);
    expect(list("记者 上官 岚")?.map((c) => c.name)).toEqual(["上官岚"]);
  });

  it("puts a three-character name pulled apart by spaces back together, and reads four single characters as two names", () => {
    expect(list("记者 王 晓 明 通讯员 李 强")?.map((c) => [c.label, c.name, c.printed])).toEqual([
      ["记者", "王晓明", "王 晓 明"],
      ["通讯员", "李强", "李 强"],
    ]);
    expect(list("通讯员 李 娜 杨 军")?.map((c) => c.name)).toEqual(["李娜", "杨军"]);
  });

  it("reads a label that opens with a paper's name before its web or app brand, set off by a slash or a dot", () => {
    expect(list("江城晚报/掌上江城记者 王小明")?.map((c) => [c.label, c.name])).toEqual([["江城晚报/掌上江城记者", "王小明"]]);
    expect(list("江城日报·江城网记者 李强")?.map((c) => [c.label, c.name])).toEqual([["江城日报·江城网记者", "李强"]]);
    expect(list("江城日报-江城网记者 李强")?.map((c) => [c.label, c.name])).toEqual([["江城日报-江城网记者", "李强"]]);
    // A space may stand between the medium and its brand's label: the pair names no one.
    expect(list("江城晚报·掌上江城 记者 张 三")?.map((c) => [c.label, c.name])).toEqual([["江城晚报·掌上江城记者", "张三"]]);
    expect(list("江城日报·江城网驻巴西记者 王小明")?.map((c) => [c.label, c.name])).toEqual([["江城日报·江城网驻巴西记者", "王小明"]]);
    // A name before a slash is a name: only a medium's name opens such a label.
    expect(list("记者 王小明/通讯员 李强")?.map((c) => [c.label, c.name])).toEqual([
      ["记者", "王小明"],
      ["通讯员", "李强"],
    ]);
  });

  it("reads a label glued to the name: 记者王晓明", () => {
    expect(list("记者王晓明")?.map((c) => [c.label, c.name])).toEqual([["记者", "王晓明"]]);
  });

  it("reads the role marks /文 and /图 after names: the names before /图 (or /摄) took the photos", () => {
    expect(list("记者 王小明/文 李强/图")?.map((c) => [c.name, c.label, c.photographer ?? false])).toEqual([
      ["王小明", "记者", false],
      ["李强", "记者", true],
    ]);
    expect(list("记者 王小明 李强/摄")?.map((c) => [c.name, c.photographer ?? false])).toEqual([
      ["王小明", true],
      ["李强", true],
    ]);
  });

  it("refuses a clause that is not a name list", () => {
    expect(list("以下简称促进中心")).toBeNull();
    expect(list("作者为中国社会科学院研究员")).toBeNull();
  });

  it("refuses a label glued to a word before a colon, a field's name (作者单位：…), and still reads 作者：X", () => {
    expect(list("作者单位：江城师范大学文学院")).toBeNull();
    expect(list("作者简介：王明远")).toBeNull();
    expect(list("作者：王明远")?.map((c) => [c.label, c.name])).toEqual([["作者", "王明远"]]);
  });

  it("refuses an unlabelled dotted column name on a line of its own: 走基层·蹲点调研", () => {
    expect(list("走基层·蹲点调研", false)).toBeNull();
  });
});

describe("names printed without separators", () => {
  it("splits glued names at the likeliest surname boundaries", () => {
    expect(splitGluedNames("柯青罗丹")).toEqual(["柯青", "罗丹"]);
    expect(splitGluedNames("孙明月王小红张伟")).toEqual(["孙明月", "王小红", "张伟"]);
    // 梅 is a surname too, but a common surname inside a given name (梅张…) is the unlikelier reading.
    expect(splitGluedNames("赵红梅张强")).toEqual(["赵红梅", "张强"]);
  });

  it("refuses text that is not names only", () => {
    expect(splitGluedNames("以下简称促进")).toBeNull();
    expect(splitGluedNames("王力对本文有贡献")).toBeNull();
    expect(splitGluedNames("李华")).toBeNull();
  });

  it("reads a label split by a space and the glued names after it", () => {
    expect(list("本报通讯\u00a0员\u00a0周小梅吴刚")?.map((c) => [c.label, c.name])).toEqual([
      ["本报通讯员", "周小梅"],
      ["本报通讯员", "吴刚"],
    ]);
  });

  it("reads a label glued to several glued names", () => {
    expect(list("通讯员林青青马东")?.map((c) => [c.label, c.name, c.printed])).toEqual([
      ["通讯员", "林青青", "林青青"],
      ["通讯员", "马东", "马东"],
    ]);
  });

  it("reads a joint byline naming another outlet in book-title marks", () => {
    expect(list("本报记者王小丽《城市周刊》记者 高峰")?.map((c) => [c.label, c.name])).toEqual([
      ["本报记者", "王小丽"],
      ["记者", "高峰"],
    ]);
  });

  it("splits unlabelled glued names only when the caller knows it is a credit", () => {
    const f = foldForMatching("王小丽高峰");
    expect(parseCreditList(f, 0, f.length)).toBeNull();
    expect(parseCreditList(f, 0, f.length, { gluedUnlabelled: true })?.map((c) => c.name)).toEqual(["王小丽", "高峰"]);
  });
});
