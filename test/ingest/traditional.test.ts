import { describe, expect, it } from "vitest";
import { parsePage } from "../../src/ingest/parse-page.ts";
import { parseRecordsPage } from "../../src/ingest/parse-records.ts";
import { alignedIn } from "../../src/ingest/printed-forms.ts";
import { isTraditional, simplifiedText } from "../../src/ingest/traditional.ts";

const I = "\u3000\u3000";
/** An invented page of a Hong Kong daily in the e-paper form: two articles, a jump, a byline. */
const page = [
  "社區新聞",
  "舊區加裝電梯 今年再完成兩百台",
  `${I}本報訊（記者 陳思遠 通訊員 黃麗娟）3月17日上午，記者從房屋局獲悉，今年計劃為舊區加裝電梯兩百台。`,
  `${I}房屋局城市更新處處長吳建軍介紹，每台最高資助二十萬元。72歲的居民劉桂蘭說：“現在一按按鈕就到了。”`,
  `${I}（下轉第3版）`,
  "",
  "圖書館推出夜讀服務",
  `${I}本報記者 孫悅`,
  `${I}從本週起，圖書館每週五延長開放時間。館長何志明說，首個週五晚間就迎來讀者六百多人次。`,
  "",
].join("\n");

describe("a page printed in traditional characters", () => {
  const parsed = parsePage(page, { issueDate: "2026-03-18" });
  const [first, second] = parsed.articles;

  it("is told from simplified text by the share of its characters that have a simplified form", () => {
    expect(isTraditional(page)).toBe(true);
    expect(isTraditional("故宫里的乾隆御笔，记者王明说，是这次展览的亮点。")).toBe(false);
    expect(isTraditional("")).toBe(false);
  });

  it("is read as its simplified copy, character for character, so that every offset holds", () => {
    expect(simplifiedText("本報訊（記者 陳思遠）")).toBe("本报讯（记者 陈思远）");
    expect(simplifiedText(page)).toHaveLength(page.length);
  });

  it("gives its dispatch, credits, dateline and jump as a simplified page would, in the characters printed", () => {
    expect(parsed.articles).toHaveLength(2);
    expect(first).toMatchObject({ kicker: "社區新聞", headline: "舊區加裝電梯 今年再完成兩百台", source: "本報訊", dateline: "3月17日上午", eventDate: "2026-03-17" });
    expect(first!.credits.map((c) => [c.role, c.label, c.name])).toEqual([
      ["REPORTER", "記者", "陳思遠"],
      ["REPORTER", "通訊員", "黃麗娟"],
    ]);
    expect(first!.continuesOn).toMatchObject({ label: "3", text: "（下轉第3版）" });
    expect(second).toMatchObject({ headline: "圖書館推出夜讀服務", source: "本報" });
    expect(second!.credits.map((c) => [c.label, c.name])).toEqual([["本報記者", "孫悅"]]);
  });

  it("names its people with their titles as printed, each span on the printed name", () => {
    expect(first!.mentions.map((m) => [m.name, m.title])).toEqual([
      ["吳建軍", "房屋局城市更新處處長"],
      ["劉桂蘭", "居民"],
    ]);
    expect(second!.mentions.map((m) => [m.name, m.title])).toEqual([["何志明", "館長"]]);
    for (const m of [...first!.mentions, ...second!.mentions]) expect(page.slice(m.span.start, m.span.end)).toBe(m.name);
  });
});

describe("a byline under the paper's own name in traditional characters", () => {
  it("names the paper as printed, whichever characters the publication's name is kept in", () => {
    const text = ["圖書館推出夜讀服務", "港島日報記者 孫悅", `${I}從本週起，圖書館每週五延長開放時間。館長何志明說，這個週五晚間就迎來讀者六百多人次。`, ""].join("\n");
    for (const publication of ["港島日報", "港岛日报"]) {
      expect(parsePage(text, { issueDate: "2026-03-18", publication }).articles.map((a) => [a.source, a.credits.map((c) => c.name)])).toEqual([["港島日報", ["孫悅"]]]);
    }
  });
});

describe("alignedIn", () => {
  it("takes a value's characters where they stand in the printed text, skipping what it leaves out", () => {
    const dispatch = "本報南京3月11日訊";
    expect(alignedIn("本报讯", dispatch, 0, dispatch.length)).toBe("本報訊");
    expect(alignedIn("王  明".replace(/ /g, ""), "王  明", 0, 4)).toBe("王明");
  });

  it("gives the value back when the printed text does not spell it", () => {
    expect(alignedIn("本报讯", "新華社電", 0, 4)).toBe("本报讯");
  });
});

describe("article records printed in traditional characters", () => {
  it("are read as a page of them is: designation, credits and people as printed", () => {
    const body = `本報記者 孫悅\n${I}從本週起，圖書館每週五延長開放時間。館長何志明說，首個週五晚間就迎來讀者六百多人次。`;
    const { parsed } = parseRecordsPage([{ kicker: null, headline: "圖書館推出夜讀服務", subheadline: null, body }], { issueDate: "2026-03-18" });
    const [article] = parsed.articles;
    expect(article).toMatchObject({ headline: "圖書館推出夜讀服務", source: "本報" });
    expect(article!.credits.map((c) => [c.label, c.name])).toEqual([["本報記者", "孫悅"]]);
    expect(article!.mentions.map((m) => [m.name, m.title])).toEqual([["何志明", "館長"]]);
  });
});
