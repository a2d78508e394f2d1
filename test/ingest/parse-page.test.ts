import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parsePage, parsePageStructure, parsePageUnguarded } from "../../src/ingest/parse-page.ts";
import type { ParsedPage } from "../../src/ingest/types.ts";

const ctx = { issueDate: "2022-06-03", region: { city: "太原市", province: "山西省" } };
const sample = readFileSync(fileURLToPath(new URL("../../seeds/taiyuan-daily/2022-06-03/page-01.txt", import.meta.url)), "utf8");

describe("column-break repair on the page", () => {
  it("rejoins a paragraph split mid-word and drops the doubled character (服务雄安新区 / 区,优化)", () => {
    const text = "# 标题\n\n本报讯 6月2日,他说,着眼融入京津冀、服务雄安新区\n\n区,优化区域协调发展新布局作出的重大决策。\n";
    const a = parsePageStructure(text, ctx).articles[0]!;
    expect(a.paragraphs.map((p) => p.text)).toEqual(["6月2日,他说,着眼融入京津冀、服务雄安新区,优化区域协调发展新布局作出的重大决策。"]);
    // The span covers the printed paragraph, the break included.
    expect(text.slice(a.paragraphs[0]!.span.start, a.paragraphs[0]!.span.end)).toBe(
      "6月2日,他说,着眼融入京津冀、服务雄安新区\n\n区,优化区域协调发展新布局作出的重大决策。",
    );
  });

  it("rejoins without dropping anything when nothing is doubled (正坚 / 决贯彻)", () => {
    const text = "# 标题\n\n本报讯 6月1日,全市上下正坚\n\n决贯彻党中央的重要要求。\n";
    expect(parsePageStructure(text, ctx).articles[0]!.paragraphs[0]!.text).toBe("6月1日,全市上下正坚决贯彻党中央的重要要求。");
  });

  it("rejoins across a caption printed inside the break, and gives the caption to that article", () => {
    const text = "# 标题\n\n本报讯 6月1日,全市上下正坚\n\n工作座谈会现场。梁琛摄\n\n决贯彻党中央的重要要求。\n";
    const a = parsePageStructure(text, ctx).articles[0]!;
    expect(a.paragraphs.map((p) => p.text)).toEqual(["6月1日,全市上下正坚决贯彻党中央的重要要求。"]);
    expect(a.captions.map((c) => c.text)).toEqual(["工作座谈会现场。"]);
  });

  it("never joins across a real paragraph end, even when the next block repeats the last character", () => {
    const text = "# 标题\n\n本报讯 6月1日,会议在太原召开。\n\n。。会议指出,要加强协作。\n";
    expect(parsePageStructure(text, ctx).articles[0]!.paragraphs).toHaveLength(2);
  });

  it("rejoins a long unpunctuated line left at a column foot (是一家经营山 / 西菜的老牌饭店)", () => {
    const a = parsePageStructure(sample, ctx).articles[4]!;
    expect(a.paragraphs.some((p) => p.text.includes("是一家经营山西菜的老牌饭店"))).toBe(true);
  });

  it("keeps a short in-body subheading as its own paragraph", () => {
    const text = "# 标题\n\n本报讯 6月1日,会议召开。\n\n扛起责任担当\n\n统筹各方力量,集中资源要素。\n";
    expect(parsePageStructure(text, ctx).articles[0]!.paragraphs.map((p) => p.text)).toEqual([
      "6月1日,会议召开。",
      "扛起责任担当",
      "统筹各方力量,集中资源要素。",
    ]);
  });
});

describe("the traps of the sample page", () => {
  const page = parsePageStructure(sample, ctx);

  it("gives 新华社播发报道, standing after (李俊华), to the next article as its kicker and source", () => {
    expect(page.articles[3]!.kicker).toBeNull();
    expect(page.articles[4]).toMatchObject({ kicker: "新华社播发报道", source: "新华社", dispatch: null, dateline: null });
  });

  it("reads the closing (李俊华) as the author credit, not body text", () => {
    const a = page.articles[3]!;
    expect(a.credits).toEqual([{ role: "AUTHOR", name: "李俊华", label: null, span: a.credits[0]!.span }]);
    expect(sample.slice(a.credits[0]!.span.start, a.credits[0]!.span.end)).toBe("李俊华");
    expect(a.paragraphs.at(-1)!.text.endsWith("及其他工作开展情况。")).toBe(true);
  });

  it("gives the caption between article 1's subheadline and its dispatch to article 1", () => {
    expect(page.articles[0]!.captions.map((c) => c.text)).toEqual(["工作座谈会现场。"]);
  });

  it("gives the caption after article 6's jump to article 6, not to the next headline's article", () => {
    expect(page.articles[5]!.captions.map((c) => c.photographer)).toEqual(["梁琛"]);
    expect(page.articles[6]!.captions).toEqual([]);
  });

  it("credits the caption's photographer on the article with role PHOTOGRAPHER", () => {
    expect(page.articles[5]!.credits.filter((c) => c.role === "PHOTOGRAPHER").map((c) => c.name)).toEqual(["梁琛"]);
  });

  it("leaves the run-together subheadline 韦韬王纯朱晓东出席并讲话 whole", () => {
    expect(page.articles[0]!.subheadline).toBe("韦韬王纯朱晓东出席并讲话");
  });
});

