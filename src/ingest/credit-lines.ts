/**
 * Credit lines: a line that holds only a byline or a closing credit, "本报记者　刘　洋　孙丽华",
 * "■本报记者 X 文/图", "文/本报记者 X 图/本报记者 Y", "新京报记者 X 发自上海", "(李俊华)", "王 磊", or a
 * nameless "本报评论员", and the names it credits, each with its role.
 * All functions read the folded text (see normalise.ts).
 */
import type { Block } from "./blocks.ts";
import { creditNamesEnd, creditRoleOf, LEAD_MARKS, parseCreditList, type CreditName } from "./credit-names.ts";
import { commentatorByline, DESIGNATION_BRACKETS } from "./dispatch.ts";
import { HAN_RANGES } from "./han.ts";
import { isColumnName } from "./headings.ts";
import { tagOfWord } from "./jieba.ts";
import type { CreditRole, Span } from "./types.ts";

/** A name a credit line credits, with its role. */
export interface CreditDraft {
  role: CreditRole;
  name: CreditName;
}

/** A line of names only: "(李俊华)", "本报记者　刘　洋　孙丽华", "王 磊", or a nameless "本报评论员". */
export function isCreditLine(folded: string, b: Block): boolean {
  if (b.end - b.start > 40) return false;
  if (commentatorByline(folded, b.start, b.end)?.start === b.start) return true;
  return creditLineNames(folded, b) !== null;
}

/** The names of a credit line, each with its role, or null when the line holds anything else. */
export function creditLineNames(folded: string, b: Block): CreditDraft[] | null {
  const parts = creditSpanOf(folded, b);
  const parenthesised = bracketed(folded, b);
  const writers = parseCreditList(folded, parts.writers.start, parts.writers.end, parenthesised ? { gluedUnlabelled: true } : false);
  if (writers === null) return null;
  // A line of bare words with no label is a box's label (简讯, 图说) when jieba knows them as common words.
  if (!parenthesised && writers.every((w) => w.label === null && isDictionaryWord(w.name))) return null;
  // Nor is a column's name a writer (江城时评, 东岸观察): it ends in the kind of piece the column runs.
  if (!parenthesised && writers.every((w) => w.label === null && isColumnName(w.name))) return null;
  // 读者 and 作者 are everyday nouns too: glued to a common word they name a column or a box (读者问答, 作者简介).
  if (writers.some((w) => w.label !== null && COLUMN_NOUN_LABELS.has(w.label) && folded[w.span.start - 1] !== " " && isDictionaryWord(w.name))) return null;
  const drafts = writers.map((name): CreditDraft => ({ role: creditRoleOf(name), name }));
  if (parts.writersPhotograph) drafts.push(...writers.map((name): CreditDraft => ({ role: "PHOTOGRAPHER", name })));
  if (parts.photographers === null) return drafts;
  const photographers = parseCreditList(folded, parts.photographers.start, parts.photographers.end, { gluedUnlabelled: true });
  if (photographers === null) return null;
  return [...drafts, ...photographers.map((name): CreditDraft => ({ role: "PHOTOGRAPHER", name }))];
}

/** A credit line's brackets: parentheses, and the 【】 and 〔〕 of Hong Kong and Taiwan bylines. */
const BRACKETS: ReadonlyMap<string, string> = new Map([["(", ")"], ...DESIGNATION_BRACKETS]);

/** Whether the whole line stands in one pair of such brackets. */
const bracketed = (folded: string, b: Block): boolean => BRACKETS.get(folded[b.start]!) === folded[b.end - 1];

/**
 * What opens a byline: a mark, then 文/ or 文/图 (the writers took the photos too), or the 作者：
 * field of an e-paper crawl before another label: "■本报记者 X", "文/X", "文：X", "文·图/X", "作者：记者 X"
 * (before a name, "作者：X", 作者 stays the name's label, which vouches for a rare surname); and a closing
 * "采写：记者 X 通讯员 Y", which names who reported.
 */
const BYLINE_LEAD = new RegExp(String.raw`^(?:[${LEAD_MARKS}]\s*)?(?:(文\s*[/|｜·・]\s*图|图\s*[/|｜·・]\s*文)\s*(?:[/|｜:]\s*)?|(?:文|采写)\s*[/|｜:]\s*|作者\s*:\s*(?=\S{0,12}?(?:记者|通讯员|评论员|实习生)))?`);
/**
 * What closes a byline after the work done (creditNamesEnd): where it was filed from (发自上海),
 * or 文/图, 文并摄 (and their variants), which say the writers took the photos too.
 */
