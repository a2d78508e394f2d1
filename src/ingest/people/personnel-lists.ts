/**
 * The names opening the items of a personnel notice: an appointment (常国强为市教育局局长；), a
 * removal (贾立新的市教育局局长职务；) or a candidate's particulars (温建平，男，1975年10月生). The
 * item's form vouches for the name as a title would; the post is no title, not being printed beside
 * the name.
 */
import { roleEndingAt } from "../role-nouns.ts";
import { readName } from "./read-name.ts";
import type { Segment } from "./segments.ts";

/** Where the next clause opens after `s`: past the next comma, semicolon or colon, or the text's end. */
export function nextClause(t: string, s: number): number {
  CLAUSE_END.lastIndex = s;
  return CLAUSE_END.exec(t) === null ? t.length : CLAUSE_END.lastIndex;
}

/** What closes a clause; one object for every call (rule 4b asks once per clause), so its lastIndex is set each time. */
const CLAUSE_END = /[，；：,;:]/g;

/** A candidate's particulars after the name, as a personnel notice prints them: ，男， or ，女，. */
const PARTICULARS = /^[，,]\s*[男女][，,]/;
/** A post that is taken away after the name: 的…职务. */
const POST_REMOVED = /^的[^，。；！？\n]{2,30}职务/;
/** A post that is given after the name: 为… up to the clause's end, which must be an office or a profession. */
const POST_GIVEN = /^为[^，。；！？\n]{2,30}?(?=[，。；！？\n]|$)/;

/** Any of the three, after up to two characters more of a name. */
const PERSONNEL_ITEM_AHEAD = new RegExp(`^[^，。；！？\\n]{0,2}(?:${[PARTICULARS, POST_REMOVED, POST_GIVEN].map((pattern) => pattern.source.slice(1)).join("|")})`);

/**
 * The name opening the clause at `s` when the clause is an item of a personnel list: an appointment
 * (常国强为市教育局局长；), a removal (贾立新的市教育局局长职务；) or a candidate's particulars
 * (温建平，男，1975年10月生). The verb (任命：, 免去：) often stands on a line of its own above the items.
 * The post is no title: it is not printed beside the name.
 */
export function personnelItemName(seg: Segment, s: number): number {
  const t = seg.text;
  // Cheap first: what follows a name of two to four characters must read as one of these.
  if (!PERSONNEL_ITEM_AHEAD.test(t.slice(s + 2, s + 40))) return 0;
  // What follows vouches for the name as a title does.
  const len = readName(seg, s, "titled");
  if (len === 0) return 0;
  const after = t.slice(s + len, s + len + 34);
  if (PARTICULARS.test(after) || POST_REMOVED.test(after)) return len;
  const post = POST_GIVEN.exec(after);
  const role = post === null ? null : roleEndingAt(t, s + len + post[0].length);
  return role !== null && (role.tier === "office" || role.tier === "profession") ? len : 0;
}
