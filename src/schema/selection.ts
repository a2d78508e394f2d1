import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from "graphql";

/**
 * Whether the resolved field's selection asks for any of `names` among its own fields, or among
 * the fields at `path` below it (`["edges", "node"]`), through fragments too (directives are not
 * weighed: a skipped field only costs work that was not needed).
 */
export function selectsAny(info: GraphQLResolveInfo, names: ReadonlySet<string>, path: readonly string[] = []): boolean {
  const asks = (set: SelectionSetNode | undefined, depth: number, spread: Set<string>): boolean =>
    set?.selections.some((selection) => {
      if (selection.kind === Kind.FIELD) {
        if (depth === path.length) return names.has(selection.name.value);
        return selection.name.value === path[depth] && asks(selection.selectionSet, depth + 1, new Set());
      }
      if (selection.kind === Kind.INLINE_FRAGMENT) return asks(selection.selectionSet, depth, spread);
      if (spread.has(selection.name.value)) return false;
      spread.add(selection.name.value);
      return asks(info.fragments[selection.name.value]?.selectionSet, depth, spread);
    }) === true;
  return info.fieldNodes.some((node) => asks(node.selectionSet, 0, new Set()));
}
