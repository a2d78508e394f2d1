/**
 * Japanese personal names as Chinese papers print them: a surname of two or three characters
 * (岸田, 五十岚) and a given name of one to three (文雄, 克之, 纱理那), with no surname of the
 * Chinese table and given-name characters (之, 一, 子) that a Chinese name rarely ends with, so
 * the Chinese reading cuts them short or misses them (荒井克之 read 荒井克).
 *
 * Many of these surnames are Chinese words or places too (中山, 小林, 上野), so they are read
 * only in an article that speaks of Japan (people/segments.ts decides), and only up to a sure end.
 */
import { isHan } from "./han.ts";
import { boundaryAt } from "./name-reading.ts";

/** Common Japanese surnames (the most frequent ones, and those of public figures), two or three characters. */
const SURNAMES: ReadonlySet<string> = new Set([
  "佐藤", "铃木", "高桥", "田中", "伊藤", "渡边", "山本", "中村", "小林", "加藤", "吉田", "山田", "佐佐木", "山口",
  "松本", "井上", "木村", "清水", "山崎", "池田", "桥本", "阿部", "石川", "山下", "中岛", "石井", "小川", "前田",
  "冈田", "长谷川", "藤田", "后藤", "近藤", "村上", "远藤", "青木", "坂本", "斋藤", "福田", "太田", "西村", "藤井",
  "金子", "冈本", "藤原", "中野", "中川", "原田", "松田", "竹内", "小野", "田村", "中山", "和田", "石田", "森田",
  "上田", "柴田", "酒井", "工藤", "横山", "宫崎", "宫本", "内田", "高木", "安藤", "岛田", "谷口", "大野", "高田",
  "丸山", "今井", "河野", "藤本", "村田", "武田", "上野", "杉山", "增田", "小山", "大塚", "平野", "菅原", "久保",
  "松井", "千叶", "岩崎", "樱井", "木下", "野口", "松尾", "菊地", "野村", "新井", "荒井", "渡部", "古贺", "真锅",
  "五十岚", "小笠原", "岸田", "安倍", "石破", "野田", "鸠山", "麻生", "小泉", "茂木", "松野", "高市", "二阶", "上川",
  "岩屋", "林田", "浅田", "羽生", "大谷", "本田", "香川", "三浦", "福原", "石原", "桥下", "小池", "村山", "海部",
  "细川", "宫泽", "竹下", "中曾根", "玉木", "枝野", "志位", "岸本", "堀江", "稻盛", "黑田", "植田",
]);

/**
 * Last characters of Japanese surnames beyond the list (金井, 森崎, 北泽), after a first character
 * that opens no Chinese word with them: in an article that speaks of Japan, a name after a title
 * that opens with one of them is read the Japanese way.
 */
const SURNAME_FINALS = new Set([..."井野藤崎泽冈岛濑桥谷部尾边田木村川"]);

/** Characters that end a given name for sure: grammar, not names. */
const NOT_GIVEN = new Set([..."的了是在和与及或说等也都就又还并已被把将从向对着过这个们该每各此有无不没"]);

/**
 * The length of the Japanese name at `s`, or 0: a listed surname and a given name of two, three
 * or one characters (tried in that order, two being the commonest) that `endsAt` accepts as the
 * end of a name.
 */
export function readJapaneseName(text: string, s: number, endsAt: (i: number) => boolean, isEverydayWord: (w: string) => boolean = () => false): number {
  for (const surname of [3, 2]) {
    if (!isJapaneseSurname(text.slice(s, s + surname), isEverydayWord)) continue;
    for (const given of [2, 3, 1]) {
      const end = s + surname + given;
      const chars = text.slice(s + surname, end);
      if (chars.length !== given || ![...chars].every((c) => isHan(c) && !NOT_GIVEN.has(c))) continue;
      // A sure end inside the given name ends it there (山田一表示 is 山田一, not 山田一表示).
      let inner = false;
      for (let i = s + surname + 1; i < end; i++) if (boundaryAt(text, i) === "strong") inner = true;
      if (!inner && endsAt(end)) return surname + given;
    }
  }
  return 0;
}

/** A listed surname, or two characters with a typical last one that make no everyday word (北泽, not 全部). */
function isJapaneseSurname(surname: string, isEverydayWord: (w: string) => boolean): boolean {
  if (SURNAMES.has(surname)) return true;
  return surname.length === 2 && isHan(surname[0]) && SURNAME_FINALS.has(surname[1] ?? "") && !isEverydayWord(surname);
}

/** Whether a text speaks of Japan, so that a Japanese surname in it may open a name. */
export function speaksOfJapan(text: string): boolean {
  return /日本|日方|日籍|日中|中日|东京|大阪/.test(text);
}
