import { describe, expect, it } from "vitest";
import { creditLineNames } from "../../src/ingest/credit-lines.ts";
import { labelAt } from "../../src/ingest/credit-names.ts";
import { parseDispatch } from "../../src/ingest/dispatch.ts";
import { openingFiledByline } from "../../src/ingest/filed-byline.ts";
import { foldForMatching } from "../../src/ingest/normalise.ts";
import { parsePageStructure } from "../../src/ingest/parse-page.ts";

const label = (printed: string) => {
  const f = foldForMatching(printed);
  return labelAt(f, 0, f.length)?.label ?? null;
};

const credits = (printed: string) => {
  const f = foldForMatching(printed);
  const names = creditLineNames(f, { line: 0, start: 0, end: f.length, hashes: 0, indented: false });
  return names === null ? null : names.map((d) => `${d.role}:${d.name.name}`);
};

const filed = (printed: string) => {
  const f = foldForMatching(printed);
  const b = openingFiledByline(f, 0, f.length);
  return b === null ? null : { credits: b.credits.map((c) => `${c.label}:${c.name}`), body: printed.slice(b.bodyStart, b.bodyStart + 4) };
};

describe("a paper's brand beside its name in a byline", () => {
  it("leaves out a brand joined by a hyphen before the paper's name (新江城-江城日报记者)", () => {
    expect(label("新江城-江城日报记者 孙小明")).toBe("江城日报记者");
    expect(credits("新江城-江城日报记者 孙小明")).toEqual(["REPORTER:孙小明"]);
    // A paper's name before its site's brand still leads the label: the site is no brand before it.
    expect(label("江城日报-江城网记者 孙小明")).toBe("江城日报-江城网记者");
  });

  it("reads an app named with its kind between the paper's name and 记者 (江城晚报云帆客户端记者)", () => {
    expect(label("江城晚报云帆客户端记者 孙小明")).toBe("江城晚报云帆客户端记者");
    expect(credits("江城晚报云帆客户端记者 孙小明")).toEqual(["REPORTER:孙小明"]);
    // A long run before 记者 that is no app stays no label.
    expect(label("江城晚报今天上午一名记者")).toBeNull();
  });

  it("reads a paper's app named 某某新闻客户端, after the name or after a dot (江城日报云帆新闻客户端记者)", () => {
    expect(credits("江城日报云帆新闻客户端记者 孙小明")).toEqual(["REPORTER:孙小明"]);
    expect(credits("江城日报·江城新闻客户端记者 孙 明")).toEqual(["REPORTER:孙明"]);
    expect(label("江城日报今天一早派出记者")).toBeNull();
  });

  it("leaves out a provincial brand before the paper's name and a middle dot (新江州·江州日报记者)", () => {
    expect(label("新江州·江州日报记者 孙小明")).toBe("江州日报记者");
    expect(credits("新江州·江州日报记者 孙 明")).toEqual(["REPORTER:孙明"]);
    // A dotted pair with no paper's name after the dot is no label.
    expect(label("走基层·蹲点记者手记")).toBeNull();
  });

  it("credits a 摄影记者 among a byline's reporters as a photographer", () => {
    expect(credits("江城晚报记者 孙小明 实习生 李 红 摄影记者 王 强")).toEqual(["REPORTER:孙小明", "REPORTER:李红", "PHOTOGRAPHER:王强"]);
    expect(credits("江城晚报记者 孙小明 王 强")).toEqual(["REPORTER:孙小明", "REPORTER:王强"]);
  });

  it("reads a paper's 讯 after a web brand and a hyphen, the brand left out of the source", () => {
    const f = foldForMatching("江城网-江城日报讯（记者 孙小明）5月3日，市里");
    expect(parseDispatch(f, 0, f.length)).toMatchObject({ source: "江城日报讯", credits: [{ name: "孙小明", label: "记者" }] });
    // A hyphen inside a sentence is no brand.
    const g = foldForMatching("3-5月讯息不断");
    expect(parseDispatch(g, 0, g.length)).toBeNull();
  });
});

describe("an editor's credit after the reporters", () => {
  it("cuts X编辑 Y off a byline line: the editor is no credit", () => {
    expect(credits("财经记者 孙小明 财经编辑 周 红")).toEqual(["REPORTER:孙小明"]);
    expect(credits("本报记者 孙小明 李 艳 责任编辑：周红")).toEqual(["REPORTER:孙小明", "REPORTER:李艳"]);
    // A line of an editor alone is no byline.
    expect(credits("编辑 周红")).toBeNull();
  });
});

