/**
 * Two forms a kicker (引题) takes that no wording of the headline under it shares. Both read the
 * folded text (normalise.ts: every space a " ").
 *
 * - Parallel phrases set off by a space, a campaign's slogan or a box's labels (长江大保护 我们在行动,
 *   编者按 读者来信): over a line that is one statement, with no space in it, they lead into it. A
 *   headline made of such phrases has its deck opening with a dash under it instead.
 * - A competition's name alone (CBA常规赛, 全国女子排球超级联赛): a headline says what happened in it.
 */

/** A phrase of a kicker: a few characters with no sentence punctuation. */
const PHRASE = /^[^,。;:!?、()]{2,12}$/;

/** Whether `line` is two or three phrases set off by spaces (长江大保护 我们在行动). */
export function isParallelPhrases(line: string): boolean {
  const parts = line.trim().split(/ +/);
  return parts.length >= 2 && parts.length <= 3 && parts.every((part) => PHRASE.test(part));
}

/** A competition, a season or a stage of one: …联赛, …常规赛, …锦标赛, …运动会, a cup (…杯, not 一杯). */
const COMPETITION =
  /^[\p{Script=Han}A-Za-z0-9]{0,12}(?:联赛|常规赛|季后赛|总决赛|锦标赛|公开赛|大奖赛|世界杯|冠军赛|巡回赛|大师赛|系列赛|杯赛|运动会|(?<=[\p{Script=Han}A-Za-z0-9])(?<!一)杯)$/u;

/** Whether `line` is only the name of a competition (CBA常规赛), not a statement about it. */
export function isCompetitionName(line: string): boolean {
  return COMPETITION.test(line.trim());
}
