import { describe, expect, it } from "vitest";
import { peopleIn } from "../support/mentions.ts";

// Everyday words of two characters that jieba's dictionary tags as names though no surname opens
// them, read where a title would vouch for a name. Every sentence is invented.

describe("an everyday word that jieba tags as a name, beside a role noun", () => {
  it("reads no person of it after a role noun nor before a postfix title", () => {
    expect(peopleIn("改造老街，事关居民福祉。")).toEqual([]);
    expect(peopleIn("滑雪教练、26岁的秦立峰每天带学员上山。")).toEqual([["秦立峰", null]]);
  });

  it("still reads a foreign name of transliteration characters after a title", () => {
    expect(peopleIn("主教练布朗说，球队状态很好。")).toEqual([["布朗", "主教练"]]);
  });
});
