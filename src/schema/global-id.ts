import { decodeGlobalID } from "@pothos/plugin-relay";

/** The primary key inside a global ID, or null when it is not an ID of `typename`. */
export function rowId(globalId: string, typename: string): number | null {
  try {
    const decoded = decodeGlobalID(globalId);
    return decoded.typename === typename && /^\d+$/.test(decoded.id) ? Number(decoded.id) : null;
  } catch {
    return null;
  }
}
