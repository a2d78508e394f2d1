import fs from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { combine, EVALUATED_FIELDS, evaluatePage, formatEvaluation } from "../../src/ingest/evaluate.ts";
import { PageInputError } from "../../src/ingest/decode.ts";
import { parseExpectedPage, readExpectedPage, toExpectedShape } from "../../src/ingest/expected-shape.ts";
import type { ExpectedArticle, ExpectedPage } from "../../src/ingest/expected-shape.ts";
import type { ParsedArticle, ParsedPage, Span } from "../../src/ingest/types.ts";

const SEED = new URL("../../seeds/taiyuan-daily/2022-06-03/page-01.expected.json", import.meta.url);
/** A fresh copy of the hand-read seed page, for a test to spoil. */
const seedPage = (): ExpectedPage => parseExpectedPage(JSON.parse(fs.readFileSync(SEED, "utf8")), "seed");
const article = (page: ExpectedPage, index: number): ExpectedArticle => {
  const found = page.articles[index];
  if (found === undefined) throw new Error(`no article ${index}`);
  return found;
};

describe("evaluatePage", () => {
  it("scores a perfect match 1.0 on every field, with no mismatches", () => {
    const evaluation = evaluatePage(seedPage(), seedPage());
    for (const field of EVALUATED_FIELDS) {
      expect(evaluation.fields[field], field).toMatchObject({ precision: 1, recall: 1, f1: 1, falsePositives: 0 });
      expect(evaluation.fields[field].falseNegatives, field).toBe(0);
    }
    expect(evaluation.mismatches).toEqual([]);
  });

  it("does not count a null expected value with a null actual one (true negative)", () => {
    const evaluation = evaluatePage(seedPage(), seedPage());
    expect(evaluation.fields.articles.truePositives).toBe(8);
    expect(evaluation.fields.kicker.truePositives).toBe(3);
    expect(evaluation.fields.subheadline.truePositives).toBe(3);
    expect(evaluation.fields.continuations.truePositives).toBe(6);
  });

  it("counts a wrong headline as one false positive and one false negative", () => {
    const actual = seedPage();
    article(actual, 1).headline = "韦韬与汾酒集团党委书记、董事长袁清茂一行举行工作座谈";
    const evaluation = evaluatePage(seedPage(), actual, "page-01.txt");

    expect(evaluation.fields.headline).toEqual({
      truePositives: 7,
      falsePositives: 1,
      falseNegatives: 1,
      precision: 0.875,
      recall: 0.875,
      f1: 0.875,
    });
    // Aligned by character overlap, so the article's other fields still match.
    expect(evaluation.fields.articles.f1).toBe(1);
    expect(evaluation.fields.reporters.f1).toBe(1);
    expect(evaluation.mismatches).toEqual([
      {
        file: "page-01.txt",
        article: "韦韬与汾酒集团党委书记、董事长袁清茂一行举行工作会谈",
        field: "headline",
        expected: "韦韬与汾酒集团党委书记、董事长袁清茂一行举行工作会谈",
        actual: "韦韬与汾酒集团党委书记、董事长袁清茂一行举行工作座谈",
      },
    ]);
  });

  it("counts a missing reporter as a false negative: P 1, R 6/7, F1 12/13", () => {
    const actual = seedPage();
    article(actual, 1).reporters = ["殷雪莹", "梁涛"];
    const { fields, mismatches } = evaluatePage(seedPage(), actual);

    expect(fields.reporters).toMatchObject({ truePositives: 6, falsePositives: 0, falseNegatives: 1, precision: 1 });
    expect(fields.reporters.recall).toBeCloseTo(6 / 7, 12);
    expect(fields.reporters.f1).toBeCloseTo(12 / 13, 12);
    expect(fields.credits).toMatchObject({ falsePositives: 0, falseNegatives: 1 });
    // Listed once, under the pooled credits, not again under its role.
    expect(mismatches).toEqual([
      {
        article: "韦韬与汾酒集团党委书记、董事长袁清茂一行举行工作会谈",
        field: "credits",
        role: "byline",
        expected: "丁洁",
        actual: null,
      },
    ]);
  });

  it("pools reporters and authors into one credit class: a reporter read as an author is no credit mismatch", () => {
    const actual = seedPage();
    article(actual, 3).authors = [];
    article(actual, 3).reporters = ["李俊华"];
    const { fields, mismatches } = evaluatePage(seedPage(), actual);

    expect(fields.credits).toMatchObject({ precision: 1, recall: 1, f1: 1 });
    expect(fields.reporters).toMatchObject({ falsePositives: 1, falseNegatives: 0 });
    expect(fields.authors).toMatchObject({ falsePositives: 0, falseNegatives: 1 });
    expect(mismatches).toEqual([]);
  });

  it("keeps photographers a class of their own: a photographer read as a reporter is a miss and a false find", () => {
    const actual = seedPage();
    const first = article(actual, 0);
    first.reporters = [...first.reporters, ...first.photographers];
    const moved = first.photographers;
    first.photographers = [];
    const { fields, mismatches } = evaluatePage(seedPage(), actual);

    expect(moved).toEqual(["梁琛"]);
    expect(fields.credits).toMatchObject({ falsePositives: 1, falseNegatives: 1 });
    expect(mismatches.map((m) => [m.field, m.role, m.expected, m.actual])).toEqual([
      ["credits", "byline", null, "梁琛"],
      ["credits", "photo", "梁琛", null],
    ]);
  });

  it("takes the sources 本报讯 and 本报 as the same, and no other two", () => {
    const actual = seedPage();
    expect(article(actual, 1).source).toBe("本报讯");
    article(actual, 1).source = "本报";
    article(actual, 2).source = "新华社";
    const { fields, mismatches } = evaluatePage(seedPage(), actual);

    expect(fields.source).toMatchObject({ falsePositives: 1, falseNegatives: 1 });
    expect(mismatches.map((m) => [m.field, m.expected, m.actual])).toEqual([["source", "本报讯", "新华社"]]);
  });

  it("compares every string with all whitespace removed: headline, names, dateline and title", () => {
    const actual = seedPage();
    const first = article(actual, 0);
    first.headline = `${first.headline!.slice(0, 4)}\u3000${first.headline!.slice(4)}\n`;
    first.reporters = first.reporters.map((name) => `${name[0]}\u00a0${name.slice(1)}`);
    first.dateline = `${first.dateline} `;
    first.people = first.people.map((p) => ({ name: ` ${p.name}`, title: p.title === null ? null : `${p.title}\u3000` }));
    expect(evaluatePage(seedPage(), actual).mismatches).toEqual([]);
  });

  it("counts an extra person as a false positive: P 31/32, R 1, F1 62/63", () => {
    const actual = seedPage();
    article(actual, 0).people.push({ name: "王五", title: "市长" });
    const { fields, mismatches } = evaluatePage(seedPage(), actual);

    expect(fields.people).toMatchObject({ truePositives: 31, falsePositives: 1, falseNegatives: 0, recall: 1 });
    expect(fields.people.precision).toBeCloseTo(31 / 32, 12);
    expect(fields.people.f1).toBeCloseTo(62 / 63, 12);
    // Titles are scored only for people found by name.
    expect(fields.titles.f1).toBe(1);
    expect(mismatches).toEqual([
      { article: "太原忻州两市人大常委会太忻经济一体化发展协作工作座谈会举行", field: "people", expected: null, actual: "王五" },
    ]);
  });

  it("counts a title as matching when either title contains the other", () => {
    const actual = seedPage();
    const people = article(actual, 0).people;
    people[0] = { name: "韦韬", title: "太原市委书记" }; // printed: 省委常委、太原市委书记
    people[1] = { name: "王纯", title: "省人大常委会副主任、党组成员" }; // printed: 省人大常委会副主任
    people[2] = { name: "朱晓东", title: "忻州市长" }; // printed: 忻州市委书记
    const { fields, mismatches } = evaluatePage(seedPage(), actual);

    expect(fields.titles).toMatchObject({ truePositives: 30, falsePositives: 1, falseNegatives: 1 });
    expect(mismatches).toEqual([
      {
        article: "太原忻州两市人大常委会太忻经济一体化发展协作工作座谈会举行",
        field: "titles",
        person: "朱晓东",
        expected: "忻州市委书记",
        actual: "忻州市长",
      },
    ]);
  });

  it("compares firstBodyChars with whitespace removed", () => {
    const actual = seedPage();
    article(actual, 0).firstBodyChars = "6月2日, 太原、忻州两市人大常委会\n太忻经";
    expect(evaluatePage(seedPage(), actual).fields.firstBodyChars.f1).toBe(1);
  });

  it("counts a jump to the wrong page under continuations, as printed", () => {
    const actual = seedPage();
    article(actual, 4).continuesOnPage = 2;
    const { fields, mismatches } = evaluatePage(seedPage(), actual);
    expect(fields.continuations).toMatchObject({ truePositives: 5, falsePositives: 1, falseNegatives: 1 });
    expect(mismatches.map((m) => [m.field, m.expected, m.actual])).toEqual([["continuations", "下转第4版", "下转第2版"]]);
  });

  it("reports a missed article once and counts each of its values as a false negative", () => {
    const actual = seedPage();
    actual.articles.splice(3, 1); // 加强人大协作交流…: no kicker, author 李俊华, six people
    const { fields, mismatches } = evaluatePage(seedPage(), actual);

    expect(fields.articles).toMatchObject({ truePositives: 7, falsePositives: 0, falseNegatives: 1 });
    expect(fields.kicker).toMatchObject({ truePositives: 3, falseNegatives: 0 });
    // Its people and its credit are misses, though no line names them.
    expect(fields.people).toMatchObject({ truePositives: 25, falseNegatives: 6 });
    // 李俊华 also signs the last article.
    expect(fields.authors).toMatchObject({ truePositives: 1, falseNegatives: 1 });
    expect(fields.credits).toMatchObject({ falsePositives: 0, falseNegatives: 1 });
    expect(mismatches).toEqual([
      {
        article: "加强人大协作交流 共谋太忻经济一体化发展",
        field: "articles",
        expected: "加强人大协作交流 共谋太忻经济一体化发展",
        actual: null,
      },
    ]);
  });

  it("counts the people and credits of an article that matches nothing as false finds", () => {
    const actual = seedPage();
    actual.articles.push({ ...article(seedPage(), 3), headline: "端午假期天气预报" });
    const { fields, mismatches } = evaluatePage(seedPage(), actual);

    expect(fields.articles).toMatchObject({ falsePositives: 1, falseNegatives: 0 });
    expect(fields.people).toMatchObject({ truePositives: 31, falsePositives: 6, falseNegatives: 0 });
    expect(fields.credits).toMatchObject({ falsePositives: 1, falseNegatives: 0 });
    expect(mismatches.map((m) => [m.field, m.expected, m.actual])).toEqual([["articles", null, "端午假期天气预报"]]);
  });

  it("scores jumps as printed: one found where none is printed is a false jump, not a hit on a null", () => {
    const actual = seedPage();
    expect(article(actual, 3).continuesOnPage).toBeNull();
    article(actual, 3).continuesOnPage = 5;
    const { fields } = evaluatePage(seedPage(), actual);

    expect(fields.continuations).toMatchObject({ truePositives: 6, falsePositives: 1, falseNegatives: 0, recall: 1 });
    expect(fields.continuations.precision).toBeCloseTo(6 / 7, 12);
  });

  it("leaves an article unaligned when its headline shares too few characters with any other", () => {
    const actual = seedPage();
    article(actual, 6).headline = "端午假期天气预报";
    const { fields, mismatches } = evaluatePage(seedPage(), actual);

    expect(fields.articles).toMatchObject({ truePositives: 7, falsePositives: 1, falseNegatives: 1 });
    expect(mismatches.map((m) => [m.field, m.expected, m.actual])).toEqual([
      ["articles", "强化太忻一体化经济区生态支撑", null],
      ["articles", null, "端午假期天气预报"],
    ]);
  });

  it("aligns identical headlines before similar ones, whatever the order", () => {
    const actual = seedPage();
    actual.articles.reverse();
    expect(evaluatePage(seedPage(), actual).mismatches).toEqual([]);
  });
});

