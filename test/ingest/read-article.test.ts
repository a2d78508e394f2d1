import { describe, expect, it } from "vitest";
import { readArticle, type ArticleParts } from "../../src/ingest/parse-page.ts";
import type { Span } from "../../src/ingest/types.ts";

const INDENT = "\u3000\u3000";
const context = { issueDate: "2026-06-05" };

/** An article as a source's record gives it: the text is its heading lines, then its body. */
function record(headings: { kicker?: string; headline: string; subheadline?: string }, body: string[]) {
  let text = "";
  const line = (value: string | undefined): Span | null => {
    if (value === undefined) return null;
    const span = { start: text.length, end: text.length + value.length };
    text += `${value}\n`;
    return span;
  };
  const kicker = line(headings.kicker);
  const headline = line(headings.headline);
  const subheadline = line(headings.subheadline);
  const bodyText = body.join("\n");
  const parts: ArticleParts = { kicker, headline, subheadline, body: { start: text.length, end: text.length + bodyText.length } };
  text += bodyText;
  return { text, parts };
}

describe("readArticle", () => {
  it("takes the headings from the source and reads dispatch, dateline, credits and people from the body", () => {
    const { text, parts } = record({ kicker: "守护万家灯火", headline: "气象部门部署汛期服务", subheadline: "——各地加强短临预警" }, [
      `${INDENT}本报讯（记者 王小明 通讯员 李红）6月4日，中国气象局召开汛期气象服务部署会。局长陈振林出席会议并讲话。`,
      `${INDENT}会议指出，要切实做好预报预警工作。`,
    ]);
    const article = readArticle(text, parts, context);

    expect(article).toMatchObject({
      position: 1,
      kicker: "守护万家灯火",
      headline: "气象部门部署汛期服务",
      subheadline: "——各地加强短临预警",
      kickerSpan: parts.kicker,
      source: "本报讯",
      dateline: "6月4日",
      eventDate: "2026-06-04",
      continuesOn: null,
      continuedFrom: null,
    });
    expect(article.span).toEqual({ start: 0, end: text.length });
    expect(article.credits.map((c) => [c.role, c.name])).toEqual([
      ["REPORTER", "王小明"],
      ["REPORTER", "李红"],
    ]);
    expect(article.mentions.map((m) => [m.name, m.title])).toEqual([["陈振林", "局长"]]);
    expect(article.paragraphs.map((p) => p.text)).toEqual([
      "6月4日，中国气象局召开汛期气象服务部署会。局长陈振林出席会议并讲话。",
      "会议指出，要切实做好预报预警工作。",
    ]);
  });

  it("keeps every brief of a composite item in the one article: its first dispatch gives source and dateline, all give credits, the later ones stay printed in the body", () => {
    const { text, parts } = record({ headline: "各地速览" }, [
      `${INDENT}本报讯（记者 王小明）6月3日，河北省气象局开展应急演练。`,
      `${INDENT}本报讯（记者 赵刚）6月4日，山西省气象局举办开放日活动。`,
    ]);
    const article = readArticle(text, parts, context);

    expect(article).toMatchObject({ headline: "各地速览", source: "本报讯", dateline: "6月3日", eventDate: "2026-06-03" });
    expect(article.credits.map((c) => c.name)).toEqual(["王小明", "赵刚"]);
    expect(article.paragraphs.map((p) => p.text)).toEqual([
      "6月3日，河北省气象局开展应急演练。",
      "本报讯（记者 赵刚）6月4日，山西省气象局举办开放日活动。",
    ]);
  });

  it("keeps the tail after its own 下转 inside the article: a jump out, and no pickup", () => {
    const { text, parts } = record({ headline: "推进气象现代化建设" }, [
      `${INDENT}本报讯（记者 王小明）6月4日，会议在京召开，部署下一阶段重点工作。（下转第二版）`,
      `${INDENT}（上接第一版）会议要求，各单位要抓好落实。`,
    ]);
    const article = readArticle(text, parts, context);

    expect(article.continuesOn).toMatchObject({ page: 2, text: "（下转第二版）" });
    expect(article.continuedFrom).toBeNull();
    expect(article.paragraphs.map((p) => p.text)).toEqual([
      "6月4日，会议在京召开，部署下一阶段重点工作。",
      "会议要求，各单位要抓好落实。",
    ]);
  });

  it("reads a body that opens with its pickup as the jumped tail, without a dateline", () => {
    const { text, parts } = record({ headline: "推进气象现代化建设" }, [`${INDENT}（上接第一版）6月5日，会议要求各单位抓好落实。`]);
    const article = readArticle(text, parts, context);

    expect(article.continuedFrom).toMatchObject({ page: 1, text: "（上接第一版）" });
    expect(article.dateline).toBeNull();
    expect(article.paragraphs.map((p) => p.text)).toEqual(["6月5日，会议要求各单位抓好落实。"]);
  });

  it("reads a short unindented line in the body as body text, never as another headline", () => {
    const { text, parts } = record({ headline: "筑牢防灾减灾第一道防线" }, [
      `${INDENT}本报讯（记者 王小明）近日，各地气象部门加强值班值守。`,
      "扛起责任担当",
      `${INDENT}各地气象部门迅速行动，全力做好服务。`,
    ]);
    const article = readArticle(text, parts, context);

    expect(article.headline).toBe("筑牢防灾减灾第一道防线");
    expect(article.paragraphs.map((p) => p.text)).toEqual([
      "近日，各地气象部门加强值班值守。",
      "扛起责任担当",
      "各地气象部门迅速行动，全力做好服务。",
    ]);
  });

  it("reads a photo caption in the body with its photographer, and a closing author credit", () => {
    const { text, parts } = record({ headline: "雨后彩虹" }, [
      `${INDENT}雨后的城市上空出现彩虹。张三摄`,
      `${INDENT}6月4日傍晚，一场降雨过后，市民纷纷驻足拍照。（李四）`,
    ]);
    const article = readArticle(text, parts, context);

    expect(article.captions.map((c) => [c.text, c.photographer])).toEqual([["雨后的城市上空出现彩虹。", "张三"]]);
    expect(article.credits.map((c) => [c.role, c.name])).toEqual([
      ["AUTHOR", "李四"],
      ["PHOTOGRAPHER", "张三"],
    ]);
    expect(article.source).toBeNull();
  });

  it("reads a photo item as a page does: the caption under the headline is its body too, with its photographer and writers", () => {
    const { text, parts } = record({ headline: "图片新闻" }, ["正值麦收，农户加紧抢收小麦。图为麦收现场图/赵刚文/孙丽钱进"]);
    const article = readArticle(text, parts, context);

    expect(article.paragraphs.map((p) => p.text)).toEqual(["正值麦收，农户加紧抢收小麦。图为麦收现场"]);
    expect(article.captions.map((c) => [c.text, c.photographer])).toEqual([["正值麦收，农户加紧抢收小麦。图为麦收现场", "赵刚"]]);
    expect(article.credits.map((c) => [c.role, c.name])).toEqual([
      ["PHOTOGRAPHER", "赵刚"],
      ["AUTHOR", "孙丽"],
      ["AUTHOR", "钱进"],
    ]);
  });

  it("names 新华社 as the source when a wire heading stands over a body without dispatch", () => {
    const { text, parts } = record({ kicker: "新华社播发报道", headline: "团结奋进新征程" }, [`${INDENT}全国各地干部群众表示，要团结奋进。`]);
    expect(readArticle(text, parts, context).source).toBe("新华社");
  });
});
