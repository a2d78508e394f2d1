import { describe, expect, it } from "vitest";
import { peopleIn } from "../support/mentions.ts";
import { parsePage } from "../../src/ingest/parse-page.ts";
import { surnameLengthAt } from "../../src/ingest/surnames.ts";

// Classes of names that pages of papers the dev sets do not hold showed: rarer surnames, role
// nouns of whole trades and ranks. Every sentence is invented.

const people = (text: string) => peopleIn(text);

describe("rarer surnames of the population lists", () => {
  it("holds single and compound ones that open few everyday words (庹, 嵇, 矫, 闾丘, 鲜于)", () => {
    for (const name of ["庹明", "嵇文", "矫东", "郗红", "仉磊", "睢亮"]) expect(surnameLengthAt(name, 0)).toBe(1);
    for (const name of ["闾丘志", "鲜于雪", "左丘明", "宗政华", "张简慧", "范姜文", "张廖明"]) expect(surnameLengthAt(name, 0)).toBe(2);
  });

  it("leaves out those that are words before names (祖国, 第五, 暨, 微生物)", () => {
    for (const text of ["祖国", "富裕", "暨大会", "毋须", "帖子"]) expect(surnameLengthAt(text, 0)).toBe(0);
    for (const text of ["第五名", "东门外", "微生物"]) expect(surnameLengthAt(text, 0)).not.toBe(2);
  });

  it("reads names with them after a title", () => {
    expect(people("社区网格员庹晓燕介绍，居民意见已经统一。")).toEqual([["庹晓燕", "社区网格员"]]);
    expect(people("市住建局副局长阚志远表示，明年继续推进。")).toEqual([["阚志远", "市住建局副局长"]]);
    expect(people("常来吃饭的老人闾丘明远说，饭菜清淡。")).toEqual([["闾丘明远", "老人"]]);
  });

  it("reads no everyday word after a title as a name of them (慕名而来, 汲取, 赫然)", () => {
    for (const text of ["不少游客慕名而来。", "党员汲取了经验。", "村民赫然发现了问题。", "市民旷日持久地等待。"]) {
      expect(people(text)).toEqual([]);
    }
  });

  it("reads a word of the dictionary that opens with one of the rarest surnames as the word (学生旷课, 游客昌盛, 患者矫形器)", () => {
    for (const text of ["学生旷课的现象减少了。", "他说，游客昌盛，", "他说，村民励志了。", "医生为患者矫形器做了调整。"]) {
      expect(people(text)).toEqual([]);
    }
    expect(people("学生旷明说，图书馆很安静。")).toEqual([["旷明", "学生"]]);
  });
});

describe("role nouns of whole trades and ranks", () => {
  it("takes police and officers' ranks as titles (一级警长, 警司, 督察, 上校, 少将)", () => {
    expect(people("由一级警长孟凡宇带队开展侦查。")).toEqual([["孟凡宇", "一级警长"]]);
    expect(people("高级督察梁嘉欣说，案件仍在调查。")).toEqual([["梁嘉欣", "高级督察"]]);
    expect(people("海军上校邓志飞和空军少将吴天宇出席了仪式。")).toEqual([
      ["邓志飞", "海军上校"],
      ["吴天宇", "空军少将"],
    ]);
    expect(people("海军中将魏国华致辞。")).toEqual([["魏国华", "海军中将"]]);
    expect(people("二级警司罗志坚提醒，切勿轻信刷单。")).toEqual([["罗志坚", "二级警司"]]);
  });

  it("reads no rank out of words that only end like one (其中将, 集中将)", () => {
    expect(people("其中将安排三场演出。")).toEqual([]);
    expect(people("资金集中将用于改造。")).toEqual([]);
  });

  it("takes positions of team sports and players of single sports as titles (接应, 前腰, 棋手)", () => {
    expect(people("接应孟雨桐全场拿下20分。")).toEqual([["孟雨桐", "接应"]]);
    expect(people("前腰邹凯文送出两次助攻。")).toEqual([["邹凯文", "前腰"]]);
    expect(people("年轻棋手梁博文说，这盘棋下得很艰苦。")).toEqual([["梁博文", "年轻棋手"]]);
  });

  it("takes trades and services as titles, also where jieba tags the trade a name (维修工/nr, 收银员)", () => {
    expect(people("电梯维修工王大川说，调试已经完成。")).toEqual([["王大川", "电梯维修工"]]);
    expect(people("商场收银员邹小芳每天要接待上千名顾客。")).toEqual([["邹小芳", "商场收银员"]]);
    expect(people("实习生何雨萱也参加了巡诊。")).toEqual([["何雨萱", "实习生"]]);
  });

  it("takes no role whose both ends fall inside other words (防护工程: no 护工)", () => {
    expect(people("隧道防护工程专家孟建军介绍，加固已经完成。")).toEqual([["孟建军", "隧道防护工程专家"]]);
    expect(people("防护工程进展顺利。")).toEqual([]);
  });

  it("still reads the head of a place, whose office begins on the place's last character, before a name jieba reads into a word (临安县/长江/国栋)", () => {
    expect(people("临安县长江国栋出席仪式。")).toEqual([["江国栋", "临安县长"]]);
    expect(people("宜城市长江海峰说，工程进展顺利。")).toEqual([["江海峰", "宜城市长"]]);
    expect(people("市长江边考察。")).toEqual([]);
  });
});

