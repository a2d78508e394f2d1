import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { peopleIn, snippet as snippetIn } from "../support/mentions.ts";
import type { MentionInput } from "../../src/ingest/people/mention-input.ts";
import { extractMentions } from "../../src/ingest/people/mentions.ts";
import type { ParsedCaption, ParsedMention, ParsedParagraph, Span } from "../../src/ingest/types.ts";
import { simplifiedText } from "../../src/ingest/traditional.ts";

// ---------------------------------------------------------------------------------------
// The sample page, cut into articles by hand from its expected structure (the real parser is
// tested elsewhere): each article runs from its first line (kicker or headline) to the next
// article's first line; blank lines separate blocks; a block that does not end a sentence is
// a column break, rejoined with the next one (dropping a doubled character at the join).

const SEED = new URL("../../seeds/taiyuan-daily/2022-06-03/", import.meta.url);
const PAGE = readFileSync(new URL("page-01.txt", SEED), "utf8");

interface ExpectedArticle {
  kicker: string | null;
  headline: string;
  subheadline: string | null;
  reporters: string[];
  photographers: string[];
  authors: string[];
  people: Array<{ name: string; title: string | null }>;
}
const EXPECTED = (
  JSON.parse(readFileSync(new URL("page-01.expected.json", SEED), "utf8")) as { articles: ExpectedArticle[] }
).articles;

const TAIYUAN = { city: "太原市", province: "山西省" };

function lineAt(text: string, at: number): { text: string; span: Span } {
  const end = PAGE.indexOf("\n", at);
  const stop = end < 0 ? PAGE.length : end;
  return { text, span: { start: at, end: stop } };
}

function lineStart(at: number): number {
  return PAGE.lastIndexOf("\n", at - 1) + 1;
}

function sampleInputs(): Array<{ expected: ExpectedArticle; input: MentionInput }> {
  let cursor = 0;
  const located = EXPECTED.map((a) => {
    const h = PAGE.indexOf(a.headline, cursor);
    const k = a.kicker === null ? -1 : PAGE.lastIndexOf(a.kicker, h);
    const sub = a.subheadline === null ? -1 : PAGE.indexOf(a.subheadline, h + a.headline.length);
    cursor = h + a.headline.length;
    return { a, h, k, sub, first: lineStart(k >= 0 ? k : h) };
  });
  return located.map(({ a, h, k, sub }, i) => {
    const regionEnd = located[i + 1]?.first ?? PAGE.length;
    const headEnd = sub >= 0 ? sub + (a.subheadline ?? "").length : h + a.headline.length;
    const paragraphs: ParsedParagraph[] = [];
    const captions: ParsedCaption[] = [];
    let open = false;
    for (const m of PAGE.slice(headEnd, regionEnd).matchAll(/[^\n]+/g)) {
      const start = headEnd + m.index;
      const block = m[0].trim();
      if (block.length === 0) continue;
      const span = { start, end: start + m[0].length };
      const photo = /^(.*?)([\u4e00-\u9fff]{2,3})摄$/.exec(block);
      if (photo?.[1] && photo[2] && a.photographers.includes(photo[2])) {
        const at = span.end - photo[2].length - 1;
        captions.push({ text: photo[1], photographer: photo[2], span, photographerSpan: { start: at, end: at + photo[2].length } });
        continue;
      }
      const authored = /^(.*)\(([\u4e00-\u9fff]{2,3})\)$/.exec(block);
      const text = authored?.[1] && authored[2] && a.authors.includes(authored[2]) ? authored[1] : block;
      const prev = paragraphs[paragraphs.length - 1];
      if (open && prev) {
        const joined = prev.text.endsWith(text[0] ?? "") ? prev.text + text.slice(1) : prev.text + text;
        paragraphs[paragraphs.length - 1] = { text: joined, span: { start: prev.span.start, end: span.end } };
      } else {
        paragraphs.push({ text, span });
      }
      open = !/[。”!?！？)）]$/.test(text);
    }
    return {
      expected: a,
      input: {
        text: PAGE,
        kicker: a.kicker === null ? null : lineAt(a.kicker, k),
        headline: lineAt(a.headline, h),
        subheadline: a.subheadline === null ? null : lineAt(a.subheadline, sub),
        paragraphs,
        captions,
        creditNames: [...a.reporters, ...a.photographers, ...a.authors],
        region: TAIYUAN,
      },
    };
  });
}

const SAMPLE = sampleInputs();

/** A MentionInput for a snippet standing alone as one paragraph, on a page of the sample's city. */
const snippet = (text: string, extra: Partial<MentionInput> = {}): MentionInput => snippetIn(text, { region: TAIYUAN, ...extra });

const brief = (ms: ParsedMention[]): Array<[string, string | null, string | null]> =>
  ms.map((m) => [m.name, m.title, m.normalisedTitle]);

/** Normalised titles expected for the sample, by article and name (the normal form of titles.ts). */
const NORMALISED: Array<Record<string, string>> = [
  {
    韦韬: "山西省委常委、太原市委书记",
    王纯: "山西省人大常委会副主任",
    朱晓东: "忻州市委书记",
    张新伟: "太原市委副书记、太原市长",
    李建国: "忻州市委副书记、忻州市长",
    张翔: "山西省太忻经济一体化发展促进中心主任",
    魏民: "太原市人大常委会主任",
    王珍: "忻州市人大常委会主任",
    习近平: "总书记",
    林武: "山西省委书记",
  },
  { 韦韬: "山西省委常委、太原市委书记", 袁清茂: "汾酒集团党委书记、董事长", 谭忠豹: "汾酒集团总经理", 卢秋生: "太原市领导" },
  { 张新伟: "太原市委副书记、太原市长、太原市总河湖长", 王剑峰: "太原市领导", 薛维柱: "太原市领导" },
  {
    魏民: "太原市人大常委会主任",
    卢秋生: "太原市委常委、太原市副市长、太忻经济一体化发展太原区运营中心主任",
    高波: "太原市人大常委会副主任",
    冯原平: "太原市人大常委会副主任",
    裴耀军: "太原市人大常委会副主任",
    卢俊峰: "太原市副市长",
  },
  { 韩永茂: "酒店负责人", 刘涛: "太原市文物保护研究院双塔博物馆票务负责人" },
  { 韦韬: "山西省委常委、太原市委书记" },
  { 张瑞鹏: "山西省政协副主席", 操学诚: "太原市政协主席", 陈继光: "太原市政协副主席" },
  { 张韬: "太原市委副书记、政法委书记、太原市产改协调小组组长", 习近平: "总书记" },
];

describe("extractMentions on the sample page of 太原日报 2022-06-03", () => {
  it("cuts the sample into the 8 articles of the expected file", () => {
    expect(SAMPLE).toHaveLength(8);
  });

  SAMPLE.forEach(({ expected, input }, i) => {
    describe(`article ${i + 1}: ${expected.headline}`, () => {
      const mentions = extractMentions(input);

      it("names exactly the expected people, in order of first appearance, with the printed titles", () => {
        expect(mentions.map((m) => ({ name: m.name, title: m.title }))).toEqual(expected.people);
      });

      it("normalises every title with the region 太原市/山西省", () => {
        expect(Object.fromEntries(mentions.map((m) => [m.name, m.normalisedTitle]))).toEqual(NORMALISED[i]);
      });

      it("gives spans where the name and the title stand in the page text", () => {
        for (const m of mentions) {
          expect(PAGE.slice(m.span.start, m.span.end)).toBe(m.name);
          expect(m.titleSpan).not.toBeNull();
          if (m.titleSpan) expect(PAGE.slice(m.titleSpan.start, m.titleSpan.end)).toBe(m.title);
        }
      });
    });
  });

  it("places a name's span at its first appearance: 韦韬 in the subheadline, 张新伟 in the headline", () => {
    const [first, , third] = SAMPLE.map(({ input }) => extractMentions(input));
    expect(first?.[0]?.span.start).toBe(PAGE.indexOf("韦韬王纯朱晓东"));
    expect(third?.[0]?.span.start).toBe(PAGE.indexOf("张新伟调研督导"));
    // ...while the title is the one printed with the first titled mention, in the body.
    expect(third?.[0]?.titleSpan?.start).toBe(PAGE.indexOf("市委副书记、市长、市总河湖长张新伟"));
  });
});

