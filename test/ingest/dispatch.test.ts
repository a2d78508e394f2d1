import { describe, expect, it } from "vitest";
import {
  commentatorByline,
  openingBracketedByline,
  openingBracketedBylineThroughWraps,
  parenthesisedDispatch,
  parseDispatch,
  parseDispatchThroughWraps,
  trailingCredit,
} from "../../src/ingest/dispatch.ts";
import { foldForMatching } from "../../src/ingest/normalise.ts";

function dispatch(printed: string) {
  const f = foldForMatching(printed);
  const d = parseDispatch(f, 0, f.length);
  if (d === null) return null;
  return {
    source: d.source,
    dispatch: printed.slice(d.span.start, d.span.end),
    credits: d.credits.map((c) => `${c.label ?? "-"}:${c.name}`),
    date: d.date === null ? null : printed.slice(d.date.span.start, d.date.span.end),
    body: printed.slice(d.bodyStart, d.bodyStart + 5),
  };
}

describe("dispatch lines", () => {
  it("reads 本报讯(记者 殷雪莹、梁涛) with its reporters", () => {
    expect(dispatch("本报讯(记者 殷雪莹、梁涛) 6月2日,太原")).toEqual({
      source: "本报讯",
      dispatch: "本报讯(记者 殷雪莹、梁涛)",
      credits: ["记者:殷雪莹", "记者:梁涛"],
      date: null,
      body: "6月2日,",
    });
  });

  it("reads a dispatch behind a brief's bullet, the bullet part of the dispatch, so the body starts after both", () => {
    expect(dispatch("●本报讯（记者 王小明）3月5日，市图书馆")).toEqual({
      source: "本报讯",
      dispatch: "●本报讯（记者 王小明）",
      credits: ["记者:王小明"],
      date: null,
      body: "3月5日，",
    });
    expect(dispatch("■ 新华社北京3月5日电 记者从")).toMatchObject({ source: "新华社", date: "3月5日", body: "记者从" });
    expect(dispatch("●市图书馆新馆下月开放")).toBeNull();
  });

  it("reads 本报讯 with no credits, followed by the dated opening", () => {
    expect(dispatch("本报讯 6月1日下午,市委副书记")).toMatchObject({ source: "本报讯", dispatch: "本报讯", credits: [], body: "6月1日下" });
  });

  it("reads 本报北京10月11日电（记者 A、B） as source 本报 with the dispatch date", () => {
    expect(dispatch("本报北京10月11日电（记者\u00a0李红、赵刚）\u3000记者从农业农村部获悉")).toMatchObject({
      source: "本报",
      credits: ["记者:李红", "记者:赵刚"],
      date: "10月11日",
      body: "记者从农业",
    });
  });

  it("reads 新华社北京10月11日电（记者 A）", () => {
    expect(dispatch("新华社北京10月11日电（记者 王晓明）　国务院常务会议")).toMatchObject({
      source: "新华社",
      dispatch: "新华社北京10月11日电（记者 王晓明）",
      credits: ["记者:王晓明"],
      date: "10月11日",
    });
  });

  it("reads 据新华社酒泉10月11日电 as source 据新华社", () => {
    expect(dispatch("据新华社酒泉10月11日电　10月11日5时")).toMatchObject({ source: "据新华社", credits: [], date: "10月11日", body: "10月11" });
  });

  it("reads 通讯员 and 实习生 labels", () => {
    expect(dispatch("本报讯（记者 陈静 通讯员 刘畅）　12月30日")?.credits).toEqual(["记者:陈静", "通讯员:刘畅"]);
    expect(dispatch("本报讯（记者 周敏 实习生 吴凡）　1月2日上午")?.credits).toEqual(["记者:周敏", "实习生:吴凡"]);
  });

  it("leaves a parenthesised clause that is not a name list out of the dispatch", () => {
    expect(dispatch("本报讯（以下简称市住建局）记者获悉")).toMatchObject({ dispatch: "本报讯", credits: [] });
  });

  it("does not take the kicker 新华社播发报道 or body prose for a dispatch", () => {
    expect(dispatch("新华社播发报道")).toBeNull();
    expect(dispatch("夜幕还未降临,在山西省太原市食品街")).toBeNull();
  });
});