describe("combine", () => {
  it("adds counts over pages and keeps every page's mismatches", () => {
    const wrong = seedPage();
    article(wrong, 1).headline = "韦韬与汾酒集团举行工作会谈";
    const evaluation = combine([
      evaluatePage(seedPage(), seedPage(), "a.txt"),
      evaluatePage(seedPage(), wrong, "b.txt"),
    ]);

    expect(evaluation.pages).toBe(2);
    expect(evaluation.fields.headline).toMatchObject({ truePositives: 15, falsePositives: 1, falseNegatives: 1 });
    expect(evaluation.fields.headline.f1).toBeCloseTo(15 / 16, 12);
    expect(evaluation.mismatches.map((m) => [m.file, m.field])).toEqual([["b.txt", "headline"]]);
  });

  it("scores a field with nothing expected and nothing found as 1.0", () => {
    const page = seedPage();
    for (const a of page.articles) a.authors = [];
    expect(combine([evaluatePage(page, page)]).fields.authors).toMatchObject({ precision: 1, recall: 1, f1: 1 });
  });
});

describe("formatEvaluation", () => {
  it("prints a row per field with P, R, F1 and counts, then the mismatches", () => {
    const actual = seedPage();
    article(actual, 1).reporters = ["殷雪莹", "梁涛"];
    const text = formatEvaluation(combine([evaluatePage(seedPage(), actual, "page-01.txt")]));
    const lines = text.split("\n");

    expect(lines[0]).toBe("1 page evaluated");
    expect(lines[2]).toBe("field               P      R     F1    TP    FP    FN");
    expect(lines).toContain("headline        1.000  1.000  1.000     8     0     0");
    expect(lines).toContain("reporters       1.000  0.857  0.923     6     0     1");
    expect(lines).toContain("credits         1.000  0.909  0.952    10     0     1");
    expect(lines).toContain("jumps: 6 of 6 printed found (recall 1.000), 0 false");
    expect(lines.slice(-3)).toEqual([
      "Mismatches (1):",
      "  page-01.txt",
      "    「韦韬与汾酒集团党委书记、董事长袁清茂一行举行工作会谈」 credits (reporter or author): expected \"丁洁\", got (none)",
    ]);
  });

  it("says so when there are no mismatches", () => {
    expect(formatEvaluation(combine([evaluatePage(seedPage(), seedPage())])).endsWith("\nNo mismatches.")).toBe(true);
  });
});

