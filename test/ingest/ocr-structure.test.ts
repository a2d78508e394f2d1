import { describe, expect, it } from "vitest";
import { structureOf } from "../support/structure.ts";

const I = "\u3000\u3000";

const read = (text: string) => structureOf(text, "2026-06-12");

describe("OCR form: headings", () => {
  it("reads a lead-in that OCR marked as a heading of another level as the kicker over the headline", () => {
    const text = ["## 关注夏粮收购——", "", "# 全市收购小麦超百万吨", "", "本报讯（记者 王小明）6月11日，记者获悉。"].join("\n");
    expect(read(text).map((a) => [a.kicker, a.headline, a.subheadline])).toEqual([["关注夏粮收购——", "全市收购小麦超百万吨", null]]);
  });

  it("reads a box of one heading-like line under its headline, with nothing under it, as the box's text", () => {
    const text = ["# 全市收购小麦超百万吨", "", "本报讯（记者 王小明）6月11日，记者获悉。", "", "## 今日天气", "", "多云 15℃～26℃ 南风2级"].join("\n");
    const a = read(text);
    expect(a.map((x) => [x.headline, x.subheadline, x.firstBodyChars])).toEqual([
      ["全市收购小麦超百万吨", null, "6月11日，记者获悉。"],
      ["今日天气", null, "多云15℃～26℃南风2级"],
    ]);
  });

  it("leaves a running head of date, weekday, section and a bare page number out of the first article", () => {
    const text = ["2026年6月12日 星期五 新闻·综合 3", "", "# 全市收购小麦超百万吨", "", "本报讯（记者 王小明）6月11日，记者获悉。"].join("\n");
    expect(read(text).map((a) => [a.kicker, a.headline])).toEqual([[null, "全市收购小麦超百万吨"]]);
  });

  it("keeps a headline with a subheadline and a jump but no body of its own as printed", () => {
    const text = ["# 全市收购小麦超百万吨", "", "夏粮收购进度过半", "", "（下转第3版）"].join("\n");
    expect(read(text).map((x) => [x.headline, x.subheadline, x.continuesOnPage])).toEqual([["全市收购小麦超百万吨", "夏粮收购进度过半", 3]]);
  });
});

describe("OCR form: a round-up of briefs", () => {
  it("reads briefs that open with the bullet of the first brief's dispatch as one item, crediting every brief's reporters", () => {
    const text = [
      "## 城事速览",
      "",
      "●据新华社电 6月11日，全省夏粮收购进度过半。",
      "",
      "●本报讯 市图书馆新馆今天开放。",
      "",
      "●本报讯(记者 欧阳 琳) 第三届读书节日前开幕。",
    ].join("\n");
    expect(read(text).map((a) => [a.headline, a.source, a.dateline, a.reporters, a.firstBodyChars])).toEqual([
      ["城事速览", "据新华社", "6月11日", ["欧阳琳"], "6月11日，全省夏粮收购进度过半。●本报"],
    ]);
  });

  it("still opens an article at a dispatch printed without the first brief's bullet", () => {
    const text = ["## 城事速览", "", "●据新华社电 6月11日，全省夏粮收购进度过半。", "", "本报讯(记者 王小明) 市图书馆新馆今天开放。"].join("\n");
    expect(read(text).map((a) => [a.headline, a.source, a.reporters])).toEqual([
      ["城事速览", "据新华社", []],
      [null, "本报讯", ["王小明"]],
    ]);
  });
});

