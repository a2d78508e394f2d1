/**
 * Titles as data: a printed title split into the positions it names, each an organisation and
 * a role (省委常委、市委书记 on a 太原日报 page → 山西省委 常委, 太原市委 书记).
 *
 * The title is first normalised with the publication's region (titles.ts), which resolves the
 * relative 市委/省委; each 、- or comma-separated part is then split at its office word. A part
 * with no organisation of its own belongs to the one before it (市委常委、秘书长 → 太原市委
 * 秘书长), except that a party organ gives way to its body for a non-party role
 * (汾酒集团党委书记、董事长 → 汾酒集团 董事长) and a head of government to the government of
 * the place (忻州市委副书记、市长 → 忻州市人民政府 市长). Pure: text in, plain data out.
 */
import { HAN_RANGES } from "./han.ts";
import { roleTier } from "./role-nouns.ts";
import { normaliseTitle, officeEndingAt, type Region } from "./titles.ts";

/** One position named by a title: the organisation (as normalised) and the role held there. */
export interface TitlePosition {
  organisation: string;
  role: string;
}

/** How one part of a title was read: its role when the office word is known, its organisation when it names one. */
export interface TitlePart {
  part: string;
  role: string | null;
  organisation: string | null;
}

/**
 * Roles that the people parser's lexicon of office words leaves out (they rarely stand right
 * before a name) but that end titles: 党组成员, 院士, 台长, 委员长.
 */
const MORE_ROLES = ["成员", "院士", "台长", "副台长", "首席预报员", "预报员", "委员长", "副委员长", "大使", "总统", "护士长", "网格长", "纪检组长", "教导员"];

/**
 * Words that end a title but name no post held in an organisation: a candidacy, a rank of
 * cadre (退休干部), and 党组成员, read as the organ (党组) and its member (成员).
 */
const NOT_A_POST = new Set(["候选人", "干部", "村干部", "党组成员"]);

/** The office word `part` ends with, when it names a post: the people lexicon's situations (青年, 车主) do not. */
function postEndingAt(part: string): string | null {
  const office = officeEndingAt(part, part.length);
  return office === null || NOT_A_POST.has(office) || roleTier(office) === "situation" ? null : office;
}

/** The longest role `part` ends with, from either lexicon. */
function roleEndingAt(part: string): string | null {
  const candidates = [postEndingAt(part), ...MORE_ROLES.filter((role) => part.endsWith(role))].filter((role) => role !== null);
  return candidates.sort((a, b) => b.length - a.length)[0] ?? null;
}

/** Party organs inside an organisation: their secretaries and members are party roles. */
const PARTY_ORGAN = /(?:党组|党委|党工委|党总支|党支部)$/;
const PARTY_ROLES = new Set(["书记", "副书记", "常委", "委员", "成员", "组长", "副组长"]);

/** Heads of government and their deputies, by the kind of place they govern (市长 → 市). */
const HEAD_OF_GOVERNMENT = /^(?:副)?([市省县区镇乡州旗盟])长$/;

/** Words between an organisation and an office that qualify the role: 常务副市长, 第一书记, 高级工程师. */
const ROLE_QUALIFIER = /(常务|代理|代|第一|执行|高级|特聘|主管|值班|老|副)$/;

/**
 * Organs printed without the organisation they belong to, after a part that names it:
 * 市委副书记、政法委书记 → 太原市委政法委, 集团党委书记、董事局主席 → 集团董事局.
 */
const SUBORDINATE_ORGANS = new Set(["政法委", "组织部", "宣传部", "统战部", "纪委", "董事局", "董事会", "监事会"]);

/** Bodies that stand for a national organisation when printed alone. */
const IMPLIED: Record<string, string> = { 国家: "中华人民共和国" };

/** Offices printed alone that can only mean one organisation. */
const IMPLIED_BY_OFFICE: Record<string, string> = { 总书记: "中共中央" };

/** A place at the start of an organisation: 太原市委 → 太原市, 山西省人大常委会 → 山西省. */
const PLACE = new RegExp(`^([${HAN_RANGES}]{2,7}?(?:自治区|[省市县区镇乡州旗盟]))`);

/** A body that names no place of its own (市委, 县委, 局党组 with no city): not an organisation one can name. */
const RELATIVE = /^(?:[市县区镇乡省州村局处科])/;

/** Every part of the title, read: for reporting what the lexicon covers as well as for positions. */
export function readTitle(title: string, region?: Region | null): TitlePart[] {
  const normalised = normaliseTitle(title, region);
  const parts = normalised.split(/[、，,；;]/).filter((part) => part.length > 0);
  const read: TitlePart[] = [];
  let previous: string | null = null;
  for (const part of parts) {
    const office = roleEndingAt(part);
    if (office === null) {
      read.push({ part, role: null, organisation: null });
      continue;
    }
    let body = part.slice(0, part.length - office.length);
    let role = office;
    // 常务副市长, 第一书记, 高级工程师: the qualifier belongs to the role, not the organisation.
    for (let qualifier = ROLE_QUALIFIER.exec(body)?.[1]; qualifier; qualifier = ROLE_QUALIFIER.exec(body)?.[1]) {
      body = body.slice(0, body.length - qualifier.length);
      role = qualifier + role;
    }
    const organisation = organisationOf(body.replace(/的$/, ""), office, previous);
    read.push({ part, role, organisation });
    if (organisation !== null) previous = organisation;
  }
  return read;
}

/** The positions a title names, in printed order; parts with an unknown office or no nameable organisation give none. */
export function positionsOfTitle(title: string, region?: Region | null): TitlePosition[] {
  const positions: TitlePosition[] = [];
  for (const { organisation, role } of readTitle(title, region)) {
    if (organisation === null || role === null) continue;
    if (!positions.some((known) => known.organisation === organisation && known.role === role)) positions.push({ organisation, role });
  }
  return positions;
}

function organisationOf(body: string, office: string, previous: string | null): string | null {
  const government = HEAD_OF_GOVERNMENT.exec(office);
  if (government) {
    const kind = government[1]!;
    // 太原市长 (normalised from 市长) leaves 太原; 太原市副市长 leaves 太原市; 市长 after 忻州市委… leaves nothing.
    const place = body === "" ? (previous ? PLACE.exec(previous)?.[1] ?? null : null) : body.endsWith(kind) ? body : body + kind;
    return place !== null && !RELATIVE.test(place) && PLACE.test(place) ? `${place}人民政府` : null;
  }
  if (body === "") {
    if (IMPLIED_BY_OFFICE[office]) return IMPLIED_BY_OFFICE[office];
    if (previous === null) return null;
    return PARTY_ORGAN.test(previous) && !PARTY_ROLES.has(office) ? previous.replace(PARTY_ORGAN, "") : previous;
  }
  if (IMPLIED[body]) return IMPLIED[body];
  if (previous !== null && SUBORDINATE_ORGANS.has(body)) return previous.replace(PARTY_ORGAN, "") + body;
  // 市领导 → 太原市领导: a place alone is no organisation (its government has a name of its own).
  if (PLACE.exec(body)?.[1] === body) return null;
  return RELATIVE.test(body) ? null : body;
}