describe("city papers' dispatches", () => {
  it("reads a city paper's own designation (南都讯, 晨报讯) as its source, with its credits", () => {
    expect(dispatch("南都讯 记者张明亮 通讯员 刘芳 昨日,记者从市城管局获悉")).toEqual({
      source: "南都讯",
      dispatch: "南都讯 记者张明亮 通讯员 刘芳",
      credits: ["记者:张明亮", "通讯员:刘芳"],
      date: null,
      body: "昨日,记者",
    });
    expect(dispatch("晨报讯(记者 孙伟)5月9日,市气象台")).toMatchObject({ source: "晨报讯", credits: ["记者:孙伟"], body: "5月9日," });
    expect(dispatch("羊城晚报讯 5月9日,市气象台")).toMatchObject({ source: "羊城晚报讯", credits: [], body: "5月9日," });
  });

  it("reads a reporter's label qualified by a role or by another paper's name: 全媒体记者, 首席记者, 南都记者", () => {
    expect(dispatch("本报讯(全媒体记者 孙伟 首席记者 王芳)5月9日,市气象台")).toMatchObject({ credits: ["全媒体记者:孙伟", "首席记者:王芳"], body: "5月9日," });
    expect(dispatch("南都讯 南都记者 张明亮 通讯员 刘芳 昨日,记者从市城管局获悉")).toMatchObject({ credits: ["南都记者:张明亮", "通讯员:刘芳"], body: "昨日,记者" });
  });

  it("does not take a word ending in 讯 for a designation: 快讯, 喜讯, or one running on into the sentence", () => {
    expect(dispatch("快讯 市气象台发布暴雨预警")).toBeNull();
    expect(dispatch("喜讯传来,全村沸腾")).toBeNull();
    expect(dispatch("闻讯赶来的村民")).toBeNull();
  });

  it("ends a run-in byline without 报道 at the space after its last name, and the report opens after it", () => {
    expect(dispatch("本报讯 记者 孙伟 王芳 5月9日,市气象台")).toMatchObject({ dispatch: "本报讯 记者 孙伟 王芳", credits: ["记者:孙伟", "记者:王芳"], body: "5月9日," });
    // The report's first words are never a name: they end at a comma, not a space.
    expect(dispatch("本报讯 记者 孙伟 金秋时节,市民")).toMatchObject({ dispatch: "本报讯 记者 孙伟", credits: ["记者:孙伟"], body: "金秋时节," });
  });
});

describe("trailing author credits", () => {
  const credit = (s: string) => {
    const f = foldForMatching(s);
    const c = trailingCredit(f, 0, f.length);
    return c === null ? null : { names: c.credits.map((n) => n.name), cut: s.slice(0, c.span.start) };
  };

  it("reads the name of an author's note that says what the author is after a comma, and none in a note without a name", () => {
    expect(credit("（作者：王小明，系某大学历史学院教授）")).toEqual({ names: ["王小明"], cut: "" });
    expect(credit("还需久久为功。（作者：欧阳晓红，某研究院研究员）")).toEqual({ names: ["欧阳晓红"], cut: "还需久久为功。" });
    expect(credit("（作者为某大学历史学院教授）")).toBeNull();
    expect(credit("（作者单位：某大学历史学院）")).toBeNull();
  });

  it("reads (李俊华) closing the last paragraph", () => {
    expect(credit("调研预算联网监督中心,及其他工作开展情况。(李俊华)")).toEqual({
      names: ["李俊华"],
      cut: "调研预算联网监督中心,及其他工作开展情况。",
    });
  });

  it("reads a credit after a full stop OCR printed half-width: …发生.(王小明)", () => {
    expect(credit("坚决遏制重特大事故发生.(王小明)")).toEqual({ names: ["王小明"], cut: "坚决遏制重特大事故发生." });
  });

  it("does not read a parenthesis inside a sentence or a note that is not a name", () => {
    expect(credit("省太忻经济一体化发展促进中心(促进中心)")).toBeNull();
    expect(credit("（作者为中国社会科学院研究员）")).toBeNull();
    expect(credit("发射任务获得圆满成功。（完）")).toBeNull();
  });
});