describe("extractMentions rules, on snippets of the sample", () => {
  it("takes the title printed before the name, through a list of titles", () => {
    expect(brief(extractMentions(snippet("6月2日,省委常委、太原市委书记韦韬,省人大常委会副主任王纯出席。")))).toEqual([
      ["韦韬", "省委常委、太原市委书记", "山西省委常委、太原市委书记"],
      ["王纯", "省人大常委会副主任", "山西省人大常委会副主任"],
    ]);
  });

  it("gives a title shared by a list to every name of the list (市领导王剑峰、薛维柱)", () => {
    expect(brief(extractMentions(snippet("市领导王剑峰、薛维柱参加。")))).toEqual([
      ["王剑峰", "市领导", "太原市领导"],
      ["薛维柱", "市领导", "太原市领导"],
    ]);
  });

  it("gives the same title span to every name of a shared list", () => {
    const [a, b] = extractMentions(snippet("市人大常委会副主任高波、冯原平、裴耀军,副市长卢俊峰参加。"));
    expect(a?.titleSpan).toEqual({ start: 0, end: 9 });
    expect(b?.titleSpan).toEqual({ start: 0, end: 9 });
  });

  it("reads a title printed after the name (习近平总书记), and not 殷殷 after it as a name", () => {
    expect(brief(extractMentions(snippet("是省委忠诚践行习近平总书记殷殷嘱托,着眼融入京津冀。")))).toEqual([
      ["习近平", "总书记", "总书记"],
    ]);
  });

  it("splits names run together in a subheadline using the names found in the body", () => {
    const sub = "韦韬王纯朱晓东出席并讲话";
    const body = "省委常委、太原市委书记韦韬,省人大常委会副主任王纯,忻州市委书记朱晓东出席并讲话。";
    const text = `${sub}\n\n${body}`;
    const mentions = extractMentions({
      ...snippet(text),
      subheadline: { text: sub, span: { start: 0, end: sub.length } },
      paragraphs: [{ text: body, span: { start: sub.length + 2, end: text.length } }],
    });
    expect(mentions.map((m) => [m.name, m.span.start, m.title])).toEqual([
      ["韦韬", 0, "省委常委、太原市委书记"],
      ["王纯", 2, "省人大常委会副主任"],
      ["朱晓东", 4, "忻州市委书记"],
    ]);
  });

  it("finds nobody in a run-together subheadline with no body to vouch for the names", () => {
    const sub = "韦韬王纯朱晓东出席并讲话";
    expect(extractMentions({ ...snippet(sub), paragraphs: [], subheadline: { text: sub, span: { start: 0, end: sub.length } } })).toEqual([]);
  });

  it("continues a listed body into a vice title (市政协主席操学诚、副主席陈继光)", () => {
    expect(brief(extractMentions(snippet("市政协主席操学诚、副主席陈继光一同调研。")))).toEqual([
      ["操学诚", "市政协主席", "太原市政协主席"],
      ["陈继光", "副主席", "太原市政协副主席"],
    ]);
  });

  it("starts a title at an organisation after a conjunction (韦韬与汾酒集团党委书记、董事长袁清茂)", () => {
    expect(brief(extractMentions(snippet("省委常委、市委书记韦韬与汾酒集团党委书记、董事长袁清茂一行举行工作会谈。")))).toEqual([
      ["韦韬", "省委常委、市委书记", "山西省委常委、太原市委书记"],
      ["袁清茂", "汾酒集团党委书记、董事长", "汾酒集团党委书记、董事长"],
    ]);
  });

  it("starts a title at the paragraph and after a comma, organisation included", () => {
    expect(brief(extractMentions(snippet("太原市文物保护研究院双塔博物馆票务负责人刘涛介绍,酒店负责人韩永茂告诉记者。")))).toEqual([
      ["刘涛", "太原市文物保护研究院双塔博物馆票务负责人", "太原市文物保护研究院双塔博物馆票务负责人"],
      ["韩永茂", "酒店负责人", "酒店负责人"],
    ]);
  });

  it("stops a title at 是 (是省委书记林武亲自谋划)", () => {
    expect(brief(extractMentions(snippet("作出的重大决策,是省委书记林武亲自谋划、亲自部署的重大战略。")))).toEqual([
      ["林武", "省委书记", "山西省委书记"],
    ]);
  });

  it("separates the OCR-joined 市长张新伟 into title and name", () => {
    expect(brief(extractMentions(snippet("太原市委副书记、市长张新伟,忻州市委副书记、市长李建国出席。")))).toEqual([
      ["张新伟", "太原市委副书记、市长", "太原市委副书记、太原市长"],
      ["李建国", "忻州市委副书记、市长", "忻州市委副书记、忻州市长"],
    ]);
  });

  it("ends a name before the verb that follows it (韦韬代表…, 韦韬在…)", () => {
    const text = "省委常委、市委书记韦韬在督导检查时强调。韦韬代表太原市委、市政府表示感谢。";
    const mentions = extractMentions(snippet(text));
    expect(mentions.map((m) => m.name)).toEqual(["韦韬"]);
  });

  it("reads a chain of national titles before a name", () => {
    expect(brief(extractMentions(snippet("中共中央总书记、国家主席、中央军委主席习近平发表重要讲话。")))).toEqual([
      ["习近平", "中共中央总书记、国家主席、中央军委主席", "中共中央总书记、国家主席、中央军委主席"],
    ]);
  });

  it("reads 于 as a surname only when a name follows it (副市长于建华 but 负责人于近日)", () => {
    expect(brief(extractMentions(snippet("副市长于建华、王芳出席。负责人于近日表示,负责人向记者介绍。")))).toEqual([
      ["于建华", "副市长", "太原市副市长"],
      ["王芳", "副市长", "太原市副市长"],
    ]);
  });

  it("does not take a verb before the organ into the title (感谢市长王强)", () => {
    expect(brief(extractMentions(snippet("感谢市长王强对工作的支持。")))).toEqual([["王强", "市长", "太原市长"]]);
  });

  it("does not take a surname with a kinship word for a name (陈伯, 李叔, 王姨, 赵奶奶), nor a name whose given name holds one for such a reference", () => {
    const names = (text: string) => extractMentions(snippet(text)).map((m) => m.name);
    expect(names("退休工人陈伯今年78岁，邻居李叔和王姨都来帮忙，村民赵奶奶笑了。")).toEqual([]);
    expect(names("中共中央政治局常委刘伯承说，市长王哥伦出席。")).toEqual(["刘伯承", "王哥伦"]);
  });

  it("does not take a preposition jieba joined to the organ into the title (据市交警支队…: 据市)", () => {
    expect(brief(extractMentions(snippet("据市交警支队副支队长林海介绍，共查处违法行为300起。"))).map(([name, title]) => [name, title])).toEqual([["林海", "市交警支队副支队长"]]);
  });

  it("never counts credited reporters, photographers or authors", () => {
    const text = "本报讯(记者 殷雪莹、梁涛) 6月1日,市领导卢秋生参加。工作座谈会现场。梁琛摄 (李俊华)";
    const mentions = extractMentions(snippet(text, { creditNames: ["殷雪莹", "梁涛", "梁琛", "李俊华"] }));
    expect(mentions.map((m) => m.name)).toEqual(["卢秋生"]);
  });

  it("drops a credited name even where a title stands before it", () => {
    expect(extractMentions(snippet("市领导李俊华参加。", { creditNames: ["李俊华"] }))).toEqual([]);
  });

  it("invents nobody in text with place names, organisations and untitled roles", () => {
    const texts = [
      "夜幕还未降临,在山西省太原市食品街,古色古香的牌楼前游客已陆续多了起来。",
      "“端午节来临之际,这款含有艾草、丁香、薄荷等中药材的驱蚊虫香囊卖得最好。”店铺负责人告诉记者。",
      "听取有关职能部门和企业负责人关于道路施工、市政公用设施等情况汇报。",
      "并现场调度山西焦煤集团马兰矿,询问生产状况,检查领导带班值班工作。",
      "太原、忻州两市人大常委会太忻经济一体化发展协作工作座谈会在并举行。两市人大常委会负责同志参加。",
      "汾酒集团取得的突出业绩,市领导班子高度重视。",
    ];
    for (const text of texts) expect(extractMentions(snippet(text))).toEqual([]);
    // A name that opens a clause before what only a person does is one (来到: a person goes somewhere).
    expect(brief(extractMentions(snippet("张新伟来到汾河清徐齐南安段,检查防洪能力提升工程进展。")))).toEqual([["张新伟", null, null]]);
  });

  it("leaves titles unresolved when the publication has no region", () => {
    expect(brief(extractMentions(snippet("市领导王剑峰参加。", { region: undefined })))).toEqual([
      ["王剑峰", "市领导", "市领导"],
    ]);
  });

  it("maps names found in a repaired paragraph back to the page text, across a column break", () => {
    const text = "市委副书记、市长张新伟沿途实地察看水毁\n\n段修复加固。市领导王剑\n\n峰参加,市领导薛维柱参加。";
    const repaired = "市委副书记、市长张新伟沿途实地察看水毁段修复加固。市领导王剑峰参加,市领导薛维柱参加。";
    const mentions = extractMentions({ ...snippet(text), paragraphs: [{ text: repaired, span: { start: 0, end: text.length } }] });
    // 王剑峰 is split by the break in the page text: its span covers the break, as printed.
    expect(mentions.map((m) => [m.name, text.slice(m.span.start, m.span.end)])).toEqual([
      ["张新伟", "张新伟"],
      ["王剑峰", "王剑\n\n峰"],
      ["薛维柱", "薛维柱"],
    ]);
  });

  it("returns [] rather than throwing on nonsense input", () => {
    const bad = { text: 42, paragraphs: [{ text: null, span: { start: -5, end: 1e9 } }], captions: null } as unknown as MentionInput;
    expect(extractMentions(bad)).toEqual([]);
    expect(extractMentions(snippet(""))).toEqual([]);
  });

  it("always gives spans that slice to the name and the title as printed, whatever the text (property)", () => {
    const pieces = [
      "市领导", "王剑峰", "、", "薛维柱", "参加", "。", "省委常委", "市委书记", "韦韬", "\n\n", "与", "汾酒集团",
      "总经理", "谭忠豹", ",", "习近平", "总书记", "负责人", "关于", "殷殷", "副主席", "陈继光", "区", "a1", " ",
    ];
    const arbitraryText = fc.array(
      fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...pieces) }, { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 4 }) }),
      { maxLength: 40 },
    );
    fc.assert(
      fc.property(arbitraryText, fc.array(fc.nat(), { maxLength: 3 }), (parts, cuts) => {
        const text = parts.join("");
        // Paragraphs at arbitrary cuts, repaired like the parser does: newline runs removed.
        const bounds = [0, ...cuts.map((c) => c % (text.length + 1)).sort((a, b) => a - b), text.length];
        const paragraphs = bounds.slice(1).map((end, k) => {
          const start = bounds[k] ?? 0;
          return { text: text.slice(start, end).replace(/\n+/g, ""), span: { start, end } };
        });
        const mentions = extractMentions({ ...snippet(text), paragraphs });
        expect(new Set(mentions.map((m) => m.name)).size).toBe(mentions.length);
        // As printed: a line break the repair removed may stand inside (吴\n斌).
        const printed = (span: { start: number; end: number }) => text.slice(span.start, span.end).replace(/\n/g, "");
        for (const m of mentions) {
          expect(printed(m.span)).toBe(m.name);
          if (m.titleSpan) expect(printed(m.titleSpan)).toBe(m.title);
        }
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 300) },
    );
  });
});

describe("extractMentions through parsePage (the real parser) on the sample page", () => {
  it("gives every article the expected people, titles and spans", async () => {
    const { parsePage } = await import("../../src/ingest/parse-page.ts");
    const page = parsePage(PAGE, { issueDate: "2022-06-03", region: TAIYUAN });
    expect(page.articles.map((a) => a.mentions.map((m) => ({ name: m.name, title: m.title })))).toEqual(
      EXPECTED.map((a) => a.people),
    );
    expect(page.articles.map((a) => Object.fromEntries(a.mentions.map((m) => [m.name, m.normalisedTitle])))).toEqual(
      NORMALISED,
    );
    for (const m of page.articles.flatMap((a) => a.mentions)) {
      expect(PAGE.slice(m.span.start, m.span.end)).toBe(m.name);
      if (m.titleSpan) expect(PAGE.slice(m.titleSpan.start, m.titleSpan.end)).toBe(m.title);
    }
  });
});

