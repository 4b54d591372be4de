import {
  GraphQLError,
  Kind,
  visit,
  type DocumentNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type OperationTypeNode,
} from 'graphql';
import { operationFromDocument } from '@apollo/federation-internals';
import { compilePlan, type ExecutablePlan } from '../plan/executable-plan';
import { introspectionDocument } from '../shaping/introspection';
import { SelectionShape } from '../shaping/result-shape';
import type { SupergraphModel } from '../supergraph-model';

/** One client operation made ready to run: its plan compiled, its answer's shape. */
export interface PreparedOperation {
  readonly definition: OperationDefinitionNode;
  readonly kind: OperationTypeNode;
  readonly rootTypeName: string;
  readonly plan: ExecutablePlan;
  /** The root introspection fields, answered by the gateway itself. */
  readonly introspection: DocumentNode | null;
  /** The answer's shape for these variables (they decide @skip/@include). */
  shapeFor(coercedVariables: Readonly<Record<string, unknown>>): SelectionShape;
}

/** Plans and compiles an operation. Throws a GraphQLError when the operation cannot be planned. */
export function prepareOperation(
  model: SupergraphModel,
  document: DocumentNode,
  operationName: string | null | undefined,
  overrideLabels: ReadonlySet<string> | undefined,
): PreparedOperation {
  const definition = selectOperation(document, operationName);
  const rootType = model.schema.getRootType(definition.operation);
  if (!rootType) throw new GraphQLError(`The schema has no ${definition.operation} type.`, { extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
  const operation = operationFromDocument(model.apiSchema, document, { operationName: operationName ?? undefined });
  const overrideConditions = overrideLabels && overrideLabels.size > 0 ? new Map([...overrideLabels].map((label) => [label, true])) : undefined;
  const queryPlan = model.planner.buildQueryPlan(operation, { overrideConditions });
  const plan = compilePlan(queryPlan, model.endpoints, model.supergraphTypes);

  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const node of document.definitions) if (node.kind === Kind.FRAGMENT_DEFINITION) fragments.set(node.name.value, node);
  const conditionVariables = conditionVariablesOf(document);
  const shapes = new Map<string, SelectionShape>();
  return {
    definition,
    kind: definition.operation,
    rootTypeName: rootType.name,
    plan,
    introspection: introspectionDocument(document, definition),
    shapeFor(coercedVariables) {
      let key = '';
      for (const name of conditionVariables) key += coercedVariables[name] === true ? '1' : '0';
      let shape = shapes.get(key);
      if (!shape) {
        const conditions: Record<string, unknown> = {};
        for (const name of conditionVariables) conditions[name] = coercedVariables[name];
        shape = new SelectionShape({ schema: model.schema, fragments, conditions }, rootType, [definition.selectionSet]);
        shapes.set(key, shape);
      }
      return shape;
    },
  };
}

export function selectOperation(document: DocumentNode, operationName: string | null | undefined): OperationDefinitionNode {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (operationName) {
    const named = operations.find((operation) => operation.name?.value === operationName);
    if (!named) throw new GraphQLError(`Unknown operation named "${operationName}".`, { extensions: { code: 'OPERATION_RESOLUTION_FAILURE' } });
    return named;
  }
  if (operations.length === 1) return operations[0];
  if (operations.length === 0) throw new GraphQLError('Must provide an operation.', { extensions: { code: 'OPERATION_RESOLUTION_FAILURE' } });
  throw new GraphQLError('Must provide operation name if query contains multiple operations.', { extensions: { code: 'OPERATION_RESOLUTION_FAILURE' } });
}

/** Variables used by @skip/@include anywhere in the document: they select the answer's shape. */
function conditionVariablesOf(document: DocumentNode): string[] {
  const names = new Set<string>();
  visit(document, {
    Directive(directive) {
      if (directive.name.value !== 'skip' && directive.name.value !== 'include') return;
      for (const argument of directive.arguments ?? []) if (argument.value.kind === Kind.VARIABLE) names.add(argument.value.name.value);
    },
  });
  return [...names].sort();
}
