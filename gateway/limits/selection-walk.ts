import { Kind, type FragmentDefinitionNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';

/**
 * Counts something over an operation's selections, following fragment spreads (each spread counts
 * again: a fragment spread ten times costs ten times) with each fragment's own count memoized, so
 * that counting is linear in the document even when its expansion is not.
 */
export function countSelections(
  operation: OperationDefinitionNode,
  fragments: (name: string) => FragmentDefinitionNode | null | undefined,
  countField: (field: import('graphql').FieldNode) => number,
): number {
  const memo = new Map<string, number>();
  const count = (set: SelectionSetNode): number => {
    let total = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        total += countField(selection);
        if (selection.selectionSet) total += count(selection.selectionSet);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        total += count(selection.selectionSet);
      } else {
        const name = selection.name.value;
        let known = memo.get(name);
        if (known === undefined) {
          memo.set(name, 0); // a cycle (reported by validation) counts as nothing
          const definition = fragments(name);
          known = definition ? count(definition.selectionSet) : 0;
          memo.set(name, known);
        }
        total += known;
      }
    }
    return total;
  };
  return count(operation.selectionSet);
}

/** The fields at the root of an operation, through fragments (each spread counts again). */
export function countRootFields(operation: OperationDefinitionNode, fragments: (name: string) => FragmentDefinitionNode | null | undefined): number {
  const count = (set: SelectionSetNode, seen: ReadonlySet<string>): number => {
    let total = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) total += selection.name.value === '__typename' ? 0 : 1;
      else if (selection.kind === Kind.INLINE_FRAGMENT) total += count(selection.selectionSet, seen);
      else if (!seen.has(selection.name.value)) {
        const definition = fragments(selection.name.value);
        if (definition) total += count(definition.selectionSet, new Set([...seen, selection.name.value]));
      }
    }
    return total;
  };
  return count(operation.selectionSet, new Set());
}
