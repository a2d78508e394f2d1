import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Ajv from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { PageInputError } from "../../src/ingest/decode.ts";
import {
  composeRecords,
  isRecordsFile,
  MAX_HEADING_LENGTH,
  MAX_RECORDS,
  parseRecordsFile,
  parseRecordsPage,
} from "../../src/ingest/parse-records.ts";

const DEVSET = fileURLToPath(new URL("../fixtures/devset/", import.meta.url));
const SCHEMA = JSON.parse(fs.readFileSync(new URL("../../docs/article-records.schema.json", import.meta.url), "utf8"));
const INDENT = "\u3000\u3000";
const context = { issueDate: "2026-06-05" };

/** Every records file of the dev sets, relative to the dev set folder. */
const devsetRecords = fs
  .readdirSync(DEVSET, { recursive: true, encoding: "utf8" })
  .filter((name) => name.endsWith(".records.json"))
  .sort();

/** The message `parseRecordsFile` refuses `content` with. */
function refusal(content: string, name = "page-01.records.json"): string {
  try {
    parseRecordsFile(content, name);
  } catch (error) {
    expect(error).toBeInstanceOf(PageInputError);
    return (error as PageInputError).message;
  }
  throw new Error("accepted");
}

const page = (articles: unknown[], extra: Record<string, unknown> = {}) => JSON.stringify({ ...extra, articles });
const story = { kicker: null, headline: "气象部门部署汛期服务", subheadline: null, body: `${INDENT}本报讯（记者 王小明）6月4日，会议召开。` };

describe("isRecordsFile", () => {
  it("takes page-NN.records.json and .records.ndjson, not page text or an export", () => {
    expect(["page-01.records.json", "page-12.records.ndjson"].map(isRecordsFile)).toEqual([true, true]);
    expect(["page-01.txt", "page-01.expected.json", "backup.ndjson", "records.json"].map(isRecordsFile)).toEqual([false, false, false, false]);
  });
});

