import { describe, expect, it } from "vitest";
import { peopleIn } from "../support/mentions.ts";

const people = (text: string) => peopleIn(text);

describe("extractMentions on Mongolian dotted names, names cut before a verb, and names jieba reads into words", () => {
  it("reads a dotted name of Mongolian elements after its title, not into it, and gives its title to the names listed after it", () => {
    expect(people("，盟委副书记巴特尔·其木格、刘文涛出席仪式。")).toEqual([
      ["巴特尔·其木格", "盟委副书记"],
      ["刘文涛", "盟委副书记"],
    ]);
    expect(people("牧民苏和·那顺说，今年草场很好。")).toEqual([["苏和·那顺", "牧民"]]);
    // Not a name: the part after the dot holds no Mongolian element.
    expect(people("他们来到乌兰·广场散步。")).toEqual([]);
  });

  it("ends a compound surname's name of three before a verb that takes another verb (欧阳某学做)", () => {
    expect(people("他跟着母亲欧阳芳学做裁缝。")).toEqual([["欧阳芳", null]]);
    expect(people("店员上官荣来看过几次。")).toEqual([["上官荣", "店员"]]);
    // jieba's new word may swallow the second verb too (良学修/x).
    expect(people("他跟着父亲尉迟良学修钟表。")).toEqual([["尉迟良", null]]);
    // A verb that takes no verb after it stays in the name's reach.
    expect(people("经理欧阳明华做了总结。")).toEqual([["欧阳明华", "经理"]]);
  });

  it("keeps the name's last character before a word jieba made of it and a verb marked by 了 (某春种了)", () => {
    expect(people("合作社理事长吴凤春种了二十年地。")).toEqual([["吴凤春", "合作社理事长"]]);
    expect(people("村民王立春种了一辈子地。")).toEqual([["王立春", "村民"]]);
  });

  it("reads a unit's head after the unit whose last character it repeats (管理处处长, 财务科科长), which jieba reads as a reduplicated word", () => {
    expect(people("市水利局工程管理处处长龙海波介绍，工程已完工。")).toEqual([["龙海波", "市水利局工程管理处处长"]]);
    expect(people("市财政局预算科科长张明远说，今年预算充足。")).toEqual([["张明远", "市财政局预算科科长"]]);
    // A reduplicated adverb before a verb is no title.
    expect(people("他们处处长见识。")).toEqual([]);
  });

  it("reads 何 after a title as a surname whatever word jieba makes of the given name (局长何/r 立新/d), not a question word", () => {
    expect(people("县教育局局长何立新介绍，全县学校已完成改造。")).toEqual([["何立新", "县教育局局长"]]);
    expect(people("局长何时到场还不清楚。")).toEqual([]);
    expect(people("局长何以如此？")).toEqual([]);
  });

  it("takes the words someone said, quoted after a name (X的一句话), as the cue of a person", () => {
    expect(people("他常想起祖父黄长庚的一句话。")).toEqual([["黄长庚", null]]);
    expect(people("他记住了老师的一句话。")).toEqual([]);
    expect(people("他想起了童年时的一句话。")).toEqual([]);
  });

  it("takes the stage's famous players (名伶, 名角) as roles", () => {
    expect(people("京剧名角孙玉楼登台献艺。")).toEqual([["孙玉楼", "京剧名角"]]);
    expect(people("这位名伶的唱腔动人。")).toEqual([]);
  });

  it("reads no name of a surname's word closed by a word of place or time after a role (博士毕业/n 后/f)", () => {
    expect(people("2019年硕士毕业后，他回到家乡。")).toEqual([]);
    expect(people("村民武士雄说，今年好。")).toEqual([["武士雄", "村民"]]);
  });
});

describe("a dotted name's last part before a two-character adverb", () => {
  it("ends the name before an adverb jieba reads inside the last part (泰勒格外显眼: 格外/d)", () => {
    expect(people("来自英国的足球教练马丁·泰勒格外显眼。")).toEqual([["马丁·泰勒", "足球教练"]]);
    expect(people("球员阿卜杜·拉合曼非常开心。")).toEqual([["阿卜杜·拉合曼", "球员"]]);
    // Without an adverb the whole last part stays the name.
    expect(people("维吾尔族大爷吐尔逊·买买提和邻居聊天。")).toEqual([["吐尔逊·买买提", "维吾尔族大爷"]]);
  });
});