describe("e-paper dispatches and closing credits", () => {
  it("reads the run-in byline of 本报讯 up to 报道, and the report right after it", () => {
    expect(dispatch("本报讯\u00a0记者\u00a0王小明\u00a0通讯员\u00a0李红\u00a0报道3月4日，全市")).toEqual({
      source: "本报讯",
      dispatch: "本报讯\u00a0记者\u00a0王小明\u00a0通讯员\u00a0李红\u00a0报道",
      credits: ["记者:王小明", "通讯员:李红"],
      date: null,
      body: "3月4日，",
    });
  });

  it("reads a run-in byline with a split label and glued names: 本报讯通讯 员 周梅吴刚 报道", () => {
    expect(dispatch("本报讯通讯 员 周小梅吴刚 报道近日，全市")?.credits).toEqual(["通讯员:周小梅", "通讯员:吴刚"]);
  });

  it("does not take 报道 in the report for a run-in byline when no label follows the designation", () => {
    expect(dispatch("本报讯 全市今日报道了")).toMatchObject({ dispatch: "本报讯", credits: [] });
  });

  it("reads a dated designation of a paper or its site (本报3月11日讯, 扬子晚报网南京3月11日讯) as its name alone, with the date", () => {
    expect(dispatch("本报3月11日讯（记者 王明）昨日，市政府")).toEqual({
      source: "本报",
      dispatch: "本报3月11日讯（记者 王明）",
      credits: ["记者:王明"],
      date: "3月11日",
      body: "昨日，市政",
    });
    expect(dispatch("扬子晚报网南京3月11日讯（通讯员 苏公宣 记者 刘伟）11日上午")).toMatchObject({
      source: "扬子晚报网",
      credits: ["通讯员:苏公宣", "记者:刘伟"],
      date: "3月11日",
      body: "11日上午",
    });
  });

  it("reads a dated dispatch of a news site or app that no list holds (人民网北京3月11日电), and a site's 消息", () => {
    expect(dispatch("中国青年报客户端北京3月11日电（记者 李红）记者从教育部获悉")).toMatchObject({
      source: "中国青年报客户端",
      credits: ["记者:李红"],
      date: "3月11日",
      body: "记者从教育",
    });
    expect(dispatch("央视网消息（记者 张三）：近日，")).toMatchObject({ source: "央视网消息", credits: ["记者:张三"], date: null, body: "近日，" });
    expect(dispatch("据澎湃新闻消息，近日")).toBeNull();
    // With a place and a date, the date is the dateline.
    expect(dispatch("央广网北京3月11日消息（记者 王磊）据了解，")).toMatchObject({ source: "央广网消息", credits: ["记者:王磊"], date: "3月11日", body: "据了解，" });
    expect(dispatch("新闻发布会上，市长说")).toBeNull();
  });

  it("reads an attribution with 据 opening an item like 据新华社电, 消息 dropped, the outlet's 客户端 kept", () => {
    expect(dispatch("据江城日报消息 记者从市交通局获悉")).toMatchObject({ source: "据江城日报", date: null, body: "记者从市交" });
    expect(dispatch("据江城新闻客户端5月3日消息，市图书馆")).toMatchObject({ source: "据江城新闻客户端", date: "5月3日", body: "市图书馆" });
    // Printed with nothing after the outlet but a space, the attribution is still read.
    expect(dispatch("据江城新闻 近日，一支科考队")).toMatchObject({ source: "据江城新闻", date: null, body: "近日，一支" });
    // Followed by 报道 or a comma, it is a sentence of the body.
    expect(dispatch("据江城新闻报道，近日")).toBeNull();
    expect(dispatch("据江城新闻，近日")).toBeNull();
    expect(dispatch("据江城日报消息，近日")).toBeNull();
  });

  it("reads a dispatch printed at the end in parentheses, with the reporters of two agencies", () => {
    const printed = "（本报南宁3月2日电  新华社记者张晓明、刘青，本报记者王小红）";
    const f = foldForMatching(printed);
    const d = parenthesisedDispatch(f, 0, f.length)!;
    expect(d.source).toBe("本报");
    expect(printed.slice(d.date!.span.start, d.date!.span.end)).toBe("3月2日");
    expect(d.credits.map((c) => `${c.label}:${c.name}`)).toEqual(["新华社记者:张晓明", "新华社记者:刘青", "本报记者:王小红"]);
    expect(d.span).toEqual({ start: 0, end: printed.length });
  });

  it("reads a bare closing dispatch, and refuses 本报讯 there", () => {
    const f = foldForMatching("（本报东京10月19日电）");
    expect(parenthesisedDispatch(f, 0, f.length)?.credits).toEqual([]);
    const g = foldForMatching("（本报讯）");
    expect(parenthesisedDispatch(g, 0, g.length)).toBeNull();
    const h = foldForMatching("（南都讯）");
    expect(parenthesisedDispatch(h, 0, h.length)).toBeNull();
  });

  it("reads a report compiled from other outlets (综合新华社、央视新闻报道) as the source, and the date after it as the report's opening", () => {
    expect(dispatch("综合新华社、央视新闻报道\u00a0\u00a03月11日，受冷空气影响")).toEqual({
      source: "综合新华社、央视新闻",
      dispatch: "综合新华社、央视新闻报道",
      credits: [],
      date: null,
      body: "3月11日",
    });
    // A round-up of people's reports is their credit, not a source; "综合…报道称" is prose.
    expect(dispatch("综合王小明、李红报道 3月11日，各地")).toBeNull();
    expect(dispatch("综合新华社报道称，各地")).toBeNull();
  });

  it("reads a round-up's closing （综合甲、乙报道） as reporters", () => {
    const f = foldForMatching("各地正加紧推进。（综合王小明、李红报道）");
    expect(trailingCredit(f, 0, f.length)?.credits.map((c) => `${c.label}:${c.name}`)).toEqual(["综合:王小明", "综合:李红"]);
  });

  it("ends a closing credit's names before the work done (（记者 刘洋 整理）) and a dispatch's before 报道", () => {
    const f = foldForMatching("公司控股股东拟增持股份。（记者 刘洋 整理）");
    expect(trailingCredit(f, 0, f.length)?.credits.map((c) => c.name)).toEqual(["刘洋"]);
    expect(dispatch("新华社北京10月11日电（记者 张泽伟 报道）会议召开。")?.credits).toEqual(["记者:张泽伟"]);
  });

  it("splits a closing credit of glued names, and gives nothing for a contributor line", () => {
    const f = foldForMatching("措施落实到位。（王小明李红张伟）");
    expect(trailingCredit(f, 0, f.length)?.credits.map((c) => c.name)).toEqual(["王小明", "李红", "张伟"]);
    const g = foldForMatching("措施落实到位。（王小明、李红参与采写）");
    expect(trailingCredit(g, 0, g.length)).toBeNull();
  });

  it("reads a commentator byline with its label: this paper's names the source, another paper's does not", () => {
    const own = foldForMatching("本报评论员");
    expect(commentatorByline(own, 0, own.length)).toEqual({ start: 0, label: "本报评论员", source: "本报" });
    const glued = foldForMatching("——论做好防汛工作人民日报评论员");
    expect(commentatorByline(glued, 0, glued.length)).toEqual({ start: 9, label: "人民日报评论员", source: null });
    const none = foldForMatching("防汛工作要抓实抓细");
    expect(commentatorByline(none, 0, none.length)).toBeNull();
  });
});

