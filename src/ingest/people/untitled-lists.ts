/**
 * Lists of names none of which has a title: a clause of 、 items most of which read as names by
 * themselves (马烽、西戎、李束为、孙谦、胡正), names counted as people after them (冯乐、卓玛等5名同学),
 * names set apart by spaces as honours lists print them, and names each with its unit in brackets
 * (邝雨桐（市第一中学）、柴思远（江城外国语学校）). The list as a whole is the evidence, so it may hold
 * a name that would not pass alone (热地, 乌云其木格).
 */
import { HAN_RANGES, isHan } from "../han.ts";
import { dictionaryFrequency, tagOfWord } from "../jieba.ts";
import { roleEndingAt } from "../role-nouns.ts";
import { surnameLengthAt } from "../surnames.ts";
import { opensWithTitle } from "./name-lists.ts";
import { readName } from "./read-name.ts";
import { endsName, opensClause } from "./segment-words.ts";
import type { Segment } from "./segments.ts";
import { NAME_TAGS, PERSON_TAGS } from "./tags.ts";

/**
 * Names of a 、 list none of whose items has a title: a clause of at least three items, most
 * of which read as names by themselves, or two items that jieba reads as names. The first
 * item may carry words before its name (看望了江泽民), the last words after it (王钦敏等老同志);
 * 张高丽和田纪云 inside an item is two names.
 */
export function untitledList(seg: Segment): Array<{ at: number; length: number }> {
  const t = seg.text;
  const out: Array<{ at: number; length: number }> = [];
  for (const clause of t.matchAll(/[^，。；：！？“”‘’（）()《》,;:!?\n]+/g)) {
    const body = clause[0];
    const items = listItems(body, clause.index);
    if (items === null || KIND_AFTER_LIST.test(items.at(-1)!.text)) continue;
    // Cheap first: a list of three or more needs short items in the middle to be names.
    if (items.length >= 3) {
      const short = items.slice(1, -1).filter((item) => item.text.length >= 2 && item.text.length <= 6).length;
      if (short === 0 || short + 2 < 0.6 * items.length) continue;
    }
    const perItem = items.map((item, i) => namesInItem(seg, item.at, item.text, i === 0, i < items.length - 1, i === items.length - 1));
    // A long middle item may close one list and open another with the name at its end (李四在会上
    // 看望了王五、赵六); that name stands only if an item after it holds a name too: 杨芳在展厅展示苗绣、
    // 蜡染和银饰技艺 goes on to crafts.
    for (let i = 1; i < items.length - 1; i++) {
      const opensAnother = (perItem[i] ?? []).some((n) => n.at > (items[i]?.at ?? 0));
      if (opensAnother && !perItem.slice(i + 1).some((ns) => ns.some((n) => n.strong))) perItem[i] = [];
    }
    const names = perItem.flat();
    const strong = names.filter((n) => n.strong).length;
    // Items counted as people after them (冯乐、卓玛、吉克阿依等5名同学, 甲、乙等人) are names
    // when every item holds one and one of them reads as a name by itself.
    if (COUNTED_PEOPLE.test(items[items.length - 1]?.text ?? "") && names.length === items.length && strong >= 1) {
      out.push(...names);
      continue;
    }
    // Two items are a list of names only when every name of them reads as one and jieba tags two of
    // them as names (李明、王华和刘洋 holds three).
    if (items.length === 2 ? names.length >= 2 && strong === names.length && names.filter((n) => n.tagged).length >= 2 : strong >= 3 && strong >= 0.6 * items.length) {
      out.push(...names);
    }
  }
  return out;
}

/** 等 and a word of a kind of things closing a list (白鹭、苍鹭等鸟类, 鲈鱼、鳜鱼等鱼类): its items are no people. */
const KIND_AFTER_LIST = new RegExp(`等[${HAN_RANGES}]{1,3}类`);

/**
 * A spaced list of names, as honours and award lists print them: three short items or more and
 * nothing else ("王志刚　刘晓燕　陈立新"). A list of units ("市应急管理局执法支队　…") has longer items.
 */
const SPACED_NAMES = new RegExp(`^\\s*[${HAN_RANGES}]{2,4}(?:\\s+[${HAN_RANGES}]{2,4}){2,}\\s*$`);

