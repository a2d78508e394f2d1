/**
 * The page's own paper named in a byline's label rather than as 本报: its name (扬子晚报记者), a
 * short form that the name ends with (导报记者 in 海峡导报), or its printed abbreviation (中青报 of
 * 中国青年报) or its name without its kind (第一财经 of 第一财经日报), perhaps before its web or app brand (扬子晚报/紫牛新闻记者). That name is the source
 * where 本报 would stand in 本报记者; another paper's reporter (新京报记者 on another paper's page)
 * names none, so the paper must be known.
 */
import { simplifiedText } from "./traditional.ts";

/** The shortest short form read: two characters (导报, 晚报); one would open too many labels. */
const MIN_SHORT_FORM = 2;
/**
 * The shortest abbreviation read: three characters (中青报, 北青报). Two taken out of a name
 * (中报) would read as the start of many another paper's label.
 */
const MIN_ABBREVIATION = 3;

/**
 * The paper's name or short form that opens `label`, the longest that does, or null when the label
 * opens with neither or holds nothing after it. `paper` is the publication's name, when known; a
 * name in traditional characters (大公報) is compared in simplified ones, as the label is read.
 */
export function ownPaperInLabel(label: string, paper: string | null | undefined): string | null {
  if (!paper) return null;
  const name = simplifiedText(paper);
  for (let cut = 0; cut <= name.length - MIN_SHORT_FORM; cut++) {
    const form = name.slice(cut);
    if (label.length > form.length && label.startsWith(form)) return form;
  }
  for (let length = Math.min(name.length - 1, label.length - 1); length >= MIN_ABBREVIATION; length--) {
    const form = label.slice(0, length);
    if (abbreviates(form, name)) return form;
  }
  const stem = nameWithoutKind(name);
  // A stem of three characters or more brands the paper's bylines as the newsroom's own name does;
  // one of two, a place (河南 of 河南日报), opens many another label, so only a staff label may follow it.
  if (stem !== null && stem.length >= MIN_STEM && label.length > stem.length && label.startsWith(stem)) return stem;
  if (stem !== null && stem.length === MIN_SHORT_FORM && label.startsWith(stem) && STAFF_LABEL.test(label.slice(MIN_SHORT_FORM))) return stem;
  const heads = wordHeads(name);
  if (heads !== null && label.length > heads.length && label.startsWith(heads)) return heads;
  return null;
}

/** The paper's name without its kind (第一财经日报 → 第一财经, 半岛都市报 → 半岛), or null when it ends in none. */
function nameWithoutKind(name: string): string | null {
  const stem = name.replace(PAPER_KIND, "");
  return stem !== name ? stem : null;
}
/**
 * What may follow a two-character stem (半岛 of 半岛都市报) for the stem to be the paper's short
 * name: a newsroom's qualifier and a staff label alone (全媒体记者, 首席记者), which only a paper's
 * own byline puts after a bare place; another outlet named after the same place (河南广电记者 on
 * 河南日报's page) is not taken for the paper, nor a place with 记者 alone (江城记者).
 */
const STAFF_LABEL = /^(?:全媒体|融媒体|全媒|首席)(?:记者|评论员)$/;
/** The kind a paper's name ends with: 日报, 晚报, 时报, 都市报… or just 报. */
const PAPER_KIND = /(?:日|晚|时|早|商|都市)?报$/;
/** The shortest stem read before any label: three characters (第一财经). */
const MIN_STEM = 3;

/**
 * The short form made of the first characters of a name's two opening words of two characters
 * before the paper's kind (南方都市报 → 南都), or null for a shorter name: each character stands
 * for a word, so the form holds no character of the kind and two are enough.
 */
function wordHeads(name: string): string | null {
  return name.length >= MIN_WORD_HEADS_NAME ? `${name[0]}${name[2]}` : null;
}
/** Two words of two characters and the kind (都市报, 日报: at least 报). */
const MIN_WORD_HEADS_NAME = 5;

/**
 * Whether `form` abbreviates `name` as Chinese names are shortened: the name's first and last
 * characters kept, the others taken from it in order (中青报 of 中国青年报).
 */
function abbreviates(form: string, name: string): boolean {
  if (form[0] !== name[0] || form.at(-1) !== name.at(-1)) return false;
  let at = 0;
  for (const c of form) {
    at = name.indexOf(c, at);
    if (at === -1) return false;
    at++;
  }
  return true;
}