describe("dispatches of Hong Kong and Taiwan papers", () => {
  it("reads a designation set in brackets, and the run-in byline after it up to its colon", () => {
    expect(dispatch("【大公报讯】记者李嘉欣报道：西九文化区")).toMatchObject({
      source: "大公报讯",
      dispatch: "【大公报讯】记者李嘉欣报道",
      credits: ["记者:李嘉欣"],
      body: "西九文化区",
    });
    expect(dispatch("〔本报讯〕特区政府昨日")).toMatchObject({ source: "本报讯", dispatch: "〔本报讯〕", credits: [] });
  });

  it("reads no designation in brackets that close on anything else", () => {
    expect(dispatch("【本报讯记者】")).toBeNull();
    expect(dispatch("【专题】本报讯")).toBeNull();
  });

  it("ends a run-in byline at Taiwan's 报导 as at 报道", () => {
    expect(dispatch("本报讯 记者王小明报导 台北市政府昨天")).toMatchObject({ source: "本报讯", credits: ["记者:王小明"], body: "台北市政府" });
  });
});

describe("a dispatch cut by a wrap at a column's width", () => {
  function wrapped(printed: string) {
    const f = foldForMatching(printed);
    const d = parseDispatchThroughWraps(f, 0, f.length);
    if (d === null) return null;
    return {
      source: d.source,
      credits: d.credits.map((c) => `${c.name}@${printed.slice(c.span.start, c.span.end)}`),
      date: d.date === null ? null : printed.slice(d.date.span.start, d.date.span.end),
      body: printed.slice(d.bodyStart, d.bodyStart + 4),
    };
  }

  it("reads a parenthesis cut inside a name: the bare line break is a wrap, not a separator", () => {
    expect(wrapped("新华社开罗5月2日电（记者 周\n立新 马丽）当地时间2日")).toEqual({
      source: "新华社",
      credits: ["周立新@周\n立新", "马丽@马丽"],
      date: "5月2日",
      body: "当地时间",
    });
  });

  it("leaves names that a break glued together to the glued-name split", () => {
    expect(wrapped("本报讯（记者 邓海波\n罗晴）日前，")?.credits).toEqual(["邓海波@邓海波", "罗晴@罗晴"]);
  });

  it("reads a designation whose date the wrap cut, and finds the body on the next line", () => {
    expect(wrapped("据新华社成都6月\n3日电 成都天府")).toEqual({ source: "据新华社", credits: [], date: "6月\n3日", body: "成都天府" });
    expect(wrapped("本报讯（记者 王\n强）\n6月3日，")?.body).toBe("6月3日");
  });

  it("keeps a break beside a space as a separator", () => {
    expect(wrapped("本报讯（记者 李娜 \n赵强）6月3日")?.credits).toEqual(["李娜@李娜", "赵强@赵强"]);
  });
});

