import { describe, expect, it } from "vitest";
import { parsePage, parsePageStructure } from "../../src/ingest/parse-page.ts";
import { structureOf } from "../support/structure.ts";

const ctx = { issueDate: "2026-06-05", region: { city: null, province: null } };
const I = "\u3000\u3000";
const N = "\u00a0\u00a0\u00a0\u00a0";

const read = (text: string) => structureOf(text, ctx.issueDate);

describe("e-paper structure: where articles begin", () => {
  it("opens an article only after an empty line, whatever the indent (no-break spaces here)", () => {
    const text = [
      "市气象局部署汛期服务",
      "本报讯\u00a0记者\u00a0王小明\u00a0报道6月4日，市气象局召开会议。",
      `${N}会议要求做好服务。`,
      `${N}各区县气象局参加会议。`,
      "",
      "全市启动防汛四级应急响应",
      "本报讯通讯\u00a0员\u00a0周小梅吴刚\u00a0报道近日，全市启动响应。",
      "",
    ].join("\n");
    const a = read(text);
    expect(a.map((x) => x.headline)).toEqual(["市气象局部署汛期服务", "全市启动防汛四级应急响应"]);
    expect(a.map((x) => [x.source, x.dateline, x.reporters, x.firstBodyChars])).toEqual([
      ["本报讯", "6月4日", ["王小明"], "6月4日，市气象局召开会议。会议要求做好"],
      ["本报讯", null, ["周小梅", "吴刚"], "近日，全市启动响应。"],
    ]);
  });

  it("ends a notice at its signing date, so that a heading right under it opens the next piece", () => {
    const notice = ["讣告", `${I}某市园林局原局长范启明同志因病逝世，享年90岁。`, `${I}某市园林局`];
    const next = ["城事简讯", `${I}全市新增口袋公园12座。`, ""];
    for (const date of ["2026年6月3日", "二〇二六年六月三日"]) {
      expect(read([...notice, `${I}${date}`, ...next].join("\n")).map((x) => [x.headline, x.firstBodyChars])).toEqual([
        ["讣告", "某市园林局原局长范启明同志因病逝世，享年"],
        ["城事简讯", "全市新增口袋公园12座。"],
      ]);
    }
    // A line that goes on after its date is text, not a signing date: the heading under it stays inside.
    const running = [...notice, `${I}2026年6月3日起`, ...next].join("\n");
    expect(read(running).map((x) => x.headline)).toEqual(["讣告"]);
  });

  it("still opens an article at a heading over an indented body when the page prints no empty line between articles", () => {
    const text = ["第一条消息", `${I}本报讯 全市今日召开会议。`, "第二条消息", `${I}本报讯 全县今日启动响应。`, ""].join("\n");
    expect(read(text).map((x) => [x.headline, x.firstBodyChars])).toEqual([
      ["第一条消息", "全市今日召开会议。"],
      ["第二条消息", "全县今日启动响应。"],
    ]);
  });

  it("keeps a 上接 line inside a block in the same article: the jump is printed, nothing continues", () => {
    const text = [
      "实验室评估启动",
      "本报记者 王小明 通讯员 李红 ",
      "  日前，评估工作正式启动。（下转第二版）",
      `${I}（上接第一版）`,
      "  此外，评估体现分类评价思路。",
      "",
    ].join("\n");
    const a = read(text);
    expect(a).toHaveLength(1);
    expect(a[0]).toMatchObject({
      source: "本报",
      dateline: null,
      reporters: ["王小明", "李红"],
      continuesOnPage: 2,
      continuedFromPage: null,
      paragraphs: ["日前，评估工作正式启动。", "此外，评估体现分类评价思路。"],
    });
  });

  it("reads a long unpunctuated line under the headline as the subheadline, and a glued commentator byline off it", () => {
    const deck = "——论做好新时代防汛救灾工作的几点认识人民日报评论员";
    const text = ["防汛救灾重在落实", deck, "  逐梦前行，风鹏正举。", "  各地要压实责任。", ""].join("\n");
    expect(read(text)[0]).toMatchObject({
      headline: "防汛救灾重在落实",
      subheadline: "——论做好新时代防汛救灾工作的几点认识",
      source: null,
      reporters: [],
      authors: [],
      firstBodyChars: "逐梦前行，风鹏正举。各地要压实责任。",
    });
  });

  it("takes 本报评论员 on a line of its own as the source 本报, naming no one", () => {
    const text = ["依法履职尽责", "——一论贯彻落实新法", "本报评论员", "  法治兴则生态兴。", ""].join("\n");
    expect(read(text)[0]).toMatchObject({ headline: "依法履职尽责", subheadline: "——一论贯彻落实新法", source: "本报", reporters: [] });
  });

  it("gives no dateline to a date that opens a body with no dispatch", () => {
    const text = ["", "站台上的约定", "", `${I}1月12日晚，列车又将出发。`, ""].join("\n");
    expect(read(text)[0]).toMatchObject({ kicker: null, headline: "站台上的约定", source: null, dateline: null });
  });
});

