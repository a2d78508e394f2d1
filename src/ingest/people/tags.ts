/**
 * jieba's part-of-speech tags, grouped as the people reader asks about them: which tags a name
 * may carry, which mark grammar words, which mark nouns a name may look like. Every rule asks the
 * same questions of a word's tag, so the groups are written once here.
 */

/** Part-of-speech tags jieba gives to names it does not know (x) or knows (nr, nrfg, nrt). */
export const NAME_TAGS = new Set(["nr", "nrfg", "nrt", "x"]);
export const PERSON_TAGS = new Set(["nr", "nrfg", "nrt"]);
/** Function-word tags: such a word cannot be part of a name nor of a title. */
export const FUNCTION_TAGS = new Set([
  "p", "c", "u", "uj", "ul", "uz", "ug", "uv", "ud", "r", "d", "m", "q", "t", "f", "y", "e", "o", "mq",
]);
/** Tags of dictionary words that may be a name as well (马烽/ns, 江南/ns). */
export const NOUN_TAGS = new Set(["n", "ns", "nz", "nt"]);
export const GIVEN_NAME_TAGS = new Set(["nr", "nrfg", "nrt", "nz", "x"]);
/** A surname read as one of these (于/p, 向/p, 和/c) is a preposition or conjunction, not a name. */
export const BAD_SURNAME_TAGS = new Set(["p", "c", "u", "uj", "ul", "uz", "ug", "uv", "ud", "r"]);
