import type { FetchDataRewrite } from '@apollo/query-planner';
import type { TypeRelations } from '../type-relations';

type Json = Record<string, unknown>;

/** Applies a fetch's input or output rewrites to a value (a representation or received data), in place. */
export type DataRewriter = (value: unknown) => void;

const FRAGMENT_PREFIX = '... on ';

/**
 * Compiles the planner's rewrites: `ValueSetter` (for instance the __typename an
 * `@interfaceObject` subgraph expects in a representation) and `KeyRenamer` (a field the planner
 * aliased to avoid a conflict, renamed back). Path elements are field names or `... on Type`.
 */
export function compileDataRewriter(rewrites: ReadonlyArray<FetchDataRewrite> | undefined, types: TypeRelations): DataRewriter | null {
  if (!rewrites || rewrites.length === 0) return null;
  const compiled = rewrites
    .filter((rewrite) => rewrite.path.length > 0)
    .map((rewrite) => {
      const parents = rewrite.path.slice(0, -1);
      const last = rewrite.path[rewrite.path.length - 1];
      if (last.startsWith(FRAGMENT_PREFIX)) throw new Error(`unexpected type condition at the end of rewrite path ${rewrite.path.join('.')}`);
      const apply =
        rewrite.kind === 'ValueSetter'
          ? (object: Json) => {
              object[last] = rewrite.setValueTo;
            }
          : (object: Json) => {
              const value = object[last];
              if (value) {
                object[rewrite.renameKeyTo] = value;
                object[last] = undefined;
              }
            };
      return { parents, apply };
    });
  return (value) => {
    for (const { parents, apply } of compiled) applyAtPath(value, parents, 0, apply, types);
  };
}

function applyAtPath(value: unknown, path: ReadonlyArray<string>, index: number, apply: (object: Json) => void, types: TypeRelations): void {
  if (Array.isArray(value)) {
    for (const element of value) applyAtPath(element, path, index, apply, types);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const object = value as Json;
  if (index === path.length) {
    apply(object);
    return;
  }
  const element = path[index];
  if (element.startsWith(FRAGMENT_PREFIX)) {
    const typename = object.__typename;
    // An object of unknown type is rewritten: the planner only asks where the type is certain.
    if (typeof typename !== 'string' || types.conditionApplies(element.slice(FRAGMENT_PREFIX.length), typename)) {
      applyAtPath(object, path, index + 1, apply, types);
    }
  } else if (Object.prototype.hasOwnProperty.call(object, element)) {
    applyAtPath(object[element], path, index + 1, apply, types);
  }
}