describe("Taiwan's agency dispatch and bracketed bylines", () => {
  it("reads the agency's dispatch in parentheses with its reporter glued to the place and a day-only date", () => {
    expect(dispatch("（中央社记者黄志明高雄9日电）高雄港")).toEqual({
      source: "中央社",
      dispatch: "（中央社记者黄志明高雄9日电）",
      credits: ["记者:黄志明"],
      date: "9日",
      body: "高雄港",
    });
    expect(dispatch("（中央社记者李文、苏明华台中12日专电）今天")?.credits).toEqual(["记者:李文", "记者:苏明华"]);
    expect(dispatch("（中央社东京3日电）日本")).toMatchObject({ source: "中央社", credits: [], date: "3日" });
  });

  it("reads the dispatch in traditional characters through the simplified copy (the page gives the names back as printed)", () => {
    expect(dispatch("（中央社記者黃志明高雄9日電）高雄港這個月")).toMatchObject({ source: "中央社", credits: ["记者:黄志明"], date: "9日" });
  });

  it("reads no dispatch from a parenthesis that names no agency or no date", () => {
    expect(dispatch("（記者黃志明高雄9日）高雄港")).toBeNull();
    expect(dispatch("（合作社记者站9月）高雄港")).toBeNull();
  });

  it("reads a labelled byline in brackets opening the body, and nothing else in brackets", () => {
    const byline = (printed: string) => {
      const f = foldForMatching(printed);
      const b = openingBracketedByline(f, 0, f.length);
      return b === null ? null : { credits: b.credits.map((c) => c.name), body: printed.slice(b.bodyStart, b.bodyStart + 3) };
    };
    expect(byline("〔記者陳美玲／台中報導〕台中市")).toEqual({ credits: ["陈美玲"], body: "台中市" });
    expect(byline("【记者 周杰 林芳】昨天，")).toEqual({ credits: ["周杰", "林芳"], body: "昨天，" });
    expect(byline("〔民生关注〕昨天，")).toBeNull();
    const f = foldForMatching("〔記者陳美玲／台中報\n導〕台中市");
    const wrapped = openingBracketedBylineThroughWraps(f, 0, f.length);
    expect([wrapped?.credits.map((c) => c.name), wrapped?.bodyStart]).toEqual([["陈美玲"], 13]);
    expect(byline("（记者 周杰）昨天，")).toBeNull();
  });
});