/** The items of a clause that lists with 、 or with spaces only, each with its offset, or null for no list. */
function listItems(body: string, offset: number): Array<{ at: number; text: string }> | null {
  if (SPACED_NAMES.test(body)) return [...body.matchAll(/\S+/g)].map((m) => ({ at: offset + m.index, text: m[0] }));
  if (!body.includes("、")) return null;
  const items: Array<{ at: number; text: string }> = [];
  let at = offset;
  for (const text of body.split("、")) {
    items.push({ at, text });
    at += text.length + 1;
  }
  return items;
}

/** A list's item: a name, then its unit or school in brackets (邝雨桐（市第一中学）). */
const BRACKETED_ITEM = new RegExp(`[${HAN_RANGES}]{2,4}[（(][^（）()\\n]{2,24}[）)]`, "g");

/**
 * Names of a 、 list each of whose items is a name with a note in brackets after it, as award lists
 * print them (一等奖：邝雨桐（市第一中学）、柴思远（江城外国语学校）): the list opens a clause, every
 * item holds a name, and half of them or more read as names by themselves.
 */
export function bracketedList(seg: Segment): Array<{ at: number; length: number }> {
  const t = seg.text;
  if (!t.includes("（") && !t.includes("(")) return [];
  const runs: Array<Array<{ at: number; length: number }>> = [];
  let lastEnd = -1;
  for (const m of t.matchAll(BRACKETED_ITEM)) {
    const length = m[0].search(/[（(]/);
    const item = { at: m.index, length };
    if (m.index === lastEnd + 1 && t[lastEnd] === "、") runs[runs.length - 1]!.push(item);
    else if (opensClause(t, m.index)) runs.push([item]);
    else runs.push([]);
    lastEnd = m.index + m[0].length;
  }
  const out: Array<{ at: number; length: number }> = [];
  for (const run of runs) {
    if (run.length < 2) continue;
    const names = run.flatMap((item) => namesInItem(seg, item.at, t.slice(item.at, item.at + item.length), false, false, false));
    const strong = names.filter((n) => n.strong).length;
    if (names.length === run.length && strong >= Math.ceil(run.length / 2)) out.push(...names);
  }
  return out;
}

/**
 * Whether the word at [at, at + len) is an item of a 、 list that its closing 等 names the kind of by
 * the same last character (八宝山、万佛园、天寿园等墓园; 翠湖苑、紫竹苑等小区苑): places or things of that
 * kind, no people, however much the item reads as a name.
 */
export function itemOfNamedKind(seg: Segment, at: number, len: number): boolean {
  const t = seg.text;
  if (t[at - 1] !== "、" && t[at + len] !== "、") return false;
  const list = /^(?:、[^、，。；：！？“”（）《》,;:!?\s]{1,8}?)*等/.exec(t.slice(at + len, at + len + 40));
  if (list === null) return false;
  const kindAt = at + len + list[0].length;
  const kind = seg.tokens[seg.tokenAt[kindAt] ?? -1];
  return kind?.start === kindAt && kind.tag.startsWith("n") && kind.word.length >= 2 && kind.word.endsWith(t[at + len - 1] ?? "");
}

/**
 * The last item of a list, a name and then 等 with a count of people (等5名, 等三位, 等人), or a count
 * of people right after the name (两位村民, 三名同学): the noun after the count names the group, not a
 * title standing before or right after each name.
 */
const COUNTED_PEOPLE = /^[^等]{2,6}(?:等(?:[0-9０-９一二三四五六七八九十两百余多]+(?:名|位|人)(?!数)|人)|[两二三四五六七八九十]+(?:名|位)(?!数))/;

interface ListName {
  at: number;
  length: number;
  /** It reads as a name by itself. */
  strong: boolean;
  /** jieba reads it as one name or unknown word. */
  tagged: boolean;
}

/**
 * The names filling one list item (see untitledList). The first item, or a long one before the
 * last, may carry words before its name (看望了江泽民); the last one words after it.
 */
function namesInItem(seg: Segment, at: number, text: string, first: boolean, leading: boolean, last: boolean): ListName[] {
  const t = seg.text;
  // The same span is weighed up to three times below (as the item, its last name, its opening
  // name), and each weighing reads the name and looks it up in jieba's dictionary.
  const weighed = new Map<number, ListName | null>();
  const whole = (start: number, length: number): ListName | null => {
    const key = length * (t.length + 1) + start;
    let result = weighed.get(key);
    if (result === undefined) {
      result = weigh(start, length);
      weighed.set(key, result);
    }
    return result;
  };
  const weigh = (start: number, length: number): ListName | null => {
    const name = t.slice(start, start + length);
    if (length < 2 || ![...name].every((c) => isHan(c) || c === "·")) return null;
    if (name.includes("·")) return length <= 20 ? { at: start, length, strong: true, tagged: true } : null;
    const tok = seg.tokens[seg.tokenAt[start] ?? -1];
    const tagged = (tok !== undefined && tok.start === start && tok.end === start + length && NAME_TAGS.has(tok.tag)) || opensWithRareCompoundSurname(name);
    if (readName(seg, start, "weak") === length && !isPlaceWord(seg, start, length)) return { at: start, length, strong: true, tagged };
    // Not a name by itself, but one in a list of names (热地, 乌云其木格), unless it is a word
    // of the dictionary or ends with a title (国家主席).
    // jieba's place, proper-noun and idiom readings of names (罗干/ns, 回良玉/nz, 厉无畏/i) do
    // not count against them here.
    const word = tagOfWord(name);
    if (length > 5 || (word !== null && !PERSON_TAGS.has(word) && !LIST_NAME_TAGS.has(word))) return null;
    return roleEndingAt(t, start + length) === null ? { at: start, length, strong: false, tagged } : null;
  };
  // A last item that opens with its own title is read by the main scan (、小提琴演奏家邵一帆先后登台).
  if (last && !first && opensWithTitle(seg, at)) return [];
  const start = at;
  let end = at + text.length;
  // The last item may join two names with 和 (王华和刘洋): tried before the item is cut at 和.
  const joined = last ? text.indexOf("和", 2) : -1;
  if (joined > 0) {
    const a = whole(start, joined);
    const b = whole(start + joined + 1, text.length - joined - 1);
    if (a?.strong && b?.strong) return [a, b];
  }
  if (last) {
    const stop = /[等和及]/.exec(text.slice(2));
    if (stop && !text.slice(2).startsWith("和")) end = at + 2 + stop.index;
    else if (!whole(start, end - start)?.strong) {
      // 杨腾慧迅速组成…: the name that opens the item and ends at a word boundary.
      const len = readName(seg, start, "weak");
      if (len > 0 && len < end - start && endsName(seg, start + len)) end = start + len;
    }
  }
  const join = t.slice(start, end).indexOf("和", 2);
  if (join > 0) {
    const a = whole(start, join);
    const b = whole(start + join + 1, end - start - join - 1);
    if (a?.strong && b?.strong) return [a, b];
  }
  // Words before the name: in the first item, or in a long one (…看望了江泽民).
  if ((first || (leading && end - start > 4)) && !whole(start, end - start)?.strong) {
    for (const len of [4, 3, 2]) {
      const r = end - start > len ? whole(end - len, len) : null;
      if (r?.strong) return [r];
    }
  }
  const r = whole(start, end - start);
  return r ? [r] : [];
}

/** How often jieba's dictionary may count a compound surname as a word of its own for it to say a name (上官 67, 慕容 753; not 东方 3993, 西门 967). */
const RARE_COMPOUND_WORD = 900;
const COMPOUND_WORD_TAGS = new Set(["nr", "nrt", "nz", "n", "ns"]);

/**
 * Whether a name opens with a compound surname that is seldom anything else (诸葛晓峰, 上官婉清):
 * jieba cuts such names after the surname, yet the surname vouches for the name as its tag would.
 */
function opensWithRareCompoundSurname(name: string): boolean {
  if (surnameLengthAt(name, 0) !== 2 || name.length < 3) return false;
  const surname = name.slice(0, 2);
  const tag = tagOfWord(surname);
  return (tag === null || COMPOUND_WORD_TAGS.has(tag)) && dictionaryFrequency(surname) < RARE_COMPOUND_WORD;
}

/** Tags that jieba gives to some names of a list of names (罗干/ns, 回良玉/nz, 厉无畏/i). */
const LIST_NAME_TAGS = new Set(["ns", "nz", "i", "l"]);

/** Whether jieba reads [at, at + length) as one place, organisation or common word. */
function isPlaceWord(seg: Segment, at: number, length: number): boolean {
  const tok = seg.tokens[seg.tokenAt[at] ?? -1];
  return tok !== undefined && tok.start === at && tok.word.length === length && !NAME_TAGS.has(tok.tag);
}
