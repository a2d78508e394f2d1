/**
 * Role nouns: the last word of a title printed before a name, in tiers by how much they say
 * that a name follows.
 *
 * - OFFICES: posts of the party, the state, enterprises and institutions (市委书记, 局长,
 *   董事长). After one of them, a word that reads as a name is a name.
 * - PROFESSIONS: occupations and ranks of ordinary life and of science (预报员, 教授,
 *   律师, 大使, 村民). Just as strong: news prose puts them before names the same way.
 * - SITUATIONS: the role a person has in the story (车主, 获得者, 主人公, 青年, 党员). They
 *   also end other phrases (青年人才, 党员干部), so a name after them must read well as a
 *   name.
 * Kinship words (妻子, 爱人) are not titles but say that a name follows: they give the name
 * with a null title.
 */
import { charTable } from "./char-table.ts";
import { COMPOUND_SURNAMES } from "./surnames.ts";

export const OFFICES: readonly string[] = [
  // Party, people's congress, government, political consultative conference
  "总书记", "总理", "副总理", "书记", "副书记", "常委", "委员", "主任", "副主任", "主席", "副主席", "秘书长", "副秘书长",
  "委员长", "副委员长", "市长", "副市长", "省长", "副省长", "县长", "副县长", "区长", "副区长", "镇长", "副镇长", "乡长",
  "副乡长", "村长", "州长", "盟长", "旗长", "主任委员", "副主任委员", "组长", "副组长", "部长", "副部长",
  // The chair of a democratic party's committee, short for its 主任委员 (民盟省委主委)
  "主委", "副主委",
  "厅长", "副厅长", "局长", "副局长", "处长", "副处长", "科长", "副科长", "司长", "副司长", "总司长",
  "署长", "主任科员", "巡视员", "调研员", "检察长", "副检察长", "院长", "副院长", "庭长", "审判长",
  "总河长", "河长", "湖长", "河湖长", "总河湖长", "林长", "总林长", "田长", "指挥长", "总指挥",
  "副总指挥", "召集人", "发言人", "领导", "负责人", "联络员", "特派员", "督导员", "网格员", "网格长",
  "政委", "司令员", "参谋长", "所长", "副所长", "站长", "副站长", "馆长", "副馆长", "队长", "副队长",
  "台长", "副台长", "支书", "村支书", "第一书记", "党组成员", "成员", "候选人", "议长", "副议长", "代议长",
  "外长", "总统", "副总统", "首相", "国王", "女王", "王储", "总干事", "副总干事", "大使", "公使", "参赞",
  "领事", "总领事", "公参", "特使", "代办", "领导人", "国家领导人", "人大代表", "党代表", "政协委员", "教导员", "指导员",
  // Members of legislatures abroad and in Taiwan, whose posts mainland papers print in quotes (“立委”)
  "议员", "参议员", "众议员", "立委", "立法委员",
  // Enterprises, institutions, associations
  "董事长", "副董事长", "董事", "总经理", "副总经理", "经理", "总裁", "副总裁", "执行副总裁", "总监", "高管", "总工程师",
  "行长", "副行长", "社长", "副社长", "会长", "副会长", "理事长", "副理事长", "监事长", "理事",
  // The head of a Japanese chamber of commerce (商工会议所会头), and leaders of a people or a faith (原住民领袖)
  "会头", "领袖",
  "校长", "副校长", "园长", "主编", "副主编", "总编辑", "副总编辑", "团长", "副团长", "店长", "厂长", "矿长",
  "创始人", "带头人", "传承人", "主管", "合伙人", "助理", "顾问", "秘书", "专员", "班长", "连长", "排长", "舰长", "机长", "船长", "列车长", "领班",
  // Army posts above the company (旅长, 营长) and staff officers
  "副连长", "营长", "副营长", "旅长", "副旅长", "师长", "副师长", "军长", "副军长", "司令", "政治委员",
  "参谋", "干事", "工段长", "班组长",
  // Offices of imperial and republican times, which history features and obituaries name (时任知府)
  "知府", "知县", "知州", "县令", "巡抚", "总督", "太守", "刺史", "道台", "督军",
  // Neighbourhood posts that residents hold in their building (楼栋长, 楼组长, 楼道长)
  "楼栋长", "楼组长", "楼道长", "楼长", "单元长", "宿舍长", "寝室长",
];

