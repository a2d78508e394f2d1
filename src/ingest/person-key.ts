import { simplifiedText } from "./traditional.ts";

/**
 * The key a person is found by: the name folded to simplified characters one character at a
 * time, as search folds text (吳建軍 → 吴建军). Names that differ in anything else (another
 * character, a variant the table does not fold) stay apart: the fold is the whole rule.
 */
export const personKey = (name: string): string => simplifiedText(name);
