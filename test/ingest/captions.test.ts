import { describe, expect, it } from "vitest";
import { parseCaption } from "../../src/ingest/captions.ts";
import { foldForMatching } from "../../src/ingest/normalise.ts";

function caption(printed: string) {
  const f = foldForMatching(printed);
  const c = parseCaption(f, 0, f.length);
  if (c === null) return null;
  return {
    text: printed.slice(0, c.textEnd),
    photographers: c.photographers.map((p) => ({ name: p.name, label: p.label, printed: printed.slice(p.span.start, p.span.end) })),
  };
}

describe("photo captions", () => {
  it("reads the sample's caption 工作座谈会现场。梁琛摄", () => {
    expect(caption("工作座谈会现场。梁琛摄")).toEqual({
      text: "工作座谈会现场。",
      photographers: [{ name: "梁琛", label: null, printed: "梁琛" }],
    });
  });

  it("reads a padded name behind a label: 新华社记者 张 三摄", () => {
    expect(caption("10月10日，在河南省滑县，农机手驾驶收割机收获玉米。新华社记者 张 三摄")).toEqual({
      text: "10月10日，在河南省滑县，农机手驾驶收割机收获玉米。",
      photographers: [{ name: "张三", label: "新华社记者", printed: "张 三" }],
    });
  });

  it("reads a surname padded apart from its two-character given name behind a label: 本报记者 魏  志远 摄", () => {
    expect(caption("4月15日，工人在桥塔顶部作业。  本报记者 魏  志远 摄")).toEqual({
      text: "4月15日，工人在桥塔顶部作业。",
      photographers: [{ name: "魏志远", label: "本报记者", printed: "魏  志远" }],
    });
  });

  it("reads a credit in parentheses: （本报记者 黄海涛摄）", () => {
    expect(caption("市民在冰场体验冰上运动（本报记者 黄海涛摄）")).toEqual({
      text: "市民在冰场体验冰上运动",
      photographers: [{ name: "黄海涛", label: "本报记者", printed: "黄海涛" }],
    });
  });

  it("does not read body text or a block without a photographer as a caption", () => {
    expect(caption("这张照片是他父亲所摄。")).toBeNull();
    expect(caption("张新伟调研督导防汛抗旱和应急救援演练工作")).toBeNull();
    expect(caption("他展开图纸说。具体位置见下图")).toBeNull();
  });
});

describe("photo credits of city papers", () => {
  it("reads a labelled credit after the caption: 摄影：李华, 摄影/李华, and a slash before 摄: 记者 李华/摄", () => {
    const expected = { text: "龙舟队员奋力划桨。", photographers: [{ name: "李华", label: null, printed: "李华" }] };
    expect(caption("龙舟队员奋力划桨。摄影：李华")).toEqual(expected);
    expect(caption("龙舟队员奋力划桨。摄影/李华")).toEqual(expected);
    expect(caption("龙舟队员奋力划桨。记者 李华/摄")).toEqual({ ...expected, photographers: [{ name: "李华", label: "记者", printed: "李华" }] });
  });

  it("reads a short block ending in a note of where the photo comes from as a caption without a photographer", () => {
    expect(caption("新馆外观。（资料图片）")).toEqual({ text: "新馆外观。（资料图片）", photographers: [] });
    expect(caption("活动现场。（图片由主办方提供）")).toEqual({ text: "活动现场。（图片由主办方提供）", photographers: [] });
    // A sentence that only mentions photos is no caption.
    expect(caption("他拿出一张资料图片给记者看。")).toBeNull();
  });
});

