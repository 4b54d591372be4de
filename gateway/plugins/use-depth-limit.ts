import { GraphQLError, Kind, type FragmentDefinitionNode, type SelectionSetNode, type ValidationRule } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/**
 * The deepest chain of nested fields in a selection set, following fragments. Introspection
 * fields (`__schema`, `__type`) do not count: tools need them deep, they resolve from memory, and
 * the token limit and the introspection switch bound them.
 */
function selectionDepth(
  selectionSet: SelectionSetNode,
  fragment: (name: string) => FragmentDefinitionNode | null | undefined,
  fragmentDepths: Map<string, number>,
): number {
  let deepest = 0;
  for (const selection of selectionSet.selections) {
    let depth = 0;
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value.startsWith('__')) continue;
      depth = 1 + (selection.selectionSet ? selectionDepth(selection.selectionSet, fragment, fragmentDepths) : 0);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      depth = selectionDepth(selection.selectionSet, fragment, fragmentDepths);
    } else {
      const name = selection.name.value;
      const known = fragmentDepths.get(name);
      if (known !== undefined) {
        depth = known;
      } else {
        const definition = fragment(name);
        // Mark before descending: a fragment cycle (reported by another rule) counts as zero.
        fragmentDepths.set(name, 0);
        depth = definition ? selectionDepth(definition.selectionSet, fragment, fragmentDepths) : 0;
        fragmentDepths.set(name, depth);
      }
    }
    deepest = Math.max(deepest, depth);
  }
  return deepest;
}

export function depthLimitRule(maxDepth: number): ValidationRule {
  return (context) => ({
    OperationDefinition(node) {
      const depth = selectionDepth(node.selectionSet, (name) => context.getFragment(name), new Map());
      if (depth > maxDepth) {
        const name = node.name ? `Operation "${node.name.value}"` : 'The operation';
        context.reportError(
          new GraphQLError(`${name} is nested ${depth} levels deep; the gateway allows at most ${maxDepth}`, {
            nodes: [node],
            extensions: { code: 'DEPTH_LIMIT_EXCEEDED' },
          }),
        );
      }
    },
  });
}

/** Refuses operations nested deeper than `maxDepth` fields, before anything is planned or fetched. */
export function useDepthLimit({ maxDepth }: { maxDepth: number }): Plugin {
  const rule = depthLimitRule(maxDepth);
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(rule);
    },
  };
}
