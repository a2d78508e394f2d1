/**
 * Pairs jumps (下转第3版) with the articles that pick them up (上接第1版). Pure: the
 * loader fetches both sides and writes the pairs.
 */
export interface JumpSide {
  continuationId: number;
  fromPage: number;
  toPage: number;
  headings: string;
  body: string;
}

export interface PickupSide {
  articleId: number;
  page: number;
  fromPage: number;
  headings: string;
  body: string;
}

export interface ContinuationPair {
  continuationId: number;
  toArticleId: number;
}

// Below this headline likeness two candidates are not taken for the same story unless
// they are the only jump and the only pickup between two pages.
const MIN_SCORE = 0.2;

export function matchContinuations(jumps: JumpSide[], pickups: PickupSide[]): ContinuationPair[] {
  const pairs: ContinuationPair[] = [];
  const groups = new Map<string, { jumps: JumpSide[]; pickups: PickupSide[] }>();
  const group = (from: number, to: number) => {
    const key = `${from}>${to}`;
    let entry = groups.get(key);
    if (!entry) groups.set(key, (entry = { jumps: [], pickups: [] }));
    return entry;
  };
  for (const jump of jumps) group(jump.fromPage, jump.toPage).jumps.push(jump);
  for (const pickup of pickups) group(pickup.fromPage, pickup.page).pickups.push(pickup);

  for (const { jumps: groupJumps, pickups: groupPickups } of groups.values()) {
    if (groupJumps.length === 0 || groupPickups.length === 0) continue;
    if (groupJumps.length === 1 && groupPickups.length === 1) {
      pairs.push({ continuationId: groupJumps[0]!.continuationId, toArticleId: groupPickups[0]!.articleId });
      continue;
    }
    const scored = groupJumps.flatMap((jump) =>
      groupPickups.map((pickup) => ({ jump, pickup, score: likeness(jump, pickup) })),
    );
    scored.sort((a, b) => b.score - a.score);
    const usedJumps = new Set<number>();
    const usedPickups = new Set<number>();
    for (const { jump, pickup, score } of scored) {
      if (score < MIN_SCORE) break;
      if (usedJumps.has(jump.continuationId) || usedPickups.has(pickup.articleId)) continue;
      usedJumps.add(jump.continuationId);
      usedPickups.add(pickup.articleId);
      pairs.push({ continuationId: jump.continuationId, toArticleId: pickup.articleId });
    }
  }
  return pairs;
}

/**
 * How alike a jump and a pickup are: pickups usually repeat or shorten the headline, so
 * headings weigh most; shared body vocabulary (names, places) decides when they don't.
 */
export function likeness(jump: Pick<JumpSide, "headings" | "body">, pickup: Pick<PickupSide, "headings" | "body">): number {
  const headings = dice(bigrams(jump.headings), bigrams(pickup.headings));
  const body = dice(bigrams(jump.body), bigrams(pickup.body));
  return Math.max(headings, 0.5 * headings + 0.5 * body, body * 0.8);
}

function bigrams(text: string): Set<string> {
  const chars = [...text.replace(/[\s\p{P}]/gu, "")];
  const result = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) result.add(chars[i]! + chars[i + 1]!);
  return result;
}

function dice(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const gram of a) if (b.has(gram)) shared++;
  return (2 * shared) / (a.size + b.size);
}