describe("a name whose surname jieba reads into one word with the role's last character (维修/工钱/大海)", () => {
  it("reads the name when the given name reads as one and ends where a name may, listed role or not", () => {
    expect(people("电梯维修工钱大海正在检查线路。")).toEqual([["钱大海", "电梯维修工"]]);
    expect(people("装修工钱海涛说，工期能赶上。")).toEqual([["钱海涛", "装修工"]]);
    expect(people("泥瓦工钱大川也来帮忙。")).toEqual([["钱大川", "泥瓦工"]]);
  });

  it("reads no name out of the wages or a word of the prose (拖欠维修工钱三千元, 水利工程建设)", () => {
    for (const text of ["老板拖欠维修工钱三千元。", "讨要装修工钱，", "水利工程建设进展顺利。", "打击手段多样化。"]) {
      expect(people(text)).toEqual([]);
    }
  });
});

describe("a role then a common noun of two characters (受害人钱款)", () => {
  it("reads the noun as no name unless what only a person does follows", () => {
    for (const text of ["一名受害人钱款被骗。", "维修工钱款被拖欠。", "游客钱包被盗后报警。", "村民田地被淹了。"]) expect(people(text)).toEqual([]);
    expect(people("村民方明说，收成不错。")).toEqual([["方明", "村民"]]);
    expect(people("副主席方明出席会议。")).toEqual([["方明", "副主席"]]);
  });
});

describe("a name after a relative clause's 的 whose surname is a grammar word (向, 于, 和, 从)", () => {
  it("reads it where what follows is a person's: an end, 也/还/又/都, a list's 和", () => {
    expect(people("开小卖部的于秋菊也来帮忙。")).toEqual([["于秋菊", null]]);
    expect(people("做装修生意的向海波也是一名老兵。")).toEqual([["向海波", null]]);
    expect(people("卖水果的从春燕说，生意不错。")).toEqual([["从春燕", null]]);
    expect(people("开农家乐的于红霞和丈夫一起忙碌。")).toEqual([["于红霞", null]]);
  });

  it("reads the preposition or conjunction where it is one (的向全国推广, 的于近日, 的和现代)", () => {
    for (const text of ["把这样的经验的向全国推广。", "负责此事的于近日表示同意。", "传统的和现代，都很重要。", "政府的和企业的责任", "人们的向往，", "重要的是向社会公开。", "积极的向群众宣传政策。"]) {
      expect(people(text)).toEqual([]);
    }
  });
});

describe("a name after an age or a generation and a role (95后姑娘, 52岁的患者)", () => {
  it("titles the name with the role, the age dropped", () => {
    expect(people("一名52岁的患者邹秋月在家属陪同下来到医院。")).toEqual([["邹秋月", "患者"]]);
    expect(people("00后大学生邹雨桐表示，想留在家乡。")).toEqual([["邹雨桐", "大学生"]]);
    expect(people("年过七旬的老人邹桂芬说，日子越过越好。")).toEqual([["邹桂芬", "老人"]]);
  });

  it("reads the name jieba ran on into a verb with its aspect mark (姑娘马思雨开/x 了)", () => {
    expect(people("95后姑娘马思雨开了一家网店。")).toEqual([["马思雨", "姑娘"]]);
    expect(people("95后姑娘们开了一家网店。")).toEqual([]);
  });

  it("reads no withheld name after them (52岁的患者李某某)", () => {
    expect(people("52岁的患者李某某说，他很感激。")).toEqual([]);
  });
});