export const PROFESSIONS: readonly string[] = [
  // Science, education, health, law
  "院士", "教授", "副教授", "讲师", "研究员", "副研究员", "助理研究员", "特聘研究员", "科学家", "首席科学家",
  "工程师", "高级工程师", "技术员", "医生", "医师", "主任医师", "护士", "护士长", "药剂师", "护师", "律师",
  "法官", "检察官", "教师", "老师", "班主任", "辅导员", "学生", "研究生", "博士", "博士生", "硕士", "学者",
  "专家", "首席专家", "首席", "服务首席", "首席预报员", "副首席预报员", "预报员", "观测员", "值班员",
  "分析员", "气象员", "预报服务首席", "书记员", "审判员", "陪审员", "人民陪审员", "法官助理", "检察官助理", "调解员",
  "人民调解员", "仲裁员", "法警", "刑警", "狱警", "干警", "社工", "公诉人", "辩护人", "导师", "助教", "外教",
  // Culture, sport, media
  "作家", "诗人", "画家", "书法家", "导演", "演员", "歌手", "作词人", "作曲家", "音乐家", "艺术家", "出版家",
  "编剧", "主演", "主持人", "编辑", "教练", "主教练", "教练员", "运动员", "选手", "球员", "队员", "裁判", "摄影师",
  "设计师", "美术师", "策展人", "主播", "主帅", "教头", "领队", "门将", "前锋", "中锋", "后卫", "国脚", "外援", "球星", "名将",
  "中场", "主攻", "主攻手", "副攻", "二传", "自由人", "守门员", "边锋", "后腰", "中卫", "控卫", "演奏家", "钢琴家", "小提琴家",
  "指挥家", "歌唱家", "舞蹈家", "评论家", "剧作家", "翻译家", "雕塑家", "收藏家", "制片人",
  // Publishing and the stage: editorial ranks (编审, which jieba tags a verb), makers and players
  "编审", "副编审", "责任编辑", "策划编辑", "美术编辑", "美编", "出版人", "撰稿人", "制作人", "出品人", "译者",
  "馆员", "研究馆员", "副研究馆员", "演奏员", "乐手", "鼓手", "琴师", "戏曲家", "曲艺家", "书画家", "篆刻家", "名伶", "伶人", "名角",
  // Work and ordinary life
  "村民", "农民", "居民", "牧民", "渔民", "市民", "县民", "村医", "工人", "职工", "员工", "工作人员", "干部", "村干部",
  "志愿者", "党员", "民警", "辅警", "警官", "交警", "消防员", "战士", "士兵", "军人", "官兵", "船员", "司机",
  "快递员", "外卖员", "护林员", "巡护员", "养蜂人", "种植户", "养殖户", "农户", "户主", "店主", "摊主",
  "客商", "采购商", "经销商", "批发商", "商户",
  // Traders who are people, not firms (参展商, 茶商; not 开发商 or 供应商, which are companies first)
  "参展商", "零售商", "代理商", "贸易商", "茶商", "布商", "粮商", "药商", "盐商", "果商", "菜商", "商贩", "小商贩",
  // Crafts, whose masters the news names by them (银匠, 木匠)
  "银匠", "铁匠", "木匠", "石匠", "铜匠", "篾匠", "鞋匠", "锁匠", "瓦匠", "泥瓦匠", "绣娘", "裁缝",
  "皮匠", "漆匠", "锔匠", "剃头匠", "补锅匠", "磨刀匠", "箍桶匠", "弹棉匠", "绣工", "织工", "窑工",
  // Traditional trades of the river, the road and the shop (艄公, 纤夫, 货郎, 掌柜)
  "艄公", "船工", "船夫", "渡工", "摆渡人", "纤夫", "挑夫", "脚夫", "车夫", "马夫", "更夫", "樵夫", "渔夫", "屠夫",
  "货郎", "郎中", "掌柜", "学徒", "帮工", "猎人", "猎户", "牧羊人", "羊倌",
  "老板", "厨师", "技师", "管理员", "保洁员", "研发人员", "科研人员", "工作队员", "突击队员", "队员",
  "人员", "警察", "农民工", "护林员", "讲解员", "售货员", "服务员", "驾驶员", "飞行员", "宇航员", "航天员", "科员",
  // Ranks of soldiers (上等兵, 下士…), which stand before a name as offices do
  "列兵", "上等兵", "下士", "中士", "上士", "四级军士长", "三级军士长", "二级军士长", "一级军士长", "军士长", "新兵",
  // Officers' ranks; 中将 and 中校 only with their service, since 其中将, 集中将 are no ranks
  "少尉", "中尉", "上尉", "大尉", "少校", "上校", "大校", "少将", "上将", "准将", "元帅", "士官", "军士",
  "陆军中将", "海军中将", "空军中将", "陆军中校", "海军中校", "空军中校",
  // Troops and posts of a company (炊事员, 狙击手) and of ships and aircraft
  "司务长", "炊事员", "卫生员", "侦察兵", "炮兵", "狙击手", "领航员", "试飞员", "轮机长", "水手", "舵手",
  // Police ranks and posts, mainland and Hong Kong (一级警长, 警司, 督察)
  "警员", "警长", "警督", "警监", "警司", "一级警长", "二级警长", "三级警长", "四级警长", "一级警司", "二级警司", "三级警司",
  "一级警督", "二级警督", "三级警督", "一级警监", "二级警监", "三级警监", "高级警司", "总警司", "督察", "高级督察", "总督察", "督察长", "巡佐",
  "探员", "侦查员", "特警", "巡警", "武警", "乘警", "铁警", "片警", "法医",
  // Positions of team sports (前腰) and players of single sports (棋手, 拳手), besides the staff (队医)
  "前腰", "射手", "投手", "捕手", "棋手", "车手", "拳手", "陪练", "队医",
  // Trades and services of everyday life, which jieba may read into the name (维修/v 工钱/n)
  "维修工", "电焊工", "油漆工", "水电工", "装卸工", "搬运工", "清洁工", "环卫工", "养路工", "钢筋工", "架子工",
  "机修工", "护工", "保姆", "月嫂",
  // Trades of building sites, plants, mines, power lines and railways, named by a skill and 工
  "电工", "焊工", "钳工", "铆工", "木工", "瓦工", "泥瓦工", "管道工", "水暖工", "砌筑工", "抹灰工", "混凝土工",
  "起重工", "信号工", "司索工", "安装工", "装配工", "操作工", "调试工", "检修工", "巡检工", "巡线工", "配电工",
  "线路工", "巡道工", "扳道工", "铺轨工", "隧道工", "养护工", "绿化工", "保洁工", "清扫工", "分拣工", "包装工",
  "挡车工", "纺织工", "矿工", "采煤工", "掘进工", "炉前工", "炼钢工", "锅炉工", "司炉工", "钻井工", "采油工",
  "汽修工", "修车工", "洗车工", "钣金工", "喷漆工", "叉车工",
  // Drivers beyond 司机 compounds (塔吊司机 ends in it), and those who drive a rig or a boiler
  "代驾", "代驾司机", "副司机", "司钻", "司炉", "育婴员", "家政员", "收银员", "营业员", "导游", "乘务员", "空乘", "乘务长",
  "列车员", "安检员", "检票员", "调度员", "接线员", "话务员", "邮递员", "投递员", "质检员", "安全员", "施工员",
  "保育员", "饲养员", "农技员", "播音员", "护理员", "急救员", "销售员", "业务员", "柜员", "店员", "主厨", "厨师长",
  "会计", "出纳", "会计师", "程序员", "建筑师", "分析师", "经纪人", "理发师", "美容师", "化妆师", "兽医", "药师",
  "麻醉师", "助产士", "康复师", "营养师", "农艺师", "果农", "菜农", "茶农", "艺人", "手艺人", "舞者", "编导", "博主",
  "企业家", "商人",
  // Those in education (大学生, 实习生, 教研员)
  "大学生", "本科生", "中学生", "小学生", "留学生", "实习生", "毕业生", "博士后", "学员", "教员", "教研员", "校医", "幼师",
  "高中生", "初中生",
];