describe("e-paper structure: a plain export that indents no line", () => {
  it("runs a paragraph after a stray empty line on the article above; heading lines after an empty line open the next", () => {
    const text = [
      "湖滨公园改造完工",
      "江城晚报记者 王小明",
      "湖滨公园改造工程日前完工，新增绿地两万平方米。",
      "公园内新建了三处健身场地。",
      "",
      "记者在现场看到，不少市民前来散步。",
      "",
      "春季招聘会本周六在展览中心举行",
      "江城晚报记者 李强",
      "本周六，春季招聘会将在展览中心举行。",
      "招聘会提供岗位三千余个。",
      "",
      "主办方提醒求职者提前准备简历。",
    ].join("\n");
    expect(read(text).map((a) => [a.headline, a.reporters, a.firstBodyChars])).toEqual([
      ["湖滨公园改造完工", ["王小明"], "湖滨公园改造工程日前完工，新增绿地两万平"],
      ["春季招聘会本周六在展览中心举行", ["李强"], "本周六，春季招聘会将在展览中心举行。招聘"],
    ]);
  });

  it("still opens a brief of its own at a dispatch after an empty line", () => {
    const text = [
      "湖滨公园改造完工",
      "江城晚报记者 王小明",
      "湖滨公园改造工程日前完工，新增绿地两万平方米。",
      "公园内新建了三处健身场地。",
      "",
      "本报讯（记者 李强） 本周六，春季招聘会将在展览中心举行。",
      "招聘会提供岗位三千余个。",
    ].join("\n");
    expect(read(text).map((a) => [a.headline, a.source, a.reporters])).toEqual([
      ["湖滨公园改造完工", null, ["王小明"]],
      [null, "本报讯", ["李强"]],
    ]);
  });
});

describe("e-paper structure: dispatches and credits inside the article", () => {
  it("reads a dispatch after a deck, and every brief's dispatch in a round-up of briefs, keeping those that do not open the body in it", () => {
    const text = [
      "",
      "速览",
      "",
      `${I}首项操作开展`,
      `${I}本报北京2月20日电\u00a0\u00a0（记者王小明）人民银行开展操作。`,
      `${I}试验区落户北京`,
      `${I}本报北京2月20日电\u00a0\u00a0（记者励漪）试验区成立。`,
      "",
    ].join("\n");
    expect(read(text)).toMatchObject([
      { headline: "速览", source: "本报", dateline: "2月20日", reporters: ["王小明", "励漪"], firstBodyChars: "首项操作开展本报北京2月20日电（记者王" },
    ]);
  });

  it("cuts the dispatch that opens the body from it, and keeps the next brief's dispatch in it", () => {
    const text = ["", "简讯", "", `${I}◆本报讯（记者 王小明）5月31日，运动会开幕。`, `${I}◆本报讯（通讯员 李红）近日，书展举办。`, ""].join("\n");
    expect(read(text)[0]).toMatchObject({
      source: "本报讯",
      dateline: "5月31日",
      reporters: ["王小明", "李红"],
      firstBodyChars: "5月31日，运动会开幕。◆本报讯（通讯员",
    });
  });

  it("reads a dispatch that closes the article, alone in parentheses", () => {
    const text = ["", "书展搭建交流平台", "", `${I}10月16日至20日，书展举行。`, `${I}（本报柏林10月19日电）`, ""].join("\n");
    expect(read(text)[0]).toMatchObject({ source: "本报", dateline: "10月19日", paragraphs: ["10月16日至20日，书展举行。"] });
  });

  it("credits a photo item's photographers from a credit line of its own, and takes the caption paragraph as body", () => {
    const text = ["", "图片报道", "", `${I}图为工人在车间里忙碌。`, `${I}王\u00a0\u00a0芳摄（影像中国）`, ""].join("\n");
    expect(read(text)[0]).toMatchObject({ source: null, photographers: ["王芳"], firstBodyChars: "图为工人在车间里忙碌。" });
  });

  it("reads a picture-and-text item whose only text is its caption", () => {
    const text = `${["图片新闻", "正值抢收关键期，农户加紧抢收小麦。图为收割现场图/周大伟文/马小飞张宣", ""].join("\n")}${N}\n`;
    expect(read(text)[0]).toMatchObject({
      headline: "图片新闻",
      photographers: ["周大伟"],
      authors: ["马小飞", "张宣"],
      firstBodyChars: "正值抢收关键期，农户加紧抢收小麦。图为收",
    });
  });

  it("does not close an e-paper article at a closing credit: the next paragraph stays in it", () => {
    const text = ["", "别忽视农村防控", "", `${I}编者按：下面刊发读者来信。`, `${I}张海林`, `${I}村里安排专人值守。`, ""].join("\n");
    const a = read(text);
    expect(a).toHaveLength(1);
    expect(a[0]).toMatchObject({ authors: ["张海林"], paragraphs: ["编者按：下面刊发读者来信。", "村里安排专人值守。"] });
  });
});

