/**
 * A headline printed over two lines: a heading line that cannot stand alone as a headline runs
 * on into the next one, which is the rest of the headline, not its subheadline or deck.
 *
 * A careful reader sees it by what the line leaves open: a conjunction waiting for what it joins
 * (全省春季农业生产暨 / 高标准农田建设推进会召开), a quotation opened and not closed, or nothing but the
 * news's indefinite subject, a place and 一 + who or what (某县一退休医生 / 20年义务巡山).
 */
import { tagWithOffsets } from "./jieba.ts";

/** Conjunctions that join what stands on either side of them, so never close a headline. */
const JOINING_WORDS = new Set(["暨", "与", "和", "及", "并", "同", "跟"]);

/** The shortest heading line read for a run-on: shorter, it is a label or a kicker. */
const MIN_RUN_ON_LINE = 4;

/** Whether the folded heading line `line` runs on into the next heading line. */
export function runsOnToNextLine(line: string): boolean {
  if (line.length < MIN_RUN_ON_LINE) return false;
  if (opensUnclosedQuote(line)) return true;
  // Only a line that ends in a joining word's character or holds 一 is worth the tagger's time.
  if (!JOINING_WORDS.has(line.at(-1)!) && !line.includes("一")) return false;
  const tokens = tagWithOffsets(line);
  const last = tokens.at(-1);
  if (last === undefined || last.end !== line.length) return false;
  // The conjunction must be a word of its own: 缓和 and 政通人和 close a headline.
  if (JOINING_WORDS.has(last.word)) return true;
  return isIndefiniteSubject(tokens);
}

/** A quotation or a title opened on the line and closed only on the next (“…, 《…). */
function opensUnclosedQuote(line: string): boolean {
  const count = (c: string) => line.split(c).length - 1;
  return count("\u201c") > count("\u201d") || count("《") > count("》");
}

/** A place left unnamed: 某地, 某县. */
const UNNAMED_PLACE = /^某[地省市县区镇乡村]$/;

/**
 * A line that is only the indefinite subject news opens with: a place, then 一 as a word of its
 * own, then who or what, ending in a noun (杭州一男子, 某县一退休医生). 一 inside a word (一家亲,
 * 一流) is no such article.
 */
function isIndefiniteSubject(tokens: { word: string; tag: string }[]): boolean {
  const one = tokens.findIndex((t) => t.word === "一");
  if (one < 1 || one + 1 >= tokens.length) return false;
  const placeBefore = tokens.slice(0, one).every((t) => t.tag === "ns" || UNNAMED_PLACE.test(t.word));
  return placeBefore && tokens.at(-1)!.tag.startsWith("n");
}
