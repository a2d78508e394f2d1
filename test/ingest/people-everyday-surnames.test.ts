import { describe, expect, it } from "vitest";
import { peopleIn } from "../support/mentions.ts";

// Names whose surname is an everyday word too (门, 贝), which the surname table leaves out, and
// which jieba reads apart from the given name. Every sentence is invented.

describe("a rare surname read apart from its given name, after an office, before the person speaks", () => {
  it("reads the name and its title", () => {
    expect(peopleIn("站长门建军介绍，客流明显回升。")).toEqual([["门建军", "站长"]]);
    expect(peopleIn("副经理贝宏伟说，产能还能提升。")).toEqual([["贝宏伟", "副经理"]]);
  });

  it("reads no name of a verb and the thing it acts on, nor of an adverb and a noun", () => {
    expect(peopleIn("队长带新兵说，要练好基本功。")).toEqual([]);
    expect(peopleIn("厂长抓生产表示，质量是根本。")).toEqual([]);
    expect(peopleIn("主任还重点介绍了做法。")).toEqual([]);
  });
});
