import { PothosValidationError } from "@pothos/core";
import { decodeGlobalID } from "@pothos/plugin-relay";

/** The longest global ID accepted: `Typename:` and a row ID of up to 15 digits, in base64. */
const MAX_GLOBAL_ID = 64;

/**
 * Decodes a global ID of papergraph: a type name and a row ID written as the API writes it
 * (digits, no sign, no leading zero, no fraction or exponent), so that `Article:1.5`,
 * `Article:1e3` and `Article: 1` are not Article 1. Anything else is refused with "Invalid
 * global ID" (BAD_USER_INPUT), the ID shown cut to MAX_GLOBAL_ID characters.
 */
export function decodeCanonicalGlobalID(globalId: string): { typename: string; id: string } {
  const invalid = () => new PothosValidationError(`Invalid global ID: ${globalId.length > MAX_GLOBAL_ID ? `${globalId.slice(0, MAX_GLOBAL_ID)}…` : globalId}`);
  if (globalId.length > MAX_GLOBAL_ID) throw invalid();
  let decoded: { typename: string; id: string };
  try {
    decoded = decodeGlobalID(globalId);
  } catch {
    throw invalid();
  }
  if (!/^[1-9]\d{0,14}$/.test(decoded.id)) throw invalid();
  return decoded;
}

/** The primary key inside a global ID, or null when it is not an ID of `typename`. */
export function rowId(globalId: string, typename: string): number | null {
  try {
    const decoded = decodeCanonicalGlobalID(globalId);
    return decoded.typename === typename ? Number(decoded.id) : null;
  } catch {
    return null;
  }
}
