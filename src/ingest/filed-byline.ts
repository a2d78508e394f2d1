/**
 * A byline run into the body's first line, naming where the report was filed from and 报道 but no
 * date: "本报记者 王小明 南京报道 市政府昨天…". It is a byline, not a dispatch: it credits its names
 * and its label names the source (本报), but it sets no dateline.
 * Reads the folded text (see normalise.ts) and returns absolute offsets.
 */
import { labelAt, parseCreditList, type CreditName } from "./credit-names.ts";
import { HAN_RANGES } from "./han.ts";
import { tagOfWord } from "./jieba.ts";
import { skipSpaces } from "./normalise.ts";

/** How far from the line's start the place and its 报道 may end: a label and a few names. */
const MAX_FILED_BYLINE_LENGTH = 48;

/** The place after a space, then 报道 and a space before the report: " 北京报道 ". */
const FILED_PLACE = new RegExp(`\\s+([${HAN_RANGES}]{2,4})报道\\s+`);

/**
 * The filed byline opening [start, end): its labelled names and where the body starts, or null.
 * The place must be one jieba knows as a place, so that a name glued to 报道 is never read as one,
 * and every name must carry a label.
 */
export function openingFiledByline(folded: string, start: number, end: number): { credits: CreditName[]; bodyStart: number } | null {
  if (labelAt(folded, start, end) === null) return null;
  const reach = folded.slice(start, Math.min(end, start + MAX_FILED_BYLINE_LENGTH));
  const filed = FILED_PLACE.exec(reach);
  if (filed === null || tagOfWord(filed[1]!) !== "ns") return null;
  const credits = parseCreditList(folded, start, start + filed.index);
  if (credits === null || credits.some((c) => c.label === null)) return null;
  const bodyStart = skipSpaces(folded, start + filed.index + filed[0].length, end);
  return bodyStart < end ? { credits, bodyStart } : null;
}