describe("byline lines in other papers' forms", () => {
  it("reads a byline line with a lead mark and a closing 报道 as the byline, not as a subheadline", () => {
    const text = ["", "全市秋粮收获过半", "", "■本报记者 王小明 李红 报道", `${I}近日，全市秋粮收获过半。`, ""].join("\n");
    expect(read(text)[0]).toMatchObject({ subheadline: null, source: "本报", reporters: ["王小明", "李红"], firstBodyChars: "近日，全市秋粮收获过半。" });
  });

  it("reads 文/X and 作者：X lines: the second names an author", () => {
    const a = read(["", "春运记忆", "", "文/本报记者 王小明", `${I}春运又拉开了帷幕。`, "", "", "读书的味道", "", "作者：李红", `${I}书香满城。`, ""].join("\n"));
    expect(a.map((x) => [x.headline, x.source, x.reporters, x.authors])).toEqual([
      ["春运记忆", "本报", ["王小明"], []],
      ["读书的味道", null, [], ["李红"]],
    ]);
  });

  it("reads a byline closed by 文/图: the writers took the photos too", () => {
    const text = ["", "老街坊的新生活", "", "■本报记者 王晓燕 实习生 赵一鸣 文/图", `${I}退休教师周桂兰每天都来公园。`, ""].join("\n");
    expect(read(text)[0]).toMatchObject({ subheadline: null, source: "本报", reporters: ["王晓燕", "赵一鸣"], photographers: ["王晓燕", "赵一鸣"] });
    const opened = ["", "老街坊的新生活", "", "■文/图 新京报记者 王晓燕", `${I}退休教师周桂兰每天都来公园。`, ""].join("\n");
    expect(read(opened)[0]).toMatchObject({ subheadline: null, source: null, reporters: ["王晓燕"], photographers: ["王晓燕"] });
  });

  it("reads a 文/X 图/Y byline: the names after 图/ are the photographers", () => {
    const a = read(["", "春运记忆", "", "文/本报记者 王小明 图/本报记者 李强", `${I}春运又拉开了帷幕。`, "", "", "读书的味道", "", "文/李红 摄影/张伟", `${I}书香满城。`, ""].join("\n"));
    expect(a.map((x) => [x.headline, x.source, x.reporters, x.authors, x.photographers])).toEqual([
      ["春运记忆", "本报", ["王小明"], [], ["李强"]],
      ["读书的味道", null, [], ["李红"], ["张伟"]],
    ]);
  });

  it("reads a byline closed by 文并摄 as the writer's, who took the photos too, not as a caption credit", () => {
    const text = ["", "门东春色", "", "本报记者 钱峰 文并摄", `${I}老城南的门东街区，春日游人如织。`, ""].join("\n");
    expect(read(text)[0]).toMatchObject({ headline: "门东春色", source: "本报", reporters: ["钱峰"], photographers: ["钱峰"], captions: [] });
  });

  it("credits no one from a box's label that jieba knows as a common word (简讯), though its first character is a surname", () => {
    const text = ["", "春季招聘会本周六举行", `${I}本报讯 本周六，招聘会将在展览中心举行。`, "", `${I}简讯`, `${I}●图书馆将举办古籍修复展。`, ""].join("\n");
    expect(read(text)[0]).toMatchObject({ authors: [], reporters: [], paragraphs: ["本周六，招聘会将在展览中心举行。", "简讯", "●图书馆将举办古籍修复展。"] });
  });

  it("credits the names before /图 in a dispatch's parenthesis as photographers: 本报讯（记者 王小明/文 李强/图）", () => {
    const text = ["", "全市举行植树活动", `${I}本报讯（记者 王小明/文 李强/图）昨日，全市举行植树活动。`, ""].join("\n");
    expect(read(text)[0]).toMatchObject({ reporters: ["王小明"], photographers: ["李强"], firstBodyChars: "昨日，全市举行植树活动。" });
  });

  it("reads bylines of other marks, filed from a place, and of writers who did not report (◎, 发自上海, 撰文/摄影, 特约撰稿, 本报评论员 X)", () => {
    const byline = (line: string) => {
      const a = read(["", "春运记忆", "", line, `${I}春运又拉开了帷幕。`, ""].join("\n"));
      return a.map((x) => [x.headline, x.source, x.reporters, x.authors, x.photographers]);
    };
    expect(byline("◎本报记者 王小明")).toEqual([["春运记忆", "本报", ["王小明"], [], []]]);
    expect(byline("新京报记者 王小明 李红 发自上海")).toEqual([["春运记忆", null, ["王小明", "李红"], [], []]]);
    expect(byline("撰文/王小明 摄影/李强")).toEqual([["春运记忆", null, [], ["王小明"], ["李强"]]]);
    expect(byline("特约撰稿 王小明")).toEqual([["春运记忆", null, [], ["王小明"], []]]);
    expect(byline("本报评论员 王小明")).toEqual([["春运记忆", "本报", [], ["王小明"], []]]);
    expect(byline("□ 光明日报评论员 张三")).toEqual([["春运记忆", null, [], ["张三"], []]]);
  });

  it("keeps a label line that no rule reads in the byline slot (来源：人民网) in the article whose headline stands above it", () => {
    const text = ["", "春运记忆", "", "来源：人民网", `${I}春运又拉开了帷幕。`, "", "图片新闻", "", "北京首条自动驾驶公交线路开通", `${I}本报讯 首条线路开通。`, ""].join("\n");
    expect(read(text).map((x) => [x.headline, x.paragraphs])).toEqual([
      ["春运记忆", ["来源：人民网", "春运又拉开了帷幕。"]],
      ["北京首条自动驾驶公交线路开通", ["首条线路开通。"]],
    ]);
  });

  it("credits no one from （作者为…）", () => {
    const text = ["", "评论", "", `${I}发展是基础。`, `${I}（作者为某大学教授）`, ""].join("\n");
    expect(read(text)[0]).toMatchObject({ reporters: [], authors: [] });
  });
});

