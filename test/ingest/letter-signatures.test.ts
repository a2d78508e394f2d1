import { describe, expect, it } from "vitest";
import { letterSignature, opensWithSalutation } from "../../src/ingest/letter-signatures.ts";
import { foldForMatching } from "../../src/ingest/normalise.ts";
import { parsePage } from "../../src/ingest/parse-page.ts";

const ctx = { issueDate: "2025-03-01", region: { city: "江城市", province: "江南省" } };

const signature = (printed: string) => {
  const f = foldForMatching(printed);
  return letterSignature(f, 0, f.length)?.name ?? null;
};
const salutation = (printed: string) => {
  const f = foldForMatching(printed);
  return opensWithSalutation(f, 0, f.length);
};

describe("letter signatures", () => {
  it("reads the name after the writer's unit and job, padded or not", () => {
    expect(signature("驻江城某部三连指导员 周明远")).toBe("周明远");
    expect(signature("江城市第二中学教师　王　丽")).toBe("王丽");
    // A sentence, or a unit with no name after it, is no signature.
    expect(signature("驻江城某部三连指导员 周明远。")).toBeNull();
    expect(signature("江城市第二中学 高一年级")).toBeNull();
  });

  it("knows a letter by its salutation", () => {
    expect(salutation("编辑同志：")).toBe(true);
    expect(salutation("尊敬的江城日报编辑：您好！")).toBe(true);
    expect(salutation("今年春节前，志愿者来到连队。")).toBe(false);
  });

  it("credits the signed name of a letter as its author and leaves the line out of the body", () => {
    const text = "一封感谢信\n  编辑同志：\n  志愿者给连队送来了棉鞋垫，战士们很感动。\n  驻江城某部三连指导员 周明远\n";
    const a = parsePage(text, ctx).articles[0]!;
    expect(a.credits.map((c) => [c.role, c.name])).toEqual([["AUTHOR", "周明远"]]);
    expect(a.paragraphs.map((p) => p.text).join("")).not.toContain("周明远");
  });

  it("reads no signature in an article that is no letter", () => {
    const text = "社区开展义诊活动\n  3月1日，江城市人民医院走进南湖社区开展义诊。\n  江城市人民医院院长 王明远\n";
    const a = parsePage(text, ctx).articles[0]!;
    expect(a.credits).toEqual([]);
  });
});
