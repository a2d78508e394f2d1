import { describe, expect, it } from "vitest";
import { extractMentions, type MentionInput } from "../../src/ingest/people.ts";
import { surnameLengthAt } from "../../src/ingest/surnames.ts";

// Classes of names that pages of papers the dev sets do not hold showed: rarer surnames, role
// nouns of whole trades and ranks. Every sentence is invented.

function people(text: string): Array<[string, string | null]> {
  const input: MentionInput = {
    text,
    kicker: null,
    headline: null,
    subheadline: null,
    paragraphs: [{ text, span: { start: 0, end: text.length } }],
    captions: [],
    creditNames: [],
  };
  return extractMentions(input).map((m) => [m.name, m.title]);
}

describe("rarer surnames of the population lists", () => {
  it("holds single and compound ones that open few everyday words (庹, 嵇, 矫, 闾丘, 鲜于)", () => {
    for (const name of ["庹明", "嵇文", "矫东", "郗红", "仉磊"]) expect(surnameLengthAt(name, 0)).toBe(1);
    for (const name of ["闾丘志", "鲜于雪", "左丘明", "宗政华"]) expect(surnameLengthAt(name, 0)).toBe(2);
  });

  it("leaves out those that are words before names (祖国, 第五, 暨, 微生物)", () => {
    for (const text of ["祖国", "富裕", "暨大会", "毋须", "帖子"]) expect(surnameLengthAt(text, 0)).toBe(0);
    for (const text of ["第五名", "东门外", "微生物"]) expect(surnameLengthAt(text, 0)).not.toBe(2);
  });

  it("reads names with them after a title", () => {
    expect(people("社区网格员庹晓燕介绍，居民意见已经统一。")).toEqual([["庹晓燕", "社区网格员"]]);
    expect(people("市住建局副局长阚志远表示，明年继续推进。")).toEqual([["阚志远", "市住建局副局长"]]);
    expect(people("常来吃饭的老人闾丘明远说，饭菜清淡。")).toEqual([["闾丘明远", "老人"]]);
  });

  it("reads no everyday word after a title as a name of them (慕名而来, 汲取, 赫然)", () => {
    for (const text of ["不少游客慕名而来。", "党员汲取了经验。", "村民赫然发现了问题。", "市民旷日持久地等待。"]) {
      expect(people(text)).toEqual([]);
    }
  });

  it("reads a word of the dictionary that opens with one of the rarest surnames as the word (学生旷课, 游客昌盛, 患者矫形器)", () => {
    for (const text of ["学生旷课的现象减少了。", "他说，游客昌盛，", "他说，村民励志了。", "医生为患者矫形器做了调整。"]) {
      expect(people(text)).toEqual([]);
    }
    expect(people("学生旷明说，图书馆很安静。")).toEqual([["旷明", "学生"]]);
  });
});
