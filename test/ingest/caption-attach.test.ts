import { describe, expect, it } from "vitest";
import { chooseNeighbour, hanBigrams } from "../../src/ingest/caption-attach.ts";

const article = (headings: string, body: string, credited: string[] = []) => ({
  headings: hanBigrams(headings),
  body: hanBigrams(body),
  credited: new Set(credited),
});

describe("attaching a caption printed between two articles", () => {
  it("gives the sample's caption after (下转第3版) to the article about the same visit", () => {
    const previous = article(
      "韦韬在督导检查全市安全生产和常态化疫情防控工作时强调 守牢安全底线",
      "韦韬来到市应急管理局救援指挥中心,听取全市安全生产工作情况汇报",
    );
    const next = article("强化太忻一体化经济区生态支撑 省政协调研组在我市调研视察", "省政协副主席张瑞鹏带队,来我市进行联动调研视察");
    expect(chooseNeighbour("省委常委、市委书记韦韬在市应急管理局救援指挥中心督导检查煤矿、加油站安全生产情况。", previous, next)).toBe("previous");
  });

  it("gives a caption to the next article when that one shares its words", () => {
    const previous = article("社区食堂开进老旧小区", "近日,位于城南区的幸福里社区食堂正式开业");
    const next = article("滨河公园冰雪乐园开园迎客", "滨河公园冰雪乐园正式开园,冰场、雪道");
    expect(chooseNeighbour("市民在滨河公园冰场体验冰上运动。", previous, next)).toBe("next");
  });

  it("gives a caption to the neighbour whose reporter took the photo, whatever words the other one shares", () => {
    const previous = article("我省出台措施支持民营经济发展", "推动金融机构加大对民营企业的信贷投放", ["沈峰"]);
    const next = article("全省春季农业生产现场会召开", "要不误农时抓好春耕备耕", ["马骏"]);
    expect(chooseNeighbour("图为某民营企业生产车间。", previous, next, ["沈峰"])).toBe("previous");
    expect(chooseNeighbour("图为某民营企业生产车间。", previous, next, ["马骏"])).toBe("next");
  });
});
