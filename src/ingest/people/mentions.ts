/**
 * People named in one article, with the title printed with them: the people reader's entry point.
 *
 * A word counts as a person only with evidence, never because it merely looks like a name. The
 * finder (find-in-segment.ts) reads each part of the article for:
 *   1. a name right after a role noun: a title (省委常委、太原市委书记韦韬, 酒店负责人韩永茂), or a
 *      kinship word, quoted nickname or post held, which vouch for the name but are no title;
 *   2. the names of a 、 list after such a name, sharing its title (市领导王剑峰、薛维柱);
 *   3. a name right before a postfix title (习近平总书记), or before an office the news puts after
 *      a name when the person speaks next (王刚局长说);
 *   4. a name with no title that what stands around it says is a person (李建国出席, 78岁的王明),
 *      and (4b) the names opening the items of a personnel notice (常国强为市教育局局长；);
 *   6. a 、 list of names with no title, most of which read as names by themselves;
 *   7. a name jieba itself made a new word of (蒋光远在禁区…), or a Mongolian or Tibetan name
 *      (and in an article that speaks of the Dai or the Yi, theirs) that says it is one by its form;
 *      and a name joined by · wherever it stands (、司马义·铁力瓦尔地、).
 * Here, rule 5: every occurrence of an evidenced name in the same article is that person (韦韬 in
 * a headline or in the run-together subheadline 韦韬王纯朱晓东出席并讲话).
 * Credited names (reporters, photographers, authors) are never mentions.
 *
 * Detection runs on the repaired text of each part of the article (where column breaks are
 * rejoined: segments.ts); every position is then mapped back to the page text, and a mention whose
 * name cannot be found verbatim in the page text is dropped, so `text.slice(span)` is always the
 * name as printed (a line break or a padding space inside it aside).
 */
import { surnameLengthAt } from "../surnames.ts";
import { normaliseTitle } from "../titles.ts";
import type { ParsedMention, Span } from "../types.ts";
import { findInSegment } from "./find-in-segment.ts";
import { everydayReduplication, everydayWordTaggedName, fillsQuotes, honorificBeforeAdverb } from "./plausible-names.ts";
import { inBookTitle, standsAlone } from "./segment-words.ts";
import type { MentionInput } from "./mention-input.ts";
import { buildSegments, type Found, type Segment } from "./segments.ts";

/**
 * The people named in one article (see the module comment for the evidence required), one
 * per distinct name in order of first appearance, each with the title printed nearest before
 * the first of its mentions that has one. Never throws: bad input gives [].
 */
export function extractMentions(input: MentionInput): ParsedMention[] {
  try {
    return extract(input);
  } catch {
    return [];
  }
}

function extract(input: MentionInput): ParsedMention[] {
  const page = typeof input.text === "string" ? input.text : "";
  const segments = buildSegments(page, input);
  const credits = (input.creditNames ?? []).filter((n) => typeof n === "string" && n.length > 0);
  const isCredit = (name: string): boolean => credits.some((c) => c.includes(name));

  const found: Found[] = [];
  for (const seg of segments) found.push(...findInSegment(seg));
  // Found with no title, a surname and an everyday doubled word is that word (“金宝宝”礼盒).
  // So is one that fills a pair of quotation marks alone (从“干沙滩”到“金沙滩”).
  // So is one set between a county or district and a unit of the places under it (东山区李哥庄街道): a place.
  const untitledThing = (f: Found): boolean =>
    f.title === null &&
    (everydayReduplication(f.name, surnameLengthAt(f.seg.text, f.at)) ||
      fillsQuotes(f.seg.text, f.at, f.at + f.name.length) ||
      placeBetweenUnits(f.seg.text, f.at, f.at + f.name.length));
  // Found with a title, an everyday word that jieba tags as a name is that word (居民福祉, 滑雪教练).
  const evidenced = found.filter(
    (f) => !isCredit(f.name) && !honorificBeforeAdverb(f.seg.text, f.at, f.name) && !untitledThing(f) && !(f.title !== null && everydayWordTaggedName(f.name)),
  );
  if (evidenced.length === 0) return [];

  // Rule 5: every occurrence of an evidenced name, longest names first so that 王纯 inside a
  // longer evidenced 王纯华 is not counted twice. A name inside a work or doctrine title
  // (《刘胡兰传》, 习近平新时代…思想) is no mention.
  // A dotted name's last part or first part alone (佩德罗萨, 艾尔肯 after 哈维尔·佩德罗萨,
  // 艾尔肯·吐尔逊) is a later mention of the same person, not a person of its own.
  const distinct = [...new Set(evidenced.map((f) => f.name))];
  const names = distinct.filter((name) => !isDottedShortForm(name, distinct)).sort((a, b) => b.length - a.length);
  const firstSpan = new Map<string, Span>();
  const firstInBody = new Map<string, { seg: Segment; at: number; pos: number }>();
  const foundAt = new Set(evidenced.map((f) => `${segments.indexOf(f.seg)}:${f.at}`));
  for (const [index, seg] of segments.entries()) {
    const taken = new Uint8Array(seg.text.length);
    for (const name of names) {
      for (let i = seg.text.indexOf(name); i >= 0; i = seg.text.indexOf(name, i + 1)) {
        const end = i + name.length;
        if (taken[i] === 1 || taken[end - 1] === 1) continue;
        // Where a rule found the name, it stands alone even if jieba's words straddle it (长张/x).
        if (!foundAt.has(`${index}:${i}`) && !standsAlone(seg, i, end)) continue;
        if (inBookTitle(seg, i) || inDoctrineName(seg.text, end) || opensFirmName(seg.text, end)) continue;
        taken.fill(1, i, end);
        const span = rawSpan(page, seg, i, name);
        const best = firstSpan.get(name);
        if (span && (!best || span.start < best.start)) firstSpan.set(name, span);
        const pos = span?.start ?? seg.rawStart + i;
        const first = firstInBody.get(name);
        if (!seg.heading && (!first || pos < first.pos)) firstInBody.set(name, { seg, at: i, pos });
      }
    }
  }

  const mentions: Array<ParsedMention & { order: number }> = [];
  for (const name of names) {
    // People named only in the headings are not listed.
    const first = firstInBody.get(name);
    const span = firstSpan.get(name) ?? searchRaw(page, segments, name);
    if (!span || !first) continue;
    // The title is the one printed with the first mention in the body.
    const titled = evidenced.find((f) => f.name === name && f.seg === first.seg && f.at === first.at && f.title !== null);
    let title: string | null = null;
    let titleSpan: Span | null = null;
    let normalisedTitle: string | null = null;
    if (titled?.title) {
      title = titled.title;
      titleSpan = rawSpan(page, titled.seg, titled.titleAt, title) ?? searchTitleRaw(page, titled, title);
      normalisedTitle = normaliseTitle(titled.fullTitle ?? title, input.region ?? null);
    }
    mentions.push({ name, title, normalisedTitle, span, titleSpan, order: first.pos });
  }
  return mentions.sort((a, b) => a.order - b.order).map(({ order: _, ...m }) => m);
}