describe("a byline with the place it was filed from run into the body", () => {
  it("credits the labelled names and starts the body after 报道", () => {
    expect(filed("本报记者 孙小明 南京报道 市政府昨天召开")).toEqual({ credits: ["本报记者:孙小明"], body: "市政府昨" });
    expect(filed("本报记者 孙小明 通讯员 李艳 广州报道 今年")).toEqual({ credits: ["本报记者:孙小明", "通讯员:李艳"], body: "今年" });
  });

  it("needs a label, a known place and a space before the report", () => {
    expect(filed("孙小明 南京报道 市政府昨天召开")).toBeNull();
    expect(filed("本报记者 孙小明 深入报道 市政府")).toBeNull();
    expect(filed("记者从市里获悉，南京报道 了")).toBeNull();
  });

  it("gives the article the label's source and no dateline", () => {
    const text = "江城新区首批企业开工\n　　本报记者 孙小明 南京报道 5月3日，江城新区首批企业开工。";
    const a = parsePageStructure(text, { issueDate: "2024-05-04" }).articles[0]!;
    expect([a.source, a.dateline, a.credits.map((c) => c.name), a.paragraphs[0]!.text.slice(0, 5)]).toEqual(["本报", null, ["孙小明"], "5月3日，"]);
  });
});

describe("a byline line after the text", () => {
  const ctx = { issueDate: "2024-05-04", publication: "江城日报" };

  it("names the source when it opens with the paper's own name", () => {
    const text = "老街新店\n　　老街上开了一家新店，市民孙大海说，店里的面好吃。\n　　江城日报记者 周 红\n";
    const a = parsePageStructure(text, ctx).articles[0]!;
    expect([a.source, a.credits.map((c) => c.name)]).toEqual(["江城日报", ["周红"]]);
  });

  it("names none for a closing credit: in parentheses, or opened by 采写：", () => {
    const inParentheses = "老街新店\n　　老街上开了一家新店，市民孙大海说，店里的面好吃。\n　　（江城日报记者 周 红）\n";
    const reported = "老街新店\n　　老街上开了一家新店，市民孙大海说，店里的面好吃。\n　　采写：江城日报记者 周 红\n";
    for (const text of [inParentheses, reported]) {
      const a = parsePageStructure(text, ctx).articles[0]!;
      expect([a.source, a.credits.map((c) => c.name)]).toEqual([null, ["周红"]]);
    }
  });
});

describe("a byline led by a brand of the paper's group", () => {
  const ctx = { issueDate: "2024-05-04", publication: "江城商报" };
  const sources = (text: string) => parsePageStructure(text, ctx).articles.map((a) => [a.headline, a.source]);

  it("names the brand as source when the page joins it to the paper's name elsewhere (江城商报-云帆新闻记者)", () => {
    const text = "老街新店\n\n江城商报-云帆新闻记者 孙小明\n\n老街上开了一家新店。\n\n新桥通车\n\n云帆新闻记者 周 红\n\n新桥昨天通车。\n";
    expect(sources(text)).toEqual([
      ["老街新店", "江城商报"],
      ["新桥通车", "云帆新闻"],
    ]);
  });

  it("names no source for a brand the page never ties to the paper", () => {
    const text = "新桥通车\n\n云帆新闻记者 周 红\n\n新桥昨天通车。\n";
    expect(sources(text)).toEqual([["新桥通车", null]]);
  });

  it("reads a paper's name of any characters as printed, not as a pattern (江城(商)报, 江.商报)", () => {
    const source = (publication: string, printed: string) =>
      parsePageStructure(`新桥通车\n\n云帆新闻记者 周 红\n\n新桥昨天通车，${printed}-云帆新闻将持续关注。\n`, { issueDate: "2024-05-04", publication }).articles.map(
        (a) => [a.headline, a.source],
      );
    expect(source("江城(商)报", "江城(商)报")).toEqual([["新桥通车", "云帆新闻"]]);
    // A dot in the name is a dot: 江城商报 printed on the page is not 江.商报.
    expect(source("江.商报", "江城商报")).toEqual([["新桥通车", null]]);
  });
});
