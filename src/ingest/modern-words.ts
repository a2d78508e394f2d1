/**
 * Words of today's news that jieba's dictionary (counted before they were coined) does not
 * hold, added to it as a user dictionary. Unknown, they were cut into pieces or glued to their
 * neighbours, and a name read across them: 负责人刘挺微信服务号 gave 刘挺微, 领导点赞 gave 点赞 as
 * a name. Each entry is a word, a count (of the order of common words', so that jieba keeps the
 * word whole) and a tag from jieba's own tag set.
 */
const ENTRIES: ReadonlyArray<readonly [word: string, tag: string]> = [
  // The internet and phones
  ["微信", "nz"], ["微博", "nz"], ["公众号", "n"], ["小程序", "n"], ["短视频", "n"],
  ["抖音", "nz"], ["热搜", "n"], ["网红", "n"], ["博主", "n"], ["点赞", "v"],
  ["扫码", "v"], ["刷脸", "v"], ["带货", "v"], ["网购", "v"], ["点单", "v"], ["网约车", "n"],
  ["共享单车", "n"], ["移动支付", "n"], ["健康码", "n"],
  // Technology
  ["大数据", "n"], ["云计算", "n"], ["区块链", "n"], ["元宇宙", "n"], ["数智", "n"], ["智慧城市", "n"],
  // Media
  ["融媒体", "n"], ["全媒体", "n"], ["新媒体", "n"],
  // Policy and public life
  ["新时代", "n"], ["一带一路", "nz"], ["乡村振兴", "l"], ["脱贫攻坚", "l"], ["精准扶贫", "l"], ["高质量发展", "l"],
  ["新质生产力", "l"], ["碳达峰", "vn"], ["碳中和", "vn"], ["河长制", "n"], ["林长制", "n"], ["复工复产", "l"],
  ["志愿服务", "vn"], ["接诉即办", "l"], ["一网通办", "l"], ["专项债", "n"], ["专班", "n"], ["赋能", "v"],
  ["文旅", "n"], ["农文旅", "n"], ["研学", "vn"], ["康养", "vn"], ["夜经济", "n"], ["首店", "n"], ["数字经济", "n"],
  ["营商环境", "n"], ["放管服", "j"], ["低空经济", "n"], ["银发经济", "n"], ["老旧小区", "n"], ["适老化", "vn"],
  ["托育", "vn"], ["结对帮扶", "l"], ["村集体", "n"], ["新农人", "n"], ["特色小镇", "n"], ["高标准农田", "n"],
  ["电信诈骗", "n"], ["反诈", "vn"], ["异地就医", "l"], ["非遗", "j"], ["文创", "j"], ["国潮", "n"], ["预制菜", "n"],
  // Health
  ["新冠", "nz"], ["新冠肺炎", "nz"], ["新冠病毒", "nz"], ["核酸检测", "vn"], ["疫苗接种", "vn"], ["网课", "n"],
  // New trades and the people in them
  ["外卖骑手", "n"], ["快递小哥", "n"], ["宝妈", "n"], ["直播带货", "l"],
  // Set phrases of today's official prose, which jieba cut into name-like pieces (党员尽己所能 gave 尽己)
  ["不忘初心", "l"], ["牢记使命", "l"], ["尽己所能", "l"], ["白衣执甲", "l"], ["逆行者", "n"], ["齐聚", "v"],
  ["担当作为", "l"], ["守正创新", "l"], ["勇毅前行", "l"], ["砥砺奋进", "l"], ["久久为功", "l"], ["落地见效", "l"],
  ["走深走实", "l"], ["提质增效", "l"], ["稳中向好", "l"], ["共建共享", "l"], ["获得感", "n"], ["线上线下", "l"],
  ["全链条", "n"], ["全流程", "n"], ["暖心", "a"],
  // Industry
  ["新能源车", "n"], ["充电桩", "n"], ["自动驾驶", "vn"], ["人形机器人", "n"], ["大模型", "n"], ["算力", "n"],
];

/** Of the order of a common word's count in jieba's dictionary (工作 is counted 66,367 times, 微笑 3,625). */
const COUNT = 5000;

/** The words' tags, for the tagger: these words are not in jieba's dictionary file. */
export const MODERN_WORD_TAGS: ReadonlyMap<string, string> = new Map(ENTRIES);

/** The user dictionary in jieba's format, one `word count tag` per line. */
export const MODERN_WORDS_DICT: Uint8Array = Buffer.from(ENTRIES.map(([word, tag]) => `${word} ${COUNT} ${tag}`).join("\n"));