describe("a Mongolian name before a photo credit's 图 (其其格/x 图/n 来自…)", () => {
  it("leaves the 图 jieba reads apart to the credit", () => {
    expect(people("其其格图来自东乌珠穆沁旗。")).toEqual([]);
    expect(people("牧民其其格图来自东乌珠穆沁旗。")).toEqual([["其其格", "牧民"]]);
  });

  it("keeps a closing 图 that jieba reads into the name (朝鲁图/x)", () => {
    expect(people("牧民朝鲁图来自锡林郭勒。")).toEqual([["朝鲁图", "牧民"]]);
  });
});

describe("a place-qualified role before a name (台湾青年, 台湾青年创业者, 澳门学生)", () => {
  it("titles the name, or both names of a list, with the place and the role", () => {
    expect(people("台湾青年创业者吴俊贤和张雅婷在厦门开了一家茶饮店。")).toEqual([
      ["吴俊贤", "台湾青年创业者"],
      ["张雅婷", "台湾青年创业者"],
    ]);
    expect(people("澳门青年何家俊表示，想在内地发展。")).toEqual([["何家俊", "澳门青年"]]);
  });

  it("reads a name whose surname and first given character jieba made a numeral's word (许家/m 豪说/x)", () => {
    expect(people("台湾大学生许家豪在这里实习。")).toEqual([["许家豪", "台湾大学生"]]);
    expect(people("，台湾青年许家豪说，这里机会多。")).toEqual([["许家豪", "台湾青年"]]);
    // Not a verb's word (包括/v 孙乐/x): no 包括孙.
    expect(people("参赛队员包括孙乐、卓玛两人。")).toEqual([
      ["孙乐", null],
      ["卓玛", null],
    ]);
    expect(people("职工万余人参加了活动。")).toEqual([]);
  });
});

describe("a character outside the surname table that is a grammar word or a verb, after a role (为, 须, 留, 初)", () => {
  it("reads the word and what follows it, not a name of a rare surname (教师为本, 人员须于, 工人留厂)", () => {
    for (const text of ["学校坚持教师为本、质量立校。", "参会人员须于报到时出示证件。", "厂里安排工人留厂，确保订单按时交付。", "他要求学生学得扎实一些。"]) {
      expect(people(text)).toEqual([]);
    }
  });

  it("still reads a rare surname that is no such word, with two given-name characters or one likely one", () => {
    expect(people("副教授忻文涛说，实验很顺利。")).toEqual([["忻文涛", "副教授"]]);
    expect(people("研究员效宁表示，数据可靠。")).toEqual([["效宁", "研究员"]]);
    expect(people("工程师普明说，设备已到位。")).toEqual([["普明", "工程师"]]);
  });
});

describe("a second role right after a listed role, before the name (架子工班长罗德胜)", () => {
  it("runs the title on to the second role and reads the name after it", () => {
    expect(people("架子工班长罗德胜说，脚手架已经验收。")).toEqual([["罗德胜", "架子工班长"]]);
    expect(people("维修工班长曹立军正在检修。")).toEqual([["曹立军", "维修工班长"]]);
    expect(people("学生班长王小雨说，大家都很努力。")).toEqual([["王小雨", "学生班长"]]);
  });

  it("keeps a name that opens with a role's characters when no name follows them (村民林长青)", () => {
    expect(people("村民林长青说，今年收成好。")).toEqual([["林长青", "村民"]]);
  });
});

describe("a compound surname with a one-character given name after a kinship or situation word (儿子上官杰)", () => {
  it("reads the name where jieba reads the surname as a word and a dictionary word starts after the given name", () => {
    expect(people("他的儿子上官杰如今在深圳工作。")).toEqual([["上官杰", null]]);
    expect(people("老人欧阳勇现在住在养老院。")).toEqual([["欧阳勇", "老人"]]);
    expect(people("母亲司徒兰刚刚出门。")).toEqual([["司徒兰", null]]);
  });

  it("reads no name of the surname alone, with an honorific or before a verb", () => {
    expect(people("老人欧阳先生说，身体还好。")).toEqual([]);
    expect(people("青年欧阳路过这里。")).toEqual([]);
  });
});