describe("OCR form without #: a column's label over a headline inside a running text", () => {
  const report = ["湖滨路拓宽工程完工", "", "本报讯（记者 甘小林）5月8日，湖滨路拓宽工程完工通车。", "", "工程历时八个月，道路由双向两车道拓宽为四车道。"];
  const read3 = (lines: string[]) => read(lines.join("\n")).map((a) => [a.kicker, a.headline, a.subheadline, a.reporters, a.authors]);

  it("opens a signed piece at a label and headline under a report, its closing credit its own", () => {
    const piece = ["城事观察", "", "莫把小事当小事", "", "一盏路灯、一段台阶，都关系到居民出行。", "", "（柯 远）"];
    expect(read3([...report, "", ...piece])).toEqual([
      [null, "湖滨路拓宽工程完工", null, ["甘小林"], []],
      ["城事观察", "莫把小事当小事", null, [], ["柯远"]],
    ]);
  });

  it("does so for a bracketed label, a credit closing the last paragraph and a deck under the headline", () => {
    const piece = ["【百姓心声】", "", "楼道灯坏了谁来修", "", "——来自湖滨社区的来信", "", "楼道灯坏了半个月，至今没人来修。（读者 蒋 平）"];
    expect(read3([...report, "", ...piece])).toEqual([
      [null, "湖滨路拓宽工程完工", null, ["甘小林"], []],
      ["【百姓心声】", "楼道灯坏了谁来修", "——来自湖滨社区的来信", [], ["蒋平"]],
    ]);
  });

  it("opens an article at a label over a headline and a dash deck, signed or not", () => {
    const piece = ["城事观察", "", "老街夜市为何冷清", "", "——来自城西老街的调查", "", "晚上八点，老街上的摊位只开了一半。"];
    expect(read3([...report, "", ...piece]).map((a) => a.slice(0, 3))).toEqual([
      [null, "湖滨路拓宽工程完工", null],
      ["城事观察", "老街夜市为何冷清", "——来自城西老街的调查"],
    ]);
  });

  it("keeps a box inside a report, with no credit of its own, as the report's text", () => {
    const box = ["相关链接", "", "什么是四车道", "", "四车道是指双向各有两条车道的道路。"];
    const a = read([...report, "", ...box].join("\n"));
    expect(a.map((x) => x.headline)).toEqual(["湖滨路拓宽工程完工"]);
  });

  it("keeps a label and a subheading inside a signed piece with no credit above them as its text", () => {
    const text = ["莫把小事当小事", "", "一盏路灯、一段台阶，都关系到居民出行。", "", "观点", "", "小事办好了才有口碑", "", "把小事办好，群众才会点赞。", "", "（柯 远）"];
    expect(read3(text)).toEqual([[null, "莫把小事当小事", null, [], ["柯远"]]]);
  });

  it("keeps a lead-in with a dash over a subheading inside a report as its text", () => {
    const inner = ["变化——", "", "荒坡变成了果园", "", "十年前这里还是一片石头山。", "", "（甘小林）"];
    expect(read([...report, "", ...inner].join("\n")).map((x) => x.headline)).toEqual(["湖滨路拓宽工程完工"]);
  });
});