describe("pickups and headless text", () => {
  it("reads a standalone （上接第1版） line as the pickup of the article under the headline", () => {
    const text = "\n国务院常务会议部署稳经济政策\n\u3000\u3000（上接第1版）\n\u3000\u3000会议强调，要加大支持力度。\n";
    const a = parsePageStructure(text, { issueDate: "2022-10-12" }).articles[0]!;
    expect(a.continuedFrom?.page).toBe(1);
    expect(a.paragraphs.map((p) => p.text)).toEqual(["会议强调，要加大支持力度。"]);
  });

  it("opens the jumped tail at a pickup standing over a headline of its own", () => {
    const text = "# 夜市经济点亮城市\n\n本报讯(记者 郑凯)夜幕降临,夜市里人头攒动,市民们\n\n(上接第1版)\n\n市民生活更便利\n\n据了解,今年还将新建社区食堂20个。\n";
    const page = parsePageStructure(text, ctx);
    expect(page.articles.map((a) => [a.headline, a.continuedFrom?.page ?? null, a.paragraphs.map((p) => p.text)])).toEqual([
      ["夜市经济点亮城市", null, ["夜幕降临,夜市里人头攒动,市民们"]],
      ["市民生活更便利", 1, ["据了解,今年还将新建社区食堂20个。"]],
    ]);
  });

  it("gives a closing credit in parentheses under an article's jump to that article, not to the next", () => {
    const text = "# 乡村夜校开课啦\n\n本报讯 8月30日晚,夜校开课。\n\n(下转第三版)\n\n(冯雪)\n\n# 义诊进社区\n\n8月31日,义诊开始。(通讯员 周静)\n";
    const page = parsePageStructure(text, ctx);
    expect(page.articles.map((a) => [a.headline, a.continuesOn?.page ?? null, a.credits.map((c) => `${c.role}:${c.name}`)])).toEqual([
      ["乡村夜校开课啦", 3, ["AUTHOR:冯雪"]],
      ["义诊进社区", null, ["REPORTER:周静"]],
    ]);
  });

  it("ends a photo page's article at the next kicker or # headline right under its captions", () => {
    const text = "# 图片新闻\n\n市民在公园内赏花。 本报记者 许 晴 摄\n\n工人在生产线上忙碌。 赵刚/摄\n\n春耕时节\n\n# 田间农事忙\n\n本报讯 连日来,各地抢抓农时。\n";
    expect(parsePageStructure(text, ctx).articles.map((a) => [a.kicker, a.headline, a.captions.map((c) => c.photographer)])).toEqual([
      [null, "图片新闻", ["许晴", "赵刚"]],
      ["春耕时节", "田间农事忙", []],
    ]);
  });

  it("reads a heading line over a caption with no body after it, under a finished report, as a photo item of its own", () => {
    const text = "社区食堂开张\n\n本报讯 记者 林华 5月3日，社区食堂开张。\n\n居民纷纷前来用餐。\n\n\n湖畔秋色\n\n游人在湖边赏景。 本报记者 方晴 摄\n";
    expect(parsePageStructure(text, ctx).articles.map((a) => [a.headline, a.captions.map((c) => c.photographer)])).toEqual([
      ["社区食堂开张", []],
      ["湖畔秋色", ["方晴"]],
    ]);
    // With body text after the caption, the line stays in the running report.
    const inside = "社区食堂开张\n\n本报讯 记者 林华 5月3日，社区食堂开张。\n\n居民纷纷前来用餐\n\n游人在湖边赏景。 本报记者 方晴 摄\n\n食堂每天供应午餐。\n";
    expect(parsePageStructure(inside, ctx).articles.map((a) => a.headline)).toEqual(["社区食堂开张"]);
  });

  it("reads a lead-in a block above the # headline as its kicker (聚焦一季度经济运行：)", () => {
    const text = "\n聚焦一季度经济运行：\n\n# 我市工业增加值同比增长6.8%\n\n本报讯 3月11日,市统计局发布数据。\n";
    expect(parsePageStructure(text, ctx).articles.map((a) => [a.kicker, a.headline, a.dateline])).toEqual([
      ["聚焦一季度经济运行：", "我市工业增加值同比增长6.8%", "3月11日"],
    ]);
  });

  it("opens an article without a headline for body text at the top of a page", () => {
    const text = "\u3000\u3000（上接第一版）会议还研究了其他事项。\n";
    const page = parsePageStructure(text, { issueDate: "2022-10-12" });
    expect(page.articles).toHaveLength(1);
    expect(page.articles[0]).toMatchObject({ headline: null, continuedFrom: { page: 1 } });
  });

  it("finds no article in text that has none", () => {
    for (const text of ["", "\n\n", "   \r\n", "#", "abc", "(下转第3版)", "工作座谈会现场。梁琛摄"]) {
      expect(parsePage(text, ctx).articles).toEqual([]);
    }
  });

  it("keeps a caption with no article as a page caption", () => {
    expect(parsePage("工作座谈会现场。梁琛摄", ctx).captions.map((c) => c.photographer)).toEqual(["梁琛"]);
  });
});

