import { describe, expect, it } from "vitest";
import { peopleIn } from "../support/mentions.ts";

// Classes of names and non-names that dailies of more regions showed: where a name ends before a
// verb, names of the Hui, names that are words, names given by 叫 or held up as an example, and
// forms of address and caption words that are no part of a name. Every sentence is invented.

const people = (text: string) => peopleIn(text);

describe("where a name ends", () => {
  it("keeps a given name's second character that a follower word would take, when another follower word starts inside that one (胜出 / 出席)", () => {
    expect(people("东湖区副区长钱国胜出席活动。")).toEqual([["钱国胜", "东湖区副区长"]]);
    expect(people("东湖区副区长孙立胜出席活动。")).toEqual([["孙立胜", "东湖区副区长"]]);
    // A follower word alone after a name still ends it: 胜出 after a two-character name, 一同 before 出席.
    expect(people("参赛选手王明胜出。")).toEqual([["王明", "参赛选手"]]);
    expect(people("办公室主任李明一同出席。")).toEqual([["李明", "办公室主任"]]);
  });

  it("reads a given name closing with 之 after a title, before a word that ends a name for sure", () => {
    expect(people("市文化局局长周敬之表示，展览将持续一个月。")).toEqual([["周敬之", "市文化局局长"]]);
    // With no title, 之 is the grammar word after a name.
    expect(people("王明之所以留下，是因为家人。")).toEqual([]);
  });
});

describe("names of the Hui and names that are words", () => {
  it("reads a Hui surname that is also a verb after a title (副总经理买俊峰)", () => {
    expect(people("公司副总经理买俊峰表示，订单已排到年底。")).toEqual([["买俊峰", "公司副总经理"]]);
    // The verb stays a verb after a title when a word of it follows.
    expect(people("董事长买下了这片厂房。")).toEqual([]);
    expect(people("店主撒了一把盐。")).toEqual([]);
  });

  it("reads a place's name between an office and a reporting verb as the office holder's name, however common the place", () => {
    expect(people("区农业局局长黄山介绍，今年播种面积稳定。")).toEqual([["黄山", "区农业局局长"]]);
    // Not without the office, nor an adverb there.
    expect(people("他去米兰介绍产品。")).toEqual([]);
    expect(people("局长马上表示同意。")).toEqual([]);
  });
});

describe("names given by 叫 and names held up as an example", () => {
  it("reads the full name a person's 叫 gives, closing its clause, with no title", () => {
    expect(people("奶奶叫钱月娥，一辈子住在村里。")).toEqual([["钱月娥", null]]);
    // A thing's 叫 names no person.
    expect(people("这种鸟叫白头翁，很常见。")).toEqual([]);
  });

  it("reads a name before 这样的 and a noun of people as a person", () => {
    expect(people("要多留住欧阳志远这样的老手艺人。")).toEqual([["欧阳志远", null]]);
    expect(people("像秦玉林这样的好医生不多了。")).toEqual([["秦玉林", null]]);
    // Not before a noun of things, nor a place's name.
    expect(people("王明这样的做法，不对。")).toEqual([]);
    expect(people("像长江这样的河流还有很多。")).toEqual([]);
  });
});

describe("what is no part of a name", () => {
  it("leaves out a surname with Taiwan's forms of address (林阿嬷, 陈阿公)", () => {
    expect(people("九十岁的林阿嬷笑说，每天都去菜市场。")).toEqual([]);
    expect(people("邻居陈阿公说，天气转凉了。")).toEqual([]);
    expect(people("九十岁的林阿娇笑说，每天都去菜市场。")).toEqual([["林阿娇", null]]);
  });

  it("starts a dotted name after a caption's 图为, so its second mention is the same person", () => {
    expect(people("来自法国的游客玛丽·杜邦很开心。图为玛丽·杜邦在寄信。")).toEqual([["玛丽·杜邦", "游客"]]);
    expect(people("左为汉斯·穆勒。")).toEqual([["汉斯·穆勒", null]]);
  });
});
