import { describe, expect, it } from "vitest";
import { ownPaperInLabel } from "../../src/ingest/own-paper.ts";

describe("ownPaperInLabel", () => {
  it("gives the paper's name that opens a label, before 记者 or before its app's brand", () => {
    expect(ownPaperInLabel("江城晚报记者", "江城晚报")).toBe("江城晚报");
    expect(ownPaperInLabel("江城晚报/掌上江城记者", "江城晚报")).toBe("江城晚报");
  });

  it("gives a short form that the paper's name ends with, the longest that opens the label", () => {
    expect(ownPaperInLabel("导报记者", "海湾导报")).toBe("导报");
    expect(ownPaperInLabel("湾导报记者", "海湾导报")).toBe("湾导报");
  });

  it("gives the paper's abbreviation of three characters or more, its first and last characters kept and the others in order", () => {
    expect(ownPaperInLabel("东青报·东青网驻巴西记者", "东海青年报")).toBe("东青报");
    expect(ownPaperInLabel("东年报记者", "东海青年报")).toBe("东年报");
  });

  it("gives no abbreviation of two characters, nor one out of order or not closing with the name's last character", () => {
    expect(ownPaperInLabel("东报记者", "东海青年报")).toBeNull();
    expect(ownPaperInLabel("东年青报记者", "东海青年报")).toBeNull();
    expect(ownPaperInLabel("东海青记者", "东海青年报")).toBeNull();
  });

  it("gives the two-character form of the first characters of a long name's two opening words (江城都市报 → 江都)", () => {
    expect(ownPaperInLabel("江都记者", "江城都市报")).toBe("江都");
    expect(ownPaperInLabel("江都讯", "江城都市报")).toBe("江都");
    // Not for a name of four characters, whose second word is the paper's kind (江城晚报: no 江晚).
    expect(ownPaperInLabel("江晚记者", "江城晚报")).toBeNull();
    expect(ownPaperInLabel("江都", "江城都市报")).toBeNull();
  });

  it("gives the paper's name without its kind when three characters or more are left (江城财经日报 → 江城财经)", () => {
    expect(ownPaperInLabel("江城财经记者", "江城财经日报")).toBe("江城财经");
    expect(ownPaperInLabel("东海商务首席记者", "东海商务报")).toBe("东海商务");
    // A place of two characters left (江城 of 江城日报) is no brand; the stem alone is no label.
    expect(ownPaperInLabel("江城记者", "江城日报")).toBeNull();
    expect(ownPaperInLabel("江城财经", "江城财经日报")).toBeNull();
  });

  it("gives a two-character stem before a newsroom's qualifier and 记者 (江城都市报's 江城全媒体记者), and nothing else", () => {
    expect(ownPaperInLabel("江城全媒体记者", "江城都市报")).toBe("江城");
    expect(ownPaperInLabel("江城首席记者", "江城日报")).toBe("江城");
    expect(ownPaperInLabel("江城广电全媒体记者", "江城日报")).toBeNull();
    expect(ownPaperInLabel("江城记者", "江城都市报")).toBeNull();
  });

  it("compares a name kept in traditional characters in simplified ones, as labels are read", () => {
    expect(ownPaperInLabel("港岛日报记者", "港島日報")).toBe("港岛日报");
  });

  it("gives nothing for another paper's label, a label of one character's short form, or an unknown paper", () => {
    expect(ownPaperInLabel("新京报记者", "江城晚报")).toBeNull();
    expect(ownPaperInLabel("报记者", "江城晚报")).toBeNull();
    expect(ownPaperInLabel("江城晚报记者", null)).toBeNull();
    expect(ownPaperInLabel("江城晚报", "江城晚报")).toBeNull();
  });
});