describe("line endings and BOM", () => {
  it("parses the sample with CRLF line ends and a BOM to the same structure, with offsets into the given string", () => {
    const crlf = `\ufeff${sample.replace(/\n/g, "\r\n")}`;
    const a = parsePageStructure(sample, ctx);
    const b = parsePageStructure(crlf, ctx);
    expect(b.articles.map((x) => [x.headline, x.kicker, x.dateline, x.paragraphs.length])).toEqual(
      a.articles.map((x) => [x.headline, x.kicker, x.dateline, x.paragraphs.length]),
    );
    for (const x of b.articles) for (const c of x.credits) expect(crlf.slice(c.span.start, c.span.end)).toBe(c.name);
    expect(b.articles[0]!.paragraphs[1]!.text).toContain("服务雄安新区,优化区域");
  });
});

function checkSpans(text: string, page: ParsedPage): void {
  const inside = (s: { start: number; end: number }) => {
    expect(Number.isInteger(s.start) && Number.isInteger(s.end)).toBe(true);
    expect(0 <= s.start && s.start <= s.end && s.end <= text.length).toBe(true);
  };
  for (const a of page.articles) {
    inside(a.span);
    for (const p of a.paragraphs) inside(p.span);
    for (const c of a.credits) {
      inside(c.span);
      expect(text.slice(c.span.start, c.span.end).replace(/\s/gu, "")).toBe(c.name);
    }
    for (const c of [...a.captions]) inside(c.span);
    for (const m of [a.continuesOn, a.continuedFrom]) if (m !== null) expect(text.slice(m.span.start, m.span.end)).toBe(m.text);
  }
  for (const c of page.captions) inside(c.span);
}

describe("any input", () => {
  const pieces = fc.constantFrom(
    "\n", "\r\n", "\n\n", "# ", "## ", "\u3000\u3000", "\u00a0", "(", ")", "（", "）", "、", "，", "。", "摄", "区",
    "本报讯", "本报讯(记者 殷雪莹、梁涛) ", "新华社北京10月11日电（记者 王晓明）", "6月2日,", "12月30日", "(下转第3版)",
    "（上接第一版）", "（相关报道见第十版）", "(李俊华)", "梁琛摄", "新华社记者 张 三摄", "韦韬", "服务雄安新区", "张 三",
    "\ufeff", "\ud800", "𠮷",
  );
  const pageText = fc.oneof(fc.string({ maxLength: 200 }), fc.array(fc.oneof(pieces, fc.string({ maxLength: 8 })), { maxLength: 60 }).map((xs) => xs.join("")));

  it("never throws and keeps every span inside the text", () => {
    fc.assert(
      fc.property(pageText, (text) => {
        const page = parsePageUnguarded(text, ctx);
        checkSpans(text, page);
      }),
      { numRuns: 400 },
    );
  });

  it("survives a bad issue date", () => {
    expect(() => parsePageUnguarded(sample, { issueDate: "soon" })).not.toThrow();
    expect(parsePage(sample, { issueDate: "soon" }).articles[0]!.eventDate).toBeNull();
  });

  // Speed is measured by npm run bench:ingest, not by timed tests on shared machines.
  it("reads a page of 40 copies of the sample as 320 articles", () => {
    const big = Array.from({ length: 40 }, () => sample).join("\n\n");
    expect(parsePageStructure(big, ctx).articles).toHaveLength(320);
  });
});