describe("extractMentions on invented sentences of other newspapers", () => {
  const people = (text: string, extra: Partial<MentionInput> = {}) => peopleIn(text, extra);

  it("takes role nouns of ordinary life as titles (村民, 预报员, 律师, 教练, 院士, 网格员)", () => {
    expect(people("村民陈桂兰说，今年的收成不错。")).toEqual([["陈桂兰", "村民"]]);
    expect(people("首席预报员周晓峰和预报员林雨欣一起值班。")).toEqual([
      ["周晓峰", "首席预报员"],
      ["林雨欣", "预报员"],
    ]);
    expect(people("律师孙明辉、教练郭文涛、院士沈家明都到了现场。")).toEqual([
      ["孙明辉", "律师"],
      ["郭文涛", "教练"],
      ["沈家明", "院士"],
    ]);
    expect(people("驻村第一书记黄永平带着网格员程立华走访农户。")).toEqual([
      ["黄永平", "驻村第一书记"],
      ["程立华", "网格员"],
    ]);
  });

  it("takes a noun that names a role by its last character as a title though no list holds it (茶农, 环卫工, 剪纸艺人)", () => {
    expect(people("27岁的茶农俞佳琪正在茶园忙碌。")).toEqual([["俞佳琪", "茶农"]]);
    expect(people("环卫工李强说，路面干净多了。")).toEqual([["李强", "环卫工"]]);
    expect(people("非遗传承人、剪纸艺人韩美林正在现场表演。")).toEqual([["韩美林", "非遗传承人、剪纸艺人"]]);
    expect(people("个体户杨勇和驴友李飞都说，很值得。")).toEqual([
      ["杨勇", "个体户"],
      ["李飞", "驴友"],
    ]);
    expect(people("68岁的“小巷管家”刘桂芬每天出门巡查。")).toEqual([["刘桂芬", null]]);
  });

  it("takes the roles of court and police reports as titles (书记员, 原告, 被告人, 陪审员), but no withheld name (被告人李某, 王某某)", () => {
    expect(people("法官带着书记员孙一鸣到现场查看。")).toEqual([["孙一鸣", "书记员"]]);
    expect(people("原告钱建国与被告郑立新是邻居。")).toEqual([
      ["钱建国", "原告"],
      ["郑立新", "被告"],
    ]);
    expect(people("被告人李某因琐事与人争执，犯罪嫌疑人王某某已被批准逮捕。")).toEqual([]);
    expect(people("法院干警周鹏介绍了情况。")).toEqual([["周鹏", "法院干警"]]);
  });

  it("takes the positions of team sports and the callings of music as titles (副攻, 主攻, 钢琴家, 小提琴演奏家)", () => {
    expect(people("副攻陈媛媛拦网得到5分，主攻金秀珍因伤缺阵。")).toEqual([
      ["陈媛媛", "副攻"],
      ["金秀珍", "主攻"],
    ]);
    expect(people("青年钢琴家孟琳、小提琴演奏家邵一凡先后登台。")).toEqual([
      ["孟琳", "青年钢琴家"],
      ["邵一凡", "小提琴演奏家"],
    ]);
  });

  it("reads a two-character name after a kinship or situation word where jieba ends it at a dictionary word (女儿王芳连声道谢)", () => {
    expect(people("老人的女儿王芳连声道谢。")).toEqual([["王芳", null]]);
    expect(people("2名旗手高擎党旗走来。")).toEqual([]);
  });

  it("reaches a title back across a place or firm that jieba tags as a name when an organ, not an office, follows it (秦淮分局民警, 宁德时代董事长)", () => {
    expect(people("秦淮分局民警赵磊发现后将其送回。")).toEqual([["赵磊", "秦淮分局民警"]]);
    expect(people("宁德时代董事长曾毓群说。")).toEqual([["曾毓群", "宁德时代董事长"]]);
    expect(people("省委常委、市委书记韦韬市长张新伟出席。")).toEqual([
      ["韦韬", "省委常委、市委书记"],
      ["张新伟", "市长"],
    ]);
  });

  it("ends a name at a word of when it happened (特朗普当天表示, 王明昨天说) and at 作 of a report (王明作工作报告)", () => {
    expect(people("美国总统特朗普当天发表讲话。")).toEqual([["特朗普", "美国总统"]]);
    expect(people("市长王明昨天说，要抓紧推进。")).toEqual([["王明", "市长"]]);
    expect(people("市长王明作工作报告。")).toEqual([["王明", "市长"]]);
  });

  it("reads an office or profession printed after a name when what the person said follows (王刚局长说, 李娜律师提醒), not when a name follows", () => {
    expect(people("王刚局长说，要抓紧。")).toEqual([["王刚", "局长"]]);
    expect(people("赵刚副局长表示，要加快。")).toEqual([["赵刚", "副局长"]]);
    expect(people("李娜律师提醒，要注意合同。")).toEqual([["李娜", "律师"]]);
    expect(people("公安局长表示，要严查。")).toEqual([]);
    expect(people("会上，王立群秘书长就此提出要求。")).toEqual([["王立群", "秘书长"]]);
    expect(people("李明副局长在会上通报了情况。")).toEqual([["李明", "副局长"]]);
  });

  it("ends a name before 则 and a reporting verb (卡萨则认为)", () => {
    expect(people("客队主帅卡萨则认为，判罚影响了比赛。")).toEqual([["卡萨", "客队主帅"]]);
    expect(people("教练王明则表示，球队还需磨合。")).toEqual([["王明", "教练"]]);
  });

  it("reads a name with no title followed by its age this year as a person (王丽萍今年56岁)", () => {
    expect(people("王丽萍今年56岁，是社区的网格员。")).toEqual([["王丽萍", null]]);
  });

  it("reaches a title back across an ordinal in an organ's name (南京市第一中学校长)", () => {
    expect(people("南京市第一中学校长陈履伟表示，学校将增加体育课时。")).toEqual([["陈履伟", "南京市第一中学校长"]]);
    expect(people("他是第一个到达的人，局长王刚说。")).toEqual([["王刚", "局长"]]);
  });

  it("ends a list of names at the next item's title and at 及 inside a word (乘务员王雪、安全员李强及时处置)", () => {
    expect(people("乘务员王雪、安全员李强及时处置。")).toEqual([
      ["王雪", "乘务员"],
      ["李强", "安全员"],
    ]);
  });

  it("reads no person in a place named after someone that jieba knows as one word (宋庆龄故居, 王府井大街)", () => {
    expect(people("学生宋庆龄故居参观。")).toEqual([]);
    expect(people("工作人员王府井大街巡逻。")).toEqual([]);
  });

  it("reads no person in a place of everyday life that jieba's dictionary counts often, though it tags some as names (市民林荫道, 职工文化宫)", () => {
    expect(people("沿河的市民林荫道昨日重新开放。")).toEqual([]);
    expect(people("步道东起职工文化宫，西至人民公园。")).toEqual([]);
    expect(people("作家何宗道说，这本书写了五年。")).toEqual([["何宗道", "作家"]]);
  });

  it("takes no role from a noun that names no one (国家, 老家) nor from an unknown word that opens a name or a place", () => {
    expect(people("他回到老家张庄种地。")).toEqual([]);
    expect(people("创业者钱包鼓了。")).toEqual([]);
    expect(people("消费者黄金周出游。")).toEqual([]);
    expect(people("从东海之滨到华北腹地，观测网迅速铺开。")).toEqual([]);
  });

  it("ends a three-character name at the verb after it, not at two characters", () => {
    expect(people("局长宋善允出席会议。")).toEqual([["宋善允", "局长"]]);
    expect(people("副局长王维萍说，要做好准备。")).toEqual([["王维萍", "副局长"]]);
  });

  it("reads compound surnames (欧阳明华, 上官婷)", () => {
    expect(people("教授欧阳明华和学生上官婷一起做实验。")).toEqual([
      ["欧阳明华", "教授"],
      ["上官婷", "学生"],
    ]);
  });

  it("reads a rare surname after a title when a sure boundary ends the name (网格员忻元清说)", () => {
    expect(people("网格员忻元清说，每天都要巡查。")).toEqual([["忻元清", "网格员"]]);
  });

  it("reads foreign names: transliterated after a title, and with · anywhere", () => {
    expect(people("巴西总统卡多索表示欢迎。")).toEqual([["卡多索", "巴西总统"]]);
    expect(people("书展副主席玛丽亚·贝克说，展会很成功。")).toEqual([["玛丽亚·贝克", "书展副主席"]]);
    expect(people("代表团成员有赵国强、司马义·艾买提、钱志明、孙立平等人。")).toEqual([
      ["赵国强", null],
      ["司马义·艾买提", null],
      ["钱志明", null],
      ["孙立平", null],
    ]);
  });

  it("reads transliterations with more characters of the standard table (优素福, 亚历山大, 舒尔茨) and a leader jieba tags as a place (普京/ns)", () => {
    expect(people("客队前锋优素福·卡里姆头球破门。")).toEqual([["优素福·卡里姆", "客队前锋"]]);
    expect(people("集团总裁亚历山大·韦伯说，合作很顺利。")).toEqual([["亚历山大·韦伯", "集团总裁"]]);
    expect(people("德国总理舒尔茨当天表示支持。")).toEqual([["舒尔茨", "德国总理"]]);
    expect(people("俄罗斯总统普京8日发表讲话。")).toEqual([["普京", "俄罗斯总统"]]);
    expect(people("市长大力推动老旧小区改造。")).toEqual([]);
  });

  it("reads a transliterated name where jieba knows it and ends it inside a run of transliteration characters (总理默克尔通电话)", () => {
    expect(people("德国总理默克尔通电话。")).toEqual([["默克尔", "德国总理"]]);
  });

  it("reads the people of sports and show business: their roles (主帅, 球星, 名将, 主播, 女孩) and what is said of them (晋级, 夺冠, 砍下)", () => {
    expect(people("国足主帅伊万科维奇赛后表示，球队需要提高。")).toEqual([["伊万科维奇", "国足主帅"]]);
    expect(people("火箭队球星詹姆斯·哈登砍下40分。")).toEqual([["詹姆斯·哈登", "火箭队球星"]]);
    expect(people("乒乓球运动员马龙、樊振东和王楚钦晋级。")).toEqual([
      ["马龙", "乒乓球运动员"],
      ["樊振东", "乒乓球运动员"],
      ["王楚钦", "乒乓球运动员"],
    ]);
    expect(people("短道速滑名将武大靖夺冠。")).toEqual([["武大靖", "短道速滑名将"]]);
    expect(people("网红主播李佳琦直播带货。")).toEqual([["李佳琦", "网红主播"]]);
    expect(people("95后女孩李子柒走红网络。")).toEqual([["李子柒", "女孩"]]);
  });

  it("reads a long transliteration that ends where a word begins (秘书长古特雷斯发表讲话)", () => {
    expect(people("联合国秘书长古特雷斯发表讲话。")).toEqual([["古特雷斯", "联合国秘书长"]]);
  });

  it("reads a name before a postfix title even where jieba does not tag it (钟南山院士指出)", () => {
    expect(people("钟南山院士指出，要做好防护。")).toEqual([["钟南山", "院士"]]);
  });

  it("continues a titled list across 和 before a preposition (王磊和张伟伟在社区)", () => {
    expect(people("志愿者刘芳芳、王磊和张伟伟在社区服务。")).toEqual([
      ["刘芳芳", "志愿者"],
      ["王磊", "志愿者"],
      ["张伟伟", "志愿者"],
    ]);
  });

  it("reads Japanese names whole in an article that speaks of Japan (山田浩一, 佐藤美那拿到, 中村克之), and not elsewhere", () => {
    expect(people("日本队主教练山田浩一说，中国队拦网很强。")).toEqual([["山田浩一", "日本队主教练"]]);
    expect(people("日本队队长佐藤真理那拿到全队最高的18分。")).toEqual([["佐藤真理那", "日本队队长"]]);
    expect(people("日中友好协会理事长中村克之说，交流还会继续。")).toEqual([["中村克之", "日中友好协会理事长"]]);
    expect(people("市交响乐团团长中村克之说，演出还会继续。")).toEqual([]);
    expect(people("日本外务省局长北泽良太出席论坛。")).toEqual([["北泽良太", "日本外务省局长"]]);
    expect(people("中国驻日本大使馆公参方明出席。")).toEqual([["方明", "中国驻日本大使馆公参"]]);
  });

  it("reads a Tibetan name of two syllables whole (晋美旺措, not 晋美旺)", () => {
    expect(people("西藏自治区文联主席晋美旺措出席。")).toEqual([["晋美旺措", "西藏自治区文联主席"]]);
  });

  it("gives a shared title to every name of a 、 list after it", () => {
    expect(people("研究员张敏华、李晓东、王立新分别介绍了进展。")).toEqual([
      ["张敏华", "研究员"],
      ["李晓东", "研究员"],
      ["王立新", "研究员"],
    ]);
  });

  it("lists names of an untitled 、 list, the first after words and the last before 等", () => {
    expect(people("看望了赵国强、钱志明、孙立平、周文华等老同志。")).toEqual([
      ["赵国强", null],
      ["钱志明", null],
      ["孙立平", null],
      ["周文华", null],
    ]);
  });

  it("reads a full name before the honorific 先生 or 女士 as a person with no title, not a surname alone nor a form of address", () => {
    expect(people("欢迎汤丽君女士回到家乡。")).toEqual([["汤丽君", null]]);
    expect(people("纪念馆陈列着顾建业先生的手稿。")).toEqual([["顾建业", null]]);
    expect(people("王先生回到家乡。")).toEqual([]);
    expect(people("欧阳先生回到家乡。")).toEqual([]);
    expect(people("账房先生记了一笔。")).toEqual([]);
  });

  it("reads a name after a clause of 的 that says the post held (时任…的, 曾任…的), with no title, and nothing after such a clause before a noun", () => {
    expect(people("时任红军团长的路文静在战斗中负伤。")).toEqual([["路文静", null]]);
    expect(people("创办人是时任州府知府的顾建业。")).toEqual([["顾建业", null]]);
    expect(people("曾任厂长的经历让他受益。")).toEqual([]);
    expect(people("担任队长的责任重大。")).toEqual([]);
  });

  it("reads offices of imperial times as titles (知县, 总督)", () => {
    expect(people("清末，知县顾建业下令开仓放粮。")).toEqual([["顾建业", "知县"]]);
    expect(people("两广总督汤丽君奏请朝廷。")).toEqual([["汤丽君", "两广总督"]]);
  });

  it("reads the items of a personnel list, each opening a clause with its name, with no title", () => {
    expect(people("范志国为市水务局局长；")).toEqual([["范志国", null]]);
    expect(people("卜海燕的市水务局副局长职务。")).toEqual([["卜海燕", null]]);
    expect(people("路文静，女，1982年5月生，汉族，大学学历。")).toEqual([["路文静", null]]);
    expect(people("会议决定，龚立伟为市政府副秘书长，汤丽君为市政府参事。")).toEqual([
      ["龚立伟", null],
      ["汤丽君", null],
    ]);
  });

  it("reads no personnel item where the clause names no post, or opens with no name", () => {
    expect(people("范志国为大家讲解了新政策。")).toEqual([]);
    expect(people("去年，王府井为全市最繁华的商业街。")).toEqual([]);
    expect(people("同时，公司的总经理职务由董事会聘任。")).toEqual([]);
    expect(people("全市为群众办实事，男女老少都受益。")).toEqual([]);
  });

  it("lists the names of an award list with each one's school or unit in brackets, and no places, products or units so listed", () => {
    expect(people("一等奖：邝雨桐（市第一中学）、柴思远（外国语学校）、卢可欣（实验小学）")).toEqual([
      ["邝雨桐", null],
      ["柴思远", null],
      ["卢可欣", null],
    ]);
    expect(people("参展的有长江（武汉段）、汉江（襄阳段）。")).toEqual([]);
    expect(people("获奖单位：市一中（江岸区）、市二中（汉阳区）")).toEqual([]);
    expect(people("品种：红富士（陕西）、国光（辽宁）")).toEqual([]);
  });

  it("lists the names of a spaced honours list (a paragraph of short items only), and no words nor units so spaced", () => {
    expect(people("欧阳明轩　范志国　汤丽君　顾建业")).toEqual([
      ["欧阳明轩", null],
      ["范志国", null],
      ["汤丽君", null],
      ["顾建业", null],
    ]);
    expect(people("春季　夏季　秋季　冬季")).toEqual([]);
    expect(people("黄金　白银　石油　钢材")).toEqual([]);
    expect(people("市水务局　城东派出所　第三中学")).toEqual([]);
  });

  it("lists both names of a last item joined by 和 in an untitled list of two items (李明、王华和刘洋)", () => {
    expect(people("获奖者包括李明、王华和刘洋。")).toEqual([
      ["李明", null],
      ["王华", null],
      ["刘洋", null],
    ]);
  });

  it("takes a three-character name after a relative clause's 的 when jieba reads a word right after it (闻讯赶来的胡晓梅连声道谢)", () => {
    expect(people("闻讯赶来的胡晓梅连声道谢。")).toEqual([["胡晓梅", null]]);
    expect(people("美丽的高楼大厦拔地而起。")).toEqual([]);
  });

  it("reads rare surnames seen in the news that are no everyday word (屠呦呦) and show business's 主演", () => {
    expect(people("诺贝尔奖得主屠呦呦出席活动。")).toEqual([["屠呦呦", "诺贝尔奖得主"]]);
    expect(people("主演黄渤在发布会上表示。")).toEqual([["黄渤", "主演"]]);
  });

  it("finds a name the OCR wrapped across two lines, its span covering the line break as printed", () => {
    const text = "市园林局副局长吴\n斌介绍，新增景观灯。";
    const [mention] = extractMentions({ ...snippet(text), paragraphs: [{ text: text.replace("\n", ""), span: { start: 0, end: text.length } }] });
    expect([mention?.name, mention?.title, text.slice(mention!.span.start, mention!.span.end)]).toEqual(["吴斌", "市园林局副局长", "吴\n斌"]);
  });

  it("takes a name with no title on what only a person does or has: reporters addressed, a spouse or child, an opinion framed by 在…看来", () => {
    expect(people("陈志强接受采访时表示，比赛很精彩。")).toEqual([["陈志强", null]]);
    expect(people("赵雪梅向记者展示了她的作品。")).toEqual([["赵雪梅", null]]);
    expect(people("马俊峰和妻子一起经营这家小店。")).toEqual([["马俊峰", null]]);
    expect(people("钱小红的丈夫在外地工作。")).toEqual([["钱小红", null]]);
    expect(people("在刘晓燕看来，这是一次难得的机会。")).toEqual([["刘晓燕", null]]);
    expect(people("王明看来很累。在上海看来，这不是问题。公司向记者介绍。")).toEqual([]);
  });

  it("takes a name with no title before 回应, 带领 and 是一名, and after a relative clause's 的 a name jieba's dictionary counts rarely (王振华), not a word it mis-tags (高水平)", () => {
    expect(people("对此，李国强回应称，将尽快整改。")).toEqual([["李国强", null]]);
    expect(people("作为项目负责人，孙立平带领团队攻克难关。")).toEqual([["孙立平", null]]);
    expect(people("王丽娟是一名有着20年教龄的老教师。")).toEqual([["王丽娟", null]]);
    expect(people("原籍山东的王振华来京已有十年。")).toEqual([["王振华", null]]);
    expect(people("体现了合作的高水平。公司是一家企业。")).toEqual([]);
  });

  it("takes a name with no title on a reporting verb or an age", () => {
    expect(people("刘建新表示，项目将于年底完工。")).toEqual([["刘建新", null]]);
    expect(people("他叫李明阳，今年35岁，是一名快递员。")).toEqual([["李明阳", null]]);
    expect(people("陈秀英（68岁）每天都来。")).toEqual([["陈秀英", null]]);
  });

  it("takes the person a personnel decision names, with no title (聘任张海涛为总经理, 免去刘志强的副局长职务)", () => {
    expect(people("董事会同意聘任韩立峰为公司总经理。")).toEqual([["韩立峰", null]]);
    expect(people("会议选举孟凡英担任协会会长，免去刘志强的副局长职务。")).toEqual([
      ["孟凡英", null],
      ["刘志强", null],
    ]);
    expect(people("会议选举产生新一届理事会，提名为候选人。")).toEqual([]);
  });

  it("ends a name before a longer dictionary word that its next character opens (网格员周丽挨家挨户, not 周丽挨)", () => {
    expect(people("社区网格员周丽挨家挨户做工作。")).toEqual([["周丽", "社区网格员"]]);
  });

  it("reads no person in a form of address (司机师傅说) nor in a very common word jieba tags as a name after a situation word (游客高峰)", () => {
    expect(people("司机师傅说，路况不错。")).toEqual([]);
    expect(people("古镇迎来游客高峰。")).toEqual([]);
    expect(people("车主李娜在现场。")).toEqual([["李娜", "车主"]]);
  });

  it("begins a title after a verb done to the person (古镇迎来游客, 中心派出首席预报员), not after one that qualifies the role (退休教师, 值班预报员)", () => {
    expect(people("古镇迎来游客王明说，景色很美。")).toEqual([["王明", "游客"]]);
    expect(people("气象中心派出首席预报员杨帆驻场服务。")).toEqual([["杨帆", "首席预报员"]]);
    expect(people("退休教师林秀英笑着说。")).toEqual([["林秀英", "退休教师"]]);
    expect(people("值班预报员周敏说。")).toEqual([["周敏", "值班预报员"]]);
  });

  it("keeps a numeral that names a unit, a place or an assembly's term in the title (中铁十一局, 九仙山, 十三届)", () => {
    expect(people("中铁十一局项目经理张建军说。")).toEqual([["张建军", "中铁十一局项目经理"]]);
    expect(people("九仙山气象站站长陈德明说。")).toEqual([["陈德明", "九仙山气象站站长"]]);
    expect(people("十三届全国人大代表李明说。")).toEqual([["李明", "十三届全国人大代表"]]);
    expect(people("三名村民王五说。")).toEqual([["王五", "村民"]]);
  });

  it("reaches a title back over 与 inside a department's name and a unit's last character jieba tags a function word (观测与预报处, 半导体所, 基准台)", () => {
    expect(people("市气象局观测与预报处副处长陈雷说。")).toEqual([["陈雷", "市气象局观测与预报处副处长"]]);
    expect(people("中科院半导体所研究员袁立说。")).toEqual([["袁立", "中科院半导体所研究员"]]);
    expect(people("地震局喀什基准台工程师桂芳说。")).toEqual([["桂芳", "地震局喀什基准台工程师"]]);
    expect(people("专家与医生王明说。")).toEqual([["王明", "医生"]]);
  });

  it("keeps a quoted name of an award or programme in the title (“一带一路”访问学者), and stops at a verb of going (来到)", () => {
    expect(people("“一带一路”气象访问学者代表王丽说。")).toEqual([["王丽", "“一带一路”气象访问学者代表"]]);
    expect(people("市长来到工程院院士钱大虎家中。")).toEqual([["钱大虎", "工程院院士"]]);
  });

  it("reads 得 as the end of a syllable in a dotted name (彼得) where a sure end follows it", () => {
    expect(people("经济部部长西雅尔多·彼得出席仪式。")).toEqual([["西雅尔多·彼得", "经济部部长"]]);
    expect(people("彼得·汉森说，会议很成功。")).toEqual([["彼得·汉森", null]]);
  });

  it("reads no person in a place after a preposition of place and before what officials do (在莫斯科会见, 到石家庄调研), but one after 在 and before 陪同", () => {
    expect(people("代表团在莫斯科会见了当地侨界代表。")).toEqual([]);
    expect(people("工作组到石家庄调研。")).toEqual([]);
    expect(people("在王建华陪同下，代表团参观了展览。")).toEqual([["王建华", null]]);
    expect(people("他找到王建华说明了情况。")).toEqual([["王建华", null]]);
  });

  it("gives no title after a kinship word or a quoted nickname", () => {
    expect(people("他的妻子吴丽萍也在医院工作。")).toEqual([["吴丽萍", null]]);
    expect(people("“护林英雄”马永福巡山三十年。")).toEqual([["马永福", null]]);
  });

  it("takes the title of the first body mention, not of a later one", () => {
    expect(people("赵国强、钱志明、孙立平出席。会上，副市长钱志明讲话。")).toEqual([
      ["赵国强", null],
      ["钱志明", null],
      ["孙立平", null],
    ]);
  });

  it("lists nobody named only in a heading", () => {
    const text = "局长宋善允调研\n会议要求做好准备。";
    const headline = { text: "局长宋善允调研", span: { start: 0, end: 7 } };
    const body = { text: "会议要求做好准备。", span: { start: 8, end: text.length } };
    expect(extractMentions({ ...snippet(text), headline, paragraphs: [body] })).toEqual([]);
  });

  it("does not count a name inside a doctrine name as the first mention", () => {
    expect(people("在学习贯彻习近平新时代中国特色社会主义思想中，习近平总书记指出。")).toEqual([["习近平", "总书记"]]);
  });

  it("reads long repetitive paragraphs in time that grows with their length, not its square", () => {
    // Each of these took 10 to 30 s before the masks and bounds; the limit leaves room for a slow machine.
    for (const text of ["书记王明、".repeat(20000), `参与${"王".repeat(100000)}`, "王明院士".repeat(20000)]) {
      const started = performance.now();
      extractMentions(snippet(text));
      expect(performance.now() - started).toBeLessThan(8000);
    }
  }, 30000);

  it("reads names after soldiers' ranks and army posts (下士, 营长) and after households of rural policy (低保户, 种粮大户)", () => {
    expect(people("营长孙振宇带队出发。")).toEqual([["孙振宇", "营长"]]);
    expect(people("下士黄立新说，训练很苦。")).toEqual([["黄立新", "下士"]]);
    expect(people("低保户赵德胜说，日子好过了。")).toEqual([["赵德胜", "低保户"]]);
    expect(people("种粮大户孟庆丰介绍，今年增产。")).toEqual([["孟庆丰", "种粮大户"]]);
    expect(people("新兵训练从下周开始。大户人家的院子很深。")).toEqual([]);
  });

  it("reads a trade jieba splits from its agentive last character as the role (钢筋/工)", () => {
    expect(people("车间里，钢筋工李建平正在绑扎钢筋。")).toEqual([["李建平", "钢筋工"]]);
  });

  it("reads a given name that opens with 和, 有, 向 or 之 after a title, where a surname cannot stand alone", () => {
    expect(people("副县长石和平出席。")).toEqual([["石和平", "副县长"]]);
    expect(people("村民高有财说，收成不错。")).toEqual([["高有财", "村民"]]);
    expect(people("局长王有关部门负责人说。每周有三节课。")).toEqual([]);
  });

  it("continues a titled list across 和 to a longer name where jieba starts a word it knows after it", () => {
    expect(people("学生刘思远、陈可欣和欧阳子墨拿出一幅画。")).toEqual([
      ["刘思远", "学生"],
      ["陈可欣", "学生"],
      ["欧阳子墨", "学生"],
    ]);
  });

  it("reads a foreign name whose first character is a Chinese surname on to a sure end (冯德莱恩, not 冯德莱)", () => {
    expect(people("欧盟委员会主席冯德莱恩19日表示，将加强合作。")).toEqual([["冯德莱恩", "欧盟委员会主席"]]);
    expect(people("主任王丽娜说，今年不错。")).toEqual([["王丽娜", "主任"]]);
  });

  it("takes a name with no title before what a player does (打入, 以4比1击败), not a team or a place", () => {
    expect(people("李晓雨打入一球。孙雨莎以4比1击败对手。")).toEqual([
      ["李晓雨", null],
      ["孙雨莎", null],
    ]);
    expect(people("上海申花以2比1击败对手。江苏以3比0战胜温州。")).toEqual([]);
  });

  it("takes a name with no title when the clause after its 是 ends in an office or a profession (黄秀兰是…护士长)", () => {
    expect(people("黄秀兰是县人民医院的一名护士长。")).toEqual([["黄秀兰", null]]);
    expect(people("卢秀梅是这个村的村医，在村里行医二十年。")).toEqual([["卢秀梅", null]]);
    expect(people("江苏是经济大省。韩国是联合国成员。金融是现代经济的核心。")).toEqual([]);
  });

  it("reads a transliterated name of three characters or more after a situation word, up to a sure end (柯尔克孜族姑娘阿依别克，)", () => {
    expect(people("柯尔克孜族姑娘阿依别克，今年考上了大学。")).toEqual([["阿依别克", "柯尔克孜族姑娘"]]);
    expect(people("群众其实很满意。青年其他方面也不错。")).toEqual([]);
  });

  it("reads Uyghur and Mongolian names with 守 and 其 (买买提·吾守尔, 其其格)", () => {
    expect(people("社区主任买买提·吾守尔说，大家很团结。")).toEqual([["买买提·吾守尔", "社区主任"]]);
    expect(people("牧民其其格说，今年草场好。")).toEqual([["其其格", "牧民"]]);
  });

  it("takes a Tibetan name of two syllables with no title on a reporting verb (扎西平措说)", () => {
    expect(people("刚刚毕业的扎西平措说，他想回乡工作。")).toEqual([["扎西平措", null]]);
  });

  it("reads rare surnames that are no everyday word (蒯, 狄)", () => {
    expect(people("蒯建华表示，工作顺利。狄文涛说，很满意。")).toEqual([
      ["蒯建华", null],
      ["狄文涛", null],
    ]);
  });

  it("takes a three-character name jieba found as a new word with no cue around it, and the list after it", () => {
    expect(people("第60分钟，韩立远在禁区内左脚推射。")).toEqual([["韩立远", null]]);
    expect(people("下半场，宋铭远连续命中两记三分，俞思琪和龚晓岚也频频得分。")).toEqual([
      ["宋铭远", null],
      ["俞思琪", null],
      ["龚晓岚", null],
    ]);
    // 后程发力: 程发力 is jieba's new word, but 发 and 力 together make no likely given name.
    expect(people("她在最后一圈后程发力，超越对手。")).toEqual([]);
    // A new word after 在 is where something happened.
    expect(people("活动在罗家湾举行。")).toEqual([]);
    // Two new words in a row are a phrase the dictionary lacks: 林田湖/x 草沙/x.
    expect(people("要统筹推进山水林田湖草沙一体化保护。")).toEqual([]);
  });

  it("takes a surname and a given name jieba's dictionary holds opening a clause (，柏/nr 志强/nrfg)", () => {
    expect(people("比赛开始后，柏志强门前抢点得手。")).toEqual([["柏志强", null]]);
    // Mid-clause, the same pieces are no name's evidence.
    expect(people("他们看着海上的柏志强号渔船。")).toEqual([]);
  });

  it("reads a transliterated name opening with a Chinese surname before a player's act (费南多头球扳平)", () => {
    expect(people("易边再战，费南多头球扳平比分。")).toEqual([["费南多", null]]);
  });

  it("reads every part of a dotted name, with characters that are words elsewhere (吐, 则, 叶, 可)", () => {
    expect(people("店主艾尔肯·吐尔逊招呼客人。")).toEqual([["艾尔肯·吐尔逊", "店主"]]);
    expect(people("牧民叶尔兰·努尔别克一家搬进了新房。")).toEqual([["叶尔兰·努尔别克", "牧民"]]);
    expect(people("局长古丽巴哈尔·艾则孜介绍了情况。")).toEqual([["古丽巴哈尔·艾则孜", "局长"]]);
    expect(people("汉学家马可·维拉尼分享了经历。")).toEqual([["马可·维拉尼", "汉学家"]]);
    // 则 after a dotted name is the grammar word.
    expect(people("出版家理查德·察金则盛赞此书。")).toEqual([["理查德·察金", "出版家"]]);
  });

  it("reads Mongolian names as elements, with a title or alone when they have two (那仁高娃, 乌兰图雅和朝鲁门)", () => {
    expect(people("牧民那仁高娃带着奶食品来到会场。")).toEqual([["那仁高娃", "牧民"]]);
    expect(people("馆长阿拉坦仓说，游客很多。")).toEqual([["阿拉坦仓", "馆长"]]);
    expect(people("晚会上，斯琴图雅和朝鲁巴特尔表演了长调。")).toEqual([
      ["斯琴图雅", null],
      ["朝鲁巴特尔", null],
    ]);
    expect(people("他的父亲孟和是一名马倌。")).toEqual([["孟和", null]]);
    // One element with more after it is a Chinese name (孟和平).
    expect(people("副局长孟和平出席。")).toEqual([["孟和平", "副局长"]]);
    // Places of Inner Mongolia are no elements' names.
    expect(people("他们从乌兰察布出发，前往呼和浩特。")).toEqual([]);
  });

  it("reads a Tibetan name of two syllables alone, and one of one syllable after a role (达瓦扎西也, 游客旺堆看)", () => {
    expect(people("如今，他的徒弟达瓦扎西也成了一名村医。")).toEqual([["达瓦扎西", "徒弟"]]);
    expect(people("台下的游客旺堆看得入迷。")).toEqual([["旺堆", "游客"]]);
    expect(people("他们游览了罗布林卡。")).toEqual([]);
  });

  it("reads a role jieba joined to the surname after it (防水/v 工吕/x, 配速员侯/x)", () => {
    expect(people("物业带着防水工吕大海冒雨赶到。")).toEqual([["吕大海", "防水工"]]);
    expect(people("配速员侯长江举着小旗跑在前面。")).toEqual([["侯长江", "配速员"]]);
  });

  it("reads 区 as a surname after a title when jieba reads the name as one new word (民警区伟明)", () => {
    expect(people("社区民警区伟明赶到后破门而入。")).toEqual([["区伟明", "社区民警"]]);
    expect(people("民警区政府门前执勤。")).toEqual([]);
  });

  it("reads a surname jieba tags by itself before a word of its dictionary after a title (法官杭/nr 文静/n)", () => {
    expect(people("承办法官杭文静表示，将依法惩处。")).toEqual([["杭文静", "承办法官"]]);
  });

  it("takes trades and situations of local news as titles (客商, 失主, 年轻人)", () => {
    expect(people("来自邻国的客商阿斯卡尔·托克托逊每月都来进货。")).toEqual([["阿斯卡尔·托克托逊", "客商"]]);
    expect(people("民警很快联系上了失主郭春生。")).toEqual([["郭春生", "失主"]]);
  });

  it("reads no town jieba tags as a name, nor an everyday word as a Japanese surname (石家庄, 全部)", () => {
    expect(people("市民蒋立新和石家庄来的表弟捡到一只皮包。")).toEqual([["蒋立新", "市民"]]);
    expect(people("日本队和中国队的选手全部晋级。")).toEqual([]);
  });

  it("reads Dai names by their prefix in an article that speaks of the Dai (玉兰, 岩光, 玉罕叫), not a word of the dictionary (玉米)", () => {
    expect(people("傣族姑娘玉兰和丈夫岩光在寨子里开了家茶室。")).toEqual([
      ["玉兰", "傣族姑娘"],
      ["岩光", null],
    ]);
    expect(people("傣族泼水节前，景洪市副市长玉罕叫介绍，活动很多。")).toEqual([["玉罕叫", "景洪市副市长"]]);
    expect(people("傣族的竹楼上挂着金黄的玉米。")).toEqual([]);
    // Elsewhere 岩 opens no Dai name.
    expect(people("他们在岩光寨说，今年很好。")).toEqual([]);
  });

  it("reads 傅 as a surname (副主任傅晓岚)", () => {
    expect(people("副主任傅晓岚出席会议。")).toEqual([["傅晓岚", "副主任"]]);
  });

  it("ends the last name of a list at 成了 (张有林成了)", () => {
    expect(people("社员何秀梅、张有林成了第一批股东。")).toEqual([
      ["何秀梅", "社员"],
      ["张有林", "社员"],
    ]);
  });

  it("reads a name that opens a clause with a given name of one character twice (，吴/nr 彬彬/i)", () => {
    expect(people("第35分钟，吴彬彬左路传中。")).toEqual([["吴彬彬", null]]);
  });

  it("ends a name jieba ran on into an unlikely character (小将刘佳琪后程)", () => {
    expect(people("女子800米决赛，陈佳琦后程发力夺冠。")).toEqual([["陈佳琦", null]]);
  });

  it("reads a name opening a clause before what a person does, its surname a preposition too (向长海带着)", () => {
    expect(people("当天，向长海带着孩子来到医院。")).toEqual([["向长海", null]]);
    expect(people("渔民向长海说，日子好了。")).toEqual([["向长海", "渔民"]]);
    expect(people("当天，他向大家介绍情况。")).toEqual([]);
  });

  it("reads a foreign name jieba cut into names of its dictionary after an office (总理施泰因/nr 迈尔/nrt)", () => {
    expect(people("德国总理施泰因迈尔当天会见了客人。")).toEqual([["施泰因迈尔", "德国总理"]]);
  });

  it("reads a new word's given-name characters that jieba's names lack as name characters (孙晓彤/x: 彤)", () => {
    expect(people("决胜局，孙晓彤连续发球得分。")).toEqual([["孙晓彤", null]]);
  });

  it("reads 朴 as a surname (12岁的朴明浩)", () => {
    expect(people("12岁的朴明浩每天放学后都要练球。")).toEqual([["朴明浩", null]]);
  });

  it("reads 何 that jieba takes for a pronoun as a surname before a noun of very likely given-name characters (78岁的何/r 耀祖/n)", () => {
    expect(people("在老街上，78岁的何耀祖守着一间小铺。")).toEqual([["何耀祖", null]]);
    expect(people("向朋友借钱的事，他没说。")).toEqual([]);
  });

  it("reads 区 as a surname after a kinship word when jieba tags the given name (母亲区/n 美玲/nr)", () => {
    expect(people("男孩的母亲区美玲事后激动地说。")).toEqual([["区美玲", null]]);
  });

  it("reads a list's last name of three characters before 都 though its last two make a word (马金花都: 花都)", () => {
    expect(people("村民李秀兰、纳国富、马金花都加入了合作社。")).toEqual([
      ["李秀兰", "村民"],
      ["纳国富", "村民"],
      ["马金花", "村民"],
    ]);
  });

  it("reads no village named after a family as a name, though jieba makes a new word of it (彭家湾, 谢家集, 何家塘)", () => {
    expect(people("冯家村、彭家湾和谢家集的道路已经修通。")).toEqual([]);
    expect(people("过去，何家塘是个远近闻名的穷村。")).toEqual([]);
  });

  it("reads a name of jieba's dictionary counted rarely that opens a clause before a sure end (，杨秀珠/nr 已经), not a plant it tags so (兰花草)", () => {
    expect(people("其中，杨秀珠已经能独立领唱。")).toEqual([["杨秀珠", null]]);
    expect(people("那一年，兰花草已经开遍山坡。")).toEqual([]);
  });

  it("reads the name before a new-word name in a 、 list of two (张译文、宋佳琪主演)", () => {
    expect(people("由导演贾樟明执导，张译文、宋佳琪主演的电影将上映。")).toEqual([
      ["贾樟明", "导演"],
      ["张译文", null],
      ["宋佳琪", null],
    ]);
  });

  it("ends a transliterated name before 以 (选手基贝贝以微弱优势夺冠)", () => {
    expect(people("男子组比赛中，肯尼亚选手基贝贝以微弱优势夺冠。")).toEqual([["基贝贝", "肯尼亚选手"]]);
  });

  it("takes a rarer surname's new word when both given-name characters together are likely (戚雨菲)", () => {
    expect(people("女子决赛，戚雨菲后来居上，摘得金牌。")).toEqual([["戚雨菲", null]]);
  });

  it("reads no new word before an organ's word as a name (沙潭江/x 街道办)", () => {
    expect(people("凌晨时分，吴瑞雪外呼沙潭江街道办通报预警。").map(([name]) => name)).not.toContain("沙潭江");
  });

  it("reads Tibetan names of Amdo and Kham, with a role jieba joined to the name (生态管护员才仁江措, 才让江措)", () => {
    expect(people("在杂多县，生态管护员才仁江措每天骑着摩托车巡山。")).toEqual([["才仁江措", "生态管护员"]]);
    expect(people("他的妻子永吉卓玛在家照看牦牛。")).toEqual([["永吉卓玛", null]]);
  });

  it("reads 冶 as a surname (60岁的冶海明)", () => {
    expect(people("60岁的冶海明正在和年轻人对打。")).toEqual([["冶海明", null]]);
  });

  it("reads a name of two characters opening a clause before a verb in the report of a match, not elsewhere (袁悦苦战, 宋锦织造)", () => {
    expect(people("另一场比赛中，袁悦苦战三盘不敌对手。")).toEqual([["袁悦", null]]);
    expect(people("此前，宋锦织造技艺入选非遗名录。")).toEqual([]);
  });

  it("gives no title for a team-mate or comrade, a relation like 同事 (队友金明宇)", () => {
    expect(people("上个月的比赛中，队友金明宇贡献了2次助攻。")).toEqual([["金明宇", null]]);
  });

  it("ends a dotted name's last part before a word of the dictionary, not at 得 before a number (热合曼大学, 连得8分)", () => {
    expect(people("他的女儿米日古丽·热合曼大学毕业后回到家乡。")).toEqual([["米日古丽·热合曼", null]]);
    expect(people("首节，阿不都沙拉木·阿不力孜连得8分。")).toEqual([["阿不都沙拉木·阿不力孜", null]]);
  });

  it("reads no tail of a dotted name it could not read whole (阿的江·阿力木 gives neither 江·阿力木 nor 阿力木)", () => {
    expect(people("赛后，主教练阿的江·阿力木表示，队员们执行力很好。")).toEqual([]);
  });

  it("reads the name before 和 that opens a clause when the name after it is a person (齐麟和朱旭航, 费利佩和罗慕洛先后破门)", () => {
    expect(people("第三节，齐麟和朱旭航轮番命中三分。")).toEqual([
      ["齐麟", null],
      ["朱旭航", null],
    ]);
    expect(people("下半场，费利佩和罗慕洛先后破门。")).toEqual([
      ["费利佩", null],
      ["罗慕洛", null],
    ]);
  });

  it("ends a name after a situation word where a verb with its aspect mark starts (老人常桂/x 英拉着/x)", () => {
    expect(people("83岁的独居老人常桂英拉着她的手不肯放。")).toEqual([["常桂英", "老人"]]);
  });

  it("reads Yi names by their clan in an article that speaks of the Yi (彝族姑娘阿西阿呷, 学生吉克曲布, 村支书吉伍木牛)", () => {
    expect(
      people("在凉山，彝族姑娘阿西阿呷是村里的第一个大学生。她的学生吉克曲布说，老师很好。村支书吉伍木牛说，孩子都想考大学。"),
    ).toEqual([
      ["阿西阿呷", "彝族姑娘"],
      ["吉克曲布", "学生"],
      ["吉伍木牛", "村支书"],
    ]);
    // Elsewhere 吉 is a surname (吉克曲 is read by it, not by a clan).
    expect(people("村支书吉伍木牛说，孩子都想考大学。")).not.toEqual([["吉伍木牛", "村支书"]]);
  });

  it("takes a word of when between a name and its reporting verb as a cue (巩立姣赛后表示)", () => {
    expect(people("女子铅球比赛，巩立姣赛后表示，自己正在调整。")).toEqual([["巩立姣", null]]);
  });

  it("gives an apprentice's relation as the title of both names it stands before, 徒弟 being no kinship word (他的徒弟张桂芳和杨玉梅)", () => {
    expect(people("他的徒弟张桂芳和杨玉梅已经能独立完成作品。")).toEqual([
      ["张桂芳", "徒弟"],
      ["杨玉梅", "徒弟"],
    ]);
  });

  it("reads a name whose last character jieba joined into a rare word before a grammar word (严立/x 平和/a 钟敏, 丁学/x 刚正/d 用)", () => {
    expect(people("会上，副主任严立平和钟敏分别发言。")).toEqual([
      ["严立平", "副主任"],
      ["钟敏", "副主任"],
    ]);
    expect(people("他说，丁学刚正用手机拍照。")).toEqual([["丁学刚", null]]);
  });

  it("keeps a name of two before an everyday word that took its last character (王军/x 正在, 王芳/x 刚才)", () => {
    expect(people("队员王军正在现场。")).toEqual([["王军", "队员"]]);
    expect(people("队员王芳刚才说。")).toEqual([["王芳", "队员"]]);
    expect(people("他说，王军正在拍照。")).toEqual([]);
  });

  it("reads a name opening a clause of a match report before a player's act, or 也/都/还/又 and one (王子航也在内线频频得分, 许文强扣篮得分)", () => {
    expect(people("联赛第三轮，王子航也在内线频频得分。")).toEqual([["王子航", null]]);
    expect(people("联赛第三轮，周浩然又远射得手。")).toEqual([["周浩然", null]]);
    expect(people("联赛第三轮，许文强扣篮得分。")).toEqual([["许文强", null]]);
    expect(people("王子航也在内线频频得分。")).toEqual([]);
  });

  it("takes a given-name character prose uses often but many names hold where jieba made a new word of the name (徐一鸣/x), not elsewhere (贺信中)", () => {
    expect(people("联赛第三轮，徐一鸣也在内线频频得分。")).toEqual([["徐一鸣", null]]);
    expect(people("会后，韩一鸣表示满意。")).toEqual([["韩一鸣", null]]);
    expect(people("会上，贺信中表示支持。")).toEqual([]);
  });

  it("takes 也/还/又/都 before a reporting verb or what a person does as a cue (王建华还表示, ，张立新也来到), not after a dictionary word (高中生/nr 都表示)", () => {
    expect(people("他说，王建华还表示要继续努力。")).toEqual([["王建华", null]]);
    expect(people("当天，张立新也来到现场。")).toEqual([["张立新", null]]);
    expect(people("村里，赵春生都记得。")).toEqual([["赵春生", null]]);
    expect(people("会上，高中生都表示支持。")).toEqual([]);
    expect(people("他说，中国也表示欢迎。")).toEqual([]);
  });

  it("reads no team, place or common word of the dictionary before a player's act as a name (江苏队, 北京, 高中生/nr)", () => {
    for (const text of ["联赛第三轮，江苏队也在内线频频得分。", "联赛第三轮，北京也在禁区抢断。", "联赛第三轮，高中生都在场边得分。", "联赛第三轮，对方都在争抢篮板。"]) {
      expect(people(text)).toEqual([]);
    }
  });

  it("reads a hyphenated or partly unlisted dotted name whole after its title (让-皮埃尔·莫罗, 托尔·文内斯兰)", () => {
    expect(people("法国国际关系研究所研究员让-皮埃尔·莫罗认为，形势复杂。")).toEqual([["让-皮埃尔·莫罗", "法国国际关系研究所研究员"]]);
    expect(people("特别协调员托尔·文内斯兰当天表示，局势严峻。")).toEqual([["托尔·文内斯兰", "协调员"]]);
    expect(people("今年60岁的吐尔洪·买买提加入了合作社。")).toEqual([["吐尔洪·买买提", null]]);
  });

  it("reads a transliterated name that jieba knows one character past the run, after an office or profession (外援卡梅隆/nr)", () => {
    expect(people("首节比赛，客队外援卡梅隆连续突破得分。")).toEqual([["卡梅隆", "客队外援"]]);
  });

  it("ends a transliterated name after a situation word at a verb, an adverb or 和 (患者家属艾尼瓦尔握着, 代表本杰马也)", () => {
    expect(people("患者家属艾尼瓦尔握着医生的手。")).toEqual([["艾尼瓦尔", "患者家属"]]);
    expect(people("种植大户热合曼江算了一笔账。")).toEqual([["热合曼江", "大户"]]);
    expect(people("常驻联合国代表本杰马也在会上发言。")).toEqual([["本杰马", "联合国代表"]]);
    expect(people("部分游客阿拉伯语说得很好。")).toEqual([]);
  });

  it("ends a compound-surname name of two given characters after a situation word where jieba starts a word (小将欧阳天佑推射)", () => {
    expect(people("替补登场的小将欧阳天佑推射空门。")).toEqual([["欧阳天佑", "小将"]]);
  });

  it("reads a list of two names opening with rare compound surnames, which jieba cuts (诸葛晓峰、上官婉清等), and no 上官 as a role", () => {
    expect(people("由诸葛晓峰、上官婉清等青年骨干组成的小组连续攻关。")).toEqual([
      ["诸葛晓峰", null],
      ["上官婉清", null],
    ]);
    expect(people("东方明珠、西门町等景点吸引游客。")).toEqual([]);
  });

  it("reads a name after a relative clause's 的 where jieba cut the surname off as a pronoun (获奖的何/r 永平/ns，)", () => {
    expect(people("获得最佳教练员奖的何永平，已执教20年。")).toEqual([["何永平", null]]);
    expect(people("他说的何其多，不必再提。")).toEqual([]);
  });

  it("reads 区 as a surname before a name the person's words follow (店主区伟强说), and no 陈太 (Mrs Chen) as a name", () => {
    expect(people("经营手信店的店主区伟强说，生意好了不少。")).toEqual([["区伟强", "店主"]]);
    expect(people("一名大学毕业生陈太接受访问时说，希望多办招聘会。")).toEqual([]);
  });

  it("reads a Yi name in a report from a Liangshan county, its given name closed by 则 (西昌…民警阿西拉则说)", () => {
    expect(people("在西昌市公安局，民警阿西拉则说，这是常有的事。")).toEqual([["阿西拉则", "民警"]]);
  });

  it("finds nobody in honorifics, organisations, contributor lines, credits and role words without names", () => {
    for (const text of [
      "孙先生告诉记者，他很满意。",
      "快递员小李告诉记者，最近包裹很多。",
      "老张说，今年收成好。",
      "施普林格·自然集团发布报告。",
      "（周海涛、许文静对本文有贡献）",
      "（记者 周海涛、许文静）",
      "青年志愿者发展中心成立。",
      "村民们纷纷表示支持。",
      "各位代表向大会提交了议案。",
      "党员干部带头捐款。",
      "这款香囊含有艾草、丁香、薄荷等中药材。",
    ]) {
      expect(people(text)).toEqual([]);
    }
  });
});

