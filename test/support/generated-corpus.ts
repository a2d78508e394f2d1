/**
 * Varied newspaper pages for search tests and bench/search.ts, made from the parser's own
 * inputs: the sentences of the sample front page and the e-paper fixtures, recombined with
 * names, titles and topics, under different dates. The pages are text in the OCR form of the
 * sample, so the parser makes the articles (headlines, dispatches, captions, people) as it
 * would from a real page. Deterministic for a given seed.
 */
import fs from "node:fs";
import path from "node:path";
import { projectRoot, seedsDir } from "../../src/lib/paths.ts";

const SOURCES = [
  path.join(seedsDir, "taiyuan-daily", "2022-06-03", "page-01.txt"),
  path.join(projectRoot, "test", "fixtures", "taiyuan-daily", "2022-06-03", "page-03.txt"),
  path.join(projectRoot, "test", "fixtures", "epaper", "city-daily", "2023-01-03", "page-01.txt"),
  path.join(projectRoot, "test", "fixtures", "epaper", "national-daily", "2022-10-12", "page-01.txt"),
  path.join(projectRoot, "test", "fixtures", "epaper", "national-daily", "2022-10-12", "page-03.txt"),
];

/** Sentences (ending in 。) of the body paragraphs of the source pages, without names in credits or markers. */
export const SENTENCES: string[] = (() => {
  const sentences = new Set<string>();
  for (const file of SOURCES) {
    for (const raw of fs.readFileSync(file, "utf8").split("\n")) {
      const line = raw.replace(/^[\s\u3000]+/, "").trim();
      if (line.length < 30 || line.startsWith("#")) continue;
      const body = line.replace(/^本报讯[(（][^)）]*[)）]\s*/, "").replace(/[(（][^)）]*[)）]$/, "");
      for (const sentence of body.match(/[^。]+。/g) ?? []) {
        if (sentence.length >= 12 && !/[(（)）]/.test(sentence)) sentences.add(sentence.replace(/^[”"]/, ""));
      }
    }
  }
  return [...sentences];
})();

export const NAMES = ["韦韬", "王纯", "张新伟", "魏民", "卢秋生", "张瑞鹏", "李建国", "朱晓东", "薛维柱", "王剑峰", "高波", "陈继光"];
const SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文";
const GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏建辉宁海燕晨斌波";
const TITLES = ["市委书记", "市长", "副市长", "市委副书记、市长", "省人大常委会副主任", "市人大常委会主任", "市政协主席", "市委常委、副市长", "省政协副主席"];
const TOPICS = ["太忻经济一体化发展", "汾酒集团", "防汛抗旱工作", "安全生产", "疫情防控", "城市更新行动", "产业工人队伍建设改革", "生态修复治理", "服务业复工复产", "冬季供暖"];
const ACTIONS = ["调研", "督导检查", "主持召开会议研究", "出席座谈会并讲话", "会见客人谈"];
const REPORTERS = ["殷雪莹", "梁涛", "丁洁", "陈静", "周敏", "黄海涛"];
const PLACES = ["清徐县", "小店区", "尖草坪区", "双塔公园", "汾河", "太原科创驱动中心"];

/** A small deterministic PRNG (mulberry32). */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GeneratedPage {
  date: string;
  pageNumber: number;
  text: string;
}

/**
 * `count` pages of `articlesPerPage` articles each, page numbers 1–4 on consecutive dates
 * from `startDate`. Names are the sample's twelve plus invented ones, so that 2-character
 * names like 韦韬 and 王纯 occur in some articles and not in others.
 */
export function generatePages(count: number, { seed = 1, startDate = "2020-01-01", articlesPerPage = 8 } = {}): GeneratedPage[] {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const name = () => (next() < 0.5 ? pick(NAMES) : pick([...SURNAMES]) + pick([...GIVEN]) + (next() < 0.4 ? pick([...GIVEN]) : ""));
  const sentences = (n: number) => Array.from({ length: n }, () => pick(SENTENCES)).join("");
  const start = Date.parse(`${startDate}T00:00:00Z`);
  return Array.from({ length: count }, (_, index) => {
    const day = new Date(start + Math.floor(index / 4) * 86_400_000);
    const date = day.toISOString().slice(0, 10);
    const month = day.getUTCMonth() + 1;
    const blocks: string[] = [];
    for (let position = 0; position < articlesPerPage; position++) {
      const lead = name();
      const topic = pick(TOPICS);
      const headline = `${lead}${pick(ACTIONS)}${topic}`;
      const other = name();
      blocks.push(`${position === 0 ? "#" : "##"} ${headline}`);
      if (next() < 0.3) blocks.push(`${lead}${other}出席`);
      if (next() < 0.3) blocks.push(`${lead}在${pick(PLACES)}调研${topic}。${pick(REPORTERS)}摄`);
      const reporters = [pick(REPORTERS), pick(REPORTERS)].filter((value, i, all) => all.indexOf(value) === i).join("、");
      const dateline = `${month}月${Math.max(1, day.getUTCDate() - 1)}日`;
      blocks.push(`本报讯(记者 ${reporters}) ${dateline},${pick(TITLES)}${lead}${pick(ACTIONS)}${topic}。${sentences(2 + Math.floor(next() * 4))}`);
      blocks.push(`${pick(TITLES)}${other}参加。${sentences(2 + Math.floor(next() * 5))}`);
      if (next() < 0.5) blocks.push(sentences(2 + Math.floor(next() * 4)));
    }
    return { date, pageNumber: (index % 4) + 1, text: `${blocks.join("\n\n")}\n` };
  });
}