describe("Taiwan's double surnames (张简, 范姜, 张廖)", () => {
  it("reads them with a given name of two characters after a title", () => {
    expect(people("来自高雄的设计师张简慧玲说，这里的氛围很好。")).toEqual([["张简慧玲", "设计师"]]);
    expect(people("协会会长范姜文豪介绍，展会共有百余家企业参加。")).toEqual([["范姜文豪", "协会会长"]]);
    expect(people("台商协会副会长张廖志明表示，两岸合作前景广阔。")).toEqual([["张廖志明", "台商协会副会长"]]);
  });

  it("reads a surname and a given name where nothing follows the two characters (校长张简表示)", () => {
    expect(people("校长张简表示，学校将扩招。")).toEqual([["张简", "校长"]]);
    expect(people("村民范姜说，收成不错。")).toEqual([["范姜", "村民"]]);
  });
});

describe("an office printed after a word before 都 or 也 (连值班律师都…)", () => {
  it("reads no name before an office that a group's or 连's 都 or 也 follows", () => {
    for (const text of ["这件事连值班律师都说不清。", "“连复诊医生都很惊讶”。", "连驻村书记也没想到。"]) expect(people(text)).toEqual([]);
  });

  it("still reads the name when a reporting verb follows the adverb (王刚局长也表示)", () => {
    expect(people("王刚局长也表示，明年继续推进。")).toEqual([["王刚", "局长"]]);
    expect(people("李娜律师还提醒，合同要看清。")).toEqual([["李娜", "律师"]]);
  });
});

describe("a well-known person that jieba's dictionary holds, named with no title (孙中山, 袁世凯)", () => {
  it("reads the name where it ends as a name may, also after 连 (even), which is no surname before it", () => {
    expect(people("学生连毛泽东都不认识。")).toEqual([["毛泽东", null]]);
    expect(people("村民连李大钊是谁都不知道。")).toEqual([["李大钊", null]]);
    expect(people("这里曾是袁世凯的官邸。")).toEqual([["袁世凯", null]]);
  });

  it("reads no such name in what is named after the person, a doctrine, a place or a word jieba tags as a name", () => {
    for (const text of ["他参观了孙中山故居。", "坚持马克思列宁主义、毛泽东思想、邓小平理论。", "游客们来到莫斯科。", "黄金周期间，景区的安全性备受关注。"]) {
      expect(people(text)).toEqual([]);
    }
  });
});

describe("role nouns of school pupils and commuters", () => {
  it("takes 高中生, 初中生 and 上班族 as titles, also before a dotted name", () => {
    expect(people("来自乡下的高中生刘思远表示，他想考师范。")).toEqual([["刘思远", "高中生"]]);
    expect(people("住在城东的上班族何嘉敏每天乘地铁上班。")).toEqual([["何嘉敏", "上班族"]]);
    expect(people("当地的初中生艾米·沃森说，她喜欢画画。")).toEqual([["艾米·沃森", "初中生"]]);
  });

  it("reads no name out of a sentence about pupils as a group", () => {
    expect(people("全市高中生人数逐年增加。")).toEqual([]);
  });
});

describe("a transcribed name printed with a variant middle dot", () => {
  const pagePeople = (body: string) =>
    parsePage(`学费上涨引关注\n　　${body}\n`, { issueDate: "2024-04-10" }).articles.flatMap((a) => a.mentions.map((m) => [m.name, m.title]));

  it("reads ・ and ‧ as the · of a name, the name kept as printed", () => {
    expect(pagePeople("研究员玛丽·安・卡特说，学费十年涨了三成。")).toEqual([["玛丽·安・卡特", "研究员"]]);
    expect(pagePeople("研究员玛丽‧卡特说，学费十年涨了三成。")).toEqual([["玛丽‧卡特", "研究员"]]);
  });

  it("takes no bullet • for a name's dot", () => {
    expect(pagePeople("研究员玛丽•卡特说，学费十年涨了三成。")).not.toContainEqual(["玛丽•卡特", "研究员"]);
  });
});