describe("extractMentions on names that are words or have rare surnames, in city, court and community news", () => {
  const people = (text: string) => peopleIn(text);

  it("reads a name that is a rarely counted dictionary word between an office and a reporting verb (医师甘露提醒)", () => {
    expect(people("儿科主治医师甘露提醒，孩子发烧要及时就医。")).toEqual([["甘露", "儿科主治医师"]]);
    expect(people("车间主任江燕说，订单已排到年底。")).toEqual([["江燕", "车间主任"]]);
  });

  it("reads no adverb or everyday word of manner there as a name (局长严肃表示, 科长马上表示)", () => {
    for (const text of ["局长严肃表示，要加强管理。", "科长马上表示同意。", "院长郑重表示，医院将整改。", "经理连忙表示歉意。"]) {
      expect(people(text)).toEqual([]);
    }
  });

  it("reads a three-character name with a surname no table holds when a reporting verb or follower word follows (时光辉介绍, 寸发祥正在)", () => {
    expect(people("农商银行行长时光辉介绍，贷款当天就能到账。")).toEqual([["时光辉", "农商银行行长"]]);
    expect(people("县文旅局局长普建明说，游客比去年多了一成。")).toEqual([["普建明", "县文旅局局长"]]);
    expect(people("老银匠寸发祥正在打磨一只手镯。")).toEqual([["寸发祥", "老银匠"]]);
  });

  it("reads no adverb phrase between a title and a reporting verb as such a name (进一步指出, 曾多次表示)", () => {
    for (const text of ["局长进一步指出，要抓落实。", "院长曾多次表示，医院将整改。", "主任也同样表示支持。", "老师平时说，要多读书。", "校长同时表示欢迎。"]) {
      expect(people(text)).toEqual([]);
    }
  });

  it("reads a list item whose surname is a grammar character as jieba's unknown word of three (队员木永红、和丽华)", () => {
    expect(people("队员木永红、和丽华负责照顾独居老人。")).toEqual([
      ["木永红", "队员"],
      ["和丽华", "队员"],
    ]);
    expect(people("村民王建军、和平街道的居民也来了。")).toEqual([["王建军", "村民"]]);
  });

  it("reads an untitled list counted as people after it (等5名同学, 等人) when one item reads as a name", () => {
    expect(people("参赛队员包括孙乐、卓玛、吉克阿依等5名同学。")).toEqual([
      ["孙乐", null],
      ["卓玛", null],
      ["吉克阿依", null],
    ]);
    expect(people("参赛的有红星、光明、东风等3个村。")).toEqual([]);
    expect(people("邀请了钢琴、小提琴、大提琴等8位演奏者。")).toEqual([]);
  });

  it("takes the posts residents hold in their building and crafts as titles (楼栋长, 银匠)", () => {
    expect(people("“电梯终于装好了。”楼栋长欧阳秀芝说。")).toEqual([["欧阳秀芝", "楼栋长"]]);
    expect(people("大楼长期空置，楼组长陈玉兰说。")).toEqual([["陈玉兰", "楼组长"]]);
    expect(people("公诉人李婷婷指出，被告人的行为已构成犯罪。")).toEqual([["李婷婷", "公诉人"]]);
  });

  it("reads surnames of the hundred commonest that the lists lacked (洪, 赖, 萧), and no flood word as one", () => {
    expect(people("社会学家洪志远说，社区要留住年轻人。")).toEqual([["洪志远", "社会学家"]]);
    expect(people("店主赖春花表示，生意比去年好。")).toEqual([["赖春花", "店主"]]);
    expect(people("上游的洪峰今晚通过，专家表示要做好准备。")).toEqual([]);
    expect(people("他用洪亮的声音说道。")).toEqual([]);
  });

  it("takes a trade learned or a science no list holds as a profession (营养师, 植物学家): a transliterated name follows it as it does 教师", () => {
    expect(people("营养师阿依努尔每周都为病人配餐。")).toEqual([["阿依努尔", "营养师"]]);
    expect(people("研究所所长、昆虫学家洪德明寄来了标本。")).toEqual([["洪德明", "研究所所长、昆虫学家"]]);
    expect(people("心理咨询师高级课程开班。")).toEqual([]);
  });
});

