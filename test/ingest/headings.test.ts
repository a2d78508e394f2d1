import { describe, expect, it } from "vitest";
import type { Block } from "../../src/ingest/blocks.ts";
import { assignHeadingRoles, isColumnLabelOver, looksLikeHeading } from "../../src/ingest/headings.ts";
import { foldForMatching } from "../../src/ingest/normalise.ts";

/** Lays lines out one per line and returns the folded text and their blocks. */
function layout(lines: string[], hashes: number[] = []) {
  let text = "";
  const blocks: Block[] = lines.map((l, i) => {
    const start = text.length;
    text += `${l}\n`;
    return { line: i, start, end: start + l.length, hashes: hashes[i] ?? 0, indented: false };
  });
  return { folded: foldForMatching(text), blocks, text };
}

function roles(lines: string[], emptySub = false, hashes: number[] = [], form: "ocr" | "epaper" = "ocr") {
  const { folded, blocks, text } = layout(lines, hashes);
  const r = assignHeadingRoles(blocks, folded, emptySub, form);
  const t = (spans: { start: number; end: number }[]) => (spans.length === 0 ? null : spans.map((s) => text.slice(s.start, s.end)).join(" "));
  return { kicker: t(r.kicker), headline: t(r.headline), subheadline: t(r.subheadline) };
}

describe("heading roles", () => {
  it("takes the # line as the headline, the line above as kicker and the line below as subheadline", () => {
    expect(roles(["共抓发展机遇 共创美好未来", "太原忻州两市人大常委会太忻经济一体化发展协作工作座谈会举行", "韦韬王纯朱晓东出席并讲话"], false, [0, 1, 0])).toEqual({
      kicker: "共抓发展机遇 共创美好未来",
      headline: "太原忻州两市人大常委会太忻经济一体化发展协作工作座谈会举行",
      subheadline: "韦韬王纯朱晓东出席并讲话",
    });
  });

  it("joins a headline printed over two # lines of the same level, and keeps a plain line under them as the subheadline", () => {
    expect(roles(["城市更新按下", "“快进键”", "——走访城南改造一线"], false, [1, 1, 0])).toEqual({
      kicker: null,
      headline: "城市更新按下 “快进键”",
      subheadline: "——走访城南改造一线",
    });
  });

  it("reads a # line of the headline's level that opens with a dash as the subheadline, not the headline's second line", () => {
    expect(roles(["江城港口吞吐量创新高", "——业内人士观点摘编"], false, [2, 2])).toEqual({
      kicker: null,
      headline: "江城港口吞吐量创新高",
      subheadline: "——业内人士观点摘编",
    });
    expect(roles(["江城港口吞吐量", "再创新高"], false, [2, 2]).headline).toBe("江城港口吞吐量 再创新高");
  });

  it("reads a column's name ending in the kind of piece it runs (江城时评) as the kicker over a long headline", () => {
    expect(roles(["江城时评", "以“事事放在心上”的担当守护每一位群众安全"])).toEqual({
      kicker: "江城时评",
      headline: "以“事事放在心上”的担当守护每一位群众安全",
      subheadline: null,
    });
    // Over a line hardly longer it is a headline of its own (a piece about the column itself).
    expect(roles(["江城时评", "办刊十年"])).toMatchObject({ kicker: null, headline: "江城时评" });
  });

  it("reads parallel phrases set off by a space over one statement as the kicker, in either form", () => {
    for (const form of ["ocr", "epaper"] as const) {
      expect(roles(["守护一江碧水 我们在行动", "城东湿地公园修复工程完工"], false, [], form)).toEqual({ kicker: "守护一江碧水 我们在行动", headline: "城东湿地公园修复工程完工", subheadline: null });
      expect(roles(["编者按 市民来信", "老街的路灯终于亮了"], false, [], form)).toMatchObject({ kicker: "编者按 市民来信", headline: "老街的路灯终于亮了" });
    }
    // Over a deck opening with a dash, or over another line of phrases, such a line is the headline.
    expect(roles(["守护一江碧水 建设美丽城东", "——城东湿地公园修复工程侧记"], false, [], "epaper")).toMatchObject({ kicker: null, headline: "守护一江碧水 建设美丽城东" });
    expect(roles(["守护一江碧水 建设美丽城东", "湿地修复 群众受益"], false, [], "epaper")).toMatchObject({ kicker: null, headline: "守护一江碧水 建设美丽城东" });
  });

  it("reads a competition's name alone over what happened in it as the kicker", () => {
    for (const form of ["ocr", "epaper"] as const) {
      expect(roles(["WCBA常规赛", "江城女篮客场险胜"], false, [], form)).toEqual({ kicker: "WCBA常规赛", headline: "江城女篮客场险胜", subheadline: null });
      expect(roles(["全国青年羽毛球锦标赛", "江城小将夺得女单冠军"], false, [], form)).toMatchObject({ kicker: "全国青年羽毛球锦标赛", headline: "江城小将夺得女单冠军" });
    }
    // A headline that says what the competition did is no name: the line under it is its deck.
    expect(roles(["全国青年羽毛球锦标赛开幕", "来自28个省区市的400余名选手参赛"], false, [], "epaper")).toMatchObject({ kicker: null, headline: "全国青年羽毛球锦标赛开幕" });
  });

  it("reads 新华社播发报道 above a headline as a kicker", () => {
    expect(roles(["新华社播发报道", "力促服务业复工复产 城市“烟火气”持续回升"])).toMatchObject({ kicker: "新华社播发报道" });
  });

  it("reads a line ending in 强调 as a kicker even when the headline is about as long", () => {
    expect(roles(["韦韬在督导检查全市安全生产和常态化疫情防控工作时强调", "守牢安全底线 筑牢疫情防线 全力以赴确保经济社会发展大局平稳有序"])).toMatchObject({
      kicker: "韦韬在督导检查全市安全生产和常态化疫情防控工作时强调",
    });
  });

  it("reads headline + subheadline when the second line is not much longer: 强化太忻一体化经济区生态支撑", () => {
    expect(roles(["强化太忻一体化经济区生态支撑", "省政协调研组在我市调研视察 张瑞鹏带队"])).toEqual({
      kicker: null,
      headline: "强化太忻一体化经济区生态支撑",
      subheadline: "省政协调研组在我市调研视察 张瑞鹏带队",
    });
  });

  it("reads a dash-led second line as the subheadline", () => {
    expect(roles(["全国秋粮收获进度过半", "——各地抢抓晴好天气加快机收"])).toMatchObject({ subheadline: "——各地抢抓晴好天气加快机收" });
  });

  it("reads kicker + headline when the e-paper subheadline slot is printed empty", () => {
    expect(roles(["民生关注", "冬季供暖运行平稳"], true)).toMatchObject({ kicker: "民生关注", headline: "冬季供暖运行平稳" });
  });
});

