/**
 * Page labels as newspapers print them: plain numbers (第3版, 三版, 03) and, in city dailies
 * printed in several sections, a section letter with the page's number in that section
 * (A01, B2, Ａ０１). Every comparison of labels goes through `normalisePageLabel`, so that
 * "A1", "a01" and "Ａ０１" are one page, and "3", "03" and "三" another.
 *
 * The order of a page in its issue is a function of its label alone, so that it never changes
 * when other pages of the issue are ingested later, in any order: a plain page keeps its
 * number (1–999); a section page is placed after every plain page, sections in letter order
 * and pages in number order: `1000 + letter index × 100 + page in section`, so A01 is 1001,
 * A02 1002, B01 1101, B02 1102, Z99 3599. Sections hold up to 99 pages, which keeps every
 * order within the 12 bits the search key gives the page (src/search/tokens.ts). The mapping
 * is one to one: the label is read back from the order by `pageLabelOfOrder`.
 */

export interface PageLabel {
  /** The normalised label: "A01", "B12", "3". */
  label: string;
  /** The section letter, upper case; null for a plain page. */
  section: string | null;
  /** The printed number: within the section for a section page, the page number otherwise. */
  number: number;
  /** The page's place in the issue (see above). */
  order: number;
}

/** Plain pages in one issue: 1 to this. */
const MAX_PAGE = 999;
/** Pages in one section: 1 to this. */
const MAX_SECTION_PAGE = 99;
const SECTIONS_FROM = 1000;
const SECTION_STRIDE = 100;
const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

const DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

/** 3 → 3, "三" → 3, "十" → 10, "十二" → 12, "二十三" → 23, "一百零二" → 102; NaN when unreadable. */
export function parsePageNumeral(s: string): number {
  if (/^[0-9]+$/.test(s)) return Number(s);
  let total = 0;
  let current = 0;
  for (const ch of s) {
    if (ch === "十" || ch === "百") {
      const unit = ch === "十" ? 10 : 100;
      total += (current === 0 ? 1 : current) * unit;
      current = 0;
    } else {
      const d = DIGITS[ch];
      if (d === undefined) return Number.NaN;
      current = current * 10 + d;
    }
  }
  return total + current;
}

/**
 * Reads a printed page label: "A01", "a1", "Ａ０１", "B 2", "第三版", "03", "3". Full-width
 * forms, spaces, a leading 第 and a trailing 版 are ignored. Null when it is not a label, or
 * its number is not 1–999 (1–99 in a section).
 */
export function readPageLabel(printed: string): PageLabel | null {
  const s = printed.normalize("NFKC").replace(/\s+/gu, "").replace(/^第/u, "").replace(/版$/u, "").toUpperCase();
  const sectioned = /^([A-Z])([0-9]{1,2})$/.exec(s);
  if (sectioned) {
    const [, section, digits] = sectioned as unknown as [string, string, string];
    const number = Number(digits);
    if (number < 1 || number > MAX_SECTION_PAGE) return null;
    return {
      label: `${section}${String(number).padStart(2, "0")}`,
      section,
      number,
      order: SECTIONS_FROM + LETTERS.indexOf(section) * SECTION_STRIDE + number,
    };
  }
  if (!/^(?:[0-9]{1,3}|[一二三四五六七八九十百零〇两]{1,6})$/u.test(s)) return null;
  const number = parsePageNumeral(s);
  if (!Number.isInteger(number) || number < 1 || number > MAX_PAGE) return null;
  return { label: String(number), section: null, number, order: number };
}

/** The normalised form of a printed label ("a1" → "A01", "03" → "3"), or null when it is not one. */
export function normalisePageLabel(printed: string): string | null {
  return readPageLabel(printed)?.label ?? null;
}

/** The label of the page at `order` in its issue (1001 → "A01", 3 → "3"); null for an order no label has. */
export function pageLabelOfOrder(order: number): PageLabel | null {
  if (!Number.isSafeInteger(order) || order < 1) return null;
  if (order <= MAX_PAGE) return { label: String(order), section: null, number: order, order };
  if (order < SECTIONS_FROM) return null;
  const section = LETTERS[Math.floor((order - SECTIONS_FROM) / SECTION_STRIDE)];
  const number = (order - SECTIONS_FROM) % SECTION_STRIDE;
  if (section === undefined || number < 1) return null;
  return { label: `${section}${String(number).padStart(2, "0")}`, section, number, order };
}

/** The order in its issue of the page a label names (see above); null when it is not a label. */
export function pageOrderOfLabel(printed: string): number | null {
  return readPageLabel(printed)?.order ?? null;
}

/**
 * The label to show for a stored page number (jumps and pickups are stored by number). A
 * number stored before labels that has none (a jump to 第1200版) is shown as it is.
 */
export function labelOfPageNumber(order: number): string {
  return pageLabelOfOrder(order)?.label ?? String(order);
}

/**
 * A page as hand-read files and printed structure name it: a plain page by its number (3), a
 * section page by its label ("A04"), so that what `papergraph parse` prints can be saved as a
 * page's expected reading and read back. Orders of section pages (1004) are internal.
 */
export type PageRef = number | string;

/** The reference to the page at `order` (3 → 3, 1004 → "A04"), or null for an order no label has. */
export function pageRefOfOrder(order: number): PageRef | null {
  const page = pageLabelOfOrder(order);
  return page === null ? null : page.section === null ? page.number : page.label;
}

/**
 * The order of the page a reference names: a whole number 1–999, or a section page's label as
 * `pageRefOfOrder` writes it ("A01" to "Z99"). Null for anything else, looser spellings of a
 * label included ("a4", "Ａ０４"), so that a file holds each page one way.
 */
export function orderOfPageRef(ref: unknown): number | null {
  if (typeof ref === "number") return Number.isInteger(ref) && ref >= 1 && ref <= MAX_PAGE ? ref : null;
  if (typeof ref !== "string" || !SECTION_REF.test(ref)) return null;
  return pageOrderOfLabel(ref);
}

/** A section page's label in its one written form: letter, then two digits, 01 to 99. */
const SECTION_REF = /^[A-Z](?:0[1-9]|[1-9][0-9])$/;

/** What a page reference must be, for refusals. */
export const PAGE_REF_DESCRIPTION = "a page number (1 to 999) or a section page's label (A01 to Z99)";