describe("short forms, closing syllables, everyday words read as names, former posts", () => {
  const people = (text: string) => peopleIn(text);

  it("counts a dotted name's last or first part alone as a later mention of the same person", () => {
    expect(people("葡萄牙车手若泽·费雷拉获得亚军。赛后费雷拉表示，他很满意。")).toEqual([["若泽·费雷拉", "葡萄牙车手"]]);
    expect(people("牧民吐尔洪·热合曼种了30亩苜蓿。吐尔洪说，今年雨水多。")).toEqual([["吐尔洪·热合曼", "牧民"]]);
    // A part that stands alone with no dotted name in the article is a person of its own.
    expect(people("赛后费雷拉表示，他很满意。")).toEqual([["费雷拉", null]]);
  });

  it("reads a Tibetan name whose closing syllable the table lacks up to where a name may end", () => {
    expect(people("村医次仁仓觉正在巡诊。")).toEqual([["次仁仓觉", "村医"]]);
    expect(people("卓玛仓觉说，今年收成好。")).toEqual([["卓玛仓觉", null]]);
    expect(people("牧民扎西桑姆介绍，草场长势好。")).toEqual([["扎西桑姆", "牧民"]]);
    // Not a word of the prose after the first syllable, nor a character no syllable holds.
    expect(people("牧民扎西平时放牧。")).toEqual([["扎西", "牧民"]]);
    expect(people("村民次仁多次表示感谢。")).toEqual([["次仁", "村民"]]);
    expect(people("晋美旺盛说，很好。")).toEqual([]);
  });

  it("reads no name in a surname and an everyday doubled word (金蛋蛋, “金宝宝”), but keeps doubled given names", () => {
    expect(people("养殖户金蛋蛋卖得好。")).toEqual([]);
    expect(people("合作社开发了“金宝宝”礼盒。")).toEqual([]);
    expect(people("村里的金蛋蛋成了抢手货，村民说。")).toEqual([]);
    expect(people("市民李晶晶说，服务很好。")).toEqual([["李晶晶", "市民"]]);
    expect(people("局长金宝宝出席。")).toEqual([["金宝宝", "局长"]]);
  });

  it("reads no name in a one-character surname and a four-character word jieba tags as a name (维持秩序)", () => {
    expect(people("现场有警员维持秩序。")).toEqual([]);
    expect(people(simplifiedText("多名保安員維持秩序，市民排隊。"))).toEqual([]);
    expect(people("民警欧阳晓峰出席。")).toEqual([["欧阳晓峰", "民警"]]);
  });

  it("reads no name in a surname with 太 (Mrs) and an adverb (陈太则, 黄太亦)", () => {
    expect(people(simplifiedText("街坊黃太亦說，她支持。"))).toEqual([]);
    expect(people(simplifiedText("陳太則認為，政府應跟進。"))).toEqual([]);
    expect(people("居民陈太平说，她支持。")).toEqual([["陈太平", "居民"]]);
  });

  it("reads 原 or 前 before an office as part of the title, not as a name's end", () => {
    expect(people("市文联原主席王志远出席。")).toEqual([["王志远", "市文联原主席"]]);
    expect(people("省作协前主席林长青出席。")).toEqual([["林长青", "省作协前主席"]]);
    expect(people("文联原主席出席了会议。")).toEqual([]);
  });

  it("closes a name of two before an adverb that jieba reads alone before a verb (李青曾称)", () => {
    expect(people("已故诗人李青曾称，诗是生活。")).toEqual([["李青", "诗人"]]);
    expect(people("学生吴芳也获奖。")).toEqual([["吴芳", "学生"]]);
    expect(people("诗人李青曾写道。")).toEqual([["李青", "诗人"]]);
  });

  it("reads a rarely counted word as a name after an office when the person acts or speaks at an occasion", () => {
    expect(people("局长甘露在会上强调安全。")).toEqual([["甘露", "局长"]]);
    expect(people("主任甘露带队检查。")).toEqual([["甘露", "主任"]]);
    expect(people("局长甘露在开幕式上介绍，今年好。")).toEqual([["甘露", "局长"]]);
    // Adverbs and words of manner are none, whatever follows.
    expect(people("局长严肃在会上强调纪律。")).toEqual([]);
    expect(people("局长马上带队赶到。")).toEqual([]);
    expect(people("局长亲自带队检查。")).toEqual([]);
    expect(people("局长亲自在会上强调安全。")).toEqual([]);
  });
});