describe("looksLikeHeading", () => {
  const h = (s: string) => {
    const f = foldForMatching(s);
    return looksLikeHeading(f, 0, f.length);
  };

  it("accepts short lines without final punctuation", () => {
    expect(h("韦韬王纯朱晓东出席并讲话")).toBe(true);
    expect(h("新华社播发报道")).toBe(true);
  });

  it("rejects sentences, long lines and parenthesised notes", () => {
    expect(h("两市人大常委会负责同志参加。")).toBe(false);
    expect(h("（作者为中国社会科学院研究员）")).toBe(false);
    expect(h("韦".repeat(80))).toBe(false);
  });

  it("rejects a sentence whose full stop OCR printed half-width, but keeps a decimal point", () => {
    expect(h("坚决遏制重特大事故发生.")).toBe(false);
    expect(h("会议召开. 市长出席")).toBe(false);
    expect(h("一季度工业增加值增长6.8%")).toBe(true);
  });
});

describe("heading roles in the e-paper form", () => {
  const epaper = (lines: string[], emptySub = false) => {
    const { folded, blocks, text } = layout(lines);
    const r = assignHeadingRoles(blocks, folded, emptySub, "epaper");
    const t = (spans: { start: number; end: number }[]) => (spans.length === 0 ? null : spans.map((s) => text.slice(s.start, s.end)).join(" "));
    return { kicker: t(r.kicker), headline: t(r.headline), subheadline: t(r.subheadline) };
  };

  it("reads a line that runs on into the next as the headline's first line, under a kicker and over a subheadline", () => {
    expect(epaper(["宁波一退休医生", "十年义务为村民问诊"])).toEqual({ kicker: null, headline: "宁波一退休医生 十年义务为村民问诊", subheadline: null });
    expect(epaper(["扎实推进乡村全面振兴", "全市秋季森林防火暨", "冬春火灾防控工作会议召开", "某某出席并讲话"])).toEqual({
      kicker: "扎实推进乡村全面振兴",
      headline: "全市秋季森林防火暨 冬春火灾防控工作会议召开",
      subheadline: "某某出席并讲话",
    });
    // A line that closes a headline keeps the next as its subheadline, and so does a deck opening with a dash.
    expect(epaper(["宁波一退休医生", "——记十年义务为村民问诊的王医生"])).toEqual({ kicker: null, headline: "宁波一退休医生", subheadline: "——记十年义务为村民问诊的王医生" });
    expect(epaper(["宁波退休医生义务问诊", "十年为村民看病三千人次"])).toEqual({ kicker: null, headline: "宁波退休医生义务问诊", subheadline: "十年为村民看病三千人次" });
  });

  it("reads a competition's name over what happened in it, a result or not, as kicker and headline", () => {
    expect(epaper(["全国男子篮球联赛", "江城男篮98比90险胜南湖"])).toEqual({ kicker: "全国男子篮球联赛", headline: "江城男篮98比90险胜南湖", subheadline: null });
    expect(epaper(["江城市第五届运动会", "田径比赛3∶0收官"])).toEqual({ kicker: "江城市第五届运动会", headline: "田径比赛3∶0收官", subheadline: null });
    expect(epaper(["全国男子篮球联赛", "江城男篮主场迎来三连胜"])).toEqual({ kicker: "全国男子篮球联赛", headline: "江城男篮主场迎来三连胜", subheadline: null });
    expect(epaper(["南湖区市长杯", "少年足球队捧得冠军"])).toEqual({ kicker: "南湖区市长杯", headline: "少年足球队捧得冠军", subheadline: null });
    // A line that only ends like one is a statement: 喝下一杯 is no cup.
    expect(epaper(["冬日里喝下一杯", "暖心姜茶送到环卫工手中"]).kicker).toBeNull();
  });

  it("reads two lines as headline and subheadline, however short the first", () => {
    expect(epaper(["城市更新", "全面践行人民城市理念高质量推进城市更新工作"])).toEqual({
      kicker: null,
      headline: "城市更新",
      subheadline: "全面践行人民城市理念高质量推进城市更新工作",
    });
  });

  it("reads a column's label of a few characters over a line of a headline's length as kicker and headline", () => {
    expect(epaper(["暖心", "七旬老人迷路 民警护送回家"])).toEqual({ kicker: "暖心", headline: "七旬老人迷路 民警护送回家", subheadline: null });
    expect(epaper(["相关新闻", "老城南棚改启动"])).toEqual({ kicker: "相关新闻", headline: "老城南棚改启动", subheadline: null });
    expect(epaper(["春归", "梅花"])).toEqual({ kicker: null, headline: "春归", subheadline: "梅花" });
  });

  it("reads two lines as kicker and headline when the subheadline slot is printed empty", () => {
    expect(epaper(["城市更新", "全面践行人民城市理念"], true)).toEqual({ kicker: "城市更新", headline: "全面践行人民城市理念", subheadline: null });
  });

  it("reads a colon lead-in as the kicker", () => {
    expect(epaper(["聚焦防汛：", "各地全力应对强降雨"])).toEqual({ kicker: "聚焦防汛：", headline: "各地全力应对强降雨", subheadline: null });
  });

  it("reads a line that exclaims or asks under a plain statement as the headline, the statement its kicker", () => {
    expect(epaper(["老街坊凌晨冒雨疏通下水道", "这样的邻居，赞！"])).toEqual({ kicker: "老街坊凌晨冒雨疏通下水道", headline: "这样的邻居，赞！", subheadline: null });
    expect(epaper(["城南旧厂房变身书店", "“你也来打卡了吗？”"])).toEqual({ kicker: "城南旧厂房变身书店", headline: "“你也来打卡了吗？”", subheadline: null });
  });

  it("reads the line that a column's tag closes as the headline, whichever of the two it is", () => {
    expect(epaper(["春运路上的一碗热汤面", "让归途多一分暖意（民生观）"])).toEqual({ kicker: "春运路上的一碗热汤面", headline: "让归途多一分暖意（民生观）", subheadline: null });
    expect(epaper(["让归途多一分暖意（民生观）", "春运路上的一碗热汤面"])).toEqual({ kicker: null, headline: "让归途多一分暖意（民生观）", subheadline: "春运路上的一碗热汤面" });
    expect(roles(["城市书房", "夜读的人多了起来（新春走基层）"])).toEqual({ kicker: "城市书房", headline: "夜读的人多了起来（新春走基层）", subheadline: null });
    expect(roles(["夜读的人多了起来（新春走基层）", "全市城市书房延长开放时间至晚上十点"])).toEqual({
      kicker: null,
      headline: "夜读的人多了起来（新春走基层）",
      subheadline: "全市城市书房延长开放时间至晚上十点",
    });
  });

  it("reads a column's name in brackets over the headline as its kicker", () => {
    expect(epaper(["【民生关注】", "老旧小区加装电梯提速"])).toEqual({ kicker: "【民生关注】", headline: "老旧小区加装电梯提速", subheadline: null });
    expect(epaper(["［新时代新征程］", "一座小城的“产业突围”"])).toEqual({ kicker: "［新时代新征程］", headline: "一座小城的“产业突围”", subheadline: null });
    expect(epaper(["老旧小区加装电梯提速", "【民生关注】"])).toEqual({ kicker: null, headline: "老旧小区加装电梯提速", subheadline: "【民生关注】" });
  });

  it("reads a column's name and its series joined by a dot over a headline three characters longer or more as its kicker", () => {
    expect(epaper(["民生热线·回音", "老旧小区的电梯装上了"])).toEqual({ kicker: "民生热线·回音", headline: "老旧小区的电梯装上了", subheadline: null });
    expect(roles(["走基层·蹲点", "山村小学的第一堂科学课"])).toEqual({ kicker: "走基层·蹲点", headline: "山村小学的第一堂科学课", subheadline: null });
  });

  it("keeps two names joined by a dot over a line of about its length as headline and subheadline", () => {
    expect(epaper(["江城·湖州", "两城结对共建"])).toEqual({ kicker: null, headline: "江城·湖州", subheadline: "两城结对共建" });
  });

  it("keeps a question under a question, and a dash line, as the subheadline", () => {
    expect(epaper(["夜经济怎么火起来？", "商户们说：别只靠补贴？"])).toEqual({ kicker: null, headline: "夜经济怎么火起来？", subheadline: "商户们说：别只靠补贴？" });
    expect(epaper(["城北公园开园", "——市民怎么看？"])).toEqual({ kicker: null, headline: "城北公园开园", subheadline: "——市民怎么看？" });
  });
});

