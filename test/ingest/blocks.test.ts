import { describe, expect, it } from "vitest";
import { splitBlocks } from "../../src/ingest/blocks.ts";

describe("splitBlocks", () => {
  it("reads # headings of the OCR form and strips the marks from the block", () => {
    const text = "\n\n共抓发展机遇\n\n# 太原忻州两市\n\n## 韦韬与汾酒集团\n";
    const { form, blocks } = splitBlocks(text);
    expect(form).toBe("ocr");
    expect(blocks.map((b) => [text.slice(b.start, b.end), b.hashes])).toEqual([
      ["共抓发展机遇", 0],
      ["太原忻州两市", 1],
      ["韦韬与汾酒集团", 2],
    ]);
  });

  it("recognises the e-paper form by its ideographic indentation", () => {
    const text = "\n冬季供暖运行平稳\n\n\u3000\u3000本报讯\u3000正文。\n";
    const { form, blocks, blankLines } = splitBlocks(text);
    expect(form).toBe("epaper");
    expect(blocks.map((b) => [text.slice(b.start, b.end), b.indented, b.line])).toEqual([
      ["冬季供暖运行平稳", false, 1],
      ["本报讯\u3000正文。", true, 3],
    ]);
    expect(blankLines).toEqual([true, false, true, false, true]);
  });

  it("says when every line is indented alike, headings too, so that indentation tells nothing", () => {
    const text = "\u3000\u3000冬季供暖运行平稳\n\u3000\u3000本报讯\u3000正文。\n\n\u3000\u3000春运开始\n\u3000\u3000本报讯\u3000正文。\n";
    expect(splitBlocks(text)).toMatchObject({ form: "epaper", uniformIndent: true });
    expect(splitBlocks("\n冬季供暖运行平稳\n\n\u3000\u3000本报讯\u3000正文。\n\u3000\u3000正文。\n\u3000\u3000正文。\n").uniformIndent).toBe(false);
  });

  it("keeps offsets into the given string across CRLF line ends and a BOM", () => {
    const text = "\ufeff标题\r\n\r\n\u3000\u3000正文。\r\n";
    const { blocks } = splitBlocks(text);
    expect(blocks.map((b) => text.slice(b.start, b.end))).toEqual(["标题", "正文。"]);
  });

  it("does not take a # that is not followed by a heading for a heading mark", () => {
    const { blocks } = splitBlocks("#1号线\n");
    expect(blocks[0]!.hashes).toBe(0);
  });
});