describe("photo credits of the e-paper", () => {
  const credit = (printed: string) => {
    const f = foldForMatching(printed);
    const c = parseCaption(f, 0, f.length);
    return c === null ? null : { text: printed.slice(0, c.textEnd), photographers: c.photographers.map((p) => p.name), writers: c.writers.map((p) => p.name) };
  };

  it("reads a credit followed by a column tag: 王 芳摄（影像中国）", () => {
    expect(credit("王\u00a0\u00a0芳摄（影像中国）")).toEqual({ text: "", photographers: ["王芳"], writers: [] });
  });

  it("reads 摄影报道 and two padded photographers behind a label", () => {
    expect(credit("本报记者\u00a0\u00a0李\u00a0\u00a0华\u00a0\u00a0赵小红摄影报道")).toEqual({ text: "", photographers: ["李华", "赵小红"], writers: [] });
  });

  it("reads a picture-and-text credit on a line of its own: 宜　桐图　孙　昊文", () => {
    expect(credit("宜\u00a0\u00a0桐图\u00a0\u00a0孙\u00a0\u00a0昊文")).toEqual({ text: "", photographers: ["宜桐"], writers: ["孙昊"] });
  });

  it("reads 图/甲文/乙丙 closing a caption, the text names glued", () => {
    expect(credit("图为收割现场图/周大伟文/马小飞张宣")).toEqual({ text: "图为收割现场", photographers: ["周大伟"], writers: ["马小飞", "张宣"] });
  });

  it("reads an organisation's credit (供图, 新华社发, 图片来源：X, 图/视觉中国) as a caption's credit that names no one", () => {
    const none = { text: "工人在检查设备。", photographers: [], writers: [] };
    expect(credit("工人在检查设备。某市气象局供图")).toEqual(none);
    expect(credit("工人在检查设备。新华社发")).toEqual(none);
    expect(credit("工人在检查设备。图片来源：视觉中国")).toEqual(none);
    expect(credit("工人在检查设备。图/视觉中国")).toEqual(none);
    expect(credit("工人在检查设备。（新华社发）")).toEqual({ ...none, text: "工人在检查设备。（新华社发）" });
  });

  it("reads 图/ before people as their photo credit, and cuts the agency's 新华社发 before a parenthesised credit", () => {
    expect(credit("市民在滑冰。图/新京报记者 王飞")).toEqual({ text: "市民在滑冰。", photographers: ["王飞"], writers: [] });
    expect(credit("旅客有序出站。新华社发（王明摄）")).toEqual({ text: "旅客有序出站。", photographers: ["王明"], writers: [] });
  });

  it("reads people credited with 供图 or 图 set off by a space or a slash, or with a label, as the photographers", () => {
    expect(credit("孩子们体验航天模拟器。 通讯员 吴 涛 供图")).toEqual({ text: "孩子们体验航天模拟器。", photographers: ["吴涛"], writers: [] });
    expect(credit("夜幕下的城市流光溢彩。 丁一 图")).toEqual({ text: "夜幕下的城市流光溢彩。", photographers: ["丁一"], writers: [] });
    expect(credit("志愿者为老人理发。李明/图")).toEqual({ text: "志愿者为老人理发。", photographers: ["李明"], writers: [] });
    // Glued to 供图 without a label the credit may be an organisation's: it names no one.
    expect(credit("工人在检查设备。受访者供图")).toEqual({ text: "工人在检查设备。", photographers: [], writers: [] });
  });

  it("reads a labelled credit in parentheses, which need no full stop before them: （摄影：李华）, （图/李华）", () => {
    expect(credit("龙舟队员奋力划桨（摄影：李华）")).toEqual({ text: "龙舟队员奋力划桨", photographers: ["李华"], writers: [] });
    expect(credit("龙舟队员奋力划桨。（图/李华）")).toEqual({ text: "龙舟队员奋力划桨。", photographers: ["李华"], writers: [] });
  });

  it("leaves the mark printed before a credit (◎, ■) out of the caption's text", () => {
    expect(credit("龙舟队员奋力划桨。◎李华 摄")).toEqual({ text: "龙舟队员奋力划桨。", photographers: ["李华"], writers: [] });
    expect(credit("龙舟队员奋力划桨。■本报记者 李华 摄")).toEqual({ text: "龙舟队员奋力划桨。", photographers: ["李华"], writers: [] });
  });

  it("reads an organisation's 供图 set off by a space, and a photo note without a full stop before it, as crediting no one", () => {
    expect(credit("龙舟队员奋力划桨。 市体育局 供图")).toEqual({ text: "龙舟队员奋力划桨。", photographers: [], writers: [] });
    expect(credit("龙舟比赛现场（资料图）")).toEqual({ text: "龙舟比赛现场（资料图）", photographers: [], writers: [] });
  });

  it("reads a credit ending in 摄影: 记者 郭丽 摄影", () => {
    expect(credit("女职工在运动会上拔河。 记者 郭丽 摄影")).toEqual({ text: "女职工在运动会上拔河。", photographers: ["郭丽"], writers: [] });
  });

  it("reads no caption in prose that mentions a picture (他说：这是一幅好图，要画好蓝图)", () => {
    expect(credit("他说这是一幅好图：我们要画好蓝图，他表示，要坚持到底，不能放弃，总之要做好工作")).toBeNull();
  });
});

describe("a byline whose writer took the photos", () => {
  it("reads no caption from a label, names and 文/摄, with or without a lead mark", () => {
    expect(caption("本报记者 苏 敏 文/摄")).toBeNull();
    expect(caption("■本报记者 苏敏 文/摄")).toBeNull();
    // Nor in the parentheses of a closing credit.
    expect(caption("（本报记者 苏 敏 文/摄）")).toBeNull();
    // A caption credited in parentheses still is one.
    expect(caption("孩子们在操场上跳绳。（本报记者 苏敏摄）")?.photographers.map((p) => p.name)).toEqual(["苏敏"]);
  });

  it("still reads a caption whose credit has a slash before 摄", () => {
    expect(caption("孩子们在操场上跳绳。记者 苏敏/摄")?.photographers.map((p) => p.name)).toEqual(["苏敏"]);
  });
});

describe("a photo credit line with its label before the names", () => {
  it("reads 特约摄影 X and 摄影：X on a line of their own as a credit with no caption text", () => {
    const read = (printed: string) => {
      const f = foldForMatching(printed);
      const c = parseCaption(f, 0, f.length);
      return c === null ? null : { textEnd: c.textEnd, photographers: c.photographers.map((p) => p.name) };
    };
    expect(read("特约摄影 孙大海")).toEqual({ textEnd: 0, photographers: ["孙大海"] });
    expect(read("摄影：周 红")).toEqual({ textEnd: 0, photographers: ["周红"] });
    // The word opening a line of prose is no label.
    expect(read("摄影爱好者")).toBeNull();
    expect(read("摄影 记者在现场")).toBeNull();
  });
});