describe("heading roles in the OCR form: a label over a smaller headline", () => {
  it("reads a short # label over a ## headline as its kicker", () => {
    expect(roles(["海外来电", "多国庆祝传统丰收节"], false, [1, 2])).toEqual({ kicker: "海外来电", headline: "多国庆祝传统丰收节", subheadline: null });
  });

  it("keeps a long # headline over a ## line as headline and subheadline, and a # label over a ## dash line too", () => {
    expect(roles(["全市三千名党员干部下沉社区", "帮群众解决急难愁盼"], false, [1, 2])).toEqual({
      kicker: null,
      headline: "全市三千名党员干部下沉社区",
      subheadline: "帮群众解决急难愁盼",
    });
    expect(roles(["秋收", "——田间地头见闻录"], false, [1, 2])).toEqual({ kicker: null, headline: "秋收", subheadline: "——田间地头见闻录" });
  });
});

describe("heading roles in the OCR form: a smaller line over a larger headline", () => {
  it("reads a ## line over a # headline as its kicker, whatever its ending", () => {
    expect(roles(["纪念某县建县一百周年", "老城墙下的百年记忆"], false, [2, 1])).toEqual({ kicker: "纪念某县建县一百周年", headline: "老城墙下的百年记忆", subheadline: null });
  });

  it("reads ## over # over ## as kicker, headline and subheadline", () => {
    expect(roles(["学习贯彻全区工作会议精神", "把项目建设抓实抓细", "区发改局负责人答记者问"], false, [2, 1, 2])).toEqual({
      kicker: "学习贯彻全区工作会议精神",
      headline: "把项目建设抓实抓细",
      subheadline: "区发改局负责人答记者问",
    });
  });

  it("keeps # over ##, a # label over ##, a ## lead-in over # and a # headline of two lines as they were", () => {
    expect(roles(["南湖湿地公园今日开园", "游客可预约入园"], false, [1, 2])).toEqual({ kicker: null, headline: "南湖湿地公园今日开园", subheadline: "游客可预约入园" });
    expect(roles(["新华社电", "多地迎来今年首场春雨"], false, [1, 2])).toEqual({ kicker: "新华社电", headline: "多地迎来今年首场春雨", subheadline: null });
    expect(roles(["聚焦春耕——", "全区备耕进度过半"], false, [2, 1])).toEqual({ kicker: "聚焦春耕——", headline: "全区备耕进度过半", subheadline: null });
    expect(roles(["千年古镇", "换新颜"], false, [1, 1])).toEqual({ kicker: null, headline: "千年古镇 换新颜", subheadline: null });
  });

  it("reads a column's label set as a # line of the headline's own size over it as the kicker, not as the headline's first line", () => {
    expect(roles(["律师札记", "一张迟到的欠条"], false, [2, 2])).toEqual({ kicker: "律师札记", headline: "一张迟到的欠条", subheadline: null });
    // Too long for a label, or over a line not three characters longer: a headline printed over two lines.
    expect(roles(["小城故事多", "一张迟到的欠条"], false, [2, 2])).toEqual({ kicker: null, headline: "小城故事多 一张迟到的欠条", subheadline: null });
    expect(roles(["律师札记", "欠条风波"], false, [2, 2])).toEqual({ kicker: null, headline: "律师札记 欠条风波", subheadline: null });
  });

  it("reads a column's label of a few characters over a headline without # as the kicker", () => {
    expect(roles(["城事观察", "莫把小事当小事"])).toEqual({ kicker: "城事观察", headline: "莫把小事当小事", subheadline: null });
    expect(roles(["南湖湿地公园开园", "游客可预约入园"])).toEqual({ kicker: null, headline: "南湖湿地公园开园", subheadline: "游客可预约入园" });
  });
});

