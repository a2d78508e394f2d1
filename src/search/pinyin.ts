import { pinyin } from "pinyin-pro";

/**
 * A name in toneless pinyin, lowercase, without spaces or marks (韦韬 → weitao, 吕 → lv), read
 * as a name: surnames take their surname reading (单 → shan). Non-Han letters and digits are
 * kept in lower case; everything else (·, spaces) is dropped, so `people(pinyinPrefix:)`
 * matches what a user types.
 */
export function pinyinOf(name: string): string {
  const syllables = pinyin(name, { toneType: "none", type: "array", surname: "head", v: true, nonZh: "consecutive" });
  return syllables.join("").toLowerCase().replace(/ü/g, "v").replace(/[^a-z0-9]/g, "");
}

/**
 * A typed pinyin prefix as stored: lower case, ü as v, spaces, apostrophes and · dropped. Any
 * other character (`%`, `_`) is kept and matched as itself, so it matches no stored pinyin.
 */
export function normalisePinyinPrefix(text: string): string {
  return text
    .toLowerCase()
    .replace(/ü/g, "v")
    .replace(/[\s'’·]/g, "");
}