describe("parseRecordsFile", () => {
  it("reads the object form with the page's publication, date, number and source", () => {
    const records = parseRecordsFile(page([story], { publication: "zgqxb", date: "2026-06-05", page: 1, source: "crawler" }), "p.records.json");
    expect(records).toEqual({ publication: "zgqxb", date: "2026-06-05", page: 1, source: "crawler", articles: [story] });
  });

  it("reads the NDJSON form, one record per line, blank lines skipped and absent headings null", () => {
    const content = `${JSON.stringify({ headline: "甲", body: "　　一。" })}\r\n\n${JSON.stringify({ kicker: "", headline: "乙", subheadline: " ", body: "　　二。" })}\n`;
    expect(parseRecordsFile(content, "page-02.records.ndjson")).toEqual({
      articles: [
        { kicker: null, headline: "甲", subheadline: null, body: "　　一。" },
        { kicker: null, headline: "乙", subheadline: null, body: "　　二。" },
      ],
    });
  });

  it("reads every records file of the dev sets", () => {
    expect(devsetRecords).toHaveLength(16);
    const counts = devsetRecords.map((name) => parseRecordsFile(fs.readFileSync(path.join(DEVSET, name), "utf8"), name).articles.length);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(102);
  });

  it("names the file and the reason for input it refuses", () => {
    expect(refusal("{")).toMatch(/^page-01\.records\.json: not valid JSON \(/);
    expect(refusal("[]")).toBe("page-01.records.json: the record must be an object");
    expect(refusal(JSON.stringify({}))).toBe('page-01.records.json: missing field "articles"');
    expect(refusal(page([]))).toBe('page-01.records.json: field "articles" must hold at least 1');
    expect(refusal(page([{ headline: "甲" }]))).toBe('page-01.records.json: missing field "articles[0].body"');
    expect(refusal(page([story, { ...story, headline: 7 }]))).toBe('page-01.records.json: field "articles[1].headline" must be a string');
    expect(refusal(page([{ ...story, title: "甲" }]))).toBe('page-01.records.json: field "articles[0]": unknown field "title"');
    expect(refusal(page([story], { pages: 1 }))).toBe('page-01.records.json: unknown field "pages"');
    for (const bad of [0, 1.5, 1000, "1", "a4", "A4", "A00"]) {
      expect(refusal(page([story], { page: bad })), String(bad)).toBe(
        `page-01.records.json: field "page" must be a page number (1 to 999) or a section page's label (A01 to Z99)`,
      );
    }
    expect(refusal(page([story], { date: "2026-02-30" }))).toBe(
      'page-01.records.json: field "date" must be a calendar date YYYY-MM-DD, got 2026-02-30',
    );
    expect(refusal(page([story, { headline: " ", body: "\n　　" }]))).toBe("page-01.records.json: article 2 has neither a headline nor a body");
  });

  it("names the line of an NDJSON record it refuses", () => {
    const content = `${JSON.stringify(story)}\n{"headline": "乙"\n`;
    expect(refusal(content, "page-01.records.ndjson")).toMatch(/^page-01\.records\.ndjson: line 2: not valid JSON \(/);
    expect(refusal(`\n${JSON.stringify({ headline: "乙" })}`, "page-01.records.ndjson")).toBe(
      'page-01.records.ndjson: line 2: missing field "body"',
    );
    expect(refusal("\n \n", "page-01.records.ndjson")).toBe("page-01.records.ndjson: no article records");
  });

  it("refuses a heading longer than the limit, counting characters as JSON Schema does, and too many records", () => {
    const astral = "𠀀".repeat(MAX_HEADING_LENGTH);
    expect(parseRecordsFile(page([{ headline: astral, body: "" }]), "p.records.json").articles[0]?.headline).toBe(astral);
    expect(refusal(page([{ headline: `${astral}甲`, body: "" }]))).toBe(
      `page-01.records.json: field "articles[0].headline" is longer than ${MAX_HEADING_LENGTH} characters`,
    );
    expect(refusal(page(Array.from({ length: MAX_RECORDS + 1 }, () => story)))).toBe(
      `page-01.records.json: field "articles" is too long (at most ${MAX_RECORDS})`,
    );
    const lines = Array.from({ length: MAX_RECORDS + 1 }, () => JSON.stringify(story)).join("\n");
    expect(refusal(lines, "page-01.records.ndjson")).toBe(
      `page-01.records.ndjson: ${MAX_RECORDS + 1} article records, more than the ${MAX_RECORDS} a page may hold`,
    );
  });
});

describe("docs/article-records.schema.json", () => {
  const validate = new Ajv({ strict: true }).compile(SCHEMA);
  const validateRecord = new Ajv({ strict: true }).addSchema(SCHEMA).getSchema(`${SCHEMA.$id}#/$defs/articleRecord`)!;
  /** True when the validator takes the page: any refusal but the checks the schema leaves out. */
  const validatorTakes = (content: string, name: string) => {
    try {
      parseRecordsFile(content, name);
      return true;
    } catch (error) {
      return / a calendar date |neither a headline nor a body|more than the \d+ a page may hold/.test((error as Error).message);
    }
  };
  const examples: [string, unknown][] = [
    ["a full page", { publication: "zgqxb", date: "2026-06-05", page: 1, source: "crawler", articles: [story] }],
    ["only articles", { articles: [{ body: "　　一。" }] }],
    ["null and absent headings", { articles: [{ kicker: null, headline: null, body: "　　一。" }] }],
    ["no articles", { articles: [] }],
    ["no articles field", { page: 1 }],
    ["articles not a list", { articles: story }],
    ["a record without body", { articles: [{ headline: "甲" }] }],
    ["a number as headline", { articles: [{ headline: 1, body: "" }] }],
    ["an unknown record field", { articles: [{ ...story, url: "https://example.org" }] }],
    ["an unknown page field", { ...{ articles: [story] }, edition: "A" }],
    ["page 0", { page: 0, articles: [story] }],
    ["page 1000", { page: 1000, articles: [story] }],
    ["page 1.5", { page: 1.5, articles: [story] }],
    ["page as a string", { page: "1", articles: [story] }],
    ["a section page's label", { page: "A04", articles: [story] }],
    ["a section label in lower case", { page: "a04", articles: [story] }],
    ["a section label of one digit", { page: "A4", articles: [story] }],
    ["section page 00", { page: "B00", articles: [story] }],
    ["date without dashes", { date: "20260605", articles: [story] }],
    ["slug in capitals", { publication: "ZGQXB", articles: [story] }],
    ["heading at the limit in astral characters", { articles: [{ headline: "𠀀".repeat(MAX_HEADING_LENGTH), body: "" }] }],
    ["heading over the limit", { articles: [{ headline: "甲".repeat(MAX_HEADING_LENGTH + 1), body: "" }] }],
    ["too many records", { articles: Array.from({ length: MAX_RECORDS + 1 }, () => story) }],
    ["not an object", [story]],
  ];

  it.each(examples)("agrees with the validator on %s", (_, json) => {
    expect(validatorTakes(JSON.stringify(json), "page-01.records.json")).toBe(validate(json));
  });

  it("agrees with the validator on each line of the NDJSON form", () => {
    for (const record of [story, { body: "" }, { headline: "甲" }, { ...story, url: "x" }, { headline: [], body: "" }]) {
      expect(validatorTakes(JSON.stringify(record), "page-01.records.ndjson"), JSON.stringify(record)).toBe(validateRecord(record));
    }
  });

  it("takes every records file of the dev sets", () => {
    for (const name of devsetRecords) expect(validate(JSON.parse(fs.readFileSync(path.join(DEVSET, name), "utf8"))), name).toBe(true);
  });
});

describe("composeRecords and parseRecordsPage", () => {
  it("takes a dash deck that opens the body of a record without a subtitle as its subheadline, and a commentator glued to it as the byline", () => {
    const records = [
      { kicker: null, headline: "乘势而上开新局", subheadline: null, body: `——论做好今年的防汛工作本报评论员\n${INDENT}汛期已至。各地要早作准备。` },
      // A dash line that ends a sentence is body text.
      { kicker: null, headline: "雨情", subheadline: null, body: `——各地雨情平稳。\n${INDENT}今天多云。` },
    ];
    const [deck, sentence] = parseRecordsPage(records, context).parsed.articles;
    expect([deck?.subheadline, deck?.source, deck?.paragraphs.map((p) => p.text)]).toEqual(["——论做好今年的防汛工作", "本报", ["汛期已至。各地要早作准备。"]]);
    expect([sentence?.subheadline, sentence?.paragraphs[0]?.text]).toEqual([null, "——各地雨情平稳。"]);
  });

  it("reads a byline under the paper's own name, which the context names, as the source, as a page does", () => {
    const records = [{ kicker: null, headline: "招聘会本周六举行", subheadline: null, body: `导报记者 王小明\n${INDENT}本周六，招聘会将在展览中心举行。` }];
    expect(parseRecordsPage(records, { ...context, publication: "海湾导报" }).parsed.articles.map((a) => a.source)).toEqual(["导报"]);
    expect(parseRecordsPage(records, context).parsed.articles.map((a) => a.source)).toEqual([null]);
  });

  it("joins the records back into the page text as the e-paper prints it: three heading lines, then the body", () => {
    const name = path.join("people-daily", "2020-01-23", "page-01");
    const records = parseRecordsFile(fs.readFileSync(path.join(DEVSET, `${name}.records.json`), "utf8"), name);
    expect(composeRecords(records.articles).text).toBe(fs.readFileSync(path.join(DEVSET, `${name}.txt`), "utf8"));
  });

  it("gives one article per record, in order, its headings as the source has them", () => {
    const records = [
      { kicker: "守护万家灯火", headline: "气象部门部署汛期服务", subheadline: null, body: `${INDENT}本报讯（记者 王小明）6月4日，局长陈振林出席会议。` },
      { kicker: null, headline: "雨后彩虹", subheadline: "——各地天气", body: `${INDENT}雨后的城市上空出现彩虹。张三摄` },
      // A line the page parser would take for a new article's headline stays in the body here.
      { kicker: null, headline: null, subheadline: null, body: `${INDENT}（上接第一版）会议要求抓好落实。\n各地行动\n${INDENT}各地迅速行动。` },
    ];
    const { text, parsed } = parseRecordsPage(records, context);

    expect(text).toBe(
      [
        "守护万家灯火\n气象部门部署汛期服务\n\n　　本报讯（记者 王小明）6月4日，局长陈振林出席会议。\n",
        "\n雨后彩虹\n——各地天气\n　　雨后的城市上空出现彩虹。张三摄\n",
        "\n\n\n　　（上接第一版）会议要求抓好落实。\n各地行动\n　　各地迅速行动。\n",
      ].join("\n"),
    );
    expect(parsed.articles.map((a) => [a.position, a.kicker, a.headline, a.subheadline])).toEqual([
      [1, "守护万家灯火", "气象部门部署汛期服务", null],
      [2, null, "雨后彩虹", "——各地天气"],
      [3, null, null, null],
    ]);
    const [first, second, third] = parsed.articles;
    expect(first).toMatchObject({ source: "本报讯", dateline: "6月4日", eventDate: "2026-06-04" });
    expect(first?.mentions.map((m) => [m.name, m.title])).toEqual([["陈振林", "局长"]]);
    expect(second?.captions.map((c) => [c.text, c.photographer])).toEqual([["雨后的城市上空出现彩虹。", "张三"]]);
    expect(third?.continuedFrom?.page).toBe(1);
    expect(third?.paragraphs.map((p) => p.text)).toEqual(["会议要求抓好落实。", "各地行动", "各地迅速行动。"]);
    expect(parsed.articles.map((a) => a.headlineSpan && text.slice(a.headlineSpan.start, a.headlineSpan.end))).toEqual([
      "气象部门部署汛期服务",
      "雨后彩虹",
      null,
    ]);
    expect(parsed.captions).toEqual([]);
  });
});