describe("OCR form wrapped at a column's width", () => {
  it("reads a paragraph's first line, as long as the wrap and run on by the next line, as body, not as a subheadline", () => {
    const text = [
      "# 小巷里的修鞋铺",
      "",
      "本报记者 方晓燕",
      "",
      "穿过老城区一条窄窄的小巷,修鞋匠老周的铺子",
      "已经开了二十多年。每天清晨,他都会准时支起",
      "小摊,街坊们拿着坏了的鞋子陆续找上门来,他",
      "总是笑呵呵地接过去,边修边和大家拉家常,一",
      "双鞋只收几块钱。",
      "",
      "# 夜市经营为何难以为继",
      "",
      "夜市客流下滑,摊主们还能坚持多久?记者连续",
      "几晚走访了城西夜市,听摊主们讲述经营之难。",
    ].join("\n");
    expect(read(text).map((a) => [a.headline, a.subheadline, a.firstBodyChars])).toEqual([
      ["小巷里的修鞋铺", null, "穿过老城区一条窄窄的小巷,修鞋匠老周的铺"],
      ["夜市经营为何难以为继", null, "夜市客流下滑,摊主们还能坚持多久?记者连"],
    ]);
  });

  const wrappedReport = [
    "穿过老城区一条窄窄的小巷,修鞋匠老周的铺子",
    "已经开了二十多年。每天清晨,他都会准时支起",
    "小摊,街坊们拿着坏了的鞋子陆续找上门来,他",
    "总是笑呵呵地接过去,边修边和大家拉家常,一",
  ];

  it("reads a dispatch whose designation a wrap cut, under a headline, as the dispatch and not as a subheadline", () => {
    const text = ["# 高铁新站投入使用", "", "据新华社成都6月", "11日电 成都东部新区高铁新站11日投入使用。", "", ...wrappedReport, "双鞋只收几块钱。"].join("\n");
    expect(read(text).map((a) => [a.subheadline, a.source, a.dateline, a.firstBodyChars])).toEqual([
      [null, "据新华社", "6月11日", "成都东部新区高铁新站11日投入使用。穿过"],
    ]);
  });

  it("reads a closing credit a wrap cut, through the line break", () => {
    const text = ["# 小巷里的修鞋铺", "", ...wrappedReport, "双鞋只收几块钱。(本报记者 方", "晓燕)", "", "# 夜市人气旺", "", "本报讯 6月11日,夜市开市。"].join("\n");
    const [a, b] = read(text);
    expect([a!.reporters, a!.firstBodyChars, b!.headline]).toEqual([["方晓燕"], "穿过老城区一条窄窄的小巷,修鞋匠老周的铺", "夜市人气旺"]);
  });

  it("reads a caption a wrap cut as one caption of the article above, and the next headline without a kicker", () => {
    const text = ["# 小巷里的修鞋铺", "", ...wrappedReport, "双鞋只收几块钱。", "", "老周正在为街坊修补一双穿了十多年的旧皮", "鞋。本报记者 方晓燕 摄", "", "# 夜市人气旺", "", "本报讯 6月11日,夜市开市。"].join("\n");
    const [a, b] = read(text);
    expect([a!.captions.map((c) => ({ ...c, text: c.text.replace(/\s/g, "") })), a!.photographers, b!.kicker, b!.headline]).toEqual([
      [{ text: "老周正在为街坊修补一双穿了十多年的旧皮鞋。", photographer: "方晓燕" }],
      ["方晓燕"],
      null,
      "夜市人气旺",
    ]);
  });

  it("reads a caption whose credit label the wrap cut (本报记 / 者 X 摄), and opens the article under it", () => {
    const text = [
      "# 小巷里的修鞋铺", "", ...wrappedReport, "双鞋只收几块钱。", "",
      "老周正在为街坊修补一双穿旧了的皮鞋。本报记", "者 方晓燕 摄", "",
      "夜市经营为何难以为继", "", "夜市客流下滑,摊主们还能坚持多久?记者连续", "几晚走访了城西夜市,听摊主们讲述经营之难。",
    ].join("\n");
    const [a, b] = read(text);
    expect([a!.photographers, b?.headline, b?.kicker]).toEqual([["方晓燕"], "夜市经营为何难以为继", null]);
  });

  it("keeps a subheadline over a dispatch as a subheadline", () => {
    const text = ["# 小巷里的修鞋铺开到了第三代", "", "老手艺坚守城市记忆里的温度", "", "本报讯(记者 方晓燕) 6月11日,穿过老城区一条窄窄", "的小巷,修鞋匠老周的铺子已经开了二十多年了", "。"].join("\n");
    expect(read(text).map((a) => [a.subheadline, a.dateline])).toEqual([["老手艺坚守城市记忆里的温度", "6月11日"]]);
  });
});

describe("OCR form: a note of where the piece comes from under its headline", () => {
  it("reads 来源：X as neither subheadline, nor body, nor a credit, and the dispatch under it opens the body", () => {
    const text = ["# 老城区完成雨污分流改造", "", "来源：城南融媒体中心", "", "本报讯(记者 方晓燕) 6月11日,老城区雨污分流改造完工。"].join("\n");
    expect(read(text).map((a) => [a.headline, a.subheadline, a.source, a.reporters, a.dateline, a.firstBodyChars])).toEqual([
      ["老城区完成雨污分流改造", null, "本报讯", ["方晓燕"], "6月11日", "6月11日,老城区雨污分流改造完工。"],
    ]);
  });
});

