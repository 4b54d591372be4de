import { executeSync, Kind, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode, type SelectionNode } from 'graphql';

type Json = Record<string, unknown>;

const INTROSPECTION_FIELDS = new Set(['__schema', '__type']);

/**
 * The operation reduced to its root `__schema` / `__type` fields (with the fragments they use),
 * or null when it has none. The gateway answers these itself, from the API schema.
 */
export function introspectionDocument(document: DocumentNode, operation: OperationDefinitionNode): DocumentNode | null {
  const selections = operation.selectionSet.selections.filter(isIntrospectionField);
  if (selections.length === 0) return null;
  return {
    kind: Kind.DOCUMENT,
    definitions: [
      { ...operation, selectionSet: { ...operation.selectionSet, selections } },
      ...document.definitions.filter((definition) => definition.kind === Kind.FRAGMENT_DEFINITION),
    ],
  };
}

function isIntrospectionField(selection: SelectionNode): boolean {
  return selection.kind === Kind.FIELD && INTROSPECTION_FIELDS.has(selection.name.value);
}

export function runIntrospection(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown>): Json {
  const result = executeSync({ schema, document, variableValues: variables, rootValue: {} });
  if (result.errors?.length) throw result.errors[0];
  return (result.data ?? {}) as Json;
}