const BYLINE_TAIL = new RegExp(`\\s*(?:发自\\s*[${HAN_RANGES}]{2,8}?(?:报道)?|(文\\s*[/|｜]\\s*[图摄]|图\\s*[/|｜]\\s*文|文并[图摄]))$`);
/** A byline's opening mark (□, ■). */
const LEAD_MARK = new RegExp(`^[${LEAD_MARKS}]`);
/**
 * The writer's unit before the name in a byline opened by a mark, as health and science papers print
 * their contributors (□ 江城市第一人民医院心内科 王小明), or in a closing credit in parentheses, as
 * discipline and government papers sign a contributed piece (（江城市纪委监委 王小明）): a unit ending
 * in a department's, an institution's or a committee's word, then a space. It is the writer's, not a credit.
 */
const UNIT_BEFORE_NAME = new RegExp(`^[${HAN_RANGES}]{3,30}(?:科|院|所|中心|大学|学院|医院|局|站|室|部|委|厅|办)\\s+`);
/** The photographers' part of a "文/X 图/Y" byline, or of "撰文 X 摄影 Y". */
const PHOTOGRAPHERS_PART = /\s(?:图|摄影|摄)\s*[/|｜:]\s*|\s摄影\s+/;
/**
 * Parts of a byline for work the labelling rules credit to no one: "视频/X", "海报：X", "制图/X",
 * and the editor a financial paper names after its reporters ("每经编辑 X", "责任编辑：X"), who is
 * credited like 本版编辑. They are cut off the end so that the writers and photographers before them are still read.
 */
const UNCREDITED_PARTS = new RegExp(
  `(?:\\s+(?:(?:视频|剪辑|海报|设计|制图|动画|音频)\\s*[/|｜:]|[${HAN_RANGES}]{0,4}?(?:编辑|责编)\\s*[/|｜:]?)\\s*[^/|｜:]{2,12}?)+$`,
);

/**
 * A letter writer's place and job in parentheses after the signed name, as readers' forums print them
 * (王小明（江城市／教师）): two short parts set apart by a slash. They describe the writer; no credit.
 */
const WRITERS_PLACE_AND_JOB = new RegExp(`\\s*\\([${HAN_RANGES}]{2,8}\\s*[/|｜]\\s*[${HAN_RANGES}]{2,8}\\)$`);

/** Credit labels that are also everyday nouns, which open the names of columns and boxes. */
const COLUMN_NOUN_LABELS = new Set(["读者", "作者"]);

/** Tags of dictionary words that may also be someone's name (李娜/nr, 江南/ns). */
const NAME_LIKE_TAGS = new Set(["nr", "nrfg", "nrt", "ns", "nz"]);

/** Whether jieba reads `name` as one common word (简讯/n, 马力/n) rather than as a possible name. */
function isDictionaryWord(name: string): boolean {
  const tag = tagOfWord(name);
  return tag !== null && !NAME_LIKE_TAGS.has(tag);
}

/**
 * The names parts of a credit line: inside its parentheses, or without a byline's lead and
 * tail, the writers' names, and the photographers' after 图/ ("文/本报记者 X 图/本报记者 Y").
 */
function creditSpanOf(folded: string, b: Block): { writers: Span; photographers: Span | null; writersPhotograph: boolean } {
  if (bracketed(folded, b)) {
    const start = b.start + 1 + (UNIT_BEFORE_NAME.exec(folded.slice(b.start + 1, b.end - 1))?.[0].length ?? 0);
    // A closing "（本报记者 X 文/摄）" says the writers took the photos too, as the byline's tail does.
    const inside = folded.slice(start, creditNamesEnd(folded, start, b.end - 1));
    const tail = BYLINE_TAIL.exec(inside);
    const photographed = tail?.[1] !== undefined;
    const end = start + inside.length - (photographed ? tail![0].length : 0);
    return { writers: { start, end }, photographers: null, writersPhotograph: photographed };
  }
  const described = WRITERS_PLACE_AND_JOB.exec(folded.slice(b.start, b.end));
  const namesEnd = described === null ? b.end : b.start + described.index;
  const uncredited = UNCREDITED_PARTS.exec(folded.slice(b.start, namesEnd));
  const lineEnd = uncredited === null ? namesEnd : b.start + uncredited.index;
  const opening = BYLINE_LEAD.exec(folded.slice(b.start, lineEnd))!;
  const unit = LEAD_MARK.test(opening[0]) ? UNIT_BEFORE_NAME.exec(folded.slice(b.start + opening[0].length, lineEnd)) : null;
  const lead = opening[0].length + (unit?.[0].length ?? 0);
  const line = folded.slice(b.start, creditNamesEnd(folded, b.start + lead, lineEnd));
  const tail = BYLINE_TAIL.exec(line.slice(lead));
  const end = b.start + line.length - (tail?.[0].length ?? 0);
  const split = PHOTOGRAPHERS_PART.exec(folded.slice(b.start + lead, end));
  const writersPhotograph = opening[1] !== undefined || tail?.[1] !== undefined;
  if (split === null) return { writers: { start: b.start + lead, end }, photographers: null, writersPhotograph };
  const writersEnd = b.start + lead + split.index;
  return { writers: { start: b.start + lead, end: writersEnd }, photographers: { start: writersEnd + split[0].length, end }, writersPhotograph: false };
}