describe("a column's label over a headline", () => {
  const over = (a: string, b: string) => {
    const { folded, blocks } = layout([a, b]);
    return isColumnLabelOver(folded, blocks[0]!, blocks[1]!);
  };

  it("reads a few Han characters or a bracketed name over a longer line as a label", () => {
    expect(over("城事观察", "莫把小事当小事")).toBe(true);
    expect(over("【百姓心声】", "楼道灯坏了谁来修")).toBe(true);
    expect(over("［法治时评］", "预付卡不能一退了之")).toBe(true);
  });

  it("reads no label in a lead-in, a numbered line, a line of about the same length, or over a deck", () => {
    expect(over("变化——", "荒坡变成了果园")).toBe(false);
    expect(over("一、", "扛起责任担当抓落实")).toBe(false);
    expect(over("春归", "梅花")).toBe(false);
    expect(over("城事观察", "——来自老街的调查")).toBe(false);
    expect(over("城事观察", "【百姓心声】")).toBe(false);
    expect(over("城事", "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一")).toBe(false);
  });
});

describe("lines a wrap cut", () => {
  it("reads no heading in a line that closes a parenthesis it did not open (the tail of a cut credit)", () => {
    const heading = (line: string) => looksLikeHeading(foldForMatching(line), 0, line.length);
    expect(heading("静)")).toBe(false);
    expect(heading("立新）")).toBe(false);
    expect(heading("让春运记忆越来越暖（民生观）")).toBe(true);
    expect(heading("”")).toBe(false);
    expect(heading("，市民纷纷点赞")).toBe(false);
  });
});
