import { describe, expect, it } from "vitest";
import { creditLineNames } from "../../src/ingest/credit-lines.ts";
import { foldForMatching } from "../../src/ingest/normalise.ts";

const credits = (printed: string) => {
  const folded = foldForMatching(printed);
  const names = creditLineNames(folded, { line: 0, start: 0, end: folded.length, hashes: 0, indented: false });
  return names === null ? null : names.map((d) => `${d.role}:${d.name.name}`);
};

describe("byline lines of city papers", () => {
  it("reads 文·图/X and 文：X as the writer's byline, the first one with the photos too", () => {
    expect(credits("文·图/王小明")).toEqual(["AUTHOR:王小明", "PHOTOGRAPHER:王小明"]);
    expect(credits("文：王小明")).toEqual(["AUTHOR:王小明"]);
  });

  it("reads a closing credit in parentheses with 文/摄 or 文/图 as one person's text and photos, padded names too", () => {
    expect(credits("（本报记者 应 岚 文/摄）")).toEqual(["REPORTER:应岚", "PHOTOGRAPHER:应岚"]);
    expect(credits("（记者 应岚 文/图）")).toEqual(["REPORTER:应岚", "PHOTOGRAPHER:应岚"]);
    // Without 文/摄 the closing credit names the writer alone; where it was filed from is no credit of this kind.
    expect(credits("（本报记者 应 岚）")).toEqual(["REPORTER:应岚"]);
    expect(credits("（本报记者 应岚 发自北京）")).toBeNull();
  });

  it("reads a closing 采写：line as its reporters' credit, labels stripped", () => {
    expect(credits("采写：江都记者 王小明 通讯员 李红")).toEqual(["REPORTER:王小明", "REPORTER:李红"]);
    expect(credits("采写/记者 王小明")).toEqual(["REPORTER:王小明"]);
    // A line that only opens with the word is no credit.
    expect(credits("采写：这篇报道花了三天")).toBeNull();
  });

  it("reads a byline opened by a mark with the writer's unit before the name (□ 某医院某科 X), the unit left out", () => {
    expect(credits("□ 江城市第一人民医院心内科 王  明")).toEqual(["AUTHOR:王明"]);
    expect(credits("■ 江城大学化学学院 李红")).toEqual(["AUTHOR:李红"]);
    // Without a mark, a unit and a name are no byline.
    expect(credits("江城市第一人民医院心内科 王明")).toBeNull();
  });

  it("reads a closing credit in parentheses of the writer's unit and name (（某市纪委监委 X）), the unit left out", () => {
    expect(credits("（江城市纪委监委 欧阳青）")).toEqual(["AUTHOR:欧阳青"]);
    expect(credits("（东湖区财政局 李  红）")).toEqual(["AUTHOR:李红"]);
    // A unit with nothing after it, or a unit before a word that is no name, is no credit.
    expect(credits("（江城市纪委监委）")).toBeNull();
    expect(credits("（江城市纪委监委 供稿）")).toBeNull();
  });

  it("reads a letter's signature whose place and job follow in parentheses (X（江城市／教师）) as its author", () => {
    expect(credits("林美玲（江城市／护理师）")).toEqual(["AUTHOR:林美玲"]);
    expect(credits("欧阳青（东湖区/退休教师）")).toEqual(["AUTHOR:欧阳青"]);
    // One part alone is no place and job, and a sentence before them is no signature.
    expect(credits("林美玲（江城市）")).toBeNull();
    expect(credits("这是我的意见（江城市／护理师）")).toBeNull();
  });

  it("reads 作者：X as the author's byline, a rare surname vouched for by the label; 作者：记者 X as a reporter's", () => {
    expect(credits("作者：木晓兰")).toEqual(["AUTHOR:木晓兰"]);
    expect(credits("作者：记者 王小明")).toEqual(["REPORTER:王小明"]);
    // A field of the author's unit is no byline.
    expect(credits("（作者单位：江城大学文学院）")).toBeNull();
  });

  it("reads no writer in a column's name (江城时评), a line of its own over the headline", () => {
    expect(credits("江城时评")).toBeNull();
    expect(credits("王时平")).toEqual(["AUTHOR:王时平"]);
  });

  it("reads the photographer after 摄影 set off by a space: 撰文 X 摄影 Y", () => {
    expect(credits("撰文 王小明 摄影 李红")).toEqual(["AUTHOR:王小明", "PHOTOGRAPHER:李红"]);
  });

  it("leaves out the people credited for video, posters or graphics, and still reads the others", () => {
    expect(credits("文/王小明 图/李红 视频/张强")).toEqual(["AUTHOR:王小明", "PHOTOGRAPHER:李红"]);
    expect(credits("本报记者 王小明 海报：张强")).toEqual(["REPORTER:王小明"]);
  });

  it("ends the names before the place a report was filed from and the work done (上海报道, 整理, 编译)", () => {
    expect(credits("本报记者 曹晓东 上海报道")).toEqual(["REPORTER:曹晓东"]);
    expect(credits("记者 刘洋 整理")).toEqual(["REPORTER:刘洋"]);
    expect(credits("(记者 王丽 编译)")).toEqual(["REPORTER:王丽"]);
    // A name glued to 报道 is no place: it stays a name.
    expect(credits("本报记者 王明 李强报道")).toEqual(["REPORTER:王明", "REPORTER:李强"]);
  });

  it("reads no byline in a line of prose that opens like one", () => {
    expect(credits("文：这是一篇关于春天的文章")).toBeNull();
    expect(credits("视频/张强")).toBeNull();
  });

  it("reads no name in a genre label glued to a commentator's label (本报评论员文章)", () => {
    expect(credits("本报评论员文章")).toBeNull();
    expect(credits("本报评论员 王小明")).toEqual(["AUTHOR:王小明"]);
  });

  it("reads a reader's signature under a letter as its author, and no name in 读者来信", () => {
    expect(credits("读者 王小明")).toEqual(["AUTHOR:王小明"]);
    expect(credits("读者来信")).toBeNull();
  });

  it("reads the name of a letter's signature after the writer's place, and no place as a name", () => {
    expect(credits("（洪山区　甄晓玲）")).toEqual(["AUTHOR:甄晓玲"]);
    expect(credits("（江城市南湖镇 甄晓玲）")).toEqual(["AUTHOR:甄晓玲"]);
    expect(credits("(读者 南湖镇 甄晓玲)")).toEqual(["AUTHOR:甄晓玲"]);
    expect(credits("（洪山区）")).toBeNull();
    expect(credits("（本报记者　区伟明）")).toEqual(["REPORTER:区伟明"]);
  });

  it("reads no name in a column's or box's label opening with 读者 or 作者 (读者问答, 作者简介), but a name set off after them", () => {
    expect(credits("读者问答")).toBeNull();
    expect(credits("作者简介")).toBeNull();
    expect(credits("读者邱晓燕")).toEqual(["AUTHOR:邱晓燕"]);
    expect(credits("读者 邱晓燕")).toEqual(["AUTHOR:邱晓燕"]);
  });

  it("reads the 作者： field of an e-paper crawl as a byline, with the labels inside it", () => {
    expect(credits("作者：记者 王小明 实习生 李红")).toEqual(["REPORTER:王小明", "REPORTER:李红"]);
    expect(credits("作者：王小明")).toEqual(["AUTHOR:王小明"]);
    expect(credits("作者：本报记者")).toBeNull();
  });
});

describe("byline lines of Hong Kong and Taiwan papers", () => {
  it("ends the names at the slash before the place a Taiwan report was filed from (记者王小明／台北报导)", () => {
    expect(credits("记者王小明／台北报导")).toEqual(["REPORTER:王小明"]);
    expect(credits("记者陈大文、林美玲/高雄报导")).toEqual(["REPORTER:陈大文", "REPORTER:林美玲"]);
  });

  it("reads a byline in 【】 or 〔〕 as one in parentheses", () => {
    expect(credits("〔记者陈大文／高雄报导〕")).toEqual(["REPORTER:陈大文"]);
    expect(credits("【记者 李嘉欣】")).toEqual(["REPORTER:李嘉欣"]);
  });
});