describe("names with · and their edges, and titles around foreign names", () => {
  const people = (text: string) => peopleIn(text);

  it("runs a dotted name's last part past the table's characters to a sure end (霍耐克表示, 施耐德。)", () => {
    expect(people("技术顾问马库斯·霍耐克表示，合作顺利。")).toEqual([["马库斯·霍耐克", "技术顾问"]]);
    expect(people("技术顾问马库斯·霍耐克和同事一起来了。")).toEqual([["马库斯·霍耐克", "技术顾问"]]);
    expect(people("获奖者名单上有莉娜·施耐德。")).toEqual([["莉娜·施耐德", null]]);
  });

  it("ends the last part with the table's characters when no sure end follows the run (热合曼种了, 吐尔逊站在, 肉孜大声说)", () => {
    expect(people("牧民阿不来提·热合曼种了20亩葡萄。")).toEqual([["阿不来提·热合曼", "牧民"]]);
    expect(people("巴拉提·艾山站在门口迎接客人。")).toEqual([["巴拉提·艾山", null]]);
    expect(people("阿米娜·卡德尔笑说，日子好了。")).toEqual([["阿米娜·卡德尔", null]]);
    expect(people("村民托合提·肉孜大声说，好。")).toEqual([["托合提·肉孜", "村民"]]);
    expect(people("医生古丽娜尔·买买提耐心地解释。")).toEqual([["古丽娜尔·买买提", "医生"]]);
  });

  it("reads the syllables 洪, 乎 and 契 inside a dotted name (吐尔洪, 托乎提, 武契奇)", () => {
    expect(people("种植户买买提·吐尔洪向大家介绍了经验。")).toEqual([["买买提·吐尔洪", "种植户"]]);
    expect(people("阿依努尔·托乎提早早来到田里。")).toEqual([["阿依努尔·托乎提", null]]);
    expect(people("主帅亚历山大·达契奇称赞说，球队很团结。")).toEqual([["亚历山大·达契奇", "主帅"]]);
  });

  it("starts a dotted name after a word of the prose that ends in a syllable of the table (配合, 联合), and at a title", () => {
    expect(people("他一路配合阿迪力·吐尔逊完成了拍摄。")).toEqual([["阿迪力·吐尔逊", null]]);
    expect(people("两家企业联合阿迪力·吐尔逊开发新品。")).toEqual([["阿迪力·吐尔逊", null]]);
  });

  it("starts a dotted name where jieba's name of its first part starts, though the table lacks a syllable (鲍里斯/nr)", () => {
    expect(people("教练鲍里斯·伊万诺夫说，球队状态好。")).toEqual([["鲍里斯·伊万诺夫", "教练"]]);
    // Not at a word its dictionary tags as a name but counts as often as words are (关怀/nr).
    expect(people("社区开展“关怀·爱心”志愿活动。")).toEqual([]);
  });

  it("reads no part of a firm's name joined by · that the dotted reading refuses (经销商博格曼·霍夫集团)", () => {
    expect(people("全球经销商博格曼·霍夫集团派代表出席。")).toEqual([]);
  });

  it("gives a doubles pair joined by / the title before the first (韩国组合甲/乙), and reads 组合 as no name's end elsewhere", () => {
    expect(people("他们以3比1击败法国组合卢卡·贝尔纳/艾玛·杜邦。")).toEqual([
      ["卢卡·贝尔纳", "法国组合"],
      ["艾玛·杜邦", "法国组合"],
    ]);
    expect(people("混双比赛中，韩国组合金民洙/朴惠珍晋级。")).toEqual([
      ["金民洙", "韩国组合"],
      ["朴惠珍", "韩国组合"],
    ]);
    expect(people("这套政策组合拳效果明显。")).toEqual([]);
  });

  it("reads a noun of a trade ending in 商 as a role (参展商, 进口商), not 智商 or 电商", () => {
    expect(people("参展商阿尔贝托·罗西正在布置展台。")).toEqual([["阿尔贝托·罗西", "参展商"]]);
    expect(people("进口商林国栋说，订单增加了。")).toEqual([["林国栋", "进口商"]]);
    expect(people("智商高的孩子也要努力。")).toEqual([]);
    expect(people("跨境电商王牌产品热销。")).toEqual([]);
  });

  it("reads an office printed in quotation marks as a title, quotes kept (民进党籍“立委”), a quoted phrase ending in one as a nickname", () => {
    expect(people("民进党籍“立委”林佳蓉表示，将提案。")).toEqual([["林佳蓉", "民进党籍“立委”"]]);
    expect(people("台北“市长”陈志明说，会处理。")).toEqual([["陈志明", "台北“市长”"]]);
    expect(people("“老支书”王德顺回到村里。")).toEqual([["王德顺", null]]);
  });

  it("reads members of legislatures abroad as offices (众议员, 参议员)", () => {
    expect(people("美国联邦众议员约翰·加拉门迪说，很好。")).toEqual([["约翰·加拉门迪", "美国联邦众议员"]]);
  });

  it("leaves the result of a match out of the opponent's title (战胜韩国选手, 击败日本选手)", () => {
    expect(people("她以2比1战胜韩国选手金恩惠。")).toEqual([["金恩惠", "韩国选手"]]);
    expect(people("他以3比0击败日本选手佐藤健一，日本队出局。")).toEqual([["佐藤健一", "日本选手"]]);
  });

  it("ends a titled list at an item that is an organ's name and an office with a name after it (、马科斯联盟秘书长奥卡波)", () => {
    expect(people("代表团拜会了议会议长卡鲁、马科斯联盟秘书长奥卡波。")).toEqual([
      ["卡鲁", "议会议长"],
      ["奥卡波", "马科斯联盟秘书长"],
    ]);
    expect(people("他会见了秘鲁国会议长马丁内斯、巴尔加斯党主席洛佩斯，双方交换了意见。")).toEqual([
      ["马丁内斯", "秘鲁国会议长"],
      ["洛佩斯", "巴尔加斯党主席"],
    ]);
    // Names of a list with no office after them stay in it.
    expect(people("市领导王剑峰、薛维柱出席。")).toEqual([
      ["王剑峰", "市领导"],
      ["薛维柱", "市领导"],
    ]);
  });

  it("reads a list item jieba tags in name pieces, one a transliteration's, up to 等 (童/nr 格勒/nrt 玛/nr), not cut at its surname", () => {
    expect(people("牧民宝音和童格勒玛等人赶来帮忙。")).toEqual([
      ["宝音", "牧民"],
      ["童格勒玛", "牧民"],
    ]);
    expect(people("技术员李强和王明明等人到场。")).toEqual([
      ["李强", "技术员"],
      ["王明明", "技术员"],
    ]);
  });

  it("reads a Japanese name whose surname no Chinese table holds, with no title, before a cue in an article that speaks of Japan (长谷川由美说)", () => {
    expect(people("展览在日本大阪举行。长谷川由美说，展品很精彩。")).toEqual([["长谷川由美", null]]);
    expect(people("展览在日本大阪举行。前来参观的小笠原美香激动地说，很想去中国。")).toEqual([["小笠原美香", null]]);
    // Not where the article does not speak of Japan.
    expect(people("展览在广州举行。长谷川由美说，展品很精彩。")).toEqual([]);
  });

  it("takes a word of manner, 地 and a reporting verb after a name as a cue (李华高兴地表示), not a place's 地 (当地, 各地)", () => {
    expect(people("李华高兴地表示，很满意。")).toEqual([["李华", null]]);
    expect(people("在当地说起这件事，人们都知道。")).toEqual([]);
    expect(people("全国各地说法不一。")).toEqual([]);
  });
});

