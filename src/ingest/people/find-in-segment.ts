/**
 * The people reader's finder: every place in one segment where a person is named with evidence,
 * and the title printed there (rules 1 to 4, 6 and 7 of mentions.ts). The rules run in a fixed
 * order, each taking only characters no earlier one took, so the order is part of the rules: a
 * name after a title is found before its characters could be read as an untitled name. What each
 * rule reads is in its own module; here are only the order and the bookkeeping (which characters
 * are taken, and where names end, since a title never reaches back across a name).
 */
import { charTable } from "../char-table.ts";
import { boundaryAt, readTibetanName, REPORTING_VERBS } from "../name-reading.ts";
import { namesHolding } from "../given-names.ts";
import { RELATIONS, roleEndingAt } from "../role-nouns.ts";
import { surnameLengthAt } from "../surnames.ts";
import { officeEndingAt, POSTFIX_TITLES } from "../titles.ts";
import { APPOINTING, APPOINTING_ENDS, CUE_STARTS } from "./cue-words.ts";
import { agentNounEndingAt, postHeldBefore } from "./derived-roles.ts";
import { grammarSurnameName, prepositionSurnameName } from "./grammar-word-surnames.ts";
import { nameAfterRole } from "./name-after-role.ts";
import { listAfter, nameBeforeInList } from "./name-lists.ts";
import {
  clauseNameAcrossWord,
  famousDictionaryName,
  newWordCutShort,
  newWordRunOn,
  rareDictionaryName,
  surnameAndKnownGiven,
  twoCharacterSubject,
  unknownWordIsName,
  unlikelyNewWord,
} from "./new-word-names.ts";
import { personCue, placeAfterLocative } from "./person-cues.ts";
import { nextClause, personnelItemName } from "./personnel-lists.ts";
import { speakerColonAt, speakerRoleEnd } from "./speaker-lines.ts";
import { readName } from "./read-name.ts";
import { endsName, inBookTitle, readsAlone, startsWord } from "./segment-words.ts";
import type { Found, Segment } from "./segments.ts";
import {
  FORMER,
  postfixTitleAt,
  quotedOfficeBefore,
  SPOKEN_POSTFIX,
  titleBefore,
  titleBeforeDottedName,
  viceTitle,
} from "./title-attachment.ts";
import {
  daiNameAt,
  dottedNameAround,
  headOfDotted,
  mongolianNameAt,
  NAME_ELEMENT_FIRSTS,
  tibetanOpenEndName,
  transliteratedName,
  yiNameAt,
} from "./transcribed-names.ts";
import { bracketedList, itemOfNamedKind, untitledList } from "./untitled-lists.ts";
import { tagOfWord } from "../jieba.ts";
import { PERSON_TAGS } from "./tags.ts";

/** A count of people right after a list of names (两位, 三名), which groups them. */
const COUNT_OF_PEOPLE = /^[两二三四五六七八九十]+[名位]/;
/** Words joining two parts of a list of names, where a group counted after it may start. */
const JOINING_WORDS = new Set(["和", "及"]);

