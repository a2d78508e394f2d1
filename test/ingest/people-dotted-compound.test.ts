import { describe, expect, it } from "vitest";
import { extractMentions } from "../../src/ingest/people/mentions.ts";

/** The people of a snippet standing alone as one paragraph, as [name, title]. */
const people = (text: string): Array<[string, string | null]> =>
  extractMentions({
    text,
    kicker: null,
    headline: null,
    subheadline: null,
    paragraphs: [{ text, span: { start: 0, end: text.length } }],
    captions: [],
    creditNames: [],
  }).map((m) => [m.name, m.title]);

describe("extractMentions on Mongolian dotted names and names cut before a verb", () => {
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
    // A verb that takes no verb after it stays in the name's reach.
    expect(people("经理欧阳明华做了总结。")).toEqual([["欧阳明华", "经理"]]);
  });

  it("keeps the name's last character before a word jieba made of it and a verb marked by 了 (某春种了)", () => {
    expect(people("合作社理事长吴凤春种了二十年地。")).toEqual([["吴凤春", "合作社理事长"]]);
    expect(people("村民王立春种了一辈子地。")).toEqual([["王立春", "村民"]]);
  });
});