describe("extractMentions: speaker lines, roles jieba cuts, authors and lists of things", () => {
  const people = (text: string) => peopleIn(text);

  it("reads a role set apart by a space from the speaker's name and colon of a vox pop as the title", () => {
    expect(people("　　出租车司机　杜永强：“夏天最怕堵车。”")).toEqual([["杜永强", "出租车司机"]]);
    expect(people("外卖员　贺丽娜：“中午单子最多。”")).toEqual([["贺丽娜", "外卖员"]]);
    expect(people("养路工 单增：“路修好了，心里踏实。”")).toEqual([["单增", "养路工"]]);
    expect(people("吊车司机　买买提·吐尔逊：“驾驶室很热。”")).toEqual([["买买提·吐尔逊", "吊车司机"]]);
    // Without the colon of a speaker line, or with words before the role, the space joins nothing.
    expect(people("出租车司机　杜永强说，夏天最怕堵车。")).toEqual([["杜永强", null]]);
    expect(people("会议室　王刚：“好。”")).toEqual([]);
  });

  it("reads a role of 师 that jieba runs into the name after it (修复/v 师X/x)", () => {
    expect(people("在实验室里，修复师邝一鸣正在拼接残片。")).toEqual([["邝一鸣", "修复师"]]);
    expect(people("培训师韦丽娟正在讲课。")).toEqual([["韦丽娟", "培训师"]]);
    expect(people("他们修复师范学院的旧楼。")).toEqual([]);
  });

  it("reads a master of a field that jieba cuts or tags apart (戏曲/n 家/q, 思想家/l) as a role", () => {
    expect(people("著名话剧家焦振林认为，台词要准。")).toEqual([["焦振林", "著名话剧家"]]);
    expect(people("明代思想家王阳明认为知行合一。")).toEqual([["王阳明", "思想家"]]);
    // 家 after no noun is no role (一家/m, 回家).
    expect(people("他们一家王府井逛了一天。")).toEqual([]);
  });

  it("reads the author before a work (X的《…》) and a part played (饰演X) as a person", () => {
    expect(people("从司马光的《资治通鉴》到顾炎武的《日知录》，史家辈出。")).toEqual([
      ["司马光", null],
      ["顾炎武", null],
    ]);
    expect(people("剧中饰演杜丽娘的演员很年轻。")).toEqual([["杜丽娘", null]]);
    expect(people("北京的《规划》发布了。")).toEqual([]);
    expect(people("到上海的《新民晚报》报社参观。")).toEqual([]);
    expect(people("他扮演好自己的角色。")).toEqual([]);
  });

  it("ends a name before 却 or 仍 after a kinship word", () => {
    expect(people("儿子卢斌却不同意。")).toEqual([["卢斌", null]]);
    expect(people("女儿汤静仍在坚持。")).toEqual([["汤静", null]]);
  });

  it("reads a Tibetan syllable opening with a surname before a character no name holds as the name (72岁的卓嘎患病)", () => {
    expect(people("65岁的卓嘎患病多年。")).toEqual([["卓嘎", null]]);
  });

  it("reads no people in a list whose closing 等 names their kind by the same last character", () => {
    expect(people("清明期间，八宝山、万寿园、金山园等墓园周边拥堵。")).toEqual([]);
    expect(people("赵明伟、孙丽娟、钱晓东等人出席。")).toEqual([
      ["赵明伟", null],
      ["孙丽娟", null],
      ["钱晓东", null],
    ]);
  });

  it("reads no name at the end of a long list item when the items after it hold none (…展示苗绣、蜡染和…)", () => {
    expect(people("艺人杨阿丽、龙秀梅、石光明在展厅展示苗绣、蜡染和银饰技艺。")).toEqual([
      ["杨阿丽", "艺人"],
      ["龙秀梅", "艺人"],
      ["石光明", "艺人"],
    ]);
  });

  it("takes editorial ranks, traditional trades and trades of 工 as titles (编审, 艄公, 巡线工)", () => {
    expect(people("出版社编审祁明远介绍，新书已付印。")).toEqual([["祁明远", "出版社编审"]]);
    expect(people("渡口的艄公滕老根说，水涨了。")).toEqual([["滕老根", "艄公"]]);
    expect(people("巡线工严志军说，今天走了十公里。")).toEqual([["严志军", "巡线工"]]);
    expect(people("焊工刘振东正在作业。")).toEqual([["刘振东", "焊工"]]);
    expect(people("线路工程建设正在推进。")).toEqual([]);
    expect(people("参展商玛丽亚·索托说，订单不少。")).toEqual([["玛丽亚·索托", "参展商"]]);
    expect(people("清末茶商胡炳坤在此开店。")).toEqual([["胡炳坤", "茶商"]]);
  });

  it("reads compound surnames of the classic lists and the Manchu 纳兰 (太叔, 公仪, 纳兰), not the words around them", () => {
    expect(people("学生纳兰若雪说，她很开心。")).toEqual([["纳兰若雪", "学生"]]);
    expect(people("队员太叔明远和公仪婉清出席。")).toEqual([
      ["太叔明远", "队员"],
      ["公仪婉清", "队员"],
    ]);
    expect(people("孩子车上放着书包，他们回归海洋馆。")).toEqual([]);
  });

  it("reads Mongolian names of one element after a title (那日苏, 那日松), not 那日 (that day) before a place", () => {
    expect(people("社区民警那日苏的办公桌上放着笔记本。")).toEqual([["那日苏", "社区民警"]]);
    expect(people("牧民那日松说，草长得好。")).toEqual([["那日松", "牧民"]]);
    expect(people("那日苏州下了一场雨。")).toEqual([]);
  });
});