describe("OCR form without # marks (a PDF's text): where articles begin", () => {
  const first = ["城西新区又添两所学校", "", "本报讯（记者 王小明）6月11日，两所学校开工。", "", "学校将于明年秋季招生。", ""];

  it("opens an article at heading lines over a byline", () => {
    const text = [...first, "老街巷里的修鞋匠", "", "本报记者 李红 文/图", "", "清晨六点，老张的修鞋摊就摆出来了。"].join("\n");
    expect(read(text).map((x) => [x.headline, x.source, x.reporters, x.photographers])).toEqual([
      ["城西新区又添两所学校", "本报讯", ["王小明"], []],
      ["老街巷里的修鞋匠", "本报", ["李红"], ["李红"]],
    ]);
  });

  it("opens an article at a heading line over a deck that opens with a dash", () => {
    const text = [...first, "老街巷里的修鞋匠", "", "——一个手艺人的三十年", "", "清晨六点，老张的修鞋摊就摆出来了。"].join("\n");
    expect(read(text).map((x) => [x.headline, x.subheadline])).toEqual([
      ["城西新区又添两所学校", null],
      ["老街巷里的修鞋匠", "——一个手艺人的三十年"],
    ]);
  });

  it("keeps a short heading-like line with plain text under it inside the running article", () => {
    const text = [...first, "招生范围", "", "学区内适龄儿童均可报名。"].join("\n");
    expect(read(text).map((x) => x.headline)).toEqual(["城西新区又添两所学校"]);
  });

  it("opens an article at a heading line right after the photo that closes the report above", () => {
    const photo = ["学生在新校舍上课。本报记者 王小明 摄", ""];
    const text = [...first, ...photo, "课后服务,怎样才能办得更好", "", "课后服务推开了,家长满意吗?记者走访了几所学校。"].join("\n");
    expect(read(text).map((x) => [x.headline, x.photographers, x.firstBodyChars])).toEqual([
      ["城西新区又添两所学校", ["王小明"], "6月11日，两所学校开工。学校将于明年秋"],
      ["课后服务,怎样才能办得更好", [], "课后服务推开了,家长满意吗?记者走访了几"],
    ]);
    const numbered = [...first, ...photo, "一、招生范围", "", "学区内适龄儿童均可报名。"].join("\n");
    expect(read(numbered).map((x) => x.headline)).toEqual(["城西新区又添两所学校"]);
  });

  it("opens an article at a heading line over a report's lead that opens with a date, not at a numbered one", () => {
    const text = [...first, "河畔公园夜景亮灯", "", "6月10日晚，滨河公园的景观灯全部点亮。", ""].join("\n");
    expect(read(text).map((x) => [x.headline, x.firstBodyChars])).toEqual([
      ["城西新区又添两所学校", "6月11日，两所学校开工。学校将于明年秋"],
      ["河畔公园夜景亮灯", "6月10日晚，滨河公园的景观灯全部点亮。"],
    ]);
    const numbered = [...first, "一、开工仪式", "", "6月11日上午，开工仪式在工地举行。", ""].join("\n");
    expect(read(numbered).map((x) => x.headline)).toEqual(["城西新区又添两所学校"]);
  });

  it("opens a box of briefs at its short label over two or more bulleted briefs, and not at a label over one", () => {
    const briefs = ["■6月11日,市科技馆新馆开放。", "", "■全市新增公共充电桩500个。"];
    const text = [...first, "简讯速递", "", ...briefs].join("\n");
    expect(read(text).map((x) => [x.headline, x.firstBodyChars])).toEqual([
      ["城西新区又添两所学校", "6月11日，两所学校开工。学校将于明年秋"],
      // The mark that opens the first brief sets it off, as a dispatch would: it is not body.
      ["简讯速递", "■6月11日,市科技馆新馆开放。■全市新"],
    ]);
    expect(read([...first, "简讯速递", "", briefs[0]!].join("\n")).map((x) => x.headline)).toEqual(["城西新区又添两所学校"]);
    const wrapped = [...first, "简讯速递", "", "■6月11日,市科技馆", "新馆开放。", "", "■全市新增公共充电", "桩500个。"].join("\n");
    expect(read(wrapped).map((x) => x.headline)).toEqual(["城西新区又添两所学校", "简讯速递"]);
  });
});

