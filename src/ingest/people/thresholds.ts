/**
 * The figures several of the people reader's rules weigh a name by: how likely its given-name
 * characters must be (given-names.ts) and how often jieba's dictionary may count it before it is
 * an everyday word rather than a name. Kept together so that rules that must agree read one figure.
 */

/** The plausibility each given-name character needs where no title vouches for the name. */
export const WEAK_GIVEN = 0.25;

/**
 * The most often a name after a role no list holds may occur in jieba's dictionary corpus: its
 * real names are counted a few to a few hundred times (王秀兰 6, 李强 159), the common words it
 * mistags as names more (黄金周 1407, 高峰 1556).
 */
export const MAX_NAME_FREQUENCY = 300;
/** The most a three-character name jieba's dictionary holds is counted there (王振华 4, 张建国 13). */
export const RARE_NAME_COUNT = 20;
/** A dictionary count no everyday name reaches, though the dictionary tags such words nr (高峰 1556, 文明 6584). */
export const COMMON_NAME_WORD = 1000;

/** The plausibility each given-name character of a name jieba found by itself needs, and both together. */
export const NEW_WORD_GIVEN = 0.45;
export const NEW_WORD_GIVEN_BOTH = 0.35;

/** A given-name character this likely is one for sure (民警区伟明). */
export const SURE_GIVEN = 0.8;