describe("role nouns of foreign chambers and peoples", () => {
  it("takes 会头 and 领袖 as titles, with the qualifier before them", () => {
    expect(people("东京商工会议所会头中村健一表示，将支持中小企业。")).toEqual([["中村健一", "东京商工会议所会头"]]);
    expect(people("部落领袖马可·索托呼吁保护森林。")).toEqual([["马可·索托", "部落领袖"]]);
  });

  it("reads no name after 领袖 where a word of the prose follows", () => {
    expect(people("各国领袖们出席了峰会。")).toEqual([]);
  });
});

describe("Korean surnames the Chinese table leaves out", () => {
  it("opens a name with one in an article that speaks of the Korean Chinese", () => {
    expect(people("延边朝鲜族民俗节上，75岁的玄英哲表演了长鼓舞。")).toEqual([["玄英哲", null]]);
    expect(people("朝鲜族老艺人、80岁的太明浩为学员示范。")).toEqual([["太明浩", null]]);
  });

  it("reads none elsewhere, nor where the surname makes a word with the next character", () => {
    expect(people("75岁的玄英哲表演了长鼓舞。")).toEqual([]);
    expect(people("韩国的太空计划进展顺利。")).toEqual([]);
  });
});

describe("a building's stairwell head", () => {
  it("takes 楼道长 as a title, and reads no name from the post alone", () => {
    expect(people("“她办事细心。”楼道长苏桂芬说。")).toEqual([["苏桂芬", "楼道长"]]);
    expect(people("小区每栋楼都设了楼道长。")).toEqual([]);
  });
});

describe("a democratic party committee's chair and a foreign teacher", () => {
  it("takes 主委 (with its party and former 原) and 外教 as titles", () => {
    expect(people("民进市委原主委邝秉文同志因病逝世，享年90岁。")).toEqual([["邝秉文", "民进市委原主委"]]);
    expect(people("学校的意大利籍外教马可·罗西说，孩子们进步很快。")).toEqual([["马可·罗西", "意大利籍外教"]]);
    // The post alone names no one.
    expect(people("会上，各民主党派主委作了发言。")).toEqual([]);
  });
});

describe("a term set off by quotation marks", () => {
  it("reads no person in a word that fills a pair of quotes alone, though it reads as a name", () => {
    expect(people("从“穷山沟”到“金银滩”，村里的变化有目共睹。")).toEqual([]);
    // A quoted nickname before a name still vouches for the name after it.
    expect(people("“老船长”杜海生说，江面比往年宽了。")).toEqual([["杜海生", null]]);
  });
});

describe("a list closed by a kind of things", () => {
  it("reads no people in a 、 list closed by 等 and a word of a kind ending in 类 (…等鸟类), though jieba tags its items as names", () => {
    expect(people("湿地里已观测到白鹭、苍鹭等鸟类40余种。")).toEqual([]);
    // Closed by a noun of people, the list is names.
    expect(people("会议邀请了王建林、刘晓梅、张伟等专家授课。")).toEqual([
      ["王建林", null],
      ["刘晓梅", null],
      ["张伟", null],
    ]);
  });
});

describe("a name read whole before 同志", () => {
  it("takes the character before 同志 into the name, though prose uses it mostly as a word (年 of 松年)", () => {
    expect(people("离休干部柯松年同志因病逝世，享年91岁。")).toEqual([["柯松年", "离休干部"]]);
    // A name of two before 同志 stays two, and a word of grammar before 同志 is none of a name.
    expect(people("市委书记韦明同志出席会议。")).toEqual([["韦明", "市委书记"]]);
    expect(people("县委书记韦明、副县长柯松等同志出席会议。")).toEqual([
      ["韦明", "县委书记"],
      ["柯松", "副县长"],
    ]);
  });
});

describe("an author before the work he wrote in", () => {
  it("reads a name before 在《…》 as the author's, as before 的《…》", () => {
    expect(people("柯本华在《江城札记》中写道，城市是一本书。")).toEqual([["柯本华", null]]);
    // A place the dictionary holds before 在《…》 is where the paper wrote of it.
    expect(people("张家港在《江城日报》上亮相。")).toEqual([]);
  });
});