describe("credits: a writer credited as a reporter and without a label", () => {
  it("keeps the reporter's label when a crawl's 作者： field and the closing credit name the same writer", () => {
    const text = ["地铁6号线开工", "作者：王小明", `${I}6月11日，地铁6号线开工。`, `${I}（本报记者 王小明 通讯员 李红）`, ""].join("\n");
    const [a] = read(text);
    expect([a!.reporters, a!.authors]).toEqual([["王小明", "李红"], []]);
  });
});

describe("OCR form without #: photo items and boxes of briefs between reports", () => {
  const report = ["全市收购小麦超百万吨", "", "本报讯（记者 王小明）6月11日，记者获悉全市收购小麦超百万吨。"];

  it("reads a headline over a caption, with the next headings right under them, as a photo item of its own", () => {
    const photo = ["麦收时节", "", "6月10日，农民在田间收割小麦。本报记者 李小红 摄"];
    const next = ["全县启动防汛响应", "", "本报讯（记者 周小梅）6月11日，全县启动防汛四级响应。"];
    expect(read([...report, "", ...photo, "", ...next].join("\n")).map((a) => [a.headline, a.subheadline, a.photographers, a.firstBodyChars])).toEqual([
      ["全市收购小麦超百万吨", null, [], "6月11日，记者获悉全市收购小麦超百万吨"],
      ["麦收时节", null, ["李小红"], "6月10日，农民在田间收割小麦。"],
      ["全县启动防汛响应", null, [], "6月11日，全县启动防汛四级响应。"],
    ]);
  });

  it("opens an item at a column's label standing alone over a letter right after a photo item, the label its headline", () => {
    const photo = ["图说", "", "6月10日，农民在田间收割小麦。本报记者 李小红 摄"];
    const letter = ["市民来信", "", "我家楼下的路灯坏了半个月，希望有关部门尽快修好。", "", "读者 王 芳"];
    expect(read([...report, "", ...photo, "", ...letter].join("\n")).map((a) => [a.headline, a.photographers, a.authors])).toEqual([
      ["全市收购小麦超百万吨", [], []],
      ["图说", ["李小红"], []],
      ["市民来信", [], ["王芳"]],
    ]);
  });

  it("opens no photo item at a heading-like line over a caption with more of the report under them", () => {
    const rest = ["田间见闻", "", "6月10日，农民在田间收割小麦。本报记者 李小红 摄", "", "今年全市小麦单产比去年略有提高。"];
    expect(read([...report, "", ...rest].join("\n")).map((a) => a.headline)).toEqual(["全市收购小麦超百万吨"]);
  });

  it("keeps briefs without bullets under the label of a box of briefs in the box, each closing with its own credit", () => {
    const box = ["## 简讯", "", "本报讯 6月10日，全市举办农机展。（周 红）", "", "本报讯 日前，全县完成麦收。（李 明 王 芳）"];
    expect(read([...report, "", ...box].join("\n")).map((a) => [a.headline, a.source, a.authors, a.firstBodyChars])).toEqual([
      ["全市收购小麦超百万吨", "本报讯", [], "6月11日，记者获悉全市收购小麦超百万吨"],
      ["简讯", "本报讯", ["周红", "李明", "王芳"], "6月10日，全市举办农机展。本报讯日前，"],
    ]);
  });

  it("still opens an article at each closed brief's next dispatch under a headline that names no box", () => {
    const item = ["## 农机展开幕", "", "本报讯 6月10日，全市举办农机展。（周 红）", "", "本报讯 日前，全县完成麦收。（李 明 王 芳）"];
    expect(read([...report, "", ...item].join("\n")).map((a) => [a.headline, a.authors])).toEqual([
      ["全市收购小麦超百万吨", []],
      ["农机展开幕", ["周红"]],
      [null, ["李明", "王芳"]],
    ]);
  });
});
