import { describe, expect, it } from "vitest";
import { parsePageStructure } from "../../src/ingest/parse-page.ts";

// A column's commentary printed under a report, signed with a mark and a name. Every sentence is invented.

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
