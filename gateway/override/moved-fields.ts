import { getNamedType, getOperationAST, isObjectType, isInterfaceType, Kind, parse, visit, type DocumentNode, type FragmentDefinitionNode, type GraphQLSchema, type SelectionSetNode } from 'graphql';

/** Fields being moved by a progressive override: `Type.field` -> its label. */
export type MovedFields = ReadonlyMap<string, string>;

/** Every field of the supergraph with an `overrideLabel` on one of its `@join__field`s. */
export function movedFieldsOf(supergraph: string | DocumentNode): MovedFields {
  const document = typeof supergraph === 'string' ? parse(supergraph) : supergraph;
  const moved = new Map<string, string>();
  let typeName = '';
  visit(document, {
    ObjectTypeDefinition: { enter: (node) => void (typeName = node.name.value) },
    InterfaceTypeDefinition: { enter: (node) => void (typeName = node.name.value) },
    FieldDefinition(node) {
      for (const directive of node.directives ?? []) {
        if (directive.name.value !== 'join__field') continue;
        const label = directive.arguments?.find((a) => a.name.value === 'overrideLabel')?.value;
        if (label?.kind === Kind.STRING) moved.set(`${typeName}.${node.name.value}`, label.value);
      }
    },
  });
  return moved;
}

/**
 * The values of the moved fields an operation selected, by field coordinate, in the order they
 * appear in `data` (aliases and fragments followed). Empty when the operation selects none.
 */
export function movedValues(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined, data: unknown, moved: MovedFields): Map<string, unknown[]> {
  const values = new Map<string, unknown[]>();
  const operation = getOperationAST(document, operationName);
  if (!operation || moved.size === 0) return values;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);

  const walk = (typeName: string, selections: SelectionSetNode, value: unknown): void => {
    if (value === null || value === undefined) return;
    if (Array.isArray(value)) {
      for (const item of value) walk(typeName, selections, item);
      return;
    }
    if (typeof value !== 'object') return;
    const object = value as Record<string, unknown>;
    const type = schema.getType(typeName);
    for (const selection of selections.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        walk(selection.typeCondition?.name.value ?? typeName, selection.selectionSet, value);
      } else if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value);
        if (fragment) walk(fragment.typeCondition.name.value, fragment.selectionSet, value);
      } else {
        const key = selection.alias?.value ?? selection.name.value;
        if (!(key in object)) continue;
        const coordinate = `${typeName}.${selection.name.value}`;
        if (moved.has(coordinate)) {
          let list = values.get(coordinate);
          if (!list) values.set(coordinate, (list = []));
          list.push(object[key]);
        }
        const field = isObjectType(type) || isInterfaceType(type) ? type.getFields()[selection.name.value] : undefined;
        if (selection.selectionSet && field) walk(getNamedType(field.type).name, selection.selectionSet, object[key]);
      }
    }
  };
  const root = schema.getRootType(operation.operation);
  if (root) walk(root.name, operation.selectionSet, data);
  return values;
}

/** Whether an operation selects any moved field, and the labels of those it selects (answer-independent). */
export function movedLabelsSelected(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined, moved: MovedFields): Set<string> {
  const labels = new Set<string>();
  const operation = getOperationAST(document, operationName);
  if (!operation || moved.size === 0) return labels;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const seen = new Set<string>();
  const walk = (typeName: string, selections: SelectionSetNode): void => {
    const type = schema.getType(typeName);
    for (const selection of selections.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) walk(selection.typeCondition?.name.value ?? typeName, selection.selectionSet);
      else if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value);
        if (fragment && !seen.has(fragment.name.value)) {
          seen.add(fragment.name.value);
          walk(fragment.typeCondition.name.value, fragment.selectionSet);
        }
      } else {
        const label = moved.get(`${typeName}.${selection.name.value}`);
        if (label) labels.add(label);
        const field = isObjectType(type) || isInterfaceType(type) ? type.getFields()[selection.name.value] : undefined;
        if (selection.selectionSet && field) walk(getNamedType(field.type).name, selection.selectionSet);
      }
    }
  };
  const root = schema.getRootType(operation.operation);
  if (root) walk(root.name, operation.selectionSet);
  return labels;
}
