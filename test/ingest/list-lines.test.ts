import { describe, expect, it } from "vitest";
import { structureOf } from "../support/structure.ts";

const read = (text: string) => structureOf(text, "2026-05-20");

describe("tables and field lists in the OCR form", () => {
  it("keeps a table's rows in the body above the next headline, never as its kicker", () => {
    const text = [
      "# 前4个月工业产值增长8%",
      "",
      "本报讯（记者 王小明）5月19日，记者从市统计局获悉，前4个月全市工业产值增长8%。",
      "",
      "行业　产值（亿元）　增速",
      "电子　120.5　9.1%",
      "机械　86.2　6.4%",
      "",
      "# 新华社电",
      "",
      "## 全国夏粮收购进度过半",
      "",
      "新华社北京5月19日电（记者 李红）记者19日获悉，全国夏粮收购进度过半。",
    ].join("\n");
    const a = read(text);
    expect(a.map((x) => [x.kicker, x.headline, x.subheadline])).toEqual([
      [null, "前4个月工业产值增长8%", null],
      ["新华社电", "全国夏粮收购进度过半", null],
    ]);
    expect(a[1]!.reporters).toEqual(["李红"]);
  });

  it("reads labelled lines under a headline as its body, not as a subheadline", () => {
    const text = ["# 城区天气", "", "今天：晴转多云，南风2级，18℃～27℃", "明天：多云，南风3级，19℃～28℃", "", "请注意防晒。"].join("\n");
    const [a] = read(text);
    expect([a!.headline, a!.subheadline, a!.firstBodyChars]).toEqual(["城区天气", null, "今天：晴转多云，南风2级，18℃～27℃"]);
  });

  it("reads labelled lines apart by the empty lines of the OCR form as a list too, and a dispatch with a colon as no field", () => {
    const text = ["# 停水通知", "", "停水时间：6月2日9时至18时", "", "停水范围：城西大道沿线", "", "请用户提前储水。"].join("\n");
    const [a] = read(text);
    expect([a!.headline, a!.subheadline, a!.firstBodyChars]).toEqual(["停水通知", null, "停水时间：6月2日9时至18时停水范围："]);
    const withDispatch = ["# 夏收过半", "", "麦收：进度过半", "", "本报讯：6月1日，全市夏收进度过半。"].join("\n");
    const [b] = read(withDispatch);
    expect([b!.headline, b!.subheadline, b!.source, b!.dateline]).toEqual(["夏收过半", "麦收：进度过半", "本报讯", "6月1日"]);
  });

  it("still reads a one-line kicker with a single space inside over a # headline", () => {
    const text = ["守护绿水 共建家园", "", "# 全市河湖长制工作会议召开", "", "本报讯（记者 王小明）5月19日，会议召开。"].join("\n");
    expect(read(text).map((x) => [x.kicker, x.headline])).toEqual([["守护绿水 共建家园", "全市河湖长制工作会议召开"]]);
  });
});

describe("honours and award lists", () => {
  it("reads spaced names under a line that counts them as the body's list, not as a closing credit", () => {
    const text = [
      "",
      "",
      "市总工会表彰一批劳动模范",
      "",
      "　　本报讯（记者　田晓）　5月19日，市总工会表彰一批劳动模范。",
      "　　劳动模范（6名）",
      "　　范志国　汤丽君　顾建业　卜海燕　成立伟　路文静",
    ].join("\n");
    const [a] = read(text);
    expect(a!.reporters).toEqual(["田晓"]);
    expect(a!.authors).toEqual([]);
  });

  it("reads two rows of spaced names as a list, and still a line of one or two names as a credit", () => {
    const rows = ["", "", "优秀志愿者名单", "", "　　范志国　汤丽君　顾建业", "　　卜海燕　成立伟　路文静"].join("\n");
    expect(read(rows)[0]!.authors).toEqual([]);
    const signed = ["", "", "莫让形式主义卷土重来", "", "　　为基层减负，关键在于改进考核。", "　　范志国　汤丽君"].join("\n");
    expect(read(signed)[0]!.authors).toEqual(["范志国", "汤丽君"]);
  });
});

