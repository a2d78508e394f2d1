import { describe, expect, it } from "vitest";
import { peopleIn } from "../support/mentions.ts";

const people = (text: string) => peopleIn(text);

describe("relations before a name", () => {
  it("reads a relation of work or home that is no kinship (徒弟, 同事, 邻居) as the title", () => {
    expect(people("他带出的徒弟邵明川如今已是班组骨干。")).toEqual([["邵明川", "徒弟"]]);
    expect(people("她的同事罗海燕说，大家都很感动。")).toEqual([["罗海燕", "同事"]]);
    expect(people("老人常和邻居宁秋生一起下棋。")).toEqual([["宁秋生", "邻居"]]);
    // A postfix title after the name leaves the relation the title; after 代表 (a verb there) it is the title.
    expect(people("他与同事罗志明教授合作完成研究。")).toEqual([["罗志明", "同事"]]);
    expect(people("代表罗志明教授发言。")).toEqual([["罗志明", "教授"]]);
  });

  it("keeps a kinship word, 父母 among them, as no title for every name of its list", () => {
    expect(people("他的父母邵德明、柴秀兰捧着喜报。")).toEqual([
      ["邵德明", null],
      ["柴秀兰", null],
    ]);
    expect(people("他的妻子柴秀兰在场边加油。")).toEqual([["柴秀兰", null]]);
    expect(people("他的父母很支持他。")).toEqual([]);
  });
});

describe("a name of one given character after a kinship word, bounded by jieba's words", () => {
  it("reads it when the given character is a word of the weather or of nature too", () => {
    expect(people("他的儿子林雨参军了。")).toEqual([["林雨", null]]);
  });

  it("reads none when the character after the surname is an unlikely given name", () => {
    expect(people("他的儿子杨边读书边打工。")).toEqual([]);
  });
});

describe("a surname that is a grammar word, after a role noun", () => {
  it("reads 和 (a Naxi surname) and 来 as surnames where a role noun stands right before them", () => {
    expect(people("纳西族同事和秀梅共同坐诊。")).toEqual([["和秀梅", "纳西族同事"]]);
    expect(people("老艺人和徒弟来欣悦同台演唱。")).toEqual([["来欣悦", "徒弟"]]);
  });

  it("reads none where the word after it is a common noun or a verb (医生和护士, 志愿者来帮忙)", () => {
    expect(people("医生和护士一起查房。")).toEqual([]);
    expect(people("志愿者来帮忙打扫。")).toEqual([]);
    expect(people("游客来自全国各地。")).toEqual([]);
  });
});

describe("a title before a name", () => {
  it("does not reach back into a word jieba ran on from the name before (扎西平措和…: 措和)", () => {
    expect(people("藏族医生扎西平措和纳西族同事罗秀梅共同坐诊。")).toEqual([
      ["扎西平措", "藏族医生"],
      ["罗秀梅", "纳西族同事"],
    ]);
  });
});

describe("a list whose items each print a place, a role and a name", () => {
  it("reads the place opening an item (宁溪街道, 江城三中) as the next title's, not as a name", () => {
    expect(people("获奖者有：南湖镇村医韩秀娣、宁溪街道快递员庞海军、江城三中退休教师倪秀凤。")).toEqual([
      ["韩秀娣", "南湖镇村医"],
      ["庞海军", "宁溪街道快递员"],
      ["倪秀凤", "江城三中退休教师"],
    ]);
  });

  it("still reads a list of bare names after a titled one", () => {
    expect(people("村医韩秀娣、庞海军、倪秀凤参加了培训。")).toEqual([
      ["韩秀娣", "村医"],
      ["庞海军", "村医"],
      ["倪秀凤", "村医"],
    ]);
  });
});

describe("a person's word of the dictionary after a science's name", () => {
  it("reads a historical person jieba knows as a name (地理学家徐霞客), and keeps a common word out after a situation word", () => {
    expect(people("地理学家徐霞客在游记中写到了这座古城。")).toEqual([["徐霞客", "地理学家"]]);
    expect(people("不少消费者黄金周出游。")).toEqual([]);
  });
});

describe("names grouped by a count of people after them", () => {
  it("gives names after 和 that a count closes (甲和乙、丙两位村民) no title; the title before is the first name's", () => {
    expect(people("退休教师王守义和赵秀英、钱长福两位村民一起学用手机。")).toEqual([
      ["王守义", "退休教师"],
      ["赵秀英", null],
      ["钱长福", null],
    ]);
    // With no count after the list, the names after 和 share the title as before.
    expect(people("退休教师王守义和赵秀英一起学用手机。")).toEqual([
      ["王守义", "退休教师"],
      ["赵秀英", "退休教师"],
    ]);
    // A title standing right before the list's first name with no 和 is shared by the whole list.
    expect(people("村民赵秀英、钱长福两位老人来到现场。")).toEqual([
      ["赵秀英", "村民"],
      ["钱长福", "村民"],
    ]);
  });

  it("reads a list of two names closed by a count of people (周浩然、吴晨三名同学) as names with no title", () => {
    expect(people("活动吸引了周浩然、吴晨三名同学。")).toEqual([
      ["周浩然", null],
      ["吴晨", null],
    ]);
    expect(people("活动吸引了书法、绘画两名爱好者。")).toEqual([]);
  });
});
