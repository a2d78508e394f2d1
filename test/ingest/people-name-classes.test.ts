import { describe, expect, it } from "vitest";
import { peopleIn } from "../support/mentions.ts";
import { parseCreditList } from "../../src/ingest/credit-names.ts";
import { foldForMatching } from "../../src/ingest/normalise.ts";

// Names, titles and non-mentions that papers of autonomous areas and of business and city news print:
// names of peoples without a surname, role nouns, festivals and firms named after a person. Every sentence is invented.

const people = (text: string, city: string | null = null) => peopleIn(text, { region: { city, province: null } });

describe("a paper of a people's autonomous area", () => {
  it("reads that people's names on a page that does not name the people (a Dai prefecture's paper)", () => {
    const text = "会上，县长岩帕温、副县长玉罕叫先后发言。";
    expect(people(text, "某某傣族自治州")).toEqual([
      ["岩帕温", "县长"],
      ["玉罕叫", "副县长"],
    ]);
  });

  it("does not read them on another paper's page that does not speak of the people", () => {
    expect(people("会上，副县长玉罕叫先后发言。", "江城市")).not.toContainEqual(["玉罕叫", "副县长"]);
  });
});

describe("Thai and Lao names joined by ·", () => {
  it("reads syllables of the standard table's Thai names inside a dotted name", () => {
    expect(people("来自曼谷的陶艺家颂猜·汶侬在这里住了半年。")).toEqual([["颂猜·汶侬", "陶艺家"]]);
  });

  it("reads no name from a dot between everyday characters", () => {
    expect(people("他猜·测这件事的结果。")).toEqual([]);
  });
});

describe("role nouns of business and city news", () => {
  it("reads 高管, 美术师, 老乡 and 县民 as titles", () => {
    expect(people("公司高管孙大海说，订单排到了年底。")).toEqual([["孙大海", "公司高管"]]);
    expect(people("国家一级美术师司马青云说，画展很成功。")).toEqual([["司马青云", "国家一级美术师"]]);
    expect(people("一起进城的老乡向大河、田小川也找到了工作。")).toEqual([
      ["向大河", "老乡"],
      ["田小川", "老乡"],
    ]);
    expect(people("金门县民黄阿秀每周都来。")).toEqual([["黄阿秀", "金门县民"]]);
  });

  it("reads no name from 高管 itself when no name follows it", () => {
    expect(people("一位企业高管告诉记者，订单排到了年底。")).toEqual([]);
  });
});

describe("a padded three-character name after a credit label", () => {
  const names = (printed: string) => {
    const f = foldForMatching(printed);
    return parseCreditList(f, 0, f.length, { gluedUnlabelled: true })?.map((c) => `${c.label}:${c.name}`) ?? null;
  };

  it("takes a name with no Chinese surname when the label vouches for it (记者 玉 罕 香)", () => {
    expect(names("本报通讯员 批 然 记者 玉 罕 香")).toEqual(["本报通讯员:批然", "记者:玉罕香"]);
  });

  it("takes no such run without a label, nor a run of grammar words", () => {
    expect(names("玉 罕 香")).toBeNull();
    expect(names("记者 的 了 吗")).toBeNull();
  });
});

describe("Amdo Tibetan name syllables", () => {
  it("reads names of two syllables of Amdo (端智, 秋吉, 完德, 当周) after a title", () => {
    expect(people("县医院主任医师端智旺措在会上发言。")).toEqual([["端智旺措", "县医院主任医师"]]);
    expect(people("学校校长秋吉才让出席仪式。")).toEqual([["秋吉才让", "学校校长"]]);
  });

  it("reads no name from a syllable alone before a word", () => {
    expect(people("会场秋吉祥如意的横幅。")).toEqual([]);
  });
});

describe("a surname that is an organ's character, before a given name a place shares", () => {
  it("reads 区 with a given name jieba tags as a place after a profession (教授区永康)", () => {
    expect(people("大学讲座教授区永康的团队率先入驻。")).toEqual([["区永康", "大学讲座教授"]]);
  });

  it("reads no name from 区 before a place that is no given name", () => {
    expect(people("副局长区北京来的客人。")).toEqual([]);
  });
});

describe("a festival the dictionary lacks", () => {
  it("reads no name from a new word ending in 节 (a people's new year)", () => {
    expect(people("每年汤帕节，寨子里都要摆长街宴。")).toEqual([]);
  });

  it("still reads a new word of a surname and a given name as a name", () => {
    expect(people("每年汤帕杰都来寨子里摆长街宴。")).toEqual([["汤帕杰", null]]);
  });
});

describe("a name that opens a firm's registered name", () => {
  it("is no mention: the person's first mention is the next one, with its title", () => {
    expect(people("昨天，孙大海农业科技股份有限公司发布新品种。孙大海院士的心愿正在实现。")).toEqual([["孙大海", "院士"]]);
  });

  it("leaves a mention whose clause goes on with a verb before a firm's word", () => {
    expect(people("董事长孙大海在有限公司的年会上说，今年盈利。")).toEqual([["孙大海", "董事长"]]);
  });
});

describe("a place between a district and a unit under it", () => {
  it("does not list a name read between a county or district and 街道, 社区, 镇, 乡 or 村 (东山区李哥庄街道)", () => {
    expect(peopleIn("在东山区李哥庄街道，茶农陈明宇把茶园搬进了直播间。")).toEqual([["陈明宇", "茶农"]]);
    // A person after a unit of places is still listed, and 镇 opening a word (镇定) is no unit.
    expect(peopleIn("市长王建国镇定地说。")).toEqual([["王建国", "市长"]]);
  });
});

describe("a given name ending in 和 after a role noun", () => {
  it("keeps 和 in the name where no second noun can follow it as a conjunction (艺人周正和的, 周正和说)", () => {
    expect(peopleIn("剪纸艺人周正和的工作室今年很忙。")).toEqual([["周正和", "剪纸艺人"]]);
    expect(peopleIn("剪纸艺人周正和说，订单多了。")).toEqual([["周正和", "剪纸艺人"]]);
    // Before a second name 和 joins the two.
    expect(peopleIn("村民周正和李明一起来了。")).toEqual([
      ["周正", "村民"],
      ["李明", "村民"],
    ]);
  });
});
