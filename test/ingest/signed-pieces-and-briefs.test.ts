import { describe, expect, it } from "vitest";
import { parsePageStructure } from "../../src/ingest/parse-page.ts";

// A column's commentary signed with a mark and a name, and a round-up of briefs that each close with a credit, printed under a report. Every sentence is invented.

const report = "江城新区首批企业开工\n本报讯（记者 孙小明）5月3日，江城新区首批企业开工。\n\n市民周大海说，新区建得很快。\n\n";

describe("a commentary under a report that closes with a marked signature", () => {
  it("is a piece of its own: the column label is its kicker and the signature its author", () => {
    const text = `${report}江城漫谈\n让新区留住人才\n新区建起来了，还得留住人。\n\n住房、教育都要跟上。\n\n■ 李 红\n`;
    const page = parsePageStructure(text, { issueDate: "2024-05-04" });
    expect(page.articles.map((a) => [a.kicker, a.headline, a.credits.map((c) => `${c.role}:${c.name}`)])).toEqual([
      [null, "江城新区首批企业开工", ["REPORTER:孙小明"]],
      ["江城漫谈", "让新区留住人才", ["AUTHOR:李红"]],
    ]);
  });

  it("leaves a box with no signature inside the report", () => {
    const text = `${report}相关链接\n新区有多大\n新区规划面积30平方公里。\n`;
    const page = parsePageStructure(text, { issueDate: "2024-05-04" });
    expect(page.articles.map((a) => a.headline)).toEqual(["江城新区首批企业开工"]);
  });
});

describe("a round-up of briefs that each close with a credit", () => {
  it("keeps the next brief opening with the same bullet in the round-up", () => {
    const text = `${report}城市快讯\n\n■ 5月3日，江城地铁2号线试运行。（记者 周 红）\n\n■ 日前，江城图书馆新馆开放。（通讯员 李 艳）\n`;
    const page = parsePageStructure(text, { issueDate: "2024-05-04" });
    expect(page.articles.map((a) => [a.headline, a.credits.map((c) => c.name), a.paragraphs.length])).toEqual([
      ["江城新区首批企业开工", ["孙小明"], 2],
      ["城市快讯", ["周红", "李艳"], 2],
    ]);
  });

  it("does not join a bulleted item to a report whose text opened without the bullet", () => {
    const text = "江城地铁2号线试运行\n\n5月3日，江城地铁2号线试运行。（记者 周 红）\n\n■ 日前，江城图书馆新馆开放。（通讯员 李 艳）\n";
    const page = parsePageStructure(text, { issueDate: "2024-05-04" });
    expect(page.articles.map((a) => [a.headline, a.credits.map((c) => c.name)])).toEqual([
      ["江城地铁2号线试运行", ["周红"]],
      [null, ["李艳"]],
    ]);
  });
});