describe("dispatches of reports quoted from other outlets", () => {
  it("reads a bracketed foreign paper's report and an agency's dispatch: source without date and 报道/电", () => {
    expect(dispatch("【德国《明镜》周刊网站3月2日报道】柏林市政府宣布")).toMatchObject({ source: "德国《明镜》周刊网站", date: "3月2日", body: "柏林市政府" });
    expect(dispatch("【路透社伦敦3月2日电】英国央行周四")).toMatchObject({ source: "路透社", date: "3月2日", body: "英国央行周" });
  });

  it("starts the body after the original title's line and credits its writer as an author", () => {
    const f = foldForMatching("【法国《世界报》3月2日报道】题：巴黎的面包店（记者 让·马丁）\n面包价格");
    const d = parseDispatch(f, 0, f.length)!;
    expect(d.source).toBe("法国《世界报》");
    expect(f.slice(d.bodyStart, d.bodyStart + 4)).toBe("面包价格");
    expect(d.originalWriters?.map((c) => c.name)).toEqual(["让·马丁"]);
    // A 题 line as long as a paragraph is prose: the body starts at it.
    expect(dispatch(`【路透社伦敦3月2日电】题：${"英国央行周四宣布维持利率不变，".repeat(6)}`)?.body).toBe("题：英国央");
  });

  it("reads a dated 据…报道 attribution opening a brief, the comma after it cut, and a site's own dated report", () => {
    expect(dispatch("据意大利《晚邮报》网站3月2日报道，罗马一家")).toMatchObject({ source: "据意大利《晚邮报》网站", date: "3月2日", body: "罗马一家" });
    expect(dispatch("某某新闻网3月2日报道　据外媒报道")).toMatchObject({ source: "某某新闻网", date: "3月2日", body: "据外媒报道" });
  });

  it("reads no dispatch from an attribution without a month, nor from 报道 inside a sentence", () => {
    expect(dispatch("据路透社25日报道，英国央行")).toBeNull();
    expect(dispatch("据《晚邮报》报道，罗马一家")).toBeNull();
  });

  it("reads 本报综合报道 and 本报编译 opening an item as the paper's own report naming no one, glued or not", () => {
    expect(dispatch("本报综合报道入冬以来，多地")).toMatchObject({ source: "本报", credits: [], date: null, body: "入冬以来，" });
    expect(dispatch("本报编译 据外媒报道，")).toMatchObject({ source: "本报", credits: [], date: null, body: "据外媒报道" });
    expect(dispatch("本报综合各地消息，")).toBeNull();
  });

  it("reads a paper's own undated 本报消息 and X专讯 designations in brackets", () => {
    expect(dispatch("【本报消息】旅游局表示")).toMatchObject({ source: "本报消息", date: null, body: "旅游局表示" });
    expect(dispatch("【晨光报专讯】市政府昨日")).toMatchObject({ source: "晨光报专讯", body: "市政府昨日" });
    expect(dispatch("本报消息灵通人士称")).toBeNull();
  });
});
