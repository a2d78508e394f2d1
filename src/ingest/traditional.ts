/**
 * Traditional characters read as simplified ones, one UTF-16 code unit for one (OpenCC's
 * character table, not its phrase tables, which may change lengths), so that an offset in a
 * folded copy is the same offset in the text as printed.
 *
 * The parser's rules, lexicons and jieba's dictionary are written in simplified characters; a
 * page printed in traditional ones (a Hong Kong, Macao or Taiwan daily: 本報訊, 記者, 下轉第三版)
 * is read through its simplified copy, and every name and title is still sliced from the page as
 * printed. Search folds the same way, so 韋韜 finds 韦韬.
 */
import tsCharacters from "opencc-js/dict/TSCharacters";
import twVariantsRev from "opencc-js/dict/TWVariantsRev";
import hkVariantsRev from "opencc-js/dict/HKVariantsRev";
import { mapCodeUnits } from "./code-units.ts";
import { isHanCode } from "./han.ts";

/** Traditional (and Taiwan/Hong Kong variant) code unit → simplified code unit; built on first use (~40 ms). */
let toSimplified: Uint16Array | null = null;
const table = (): Uint16Array => (toSimplified ??= buildTable());

function buildTable(): Uint16Array {
  const table = new Uint16Array(0x10000);
  for (let code = 0; code < 0x10000; code++) table[code] = code;
  const entries = (dictionary: string) => dictionary.split("|").map((entry) => entry.split(" ") as [string, string, ...string[]]);
  const ts = entries(tsCharacters);
  // A character that is itself the simplified form of another (苧 for 薴) is printed in
  // simplified text: folding it would make its own query find other characters' articles.
  const simplifiedForms = new Set(ts.map(([, to]) => to));
  const bmp = (text: string | undefined): text is string => text !== undefined && text.length === 1;
  const set = (from: string, to: string) => {
    if (bmp(from) && bmp(to) && from !== to && !simplifiedForms.has(from)) table[from.charCodeAt(0)] = to.charCodeAt(0);
  };
  for (const [from, to] of ts) set(from, to);
  // Regional variants (台 forms such as 溫 → 温 via 溫 → 溫) go through the standard traditional form.
  for (const [from, to] of [...entries(twVariantsRev), ...entries(hkVariantsRev)]) {
    if (bmp(from) && bmp(to)) set(from, String.fromCharCode(table[to.charCodeAt(0)]!));
  }
  return table;
}

/** The simplified form of one code unit (itself when it has none). */
export const simplifiedCode = (code: number): number => table()[code]!;

/**
 * Whether a text is printed in traditional characters: at least one Han character in
 * TRADITIONAL_SHARE is one of the commonest traditional forms (們, 這, 說, 國, 會 …: about one in
 * six characters of traditional news text; simplified text keeps the odd traditional character,
 * 乾隆 or a name, well under it). Told without the whole table, so that a simplified page never
 * builds it, and from the first SAMPLED_HAN Han characters, which say as much as a whole page.
 */
export function isTraditional(text: string): boolean {
  let han = 0;
  let traditional = 0;
  for (let i = 0; i < text.length && han < SAMPLED_HAN; i++) {
    const kind = CHARACTER_KINDS[text.charCodeAt(i)]!;
    if (kind === 0) continue;
    han++;
    if (kind === COMMON_TRADITIONAL) traditional++;
  }
  return traditional >= MIN_TRADITIONAL && traditional * TRADITIONAL_SHARE >= han;
}

const HAN = 1;
const COMMON_TRADITIONAL = 2;
/** Each code unit's kind for isTraditional: 0, HAN, or COMMON_TRADITIONAL (a traditional form among the commonest characters of news text). */
const CHARACTER_KINDS: Uint8Array = (() => {
  const kinds = new Uint8Array(0x10000);
  for (let code = 0; code < 0x10000; code++) if (isHanCode(code)) kinds[code] = HAN;
  for (const ch of "們這說會國時個來為對後過還麼裡開關發與東見長門問間點體經實現區當號動機進將業無學樣種產從應頭員報記訊電導總議團黨華萬據處參觀讓設計條帶領項務兩車馬龍級歲陽傳統際環運費認識達營戰義爭辦題調換價錢讀書館灣島縣鄉鎮術藝質試驗難顯數視聽話語") {
    kinds[ch.charCodeAt(0)] = COMMON_TRADITIONAL;
  }
  return kinds;
})();
/** At least one Han character in this many is a COMMON_TRADITIONAL one on a traditional page. */
const TRADITIONAL_SHARE = 40;
/** Fewer than this many such characters say nothing, however short the text. */
const MIN_TRADITIONAL = 3;
/** How many Han characters are looked at. */
const SAMPLED_HAN = 4000;

/** The simplified copy of `text`, of exactly the same length. */
export function simplifiedText(text: string): string {
  const folds = table();
  return mapCodeUnits(text, (code) => folds[code]!);
}