describe("e-paper indentation with other spaces", () => {
  it("recognises the e-paper form when the paragraphs are indented with no-break spaces", () => {
    const text = "标题\n本报讯 正文。\n\u00a0\u00a0\u00a0\u00a0第二段。\n\u00a0\u00a0\u00a0\u00a0第三段。\n\u00a0\u00a0\u00a0\u00a0第四段。\n";
    expect(splitBlocks(text).form).toBe("epaper");
  });

  it("recognises it with ASCII-space indentation", () => {
    const text = "标题\n正文。\n  第二段。\n  第三段。\n  第四段。\n";
    expect(splitBlocks(text).form).toBe("epaper");
  });

  it("keeps a page with one stray indented line in the OCR form", () => {
    const text = "标题\n\n正文第一段。\n\n  正文第二段。\n\n正文第三段。\n\n正文第四段。\n\n正文第五段。\n";
    expect(splitBlocks(text).form).toBe("ocr");
  });

  it("gives the width a wrapped text is cut at, and none for a page whose lines are not cut", () => {
    const wrapped =
      "口袋公园今年建成50个\n\n本报讯 记者昨天从市园林绿化局获悉，今年\n本市将建成口袋公园50个，优先布局在老旧\n小区周边，方便居民就近休闲。\n\n市园林绿化局相关负责人表示，将充分听取\n居民意见，让公园建在群众家门口，并同步\n完善照明、座椅等设施，让居民休闲更加方\n便。\n";
    expect(splitBlocks(wrapped).wrapWidth).toBe(19);
    expect(splitBlocks("# 标题\n\n本报讯 记者昨天获悉。\n\n据介绍，公园将布局在小区周边。\n").wrapWidth).toBe(0);
    const narrow = "# 标题\n\n市园林绿化局相关负责\n人表示，将充分听取居\n民意见，让公园建在群\n众家门口。\n\n据介绍，公园将布局在\n小区周边，方便居民就\n近休闲。\n";
    expect(splitBlocks(narrow).wrapWidth).toBe(10);
  });

  it("gives no width where headlines of about one length stand over bylines and paragraphs stand one to a line", () => {
    const text =
      "江城新区首批企业开工 投资百亿\n财经记者 孙小明 财经编辑 周红\n\n5月3日，江城新区首批12家企业集中开工，总投资超过100亿元，涉及新能源、新材料等产业。\n\n" +
      "江城港集装箱吞吐量创新高 同比增长\n财经记者 李 艳 江城报道\n\n今年前4个月，江城港累计完成集装箱吞吐量120万标箱，同比增长15%，创历史同期新高。\n\n" +
      "财经观察\n“以旧换新”补贴要落到实处\n家电以旧换新补贴政策落地以来，一些消费者反映，个别商家先提价再打折，补贴被吃掉了一部分。\n\n" +
      "（上接A01版）\n江城出台稳就业新政 扶持青年\n江城市人社局负责人介绍，今年将新增见习岗位5000个，重点面向高校毕业生和失业青年。\n";
    expect(splitBlocks(text)).toMatchObject({ form: "ocr", wrapWidth: 0 });
  });

  it("keeps a page wrapped at a narrow column, with empty lines between its paragraphs, in the OCR form", () => {
    const text =
      "城西新建两所学校\n\n本报讯 记者昨天从市\n教育局获悉，城西新\n区两所新建学校将于\n9月开学。\n\n据介绍，两所学校共\n设班级60个，可提供\n学位2700个。\n\n口袋公园今年建成50个\n\n本报讯 今年本市将建\n成口袋公园50个。\n";
    expect(splitBlocks(text)).toMatchObject({ form: "ocr", wrapWidth: 9 });
  });

  it("counts a paragraph's first line cut by the wrap in the OCR form, where paragraphs of two lines are the rule", () => {
    const text = "# 城西新建两所学校\n\n本报讯 记者昨天从市\n教育局获悉。\n\n两所学校共设班级60\n个。\n\n可提供学位2700个,\n覆盖周边小区。\n\n学校明年秋季起招收\n新生。\n";
    expect(splitBlocks(text)).toMatchObject({ form: "ocr", wrapWidth: 9 });
  });

  it("reads a plain page whose paragraphs run line by line and whose empty lines stand between articles in the e-paper form", () => {
    const text = "口袋公园今年建成50个\n本报讯 记者昨天获悉，今年将建成口袋公园。\n据介绍，公园将布局在小区周边。\n\n社区食堂覆盖所有街道\n本报记者 李娜\n老人们正在用餐。\n“饭菜可口。”张大爷说。\n";
    expect(splitBlocks(text).form).toBe("epaper");
  });

  it("keeps a text wrapped at a fixed width, with empty lines between its paragraphs, in the OCR form", () => {
    const text =
      "口袋公园今年建成50个\n\n本报讯 记者昨天从市园林绿化局获悉，今年\n本市将建成口袋公园50个，优先布局在老旧\n小区周边，方便居民就近休闲。\n\n市园林绿化局相关负责人表示，将充分听取\n居民意见，让公园建在群众家门口，并同步\n完善照明、座椅等设施。\n";
    expect(splitBlocks(text).form).toBe("ocr");
  });

  it("reads a plain page with long headlines over subheadlines in the e-paper form: a headline is no wrapped line", () => {
    const article = (headline: string, deck: string) =>
      `${headline}\n${deck}\n本报讯 记者昨天获悉，工程进展顺利。\n今年将全部完工。\n据了解，总投资超过十亿元。\n居民纷纷点赞。\n\n`;
    const text =
      article("全市今年将新增城市绿道共计两百公里", "串联山水公园，打造十五分钟亲绿圈") +
      article("老城区十条背街小巷全部完成改造提升", "改造后的街巷路面平整、灯光明亮") +
      "泉水节下月开幕\n泉水节将于下月在趵突泉公园开幕。\n";
    expect(splitBlocks(text).form).toBe("epaper");
  });
});