describe("toExpectedShape", () => {
  const TEXT = [
    "共抓发展机遇",
    "# 座谈会举行",
    "本报讯(记者 殷雪莹、梁涛) 6月2日,省委书记林武出席𠀀座谈会并讲话,强调要共抓发展机遇。(李俊华)",
    "工作座谈会现场。梁琛摄",
    "(下转第3版)",
    "# 会议召开",
    "(上接第1版)",
    "本报记者 丁洁 摄",
    "街景。张三摄",
  ].join("\n");
  /** The span of the first `needle` at or after `from`. */
  const at = (needle: string, from = 0): Span => {
    const start = TEXT.indexOf(needle, from);
    if (start < 0) throw new Error(`${needle} not in text`);
    return { start, end: start + needle.length };
  };
  const body = "6月2日,省委书记林武出席𠀀座谈会并讲话,强调要共抓发展机遇。";
  const bare: Omit<ParsedArticle, "position" | "span"> = {
    kicker: null,
    headline: null,
    subheadline: null,
    source: null,
    dispatch: null,
    dateline: null,
    eventDate: null,
    paragraphs: [],
    credits: [],
    mentions: [],
    captions: [],
    continuesOn: null,
    continuedFrom: null,
  };
  const parsed: ParsedPage = {
    format: "ocr",
    articles: [
      {
        ...bare,
        position: 1,
        span: { start: 0, end: at("(下转第3版)").end },
        kicker: "共抓发展机遇",
        headline: "座谈会举行",
        source: "本报讯",
        dispatch: "本报讯(记者 殷雪莹、梁涛)",
        dateline: "6月2日",
        eventDate: "2022-06-02",
        paragraphs: [{ text: body, span: at(body) }],
        credits: [
          { role: "REPORTER", name: "殷雪莹", label: "记者", span: at("殷雪莹") },
          { role: "REPORTER", name: "梁涛", label: "记者", span: at("梁涛") },
          { role: "AUTHOR", name: "李俊华", label: null, span: at("李俊华") },
        ],
        mentions: [
          { name: "林武", title: "省委书记", normalisedTitle: "山西省委书记", span: at("林武"), titleSpan: at("省委书记") },
        ],
        captions: [
          { text: "工作座谈会现场。", photographer: "梁琛", span: at("工作座谈会现场。梁琛摄"), photographerSpan: at("梁琛") },
        ],
        continuesOn: { label: "3", page: 3, text: "(下转第3版)", span: at("(下转第3版)") },
      },
      {
        ...bare,
        position: 2,
        span: { start: at("# 会议召开").start, end: at("本报记者 丁洁 摄").end },
        headline: "会议召开",
        credits: [
          { role: "PHOTOGRAPHER", name: "丁洁", label: "本报记者", span: at("丁洁") },
          { role: "REPORTER", name: "殷雪莹", label: "记者", span: at("殷雪莹") },
        ],
        continuedFrom: { label: "1", page: 1, text: "(上接第1版)", span: at("(上接第1版)") },
      },
    ],
    captions: [{ text: "街景。", photographer: "张三", span: at("街景。张三摄"), photographerSpan: at("张三") }],
  };
  const meta = { publication: "太原日报", date: "2022-06-03", pageNumber: 1 };

  it("gives each article the fields of the hand-read file, credits grouped by role", () => {
    const [first, second] = toExpectedShape(parsed, meta).articles;
    expect(first).toMatchObject({
      kicker: "共抓发展机遇",
      headline: "座谈会举行",
      subheadline: null,
      source: "本报讯",
      reporters: ["殷雪莹", "梁涛"],
      photographers: ["梁琛"],
      authors: ["李俊华"],
      dateline: "6月2日",
      eventDate: "2022-06-02",
      continuesOnPage: 3,
      continuedFromPage: null,
      captions: [{ text: "工作座谈会现场。", photographer: "梁琛" }],
      people: [{ name: "林武", title: "省委书记", normalisedTitle: "山西省委书记" }],
      paragraphs: [body],
    });
    expect(second).toMatchObject({ reporters: ["殷雪莹"], photographers: ["丁洁"], continuedFromPage: 1 });
  });

  it("takes the first 20 characters of the body without whitespace, a character outside the BMP counting as one", () => {
    const [first, second] = toExpectedShape(parsed, meta).articles;
    expect(first?.firstBodyChars).toBe("6月2日,省委书记林武出席𠀀座谈会并讲话");
    expect(first?.firstBodyChars).toHaveLength(21); // UTF-16 code units: 𠀀 is two
    expect(second?.firstBodyChars).toBeNull();
  });

  it("keeps the spans of the article, its credits, mentions and captions", () => {
    const spans = toExpectedShape(parsed, meta).articles[0]?.spans;
    expect(spans?.article).toEqual({ start: 0, end: at("(下转第3版)").end });
    expect(spans?.credits[2]).toEqual({ role: "AUTHOR", name: "李俊华", span: at("李俊华") });
    expect(TEXT.slice(spans?.mentions[0]?.titleSpan?.start, spans?.mentions[0]?.titleSpan?.end)).toBe("省委书记");
    expect(spans?.captions[0]).toEqual({
      text: "工作座谈会现场。",
      span: at("工作座谈会现场。梁琛摄"),
      photographerSpan: at("梁琛"),
    });
  });

  it("lists the page's jumps and its credited names, unique, in order of appearance", () => {
    const page = toExpectedShape(parsed, meta);
    expect(page).toMatchObject({ publication: "太原日报", date: "2022-06-03", pageNumber: 1 });
    expect(page.continuations).toEqual([{ fromHeadline: "座谈会举行", toPage: 3 }]);
    expect(page.credits).toEqual({
      reporters: ["殷雪莹", "梁涛"],
      photographers: ["梁琛", "丁洁", "张三"],
      authors: ["李俊华"],
    });
    expect(page.unattachedCaptions).toEqual([{ text: "街景。", photographer: "张三" }]);
  });

  it("names a section page and its jumps by their labels, as a hand-read file does", () => {
    const sectioned: ParsedPage = {
      ...parsed,
      articles: parsed.articles.map((a) => ({
        ...a,
        continuesOn: a.continuesOn && { ...a.continuesOn, label: "A04", page: 1004, text: "(下转A04版)" },
        continuedFrom: a.continuedFrom && { ...a.continuedFrom, label: "B01", page: 1101, text: "(上接B01版)" },
      })),
    };
    const page = toExpectedShape(sectioned, { ...meta, pageNumber: "A03" });
    expect(page.pageNumber).toBe("A03");
    expect(page.articles.map((a) => [a.continuesOnPage, a.continuedFromPage])).toEqual([["A04", null], [null, "B01"]]);
    expect(page.continuations).toEqual([{ fromHeadline: "座谈会举行", toPage: "A04" }]);
    expect(parseExpectedPage(JSON.parse(JSON.stringify(page)), "page-A03.expected.json").articles[0]?.continuesOnPage).toBe("A04");
  });

  it("counts a jump to a section page by its label: A04 is not B04", () => {
    const expected = toExpectedShape(parsed, meta);
    article(expected, 0).continuesOnPage = "A04";
    const actual = toExpectedShape(parsed, meta);
    article(actual, 0).continuesOnPage = "B04";
    const { fields, mismatches } = evaluatePage(expected, actual);
    expect(fields.continuations).toMatchObject({ truePositives: 1, falsePositives: 1, falseNegatives: 1 });
    expect(mismatches).toEqual([expect.objectContaining({ field: "continuations", expected: "下转第A04版", actual: "下转第B04版" })]);
  });

  it("gives a shape that evaluates against itself as a perfect match", () => {
    const page = toExpectedShape(parsed, meta);
    expect(evaluatePage(page, page).mismatches).toEqual([]);
  });
});

