/**
 * Words and patterns that, said around a name-like word, show it is a person with no title before
 * it: what officials, players and people in general do or say (王明表示, 卢明远射得手), words of when
 * and of several, a match report's words, and the verbs of a personnel decision. Lists only: they
 * are weighed in person-cues.ts, and where a cue may start (CUE_STARTS) in find-in-segment.ts.
 */
import { charTable } from "../char-table.ts";
import { HAN_RANGES } from "../han.ts";
import { REPORTING_VERBS } from "../name-reading.ts";

/** What officials do in the news, said of a name with no title (肖捷陪同考察). */
export const ACTIVITY_VERBS = ["出席", "参加", "主持", "陪同", "会见", "会谈", "看望", "慰问", "视察", "考察", "调研", "致辞", "讲话", "发言", "带领", "率领"];

/**
 * What only a person does or has, said right after a name: speaking to reporters (接受采访时, 向记者,
 * 对记者说), pointing (指着), a spouse or child (和妻子, 的女儿), an opinion framed by 在…看来.
 */
export const PERSON_FOLLOWERS = [
  "接受采访", "接受记者采访", "接受本报记者采访", "向记者", "向本报记者", "对记者", "指着", "看来",
  "和妻子", "和丈夫", "的妻子", "的丈夫", "的女儿", "的儿子", "的父亲", "的母亲", "夫妇", "是一名", "是一位",
  // Words someone said, quoted after the speaker's name (写着X的一句话：“…”).
  "的一句话", "的名言",
];

/**
 * What a person does, said right after a name that opens a clause (，向长江带着孩子来到医院): a
 * subject that goes, carries, recalls or finds is someone; places and things do none of these.
 */
export const PERSON_DOINGS = [
  "带着", "来到", "走进", "赶到", "赶来", "赶往", "前往", "笑着", "一边", "从小", "接过", "拿起", "看着", "望着", "想起",
  "主动", "默默", "连忙", "赶紧", "独自", "亲手", "决定", "发现", "记得", "觉得", "回忆", "坦言", "透露", "告诉",
];

/** Words of when that stand between a name and its reporting verb (赛后表示, 当天说, 随后介绍). */
const WHEN_WORDS = ["赛后", "会后", "事后", "随后", "当天", "当日", "当晚", "昨天", "今天", "此前", "日前", "近日"];
export const WHEN_BEFORE_SPEAKING = new RegExp(`^(?:${WHEN_WORDS.join("|")})`);

/** A word of manner and 地 between a name and its reporting verb (激动地说, 高兴地表示): the word is weighed in person-cues.ts. */
export const MANNER_BEFORE_SPEAKING = new RegExp(`^[${HAN_RANGES}]{2}地(?:${REPORTING_VERBS.join("|")})`);

/** Adverbs that say several players did the same (费利佩和罗慕洛先后破门). */
const SEVERAL_ADVERBS = ["先后", "分别", "相继", "再次", "也", "又", "均"];
export const SEVERAL_BEFORE = new RegExp(`^(?:${SEVERAL_ADVERBS.join("|")})`);

/** Words of a match report: a competition, its round or its score. */
export const REPORTS_A_MATCH = /比赛|决赛|半决赛|比分|晋级|联赛|锦标赛|公开赛|世锦赛|奥运会|全运会|赛季|夺冠/;

/**
 * What a player does in a sports report, said right after the name: scoring (打入一球, 头球扳平),
 * winning (夺冠) or beating someone by a score (以3比1击败). Teams and places are no names
 * (readName's common-word check), so only a person's name stands before them.
 */
export const SPORT_ACTS = ["打入", "攻入", "打进", "攻进", "破门", "扳平", "头球", "助攻", "梅开二度", "夺冠", "卫冕", "摘金", "夺金", "摘得", "击败", "战胜"];
export const SCORE_WIN = /^[则也]?以\d+[比:：]\d+(?:击败|战胜|力克|横扫|淘汰|逆转|胜)/;

/**
 * What a player does on the court or pitch besides scoring a goal: said right after a name that
 * opens a clause of a match report (，卢明远射得手), or after 也, 都, 还, 又 or 均 in its clause
 * (，王子航也在内线频频得分). Teams open such clauses too, but no team reads as a name.
 */
const PLAY_ACTS = [
  "远射", "射门", "补射", "推射", "抽射", "劲射", "吊射", "挑射", "抢断", "上篮", "扣篮", "投篮", "投中", "命中", "得分",
  "封盖", "盖帽", "篮板", "拦网", "扣球", "发球", "扑救", "扑出", "进球", "单刀", "突破",
];
export const PLAY_AFTER_NAME = new RegExp(
  `^(?:${PLAY_ACTS.join("|")}|[也都还又均][^，。；！？：,;!?:]{0,10}?(?:${[...PLAY_ACTS, ...SPORT_ACTS].join("|")}))`,
);

/**
 * A work after its author's name (司马迁的《史记》), or the work its author wrote something in (马克思在《资本论》中):
 * only a person writes a book, a play or a song.
 */
export const WORK_AFTER_AUTHOR = ["的《", "在《"];
/** Verbs of playing a part, before the name of the one played (饰演李香君的演员): a character of a play is named as a person. */
export const PLAYING_A_PART = /(?:饰演|扮演)$/;

/** A likeness said of a person, before a noun of people (王明这样的老匠人, 像李红那样的医生). */
export const LIKE_THIS = /^(?:这样|那样)的/;

/** Where a cue of personCue may begin (a superset: personCue decides). */
export const CUE_STARTS = new RegExp(
  `(?:${[...REPORTING_VERBS, ...ACTIVITY_VERBS, ...PERSON_FOLLOWERS, ...SPORT_ACTS, ...PLAY_ACTS, ...PERSON_DOINGS].join("|")}|[也都还又均]|(?:${SEVERAL_ADVERBS.join("|")})(?:${SPORT_ACTS.join("|")})|(?:${WHEN_WORDS.join("|")})(?:${REPORTING_VERBS.join("|")})|[${HAN_RANGES}]{2}地(?:${REPORTING_VERBS.join("|")})|同志|先生|女士|是|这样的|那样的|${WORK_AFTER_AUTHOR.join("|")}|[则也]?以\\d+[比:：]\\d+|(?:[，,（(]\\s*|今年)(?:\\d+|[一二三四五六七八九十]+)岁)`,
  "g",
);

/**
 * Verbs of a personnel decision, before the person it names: then 为/担任 the post (聘任张海涛为总经理),
 * or, after 免去, the post the person leaves (免去刘志强的副局长职务).
 */
export const APPOINTING = new Set(["任命", "聘任", "聘请", "选举", "推选", "提名", "委任", "增补", "补选", "选聘", "免去"]);
/** Their last characters: most positions are ruled out without a slice. */
export const APPOINTING_ENDS = charTable([...APPOINTING].map((word) => word[word.length - 1] ?? ""));