describe("the edges of a name with · decided by what stands around it", () => {
  const people = (text: string) => peopleIn(text);

  it("ends the last part before an adverb or 来/去 that jieba reads alone (施罗德都会, 费拉里来店里), not inside 阿不都", () => {
    expect(people("研修生玛蒂娜·施罗德都会提前到场。")).toEqual([["玛蒂娜·施罗德", "研修生"]]);
    expect(people("意大利厨师马可·费拉里来店里做菜。")).toEqual([["马可·费拉里", "意大利厨师"]]);
    expect(people("外籍教师艾玛·汤普森都会准时到校。")).toEqual([["艾玛·汤普森", "外籍教师"]]);
    expect(people("阿不都热合曼·买买提都很熟悉。")).toEqual([["阿不都热合曼·买买提", null]]);
    expect(people("店主艾尔肯·阿不都说，生意不错。")).toEqual([["艾尔肯·阿不都", "店主"]]);
  });

  it("reads the standard table's syllables that are surnames or words too inside a dotted name (保罗, 滕博, 黛西), its end still cut by the prose's words (因病, 保持, 丝毫)", () => {
    expect(people("球队主帅保罗·丰塞卡赛后表示满意。")).toEqual([["保罗·丰塞卡", "球队主帅"]]);
    expect(people("技师保罗·马尔蒂尼因病缺席了比赛。")).toEqual([["保罗·马尔蒂尼", "技师"]]);
    expect(people("院长滕博·萨拉赫保持着每天跑步的习惯。")).toEqual([["滕博·萨拉赫", "院长"]]);
    expect(people("舞蹈演员黛西·庞特丝毫没有怯场。")).toEqual([["黛西·庞特", "舞蹈演员"]]);
  });

  it("runs the last part to the end of a name jieba knows that opens it, past a syllable the table lacks (克莱因去年)", () => {
    expect(people("他的朋友埃米尔·克莱因去年结婚了。")).toEqual([["埃米尔·克莱因", null]]);
    expect(people("工程师马蒂亚斯·克莱因说，很好。")).toEqual([["马蒂亚斯·克莱因", "工程师"]]);
  });

  it("starts the first part where a rare given name jieba holds as a noun starts (露易丝/n, 露西/n), not at a noun of the prose (科技节·)", () => {
    expect(people("巴黎大学学生露易丝·杜兰德则表示赞同。")).toEqual([["露易丝·杜兰德", "巴黎大学学生"]]);
    expect(people("她和露易丝·马丁一起参加了比赛。")).toEqual([["露易丝·马丁", null]]);
    expect(people("，露西·哈里斯也来了。")).toEqual([["露西·哈里斯", null]]);
    expect(people("本届科技节·嘉年华吸引了众多市民。")).toEqual([]);
  });

  it("starts a first part over two syllables the table lacks at most, back to a role, punctuation or a one-character preposition or conjunction (教师芭芭拉·, 和芭芭拉·, 歌手萝拉·)", () => {
    expect(people("教师芭芭拉·舒尔茨说，孩子们很可爱。")).toEqual([["芭芭拉·舒尔茨", "教师"]]);
    expect(people("她和芭芭拉·舒尔茨一起走进教室。")).toEqual([["芭芭拉·舒尔茨", null]]);
    expect(people("歌手萝拉·费尔南德斯登台演唱。")).toEqual([["萝拉·费尔南德斯", "歌手"]]);
    expect(people("，云南·西双版纳迎来游客。")).toEqual([]);
    expect(people("，欢乐·嘉年华开幕了。")).toEqual([]);
  });

  it("reads no person in a dotted whole whose first part is a common place or whose last part is cut inside a word (伊犁·那拉提, 丝路·敦煌)", () => {
    expect(people("他们来到伊犁·那拉提。")).toEqual([]);
    expect(people("，丝路·敦煌文化节开幕。")).toEqual([]);
    expect(people("他写了丝路·敦煌这篇文章。")).toEqual([]);
  });

  it("reads no transliterated name from inside a run of the table's characters that opens the clause (。基普罗蒂奇: no 普罗蒂奇)", () => {
    expect(people("学员詹姆斯·基普罗蒂奇来到车间。基普罗蒂奇今年21岁。")).toEqual([["詹姆斯·基普罗蒂奇", "学员"]]);
    expect(people("集团总经理约翰逊说，效益不错。")).toEqual([["约翰逊", "集团总经理"]]);
  });

  it("reads no person in a dotted place's, brand's or firm's name (伊犁·那拉提草原, 海尔·卡奥斯平台)", () => {
    expect(people("游客们在伊犁·那拉提草原拍照。")).toEqual([]);
    expect(people("海尔·卡奥斯平台发布了新品。")).toEqual([]);
    expect(people("出版商施普林格·自然集团发布报告。")).toEqual([]);
  });

  it("takes a role named by its last character as the title of a dotted name wherever found (首席经济学家安德烈亚·…)", () => {
    expect(people("该组织首席经济学家安德烈亚·比安基说，需求回升。")).toEqual([["安德烈亚·比安基", "首席经济学家"]]);
    expect(people("研究院首席经济学家安德烈亚·罗西认为，增长放缓。")).toEqual([["安德烈亚·罗西", "研究院首席经济学家"]]);
  });

  it("takes the role at a line's head, a space before the name, as its title in a round of voices (货车司机　X·Y：“…”)", () => {
    expect(people("　　货车司机　阿布都外力·买买提：“路上很热。”")).toEqual([["阿布都外力·买买提", "货车司机"]]);
    expect(people("　　快递员　古丽娜尔·艾买提：“很辛苦。”")).toEqual([["古丽娜尔·艾买提", "快递员"]]);
    // Not a role in the middle of a line before a space.
    expect(people("他是快递员 古丽娜尔·艾买提说，很辛苦。")).toEqual([["古丽娜尔·艾买提", null]]);
  });
});