describe("readExpectedPage", () => {
  it("reads the hand-read seed page, notes and all", async () => {
    const page = await readExpectedPage(fileURLToPath(SEED));
    expect(page.articles).toHaveLength(8);
    expect(page.articles[0]?.notes).toContain("雄安新区");
  });

  /** The message `parseExpectedPage` refuses `json` with. */
  const refusal = (json: unknown): string => {
    try {
      parseExpectedPage(json, "page-01.expected.json");
    } catch (error) {
      expect(error).toBeInstanceOf(PageInputError);
      return (error as PageInputError).message;
    }
    throw new Error("accepted");
  };

  it("names the file and the path of a missing field", () => {
    const page = seedPage() as unknown as { articles: Record<string, unknown>[] };
    delete page.articles[2]?.kicker;
    expect(refusal(page)).toBe('page-01.expected.json: missing field "articles[2].kicker"');
  });

  it("names the path of a field holding the wrong kind of value", () => {
    const page = seedPage();
    (article(page, 1) as unknown as Record<string, unknown>).reporters = "殷雪莹、梁涛";
    expect(refusal(page)).toBe('page-01.expected.json: field "articles[1].reporters" must be a list of strings');
  });

  it("refuses a date that is not a calendar day and a page number of 0", () => {
    expect(refusal({ ...seedPage(), date: "2022-06-31" })).toBe(
      'page-01.expected.json: field "date" must be a date YYYY-MM-DD',
    );
    const page = seedPage();
    article(page, 0).people[1] = { name: "王纯", title: 7 as unknown as string };
    expect(refusal(page)).toBe('page-01.expected.json: field "articles[0].people[1].title" must be a string or null');
    expect(refusal({ ...seedPage(), continuations: [{ fromHeadline: null, toPage: 0 }] })).toBe(
      `page-01.expected.json: field "continuations[0].toPage" must be a page number (1 to 999) or a section page's label (A01 to Z99)`,
    );
  });

  it("takes a section page by its label, in the one form the parser prints, and refuses other spellings", () => {
    const page = { ...seedPage(), pageNumber: "A03", continuations: [{ fromHeadline: null, toPage: "B12" }] };
    article(page, 0).continuesOnPage = "A04";
    expect(parseExpectedPage(page, "page-A03.expected.json")).toMatchObject({ pageNumber: "A03", continuations: [{ toPage: "B12" }] });
    for (const label of ["a04", "A4", "A00", "Ａ04", "4"]) {
      article(page, 0).continuesOnPage = label;
      expect(refusal(page), label).toBe(
        `page-01.expected.json: field "articles[0].continuesOnPage" must be a page number (1 to 999) or a section page's label (A01 to Z99) or null`,
      );
    }
  });

  it("refuses JSON that is not an object", () => {
    expect(refusal([])).toBe("page-01.expected.json: not a JSON object");
  });
});
