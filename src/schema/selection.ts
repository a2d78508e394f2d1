import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from "graphql";

/**
 * Whether the resolved field's selection asks for any of `names` among its own fields, through
 * fragments too (directives are not weighed: a skipped field only costs work that was not needed).
 */
export function selectsAny(info: GraphQLResolveInfo, names: ReadonlySet<string>): boolean {
  const spread = new Set<string>();
  const asks = (set: SelectionSetNode | undefined): boolean =>
    set?.selections.some((selection) => {
      if (selection.kind === Kind.FIELD) return names.has(selection.name.value);
      if (selection.kind === Kind.INLINE_FRAGMENT) return asks(selection.selectionSet);
      if (spread.has(selection.name.value)) return false;
      spread.add(selection.name.value);
      return asks(info.fragments[selection.name.value]?.selectionSet);
    }) === true;
  return info.fieldNodes.some((node) => asks(node.selectionSet));
}