export const SITUATIONS: readonly string[] = [
  "车主", "主人", "主人公", "老乡", "冠军", "世界冠军", "奥运冠军", "亚军", "季军", "获得者", "得主", "亲历者", "见证者", "代表", "青年", "老人", "访问学者", "党员",
  "乘客", "游客", "患者", "病人", "家长", "群众", "网友", "读者", "观众", "老兵", "烈士", "英雄", "模范",
  "原告", "被告", "被告人", "上诉人", "申请人", "当事人", "嫌疑人", "犯罪嫌疑人", "被害人", "受害人", "证人", "报案人",
  "举报人", "骑手", "保安", "业主", "房东", "租客", "患儿", "家属", "失主", "住户", "事主",
  // Households of rural policy, whose words jieba splits or does not hold (脱贫/户, 种粮/大户)
  "脱贫户", "贫困户", "低保户", "困难户", "五保户", "监测户", "大户", "种粮大户", "专业户", "小将",
  // A position of volleyball that is a verb too (接应队友), and those sitting an exam
  "接应", "考生",
  // The pair of a doubles team (中国组合甲/乙), a word of everyday prose too (政策组合)
  "组合",
  // Commuters and office workers, a way of life (上班族)
  "上班族",
  "劳模", "年轻人", "师傅", "妈妈", "大姐", "大哥", "大爷", "大妈", "阿姨", "小伙", "小伙子", "姑娘", "女孩", "男孩", "少年", "少女",
];

