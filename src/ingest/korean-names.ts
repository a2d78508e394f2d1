/**
 * Names of Korean Chinese (朝鲜族) and of Koreans as Chinese papers print them: a surname that the
 * Chinese table leaves out, being rare in China or an everyday word there (太, 玄, 千, 河, 南, 全),
 * and a given name of two characters. They are read only in an article that speaks of Korea or of
 * the Korean Chinese, and only where the surname makes no word of the dictionary with the next
 * character (太空, 河流, 全面 are words).
 */
import { givenNamePlausibility } from "./given-names.ts";
import { isHan } from "./han.ts";
import { tagOfWord } from "./jieba.ts";

/** Korean surnames beyond the Chinese table's (池, 朴, 金 are in it). */
const KOREAN_SURNAMES: ReadonlySet<string> = new Set([..."太玄都表千琴河秋奇延玉元宣南全明"]);

/** How plausible each given-name character must be: the surname is the weak part of the reading. */
const MIN_GIVEN = 0.45;

/** Whether a text speaks of Korea or of the Korean Chinese, so that a Korean surname may open a name. */
export function speaksOfKorea(text: string): boolean {
  return /朝鲜族|韩国|朝鲜|延边|韩裔/.test(text);
}

/** The length of a Korean name at `s` (3), or 0, where `endsAt` accepts its end. */
export function readKoreanName(text: string, s: number, endsAt: (i: number) => boolean): number {
  if (!KOREAN_SURNAMES.has(text[s] ?? "") || tagOfWord(text.slice(s, s + 2)) !== null) return 0;
  const given = text.slice(s + 1, s + 3);
  if (given.length !== 2 || ![...given].every((c) => isHan(c) && givenNamePlausibility(c) >= MIN_GIVEN)) return 0;
  return endsAt(s + 3) ? 3 : 0;
}
