/**
 * Titles of office as printed before (or after) a name, and their normal form.
 *
 * jieba tags 市长, 市委书记, 主任 as plain nouns, so it cannot say where a title ends and a
 * name begins: this lexicon of office words (the last word of a title) does. Whatever stands
 * before the office word up to a sentence boundary is the organ it belongs to
 * (汾酒集团 + 总经理), decided in people/title-attachment.ts. The words themselves are in role-nouns.ts.
 */
import { HAN_RANGES } from "./han.ts";
import { OFFICES, PROFESSIONS, SITUATIONS } from "./role-nouns.ts";

/** Office words a title can end with (every tier of role noun but kinship); a name may follow any of them. */
const OFFICE_WORDS = [...OFFICES, ...PROFESSIONS, ...SITUATIONS];

/** Longest first, so that 副主任 wins over 主任 and 总河湖长 over 河湖长. */
const OFFICES_BY_LENGTH = [...new Set(OFFICE_WORDS)].sort((a, b) => b.length - a.length);

/**
 * Titles that follow the name (习近平总书记). Kept short: after a name, most office words are
 * the start of the next person's title, not the end of this one's.
 */
export const POSTFIX_TITLES: ReadonlySet<string> = new Set([
  "总书记", "委员长", "总理", "主席", "副主席", "院士", "教授", "总统", "首相",
]);

/** Office words by the code unit of their last character: the scan runs at every position of every page. */
const OFFICES_BY_LAST_CHAR = new Map<number, string[]>();
for (const office of OFFICES_BY_LENGTH) {
  const last = office.charCodeAt(office.length - 1);
  OFFICES_BY_LAST_CHAR.set(last, [...(OFFICES_BY_LAST_CHAR.get(last) ?? []), office]);
}

/** The office word that `text` ends with at `end` (longest), or null. */
export function officeEndingAt(text: string, end: number): string | null {
  // Most positions end no office: they return before any array is made or walked.
  const offices = OFFICES_BY_LAST_CHAR.get(text.charCodeAt(end - 1));
  if (offices === undefined) return null;
  for (const office of offices) {
    const start = end - office.length;
    if (start >= 0 && text.startsWith(office, start)) return office;
  }
  return null;
}

const OFFICE_SET: ReadonlySet<string> = new Set(OFFICES_BY_LENGTH);

/** Whether `word` is itself an office word (副主席, 负责人, …). */
export function isOfficeWord(word: string): boolean {
  return OFFICE_SET.has(word);
}

/** A title unit split into the organ and its office: 市政协主席 → { body: 市政协, office: 主席 }. */
export function splitOffice(unit: string): { body: string; office: string } | null {
  const office = officeEndingAt(unit, unit.length);
  return office === null ? null : { body: unit.slice(0, unit.length - office.length), office };
}

export interface Region {
  city?: string | null;
  province?: string | null;
}

/** Words ending in 市 or 省 at the start of a unit that do not name a city or province. */
const NOT_A_PLACE = /^(?:超市|城市|股市|楼市|夜市|早市|都市|门市|全市|各市|两市|外市|该市|反省|节省|全省|各省|外省|该省)/;

/** Bare city-level offices that name no city: 副市长 is always the deputy mayor of "the" city. */
const BARE_CITY_OFFICE = /^(?:副|常务副|代|代理)市长$/;
const BARE_PROVINCE_OFFICE = /^(?:副|常务副|代|代理)省长$/;
/** A place named before its office: 2–4 Han characters and 市, 2–3 and 省. */
const NAMED_CITY = new RegExp(`^([${HAN_RANGES}]{2,4}?市)`);
const NAMED_PROVINCE = new RegExp(`^([${HAN_RANGES}]{2,3}?省)`);

/** Regions that name no city or province: a national paper's 全国. */
const NO_PLACE = new Set(["全国"]);

function cityName(city: string | null | undefined): string | null {
  if (!city || NO_PLACE.has(city)) return null;
  // 甘孜州 and 锡林郭勒盟 are prefectures as named; 杭州, 广州 and 苏州 are cities whose 市 is left off.
  return /市$|盟$|.{2,}州$/.test(city) ? city : `${city}市`;
}

function provinceName(province: string | null | undefined): string | null {
  if (!province || NO_PLACE.has(province)) return null;
  return /(?:省|自治区|市)$/.test(province) ? province : `${province}省`;
}

/**
 * The normal form of a printed title, so that the titles one person held on different dates
 * merge however the paper abbreviated them. The rules, applied to each part of a compound
 * title split on 、 and joined again with 、:
 *
 * 1. Whitespace and a leading 中共 (not 中共中央) are dropped (中共太原市委书记 = 太原市委书记).
 * 2. A part that starts with 我市/本市 or a bare 市 (not 市场…) gets the city in front:
 *    市委书记 → 太原市委书记, 市人大常委会主任 → 太原市人大常委会主任, 市领导 → 太原市领导,
 *    市长 → 太原市长 (the city's 市 stands for the office's own 市).
 * 3. A part that starts with a bare 省 gets the province: 省委常委 → 山西省委常委.
 * 4. 副市长 / 常务副市长 / 代市长 alone get the city: 太原市副市长 (and likewise 副省长).
 * 5. A part that names a city or province itself is kept (忻州市委书记), except that the
 *    doubled 市 of X市市长 is collapsed into X市长; and it becomes "the" city or province for
 *    the parts after it: 忻州市委副书记、市长 → 忻州市委副书记、忻州市长.
 * 6. Everything else is kept as printed (总书记, 汾酒集团党委书记, 副主席).
 *
 * The city comes from the publication's region (太原市, 山西省 for 太原日报); without a region
 * nothing is resolved. Examples: 省委常委、市委书记 and 省委常委、太原市委书记 both give
 * 山西省委常委、太原市委书记.
 */
export function normaliseTitle(title: string, region?: Region | null): string {
  let city = cityName(region?.city);
  let province = provinceName(region?.province);
  const parts = title.replace(/\s+/g, "").split("、").filter((p) => p.length > 0);
  const out: string[] = [];
  for (const raw of parts) {
    let part = raw.replace(/^中共(?!中央)/, "").replace(/^(?:我|本)(?=市)/, "");
    if (part.startsWith("市")) {
      if (city && !part.startsWith("市场")) part = city + part.slice(1);
    } else if (part.startsWith("省")) {
      if (province) part = province + part.slice(1);
    } else if (BARE_CITY_OFFICE.test(part)) {
      if (city) part = city + part;
    } else if (BARE_PROVINCE_OFFICE.test(part)) {
      if (province) part = province + part;
    } else if (!NOT_A_PLACE.test(part)) {
      const namedCity = NAMED_CITY.exec(part)?.[1];
      const namedProvince = NAMED_PROVINCE.exec(part)?.[1];
      if (namedCity) {
        city = namedCity;
        if (part === `${namedCity}市长`) part = `${namedCity}长`;
      } else if (namedProvince) {
        province = namedProvince;
      }
    }
    out.push(part);
  }
  return out.join("、");
}