/** Relations of work and home that are no kinship: a role beside the person (徒弟王明 → 徒弟), read as a situation word. */
export const RELATIONS: ReadonlySet<string> = new Set(["同事", "徒弟", "师父", "邻居"]);

/** Relations: a name follows them, but they are not titles (妻子吴亚琴 → null). */
export const KINSHIP: readonly string[] = [
  "妻子", "丈夫", "爱人", "夫人", "老伴", "儿子", "女儿", "父亲", "母亲", "父母", "爸爸", "哥哥", "姐姐", "弟弟",
  "妹妹", "侄儿", "侄子", "侄女", "外甥", "孙子", "孙女", "爷爷", "奶奶", "外公", "外婆", "亲戚", "其子",
  "其女", "其妻", "老友", "好友", "朋友", "同学", "女婿", "儿媳", "公公", "婆婆", "岳父",
  "队友", "战友", "室友", "校友",
];

export type RoleTier = "office" | "profession" | "situation" | "kinship";

/**
 * Last characters that make a noun name someone by what they do or are, beyond any list:
 * 茶农, 环卫工, 木匠, 园艺师, 剪纸艺人, 个体户, 球迷, 驴友, 绣娘, 月嫂, 球星, 网红, 参展商.
 */
export const AGENT_SUFFIXES: ReadonlySet<string> = new Set([..."农工匠师员手人户者生娘嫂哥姐妹妈爸官迷友客贩兵将星夫妇医警士主东厨模红童徒丁家长商"]);

/** Nouns with such a last character that name no one before a name (国家, 大家, 器官, 窗户). */
const NOT_AGENTS = new Set([
  "国家", "大家", "人家", "老家", "娘家", "婆家", "农家", "商家", "厂家", "全家", "自家", "万家", "百家", "皇家",
  "儒家", "道家", "独家", "东家", "他人", "本人", "别人", "个人", "家人", "众人", "国人", "法人", "先生", "人生",
  "民生", "卫生", "一生", "众生", "书生", "女士", "巴士", "民主", "自主", "公主", "器官", "感官", "窗户", "门户",
  "手工", "左手", "右手", "双手", "对手", "火星", "卫星", "功夫", "记者", "作者", "或者", "再者", "前者", "后者",
  "二者", "三者", "三农", "西医", "中医", "师生", "人员",
  // Measures of the mind and trades, no traders (智商, 电商, 工商)
  "智商", "情商", "财商", "电商", "工商", "政商", "官商",
]);

/**
 * Whether a dictionary noun (or a word jieba does not know) that is no listed role still names
 * a role by its last character (茶农, 剪纸艺人, 小巷管家): a weak role, whose name must read
 * well and end clearly, like a situation word's.
 */
export function isAgentNoun(word: string): boolean {
  // A compound surname is no role, though it ends like one (上官, 司徒).
  return word.length >= 2 && word.length <= 4 && AGENT_SUFFIXES.has(word[word.length - 1] ?? "") && !NOT_AGENTS.has(word) && !COMPOUND_SURNAMES.has(word);
}

const TIER_OF = new Map<string, RoleTier>();
for (const w of KINSHIP) TIER_OF.set(w, "kinship");
for (const w of [...SITUATIONS, ...RELATIONS]) TIER_OF.set(w, "situation");
for (const w of PROFESSIONS) TIER_OF.set(w, "profession");
for (const w of OFFICES) TIER_OF.set(w, "office");

/** Role nouns by the code unit of their last character, longest first: the scan runs at every position. */
const BY_LAST_CHAR = new Map<number, string[]>();
for (const word of [...TIER_OF.keys()].sort((a, b) => b.length - a.length)) {
  const last = word.charCodeAt(word.length - 1);
  BY_LAST_CHAR.set(last, [...(BY_LAST_CHAR.get(last) ?? []), word]);
}

const ROLE_LAST_CHARS = charTable([...TIER_OF.keys()].map((word) => word[word.length - 1]!));

/** The longest role noun that `text` ends with at `end`, with its tier, or null. */
export function roleEndingAt(text: string, end: number): { word: string; tier: RoleTier } | null {
  // Most positions end no role: one table read returns for them, before the Map is asked.
  if (!ROLE_LAST_CHARS.at(text, end - 1)) return null;
  for (const word of BY_LAST_CHAR.get(text.charCodeAt(end - 1))!) {
    const start = end - word.length;
    if (start >= 0 && text.startsWith(word, start)) return { word, tier: TIER_OF.get(word) ?? "situation" };
  }
  return null;
}

/** The tier of a whole word, or null when it is no role noun. */
export function roleTier(word: string): RoleTier | null {
  return TIER_OF.get(word) ?? null;
}