describe("e-paper structure: what city dailies print around and between articles", () => {
  it("reads two heading lines over an empty line as headline and subheadline where the page sets every body off its headings so", () => {
    const page = [
      "全市运动会落幕",
      "王小明夺得男子百米冠军",
      "",
      `${I}本报讯 全市运动会昨天落幕。`,
      "",
      "游泳馆今起开放",
      "",
      `${I}本报讯 游泳馆今起开放。`,
      "",
    ];
    expect(read(page.join("\n")).map((x) => [x.kicker, x.headline, x.subheadline])).toEqual([
      [null, "全市运动会落幕", "王小明夺得男子百米冠军"],
      [null, "游泳馆今起开放", null],
    ]);
  });

  it("still reads the empty line as the subheadline slot printed empty where the page prints its empty kicker slots too", () => {
    const page = [
      "聚焦全民健身",
      "全市运动会落幕",
      "",
      `${I}本报讯 全市运动会昨天落幕。`,
      "",
      "",
      "游泳馆今起开放",
      "",
      `${I}本报讯 游泳馆今起开放。`,
      "",
    ];
    expect(read(page.join("\n")).map((x) => [x.kicker, x.headline, x.subheadline])).toEqual([
      ["聚焦全民健身", "全市运动会落幕", null],
      [null, "游泳馆今起开放", null],
    ]);
  });

  it("reads a byline under the page's own paper's name, or a short form its name ends with, as naming the source, as 本报记者 does", () => {
    const page = (byline: string, publication: string | null) => {
      const text = ["春季招聘会本周六举行", byline, `${I}本周六，招聘会将在展览中心举行。`, ""].join("\n");
      const parsed = parsePageStructure(text, { ...ctx, publication });
      return parsed.articles.map((a) => [a.source, a.credits.map((c) => c.name)]);
    };
    expect(page("江城晚报/掌上江城记者 王小明", "江城晚报")).toEqual([["江城晚报", ["王小明"]]]);
    expect(page("导报记者 王小明", "海湾导报")).toEqual([["导报", ["王小明"]]]);
    expect(page("江城日报评论员", "江城日报")).toEqual([["江城日报", []]]);
    // Another paper's reporter, or a page whose paper is not known, names no source.
    expect(page("新京报记者 王小明", "江城晚报")).toEqual([[null, ["王小明"]]]);
    expect(page("江城晚报记者 王小明", null)).toEqual([[null, ["王小明"]]]);
    expect(page("江城日报评论员", "江城晚报")).toEqual([[null, []]]);
  });

  it("never reads a closing credit under the paper's own name as naming the source", () => {
    const text = ["春季招聘会本周六举行", `${I}本周六，招聘会将在展览中心举行。（江城晚报记者 王小明）`, ""].join("\n");
    expect(parsePageStructure(text, { ...ctx, publication: "江城晚报" }).articles.map((a) => a.source)).toEqual([null]);
  });

  it("reads a byline whose label opens with the paper's name and its app's brand (江城晚报/掌上江城记者 X) as the byline, not a subheadline", () => {
    const text = ["春季招聘会本周六举行", "江城晚报/掌上江城记者 王小明", `${I}本周六，招聘会将在展览中心举行。`, ""].join("\n");
    expect(read(text).map((x) => [x.headline, x.subheadline, x.reporters])).toEqual([["春季招聘会本周六举行", null, ["王小明"]]]);
  });

  it("leaves the running head (A05 南京新闻, the issue's date) out of the first article", () => {
    const text = ["A05 南京新闻", "2026年3月12日 星期四", "", "地铁5号线南段明年通车", `${I}本报讯 地铁5号线南段工程已进入装修阶段。`, ""].join("\n");
    expect(read(text).map((x) => [x.kicker, x.headline, x.firstBodyChars])).toEqual([[null, "地铁5号线南段明年通车", "地铁5号线南段工程已进入装修阶段。"]]);
    const glued = ["第A05版：要闻", "地铁5号线南段明年通车", `${I}本报讯 地铁5号线南段工程已进入装修阶段。`, ""].join("\n");
    expect(read(glued).map((x) => [x.kicker, x.headline])).toEqual([[null, "地铁5号线南段明年通车"]]);
  });

  it("leaves out running heads that put the date first, the section before the number or the paper's name beside the date", () => {
    const body = ["", "地铁5号线南段明年通车", `${I}本报讯 地铁5号线南段工程已进入装修阶段。`, ""];
    for (const head of ["2026年3月12日 星期四 A05 城事", "城事·A05", "第5版要闻", "扬子晚报 2026年3月12日", "2026年3月12日 星期四 新闻·综合 3"]) {
      expect(read([head, ...body].join("\n")).map((x) => [x.kicker, x.headline])).toEqual([[null, "地铁5号线南段明年通车"]]);
    }
  });

  it("leaves out a running head closed by the page's staff credits, padded names too", () => {
    const body = ["地铁5号线南段明年通车", `${I}本报讯 地铁5号线南段工程已进入装修阶段。`, ""];
    for (const head of ["B02\u30002026年3月12日\u3000星期四\u3000城事\u3000责任编辑：柯 岚", "2026年3月12日 星期四 城事 B02 责任编辑：柯岚 美术编辑：杜 云"]) {
      expect(read([head, ...body].join("\n")).map((x) => [x.kicker, x.headline, x.subheadline])).toEqual([[null, "地铁5号线南段明年通车", null]]);
    }
    // Without the page's number or date, what the credits leave is no running head.
    const label = ["城事手记 责任编辑：柯岚", ...body].join("\n");
    expect(read(label).map((x) => [x.headline, x.subheadline])).toEqual([["城事手记 责任编辑：柯岚", "地铁5号线南段明年通车"]]);
  });

  it("does not read a headline with a number set off by spaces as a running head", () => {
    const text = ["全市 12 个项目集中开工", `${I}本报讯 3月11日，全市12个重大项目集中开工。`, ""].join("\n");
    expect(read(text).map((x) => x.headline)).toEqual(["全市 12 个项目集中开工"]);
    const deck = ["新增岗位 300", "招聘会本周六举行", "", `${I}本报讯 本周六，招聘会将举行。`, ""].join("\n");
    expect(read(deck).map((x) => [x.kicker, x.headline])).toEqual([["新增岗位 300", "招聘会本周六举行"]]);
  });

  it("reads a first line that looks like a running head as the headline when the body runs right under it", () => {
    const text = ["100 天的坚守", `${I}本报讯 一百天来，他们坚守在一线。`, ""].join("\n");
    expect(read(text).map((x) => x.headline)).toEqual(["100 天的坚守"]);
  });

  it("leaves the page's staff credits (责任编辑：X　美术编辑：Y, 本版编辑 X 校对 Y) out of every article and every credit", () => {
    const text = [
      "春季招聘会本周六举行",
      `${I}本报讯 本周六，招聘会将在展览中心举行。（记者 周洁）`,
      "",
      `${I}责任编辑：李娜　美术编辑：周涛`,
      "本版编辑 孙立 校对 吴明",
      "本版责编：王芳　版式：李丽",
      "",
    ].join("\n");
    const a = read(text);
    expect(a.map((x) => [x.reporters, x.authors, x.paragraphs])).toEqual([[["周洁"], [], ["本周六，招聘会将在展览中心举行。"]]]);
  });

  it("cuts the notes that close an article's text without being part of it ((完), (编辑：X), (来源：X)) and credits no one from them", () => {
    const text = [
      "春运记忆",
      `${I}本报讯 春运又拉开了帷幕，全市旅客增长。（编辑：王琳）`,
      "",
      "春运二",
      `${I}本报讯 春运又拉开了帷幕。（记者 周洁）（完）`,
      "",
      "春运三",
      `${I}本报讯 春运又拉开了帷幕。（来源：人民网）`,
      "",
    ].join("\n");
    expect(read(text).map((x) => [x.headline, x.paragraphs, x.reporters, x.authors])).toEqual([
      ["春运记忆", ["春运又拉开了帷幕，全市旅客增长。"], [], []],
      ["春运二", ["春运又拉开了帷幕。"], ["周洁"], []],
      ["春运三", ["春运又拉开了帷幕。"], [], []],
    ]);
  });

  it("keeps a line that merely opens with a staff label (校对工作, 编辑部主任王某说) in the body", () => {
    const text = ["", "一份校样", "", `${I}本报讯 校对工作一丝不苟。`, `${I}编辑部主任王某说`, ""].join("\n");
    expect(read(text)[0]?.paragraphs).toEqual(["校对工作一丝不苟。", "编辑部主任王某说"]);
  });

  it("reads a lead-in ending in a colon over the headline as its kicker, not as an article of its own", () => {
    const text = ["", "聚焦春运：", "北京南站今日迎返程高峰", `${I}新京报讯（记者吴为）2月9日，北京南站迎来返程高峰。`, ""].join("\n");
    expect(read(text).map((x) => [x.kicker, x.headline, x.source, x.reporters])).toEqual([["聚焦春运：", "北京南站今日迎返程高峰", "新京报讯", ["吴为"]]]);
  });

  it("finds the articles of a page that indents every line alike, headings included, by what the lines say", () => {
    const text = [
      `${I}地铁5号线南段明年通车`,
      `${I}本报讯（记者 王晓燕）南段工程已进入装修阶段。`,
      "",
      `${I}车站装修进展顺利`,
      `${I}南段共设12座车站。`,
      "",
      `${I}春季招聘会本周六举行`,
      `${I}本报讯 本周六，招聘会将举行。（记者 周洁）`,
      "",
    ].join("\n");
    expect(read(text).map((x) => [x.headline, x.reporters, x.paragraphs])).toEqual([
      ["地铁5号线南段明年通车", ["王晓燕"], ["南段工程已进入装修阶段。", "车站装修进展顺利", "南段共设12座车站。"]],
      ["春季招聘会本周六举行", ["周洁"], ["本周六，招聘会将举行。"]],
    ]);
  });

  it("reads a column's label of a few characters over a headline as the kicker, with no empty slot to say so", () => {
    const text = ["", "暖心", "七旬老人迷路 民警护送回家", `${I}本报讯 11日上午，一位老人在新街口迷路。`, ""].join("\n");
    expect(read(text).map((x) => [x.kicker, x.headline, x.subheadline])).toEqual([["暖心", "七旬老人迷路 民警护送回家", null]]);
  });

  it("opens a piece of its own at a byline after an empty line with no headings over its body, taking the byline with it", () => {
    const text = [
      "春季招聘会本周六举行",
      `${I}本报讯 本周六，招聘会将在展览中心举行。（记者 周洁）`,
      "",
      "本报记者 钱峰",
      `${I}老城南的门东街区，春日游人如织。`,
      "",
    ].join("\n");
    expect(read(text).map((x) => [x.headline, x.source, x.reporters, x.firstBodyChars])).toEqual([
      ["春季招聘会本周六举行", "本报讯", ["周洁"], "本周六，招聘会将在展览中心举行。"],
      [null, "本报", ["钱峰"], "老城南的门东街区，春日游人如织。"],
    ]);
  });

  it("opens an article at heading lines over an indented byline when the page prints no empty line between articles", () => {
    const text = [
      "城南老街焕新颜",
      `${I}本报记者 张伟`,
      `${I}走进城南老街，青石板路焕然一新。`,
      "乡村振兴看这里：",
      "小山村里的共富工坊",
      `${I}本报通讯员 钱 进`,
      `${I}走进竹溪村，村民们正在赶制竹编。`,
      "",
    ].join("\n");
    expect(read(text).map((x) => [x.kicker, x.headline, x.reporters, x.firstBodyChars])).toEqual([
      [null, "城南老街焕新颜", ["张伟"], "走进城南老街，青石板路焕然一新。"],
      ["乡村振兴看这里：", "小山村里的共富工坊", ["钱进"], "走进竹溪村，村民们正在赶制竹编。"],
    ]);
  });

  it("opens the jumped tail printed with a headline of its own at a pickup standing after an empty line over it", () => {
    const text = [
      "夜市经济点亮城市",
      `${I}本报讯（记者 郑凯）夜幕降临，夜市里人头攒动。（下转第5版）`,
      "",
      "（上接第1版）",
      "市民生活更便利",
      `${I}据了解，今年还将新建社区食堂20个。`,
      "",
    ].join("\n");
    expect(read(text).map((x) => [x.headline, x.continuesOnPage, x.continuedFromPage, x.firstBodyChars])).toEqual([
      ["夜市经济点亮城市", 5, null, "夜幕降临，夜市里人头攒动。"],
      ["市民生活更便利", null, 1, "据了解，今年还将新建社区食堂20个。"],
    ]);
  });

  it("splits a plain page without indentation at its empty lines, one article each", () => {
    const text = [
      "口袋公园今年建成50个",
      "本报讯（记者 王小明）记者昨天获悉，今年将建成口袋公园50个。",
      "据介绍，公园将布局在小区周边。",
      "",
      "聚焦民生实事：",
      "社区食堂覆盖所有街道",
      "本报记者 李娜",
      "3月10日中午，老人们正在用餐。",
      "“饭菜可口。”张大爷说。",
      "",
    ].join("\n");
    expect(read(text).map((x) => [x.kicker, x.headline, x.source, x.reporters, x.paragraphs])).toEqual([
      [null, "口袋公园今年建成50个", "本报讯", ["王小明"], ["记者昨天获悉，今年将建成口袋公园50个。", "据介绍，公园将布局在小区周边。"]],
      ["聚焦民生实事：", "社区食堂覆盖所有街道", "本报", ["李娜"], ["3月10日中午，老人们正在用餐。", "“饭菜可口。”张大爷说。"]],
    ]);
  });
});

