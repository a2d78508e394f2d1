import { describe, expect, it } from "vitest";
import { parseDispatch, trailingCredit } from "../../src/ingest/dispatch.ts";
import { foldForMatching } from "../../src/ingest/normalise.ts";

function dispatch(printed: string) {
  const f = foldForMatching(printed);
  const d = parseDispatch(f, 0, f.length);
  if (d === null) return null;
  return {
    source: d.source,
    dispatch: printed.slice(d.span.start, d.span.end),
    credits: d.credits.map((c) => `${c.label ?? "-"}:${c.name}`),
    date: d.date === null ? null : printed.slice(d.date.span.start, d.date.span.end),
    body: printed.slice(d.bodyStart, d.bodyStart + 5),
  };
}

describe("dispatch lines", () => {
  it("reads 本报讯(记者 殷雪莹、梁涛) with its reporters", () => {
    expect(dispatch("本报讯(记者 殷雪莹、梁涛) 6月2日,太原")).toEqual({
      source: "本报讯",
      dispatch: "本报讯(记者 殷雪莹、梁涛)",
      credits: ["记者:殷雪莹", "记者:梁涛"],
      date: null,
      body: "6月2日,",
    });
  });

  it("reads 本报讯 with no credits, followed by the dated opening", () => {
    expect(dispatch("本报讯 6月1日下午,市委副书记")).toMatchObject({ source: "本报讯", dispatch: "本报讯", credits: [], body: "6月1日下" });
  });

  it("reads 本报北京10月11日电（记者 A、B） as source 本报 with the dispatch date", () => {
    expect(dispatch("本报北京10月11日电（记者\u00a0李红、赵刚）\u3000记者从农业农村部获悉")).toMatchObject({
      source: "本报",
      credits: ["记者:李红", "记者:赵刚"],
      date: "10月11日",
      body: "记者从农业",
    });
  });

  it("reads 新华社北京10月11日电（记者 A）", () => {
    expect(dispatch("新华社北京10月11日电（记者 王晓明）　国务院常务会议")).toMatchObject({
      source: "新华社",
      dispatch: "新华社北京10月11日电（记者 王晓明）",
      credits: ["记者:王晓明"],
      date: "10月11日",
    });
  });

  it("reads 据新华社酒泉10月11日电 as source 据新华社", () => {
    expect(dispatch("据新华社酒泉10月11日电　10月11日5时")).toMatchObject({ source: "据新华社", credits: [], date: "10月11日", body: "10月11" });
  });

  it("reads 通讯员 and 实习生 labels", () => {
    expect(dispatch("本报讯（记者 陈静 通讯员 刘畅）　12月30日")?.credits).toEqual(["记者:陈静", "通讯员:刘畅"]);
    expect(dispatch("本报讯（记者 周敏 实习生 吴凡）　1月2日上午")?.credits).toEqual(["记者:周敏", "实习生:吴凡"]);
  });

  it("leaves a parenthesised clause that is not a name list out of the dispatch", () => {
    expect(dispatch("本报讯（以下简称市住建局）记者获悉")).toMatchObject({ dispatch: "本报讯", credits: [] });
  });

  it("does not take the kicker 新华社播发报道 or body prose for a dispatch", () => {
    expect(dispatch("新华社播发报道")).toBeNull();
    expect(dispatch("夜幕还未降临,在山西省太原市食品街")).toBeNull();
  });
});

describe("trailing author credits", () => {
  const credit = (s: string) => {
    const f = foldForMatching(s);
    const c = trailingCredit(f, 0, f.length);
    return c === null ? null : { names: c.credits.map((n) => n.name), cut: s.slice(0, c.span.start) };
  };

  it("reads (李俊华) closing the last paragraph", () => {
    expect(credit("调研预算联网监督中心,及其他工作开展情况。(李俊华)")).toEqual({
      names: ["李俊华"],
      cut: "调研预算联网监督中心,及其他工作开展情况。",
    });
  });

  it("does not read a parenthesis inside a sentence or a note that is not a name", () => {
    expect(credit("省太忻经济一体化发展促进中心(促进中心)")).toBeNull();
    expect(credit("（作者为中国社会科学院研究员）")).toBeNull();
    expect(credit("发射任务获得圆满成功。（完）")).toBeNull();
  });
});
