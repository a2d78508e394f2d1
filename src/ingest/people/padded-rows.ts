/**
 * A row of a list printed in padded columns, as honours lists set them: the unit and role, padding,
 * then the name (江城港务集团装卸队队长　　　王小明; a two-character name padded to three: 王 明).
 * The padding only lines the names up, so the people reader reads the row with it taken out: the
 * unit and role stand right before the name, its title, and a padded name is read whole.
 */
import { looksLikePersonalName } from "../credit-names.ts";
import { HAN_RANGES } from "../han.ts";
import { roleEndingAt } from "../role-nouns.ts";

const PADDED_ROW = new RegExp(`^([${HAN_RANGES}“”（）()]{3,40}?)[\\s\\u3000]+([${HAN_RANGES}]{2,4}|[${HAN_RANGES}][ \\u3000][${HAN_RANGES}])$`);

/** The row's text with the padding taken out when it is such a row (the role ending in a role noun), else the text itself. */
export function withoutColumnPadding(text: string): string {
  const m = PADDED_ROW.exec(text);
  if (m === null) return text;
  const [role, printedName] = [m[1]!, m[2]!];
  const name = printedName.replace(/[ \u3000]/g, "");
  if (roleEndingAt(role, role.length) === null || !looksLikePersonalName(name)) return text;
  return role + name;
}