describe("a page wrapped at a column's width", () => {
  it("reads the dispatch parenthesis a wrap cut, its reporters, the dateline after it and the body", () => {
    const page = parsePageStructure(
      ["江边公园改造完成", `${I}本报讯（记者 钱立`, "平 通讯员 何晓燕）5月2", "日上午，江边公园改造", "工程通过验收。", ""].join("\n"),
      { issueDate: "2026-05-03" },
    );
    expect(page.articles[0]).toMatchObject({ source: "本报讯", dateline: "5月2日上午", eventDate: "2026-05-02" });
    expect(page.articles[0]!.credits.map((c) => c.name)).toEqual(["钱立平", "何晓燕"]);
    expect(page.articles[0]!.paragraphs.map((p) => p.text)).toEqual(["5月2日上午，江边公园改造工程通过验收。"]);
  });

  it("reads a Taiwan byline in brackets opening the body: credits, no source, no dateline", () => {
    const page = parsePage(["北市公園增設遮陽棚", `${I}〔記者陳美玲／台北報導〕5月2日起，台北市公園陸續增設遮陽棚。`, ""].join("\n"), { issueDate: "2026-05-03" });
    expect(page.articles[0]).toMatchObject({ source: null, dateline: null });
    expect(page.articles[0]!.credits.map((c) => c.name)).toEqual(["陳美玲"]);
    expect(page.articles[0]!.paragraphs[0]!.text.startsWith("5月2日起")).toBe(true);
  });

  it("joins a closing quote that the wrap cut off its sentence to the paragraph, and opens no article at it", () => {
    const text = ["全运会田径赛收官", `${I}本报讯 赛后他告诉记者：“起`, "跑比以前好很多。", "”", `${I}女子跳远冠军被江苏选手摘得。`, ""].join("\n");
    expect(read(text).map((a) => [a.headline, a.firstBodyChars])).toEqual([["全运会田径赛收官", "赛后他告诉记者：“起跑比以前好很多。”女"]]);
  });

  it("resolves the agency's day-only dispatch date against the issue", () => {
    const page = parsePageStructure(["花蓮賞鯨季開跑", `${I}（中央社記者李文台東28日電）賞鯨季今天開跑。`, ""].join("\n"), { issueDate: "2026-05-03" });
    expect(page.articles[0]).toMatchObject({ source: "中央社", dateline: "28日", eventDate: "2026-04-28" });
  });

  it("gives the dateline a line break cut, without the break", () => {
    const page = parsePageStructure("标题一号新闻\n\u3000\u3000本报讯（记者 陈思远）3\n月17日上午，记者从市住建局获悉。\n", { issueDate: "2026-03-18" });
    expect(page.articles[0]).toMatchObject({ source: "本报讯", dateline: "3月17日上午", eventDate: "2026-03-17" });
  });
});