/** The places in `seg` where a person is named with evidence, each with its title or none. */
export function findInSegment(seg: Segment): Found[] {
  const t = seg.text;
  const out: Found[] = [];
  /** Ends of names found so far: a title never reaches back across a name. */
  const nameEnds = new Set<number>();
  const taken = new Uint8Array(t.length);
  const record = (f: Found): void => {
    out.push(f);
    nameEnds.add(f.at + f.name.length);
    taken.fill(1, f.at, f.at + f.name.length);
  };
  const free = (at: number, len: number): boolean => {
    for (let i = at; i < at + len; i++) if (taken[i] === 1) return false;
    return true;
  };
  /** A name found with no title. */
  const untitled = (at: number, len: number): void => {
    if (!itemOfNamedKind(seg, at, len)) record({ name: t.slice(at, at + len), seg, at, title: null, titleAt: -1, fullTitle: null });
  };
  /** The names of a list after an untitled one that ends at `end`, where none was found yet; where the list ends. */
  const untitledListAfter = (end: number): number =>
    listAfter(seg, end, (at, len) => {
      if (free(at, len)) untitled(at, len);
    });
  // Contributor lines (…对本文有贡献, …参与采写) and credits in parentheses ((记者 甲、乙),
  // (综合甲、乙报道)) name no people.
  if (/对本文|参与/.test(t)) for (const m of t.matchAll(CONTRIBUTORS)) taken.fill(1, m.index, m.index + m[0].length);
  if (/[（(]/.test(t)) for (const m of t.matchAll(CREDIT_PARENTHESES)) taken.fill(1, m.index, m.index + m[0].length);

  // Rules 1 and 2: a role noun, then a name, then perhaps 、 and more names sharing the title.
  for (let s = 1; s < t.length; s++) {
    // A name already found here, or a credit, holds the place: no role need be read before it.
    if (taken[s] === 1) continue;
    // A quoted office (民进党籍“立委”X) is a title; a quoted nickname ending in a role (“老县长”高德荣,
    // “排雷英雄”杜富国) vouches for the name like a kinship word: no title.
    const afterQuote = t.charCodeAt(s - 1) === CLOSING_QUOTE;
    const quoted = afterQuote ? quotedOfficeBefore(t, s) : null;
    const nickname = quoted === null && afterQuote ? (roleEndingAt(t, s - 1) ?? agentNounEndingAt(seg, s - 1)) : null;
    // A speaker line sets the role apart from the name by a space (快递员　李明：“…”).
    const gap = quoted === null ? speakerRoleEnd(seg, s) : -1;
    const roleEnd = gap >= 0 ? gap : s;
    const role =
      quoted ??
      (nickname === null
        ? (roleEndingAt(t, roleEnd) ?? agentNounEndingAt(seg, roleEnd) ?? (gap < 0 ? postHeldBefore(t, s) : null))
        : { word: nickname.word, tier: "kinship" as const });
    if (role === null || inBookTitle(seg, s)) continue;
    const len = nameAfterRole(seg, s, role);
    if (len === 0 || headOfDotted(t, s + len) || (gap >= 0 && !speakerColonAt(t, s + len))) continue;
    let titleAt = -1;
    let title: string | null = null;
    const postfix = postfixTitleAt(t, s + len);
    if (role.tier === "situation" && postfix !== null && !RELATIONS.has(role.word)) {
      // 代表习近平总书记: the word before is a verb here, the title is the one after. A relation is
      // printed before the name whatever follows it (同事王明教授 → 同事).
      title = postfix;
      titleAt = s + len;
    } else if (role.tier !== "kinship") {
      const start = titleBefore(seg, roleEnd, role.word, nameEnds);
      if (start === null) continue;
      titleAt = start;
      title = t.slice(titleAt, roleEnd);
    }
    const fullTitle = title !== null && titleAt < s ? viceTitle(out, t, titleAt, roleEnd) : null;
    record({ name: t.slice(s, s + len), seg, at: s, title, titleAt, fullTitle });
    const items: Array<{ at: number; length: number }> = [];
    const end = listAfter(seg, s + len, (at, l) => items.push({ at, length: l }));
    // The names after 和 in a list closed by a count of people (甲和乙、丙两位村民) are that group:
    // the title before the first name is not theirs, and the noun after the count stands apart from them.
    const counted = COUNT_OF_PEOPLE.test(t.slice(end, end + 4)) ? items.findIndex((item) => JOINING_WORDS.has(t[item.at - 1] ?? "")) : -1;
    items.forEach((item, i) => {
      const own = counted < 0 || i < counted;
      record({ name: t.slice(item.at, item.at + item.length), seg, at: item.at, title: own ? title : null, titleAt: own ? titleAt : -1, fullTitle: null });
    });
    s = end - 1;
  }

  // Names with · standing anywhere (村民阿·斯尔格林 is found above; 、司马义·铁力瓦尔地、 here).
  for (let dot = t.indexOf("·"); dot >= 0; dot = t.indexOf("·", dot + 1)) {
    if (taken[dot] === 1 || inBookTitle(seg, dot)) continue;
    const span = dottedNameAround(seg, dot);
    if (span === null || !free(span.start, span.end - span.start)) continue;
    const titled = titleBeforeDottedName(seg, span.start, span.end, nameEnds);
    const title = titled === null ? null : t.slice(titled.start, titled.end);
    record({ name: t.slice(span.start, span.end), seg, at: span.start, title, titleAt: titled?.start ?? -1, fullTitle: null });
    // 副主席孟和·朝鲁、苏丽华: the names listed after a titled dotted name share its title.
    if (titled !== null) listAfter(seg, span.end, (at, l) => record({ name: t.slice(at, at + l), seg, at, title, titleAt: titled.start, fullTitle: null }));
  }

  // Rule 3: 习近平总书记, 钟南山院士: a name that reads as one and ends right at a postfix title;
  // or at an office or profession the news puts after a name when it is followed by what the
  // person did or said, or a preposition (王刚局长说, 李娜律师提醒, 温丽秘书长就此…), not by the
  // next name (王刚局长李明 is 局长李明).
  const nameBeforeTitle = (p: number, title: string): void => {
    for (const len of [3, 2, 4]) {
      const s = p - len;
      if (s < 0 || !free(s, len) || officeEndingAt(t, s) !== null || !startsWord(seg, s)) continue;
      // 文联原主席王某: the former post's 原 or 前, read alone, is the title's, not a name's end.
      if (FORMER.has(t[p - 1] ?? "") && readsAlone(seg, p - 1)) return;
      if (readName(seg, s, "titled") !== len) continue;
      record({ name: t.slice(s, p), seg, at: s, title, titleAt: p, fullTitle: null });
      return;
    }
  };
  for (const title of POSTFIX_TITLES) {
    for (let p = t.indexOf(title); p >= 0; p = t.indexOf(title, p + 1)) nameBeforeTitle(p, title);
  }
  for (const m of t.matchAll(SPOKEN_POSTFIX)) {
    if (speaksAfterOffice(t, m.index + m[0].length)) nameBeforeTitle(m.index, m[0]);
  }

  // Rule 4: a name with no title, said to be a person by what stands around it. Reading a
  // name is dear: only where a cue stands right after a name's length or 的 right before.
  const cueAt = new Uint8Array(t.length + 1);
  for (const m of t.matchAll(CUE_STARTS)) cueAt[m.index] = 1;
  for (let s = 0; s < t.length; s++) {
    // A Japanese name may run to five or six characters (五十岚洋子).
    const cueAhead = cueAt[s + 2] === 1 || cueAt[s + 3] === 1 || cueAt[s + 4] === 1 || (seg.japanese && (cueAt[s + 5] === 1 || cueAt[s + 6] === 1));
    if (!cueAhead && !OPENS_NAME_AFTER.at(t, s - 1) && !(APPOINTING_ENDS.at(t, s - 1) && APPOINTING.has(t.slice(s - 2, s)))) continue;
    const called = CALLED.at(t, s - 1);
    if (taken[s] === 1 || !(startsWord(seg, s) || (called && seg.tokens[seg.tokenAt[s] ?? -1]?.start === s - 1))) continue;
    const afterDe = t[s - 1] === "的" ? grammarSurnameName(seg, s) : 0;
    if (afterDe > 0) {
      untitled(s, afterDe);
      s += afterDe - 1;
      continue;
    }
    // A Tibetan name has no surname: its two syllables make it (次仁多吉说), though its first syllable may open with one (卓玛仓决说).
    const tibetan = readTibetanName(t, s) || tibetanOpenEndName(seg, s);
    // In an article that speaks of Japan, a Japanese surname opens a name though no Chinese table holds it (五十岚);
    // so does a Korean one in an article that speaks of Korea (太永福).
    let len =
      tibetan ||
      (surnameLengthAt(t, s) > 0 ? readName(seg, s, "weak") || prepositionSurnameName(seg, s) : mongolianNameAt(seg, s, 2) || (seg.japanese || seg.korean ? readName(seg, s, "weak") : 0));
    // A foreign name of three characters or more, though it opens with a surname (费南多头球扳平);
    // not the part after a dot of a name not read whole.
    if ((len === 0 || !personCue(seg, s, s + len)) && t[s - 1] !== "·") {
      const foreign = transliteratedName(seg, s);
      len = foreign >= 3 && personCue(seg, s, s + foreign) ? foreign : called ? calledName(seg, s) : 0;
    }
    // A Tibetan syllable that opens with a surname (卓嘎) before a character no name holds (72岁的卓嘎患病:
    // 患, to suffer) is the name, not a surname and two given-name characters.
    if (len === 3 && readTibetanName(t, s, 1) === 2 && namesHolding(t[s + 2] ?? "") === 0) len = 2;
    if (len === 0 || !free(s, len) || unlikelyNewWord(seg, s, len)) continue;
    const before = nameBeforeInList(seg, s);
    if (before > 0 && free(s - 1 - before, before)) untitled(s - 1 - before, before);
    untitled(s, len);
    s += len - 1;
  }

  // Rule 4b: the items of a personnel list, each opening a clause with its name (常国强为…局长；).
  for (let s = 0; s < t.length; s = nextClause(t, s)) {
    if (taken[s] === 1) continue;
    const len = personnelItemName(seg, s);
    if (len > 0 && free(s, len)) untitled(s, len);
  }

  // Rule 6: a 、 list of names with no title (马烽、西戎、李束为、孙谦、胡正), also with each
  // name's unit in brackets after it (甲（市一中）、乙（市二中）).
  for (const item of [...untitledList(seg), ...bracketedList(seg)]) {
    if (free(item.at, item.length)) untitled(item.at, item.length);
  }

  // Rule 7: a name jieba itself found as a new word, with no cue around it (蒋光远在禁区…), or
  // a surname and a given name jieba knows opening a clause (，柏/nr 志强/nrfg 门前); then the
  // names of a list after it (孙铭泽和胡金山的).
  for (let k = 0; k < seg.tokens.length; k++) {
    const tok = seg.tokens[k]!;
    if (taken[tok.start] === 1) continue;
    const len =
      unknownWordIsName(seg, tok) || rareDictionaryName(seg, tok) || famousDictionaryName(seg, tok)
        ? tok.word.length
        : newWordCutShort(seg, k) || newWordRunOn(seg, tok) || surnameAndKnownGiven(seg, k) || twoCharacterSubject(seg, k) || clauseNameAcrossWord(seg, tok.start);
    if (len === 0 || !free(tok.start, len)) continue;
    // The one name before it in a 、 list of two, when it reads as a name by itself (张译文、宋佳琪主演).
    const before = nameBeforeInList(seg, tok.start);
    if (before > 0 && free(tok.start - 1 - before, before)) untitled(tok.start - 1 - before, before);
    untitled(tok.start, len);
    untitledListAfter(tok.start + len);
  }
  // A Mongolian name of two elements or more, or a Tibetan one of two syllables, says it is one
  // by itself (乌兰图雅和朝鲁门表演, 达瓦扎西也); after a name and 和 jieba may read it into one word.
  for (let s = 0; s < t.length; s++) {
    if (taken[s] === 1 || !(NAME_ELEMENT_FIRSTS.at(t, s) || seg.dai || seg.yi) || inBookTitle(seg, s)) continue;
    if (!startsWord(seg, s) && !(nameEnds.has(s - 1) && /[和与及、]/.test(t[s - 1] ?? ""))) continue;
    const listed = readTibetanName(t, s);
    const tibetan = listed > 0 && endsName(seg, s + listed) ? listed : tibetanOpenEndName(seg, s);
    const len = tibetan > 0 ? tibetan : mongolianNameAt(seg, s, 2) || daiNameAt(seg, s) || yiNameAt(seg, s);
    if (len === 0 || !free(s, len) || placeAfterLocative(seg, s, s + len)) continue;
    untitled(s, len);
    s = untitledListAfter(s + len) - 1;
  }
  return out;
}

/**
 * Whether what follows an office printed after a name at `i` says the person spoke or acted (王刚局长说,
 * 李娜律师提醒, 王丽秘书长就此…). An adverb that adds others (都, 也, 还, 又) does so only before a reporting
 * verb (王刚局长也表示): else the office is a group's or the object of 连…都 (连体检医生都夸我, 各科主任都到了).
 */
function speaksAfterOffice(t: string, i: number): boolean {
  if (boundaryAt(t, i) === "none") return false;
  return !/[都也还又]/.test(t[i] ?? "") || REPORTING_VERBS.some((v) => t.startsWith(v, i + 1));
}

/** The characters after which rule 4 reads a name though no cue follows it (的王明, 叫王明, 演王明). */
const OPENS_NAME_AFTER = charTable([..."的叫演"]);
/** 叫, the verb that gives someone's name (外婆叫王月娥), which jieba may glue to the surname (叫王/x). */
const CALLED = charTable(["叫"]);

/**
 * The length of a full name right after a person's 叫 that closes its clause (外婆叫王月娥，), read
 * as after a title: the verb says a name follows, so a given name of characters that prose also uses a lot (月)
 * is still one. 0 when the name runs on into the clause, or is a thing's word of the dictionary.
 */
function calledName(seg: Segment, s: number): number {
  // Who is called so is a person: a pronoun or a role or kin noun before 叫 (她叫, 外婆叫, 老人叫).
  if (!/[他她我你]$/.test(seg.text.slice(0, s - 1)) && roleEndingAt(seg.text, s - 1) === null) return 0;
  const len = readName(seg, s, "titled");
  // A thing's name is a word of the dictionary (叫白头翁, a bird); a person's is not, or is tagged one.
  const tag = tagOfWord(seg.text.slice(s, s + len));
  if (tag !== null && !PERSON_TAGS.has(tag)) return 0;
  return len > surnameLengthAt(seg.text, s) + 1 && CLAUSE_END.test(seg.text[s + len] ?? "") ? len : 0;
}
const CLAUSE_END = /^[，。；！？、,.;!?]$/;

/** ”, looked up by code unit at every position of rule 1 (see char-table.ts). */
const CLOSING_QUOTE = "”".charCodeAt(0);

/** Lines naming contributors: （甲、乙参与采写）, 甲、乙对本文有贡献. */
const CONTRIBUTORS = /[^。；！？\n（(]{0,200}(?:对本文(?:亦)?有(?:贡献|帮助)|参与(?:采写|采访|报道|调研|撰稿|写作))[)）]?/g;

/** A parenthesis holding a credit: (记者 甲、乙), (综合甲、乙报道), (本报昆明1月22日电 记者甲). */
const CREDIT_PARENTHESES = /[（(][^（）()]{0,200}?(?:记者|通讯员|报道|[0-9０-９]日电)[^（）()]{0,200}?[）)]/g;
