import { Kind, parse, print, visit, type DocumentNode, type FieldNode, type OperationDefinitionNode } from 'graphql';
import type { FetchDataKeyRenamer } from '@apollo/query-planner';
import type { TypeRelations } from '../type-relations';

type Json = Record<string, unknown>;

const FRAGMENT_PREFIX = '... on ';
const PARENT = '..';

/**
 * `@fromContext` arguments of one entity fetch. The planner names a variable per contextual
 * argument and gives, relative to each entity, the path to its value among the entity's
 * ancestors (`..` is the parent object, `... on T` a type condition). Entities whose context
 * values differ are sent in groups, each as its own aliased `_entities` selection of one request.
 */
export interface ContextArguments {
  /** Variable names, in the order `valuesOf` returns values. */
  readonly variables: ReadonlyArray<string>;
  /** The contextual argument values of an entity, given its ancestors (root first). */
  valuesOf(entity: Json, ancestors: ReadonlyArray<Json>): unknown[];
  /** The fetch operation with `groups` aliased `_entities` selections (`_0`, `_1`, ...). */
  operationFor(groups: number): string;
}

export function compileContextArguments(
  operation: string,
  rewrites: ReadonlyArray<FetchDataKeyRenamer> | undefined,
  types: TypeRelations,
): ContextArguments | null {
  if (!rewrites || rewrites.length === 0) return null;
  const variables: string[] = [];
  const byVariable = new Map<string, Array<ReadonlyArray<string>>>();
  for (const rewrite of rewrites) {
    let paths = byVariable.get(rewrite.renameKeyTo);
    if (!paths) {
      paths = [];
      byVariable.set(rewrite.renameKeyTo, paths);
      variables.push(rewrite.renameKeyTo);
    }
    paths.push(rewrite.path);
  }
  const pathsInOrder = variables.map((name) => byVariable.get(name)!);
  const document = parse(operation);
  const operations = new Map<number, string>();
  return {
    variables,
    valuesOf(entity, ancestors) {
      return pathsInOrder.map((paths) => {
        for (const path of paths) {
          const value = valueAtPath(entity, ancestors, path, types);
          if (value !== undefined) return value;
        }
        return null;
      });
    },
    operationFor(groups) {
      let text = operations.get(groups);
      if (text === undefined) {
        text = print(aliasEntitiesPerGroup(document, new Set(variables), groups));
        operations.set(groups, text);
      }
      return text;
    },
  };
}

function valueAtPath(entity: Json, ancestors: ReadonlyArray<Json>, path: ReadonlyArray<string>, types: TypeRelations): unknown {
  let current: unknown = entity;
  let level = ancestors.length;
  for (const element of path) {
    if (element === PARENT) {
      level -= 1;
      if (level < 0) return undefined;
      current = ancestors[level];
    } else if (current === null || typeof current !== 'object' || Array.isArray(current)) {
      return undefined;
    } else if (element.startsWith(FRAGMENT_PREFIX)) {
      const typename = (current as Json).__typename;
      if (typeof typename !== 'string' || !types.conditionApplies(element.slice(FRAGMENT_PREFIX.length), typename)) return undefined;
    } else {
      current = (current as Json)[element];
    }
  }
  return current;
}

/** `_entities(representations: $representations)` repeated per group with suffixed variables. */
function aliasEntitiesPerGroup(document: DocumentNode, contextual: ReadonlySet<string>, groups: number): DocumentNode {
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (!operation) throw new Error('fetch operation without an operation definition');
  const perGroup = (name: string, group: number) => (name === 'representations' || contextual.has(name) ? `${name}_${group}` : name);
  const renameVariables = <T extends FieldNode>(node: T, group: number): T =>
    visit(node, { Variable: (variable) => ({ ...variable, name: { ...variable.name, value: perGroup(variable.name.value, group) } }) });
  const variableDefinitions = (operation.variableDefinitions ?? []).flatMap((definition) => {
    const name = definition.variable.name.value;
    if (name !== 'representations' && !contextual.has(name)) return [definition];
    return Array.from({ length: groups }, (_, group) => ({
      ...definition,
      variable: { ...definition.variable, name: { ...definition.variable.name, value: perGroup(name, group) } },
    }));
  });
  const selections = operation.selectionSet.selections.flatMap((selection) => {
    if (selection.kind !== Kind.FIELD || selection.name.value !== '_entities') return [selection];
    return Array.from({ length: groups }, (_, group) => ({
      ...renameVariables(selection, group),
      alias: { kind: Kind.NAME, value: `_${group}` } as const,
    }));
  });
  return {
    ...document,
    definitions: document.definitions.map((definition) =>
      definition === operation ? { ...operation, variableDefinitions, selectionSet: { ...operation.selectionSet, selections } } : definition,
    ),
  };
}