describe("e-paper structure: bylines and boxes between articles printed without empty lines", () => {
  it("gives a byline printed right over a headline to the article under it when the one above has its own", () => {
    const text = ["第一条消息", `${I}本报讯（记者 王小明）全市今日召开会议。`, "■ 本报记者 李小红", "第二条消息", `${I}全县今日启动响应。`, ""].join("\n");
    expect(read(text).map((a) => [a.headline, a.source, a.reporters, a.firstBodyChars])).toEqual([
      ["第一条消息", "本报讯", ["王小明"], "全市今日召开会议。"],
      ["第二条消息", "本报", ["李小红"], "全县今日启动响应。"],
    ]);
  });

  it("keeps a byline under its own headline, and one under a report that names no writer, where they stand", () => {
    const under = ["第一条消息", "■ 本报记者 李小红", `${I}全县今日启动响应。`, ""].join("\n");
    expect(read(under).map((a) => [a.headline, a.reporters])).toEqual([["第一条消息", ["李小红"]]]);
    const closing = ["第一条消息", `${I}全市今日召开会议。`, "本报记者 李小红", "第二条消息", `${I}本报讯 全县今日启动响应。`, ""].join("\n");
    expect(read(closing).map((a) => [a.headline, a.reporters])).toEqual([
      ["第一条消息", ["李小红"]],
      ["第二条消息", []],
    ]);
  });

  it("opens an article at a heading over an indented byline that credits text and photo", () => {
    const text = ["第一条消息", `${I}本报讯 全市今日召开会议。`, "第二条消息", `${I}本报记者 李小红 文/摄`, `${I}早上6点，分拣站里已经忙碌起来。`, ""].join("\n");
    expect(read(text).map((a) => [a.headline, a.firstBodyChars])).toEqual([
      ["第一条消息", "全市今日召开会议。"],
      ["第二条消息", "早上6点，分拣站里已经忙碌起来。"],
    ]);
  });

  it("keeps the mark that opens the first brief of a box of briefs in its body, as a list's mark", () => {
    const text = [
      "速读",
      `${I}■ 6月10日，全市举办农机展。（记者 周 红）`,
      `${I}■ 全县完成麦收。（记者 李 明）`,
      "",
      "她们说",
      `${I}◎“我想学技术。”——某村村民`,
      `${I}◎“我想开网店。”——某镇店主`,
      "",
    ].join("\n");
    expect(read(text).map((a) => [a.headline, a.reporters, a.firstBodyChars])).toEqual([
      ["速读", ["周红", "李明"], "■6月10日，全市举办农机展。■全县完成"],
      ["她们说", [], "◎“我想学技术。”——某村村民◎“我想开"],
    ]);
  });

  it("gives the caption after an article's 下转 line to a headline right under it that has nothing else under it: a photo item", () => {
    const jumped = ["全市夏粮收购过半", `${I}本报讯（记者 王小明）6月11日，全市收购小麦超百万吨。（下转第3版）`, `${I}6月10日，农民在田间收割小麦。本报记者 李小红 摄`, ""];
    const next = ["全县启动防汛响应", `${I}本报讯（记者 周小梅）6月11日，全县启动防汛四级响应。`, ""];
    expect(read([...jumped, "麦收时节", "", ...next].join("\n")).map((a) => [a.headline, a.photographers, a.firstBodyChars, a.continuesOnPage])).toEqual([
      ["全市夏粮收购过半", [], "6月11日，全市收购小麦超百万吨。", 3],
      ["麦收时节", ["李小红"], "6月10日，农民在田间收割小麦。", null],
      ["全县启动防汛响应", [], "6月11日，全县启动防汛四级响应。", null],
    ]);
    // The same with an empty line before the caption.
    const spaced = [...jumped.slice(0, 2), "", ...jumped.slice(2)];
    expect(read([...spaced, "麦收时节", "", ...next].join("\n")).map((a) => [a.headline, a.photographers])).toEqual([
      ["全市夏粮收购过半", []],
      ["麦收时节", ["李小红"]],
      ["全县启动防汛响应", []],
    ]);
    // Where the article above has not jumped, the caption is its photo's, and the bare line heads nothing.
    const unjumped = [jumped[0]!, jumped[1]!.replace("（下转第3版）", ""), ...jumped.slice(2)];
    expect(read([...unjumped, "麦收时节", "", ...next].join("\n")).map((a) => [a.headline, a.photographers])).toEqual([
      ["全市夏粮收购过半", ["李小红"]],
      ["全县启动防汛响应", []],
    ]);
    // Under a headline with a body of its own, the caption stays with the jumped article it follows.
    expect(read([...jumped, ...next].join("\n")).map((a) => [a.headline, a.photographers])).toEqual([
      ["全市夏粮收购过半", ["李小红"]],
      ["全县启动防汛响应", []],
    ]);
  });
});