/** Whether `name` is the first or the last part of a dotted name among `names` (佩德罗萨 of 哈维尔·佩德罗萨). */
function isDottedShortForm(name: string, names: readonly string[]): boolean {
  if (name.includes("·")) return false;
  return names.some((full) => full.startsWith(`${name}·`) || full.endsWith(`·${name}`));
}

/**
 * Whether [at, end) stands right after a county, district or city and right before a street office,
 * a community, a town, a township or a village (东山区李哥庄街道, 江城县李家村): the name of a place
 * under the one before it.
 */
function placeBetweenUnits(t: string, at: number, end: number): boolean {
  return /[区县市]$/.test(t.slice(0, at)) && /^(?:街道|社区|镇|乡|村)/.test(t.slice(end, end + 2));
}

/** Whether a name ending at `end` opens the name of a doctrine (习近平新时代中国特色社会主义思想). */
function inDoctrineName(t: string, end: number): boolean {
  return /^[^，。；、：“”！？的说是在和与\n]{0,16}思想/.test(t.slice(end, end + 20));
}

/**
 * Whether a name ending at `end` opens the registered name of a firm or a foundation
 * (袁隆平农业高科技股份有限公司, 某某慈善基金会): a name inside a company's name is no mention.
 * Only the words of a registered name may stand between: no punctuation, no verb of the clause.
 */
function opensFirmName(t: string, end: number): boolean {
  return /^[^，。；、：“”！？的说是在和与为任从向被把将对\n]{0,12}?(?:有限公司|有限责任公司|股份公司|基金会)/.test(t.slice(end, end + 20));
}

/**
 * Where `str`, found at `at` in the segment's repaired text, stands in the page text, or null:
 * the page's slice is `str` as printed, line breaks of a wrapped line included.
 */
function rawSpan(page: string, seg: Segment, at: number, str: string): Span | null {
  const a = seg.map[at];
  const b = seg.map[at + str.length - 1];
  if (a === undefined || b === undefined || a < 0 || b < 0) return null;
  const printed = page.slice(a, b + 1);
  // A name the OCR wrapped across two lines is printed with the line break inside it (吴\n斌), and
  // a two-character name padded to three with a space (王 明, padded-rows.ts).
  const same = printed === str || (printed.length <= str.length + 2 && printed.replace(/\r?\n|[ \u3000]/g, "") === str);
  return same ? { start: a, end: b + 1 } : null;
}

/** The first verbatim occurrence of `str` in the page text inside any of the segments. */
function searchRaw(page: string, segments: Segment[], str: string): Span | null {
  for (const seg of segments) {
    const i = page.indexOf(str, seg.rawStart);
    if (i >= 0 && i + str.length <= seg.rawEnd) return { start: i, end: i + str.length };
  }
  return null;
}

/** A title that crossed a column break: the verbatim occurrence nearest before its name, if any. */
function searchTitleRaw(page: string, f: Found, title: string): Span | null {
  const nameAt = f.seg.map[f.at] ?? -1;
  const limit = nameAt >= 0 ? nameAt : f.seg.rawEnd;
  const i = page.lastIndexOf(title, limit - title.length);
  return i >= f.seg.rawStart ? { start: i, end: i + title.length } : null;
}
