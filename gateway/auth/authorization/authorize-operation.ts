import {
  getOperationAST,
  isListType,
  isNonNullType,
  isObjectType,
  isInterfaceType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type SelectionNode,
  type SelectionSetNode,
} from 'graphql';
import type { Principal } from '../principal';
import type { AccessPolicy } from './access-policy';
import { createFieldRequirements, satisfies } from './field-requirements';

/** A path into the answer: response keys, `@` for every element of a list. */
export type AnswerPath = ReadonlyArray<string>;

export interface AuthorizationOutcome {
  /** Nothing is denied: run the operation as it is. */
  allowed: boolean;
  /** The operation without what is denied (fragments inlined); the original when allowed. */
  document: DocumentNode;
  /** Each denied field, for its error. */
  denied: AnswerPath[];
  /** Where the answer gets null: the denied fields, or their nearest nullable ancestors. */
  nulls: AnswerPath[];
  /** A denied field has no nullable ancestor: the whole answer is null. */
  dataIsNull: boolean;
}

type Requirements = ReturnType<typeof createFieldRequirements>;

interface Walk {
  schema: GraphQLSchema;
  principal: Principal;
  requirementsOf: Requirements;
  fragments: ReadonlyMap<string, FragmentDefinitionNode>;
  denied: AnswerPath[];
  nulls: AnswerPath[];
}

const BUBBLE = Symbol('a denied non-null field nulls the enclosing object');

const isAllowed = (walk: Walk, parent: GraphQLCompositeType, field: string) => satisfies(walk.principal, walk.requirementsOf(parent, field));

/** Nullability of the positions a field's value has: the field itself, then each list level's items. */
function positions(type: GraphQLOutputType): boolean[] {
  const nullable: boolean[] = [];
  let current: GraphQLOutputType = type;
  for (;;) {
    const inner: GraphQLOutputType = isNonNullType(current) ? current.ofType : current;
    nullable.push(inner === current);
    if (!isListType(inner)) return nullable;
    current = inner.ofType;
  }
}

const placeholder = (responseKey: string): FieldNode => ({
  kind: Kind.FIELD,
  alias: { kind: Kind.NAME, value: responseKey },
  name: { kind: Kind.NAME, value: '__typename' },
});

const typenameOnly: SelectionSetNode = { kind: Kind.SELECTION_SET, selections: [{ kind: Kind.FIELD, name: { kind: Kind.NAME, value: '__typename' } }] };

/** Whether anything under this selection set is denied (fragments followed, each once). */
function anyDenied(walk: Walk, set: SelectionSetNode, parent: GraphQLCompositeType, seen: Set<string>): boolean {
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) {
      const name = selection.name.value;
      if (name.startsWith('__')) continue;
      if (!isAllowed(walk, parent, name)) return true;
      if (selection.selectionSet && (isObjectType(parent) || isInterfaceType(parent))) {
        const definition = parent.getFields()[name];
        if (definition && anyDenied(walk, selection.selectionSet, namedComposite(definition.type), seen)) return true;
      }
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      if (anyDenied(walk, selection.selectionSet, conditionType(walk, selection.typeCondition?.name.value, parent), seen)) return true;
    } else {
      const fragment = walk.fragments.get(selection.name.value);
      if (!fragment || seen.has(fragment.name.value)) continue;
      seen.add(fragment.name.value);
      if (anyDenied(walk, fragment.selectionSet, conditionType(walk, fragment.typeCondition.name.value, parent), seen)) return true;
    }
  }
  return false;
}

function namedComposite(type: GraphQLOutputType): GraphQLCompositeType {
  let current: GraphQLOutputType = type;
  while (isNonNullType(current) || isListType(current)) current = current.ofType;
  return current as GraphQLCompositeType;
}

function conditionType(walk: Walk, name: string | undefined, parent: GraphQLCompositeType): GraphQLCompositeType {
  return name ? ((walk.schema.getType(name) as GraphQLCompositeType | undefined) ?? parent) : parent;
}

/**
 * Rewrites a selection set: a denied nullable field becomes `key: __typename` (the answer keeps
 * its position, nothing is fetched, and the value is then replaced by null); a denied non-null
 * field nulls its nearest nullable ancestor instead, the way a GraphQL error would.
 */
function rewrite(walk: Walk, set: SelectionSetNode, parent: GraphQLCompositeType, path: string[]): SelectionSetNode | typeof BUBBLE {
  const selections: SelectionNode[] = [];
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) {
      const name = selection.name.value;
      const key = selection.alias?.value ?? name;
      if (name.startsWith('__') || (!isObjectType(parent) && !isInterfaceType(parent))) {
        selections.push(selection);
        continue;
      }
      const definition = parent.getFields()[name];
      if (!definition) {
        selections.push(selection);
        continue;
      }
      const fieldPath = [...path, key];
      const nullable = positions(definition.type);
      if (!isAllowed(walk, parent, name)) {
        walk.denied.push(fieldPath);
        if (!nullable[0]) return BUBBLE;
        walk.nulls.push(fieldPath);
        selections.push(placeholder(key));
        continue;
      }
      if (!selection.selectionSet) {
        selections.push(selection);
        continue;
      }
      const itemPath = [...fieldPath, ...nullable.slice(1).map(() => '@')];
      const inner = rewrite(walk, selection.selectionSet, namedComposite(definition.type), itemPath);
      if (inner !== BUBBLE) {
        selections.push({ ...selection, selectionSet: inner });
        continue;
      }
      // The innermost nullable position between this field and the denied one takes the null.
      const level = nullable.lastIndexOf(true);
      if (level < 0) return BUBBLE;
      if (level === 0) {
        walk.nulls.push(fieldPath);
        selections.push(placeholder(key));
      } else {
        walk.nulls.push([...fieldPath, ...nullable.slice(1, level + 1).map(() => '@')]);
        selections.push({ ...selection, selectionSet: typenameOnly });
      }
    } else {
      const fragment = selection.kind === Kind.FRAGMENT_SPREAD ? walk.fragments.get(selection.name.value) : undefined;
      const body = selection.kind === Kind.INLINE_FRAGMENT ? selection.selectionSet : fragment?.selectionSet;
      if (!body) continue;
      const condition = selection.kind === Kind.INLINE_FRAGMENT ? selection.typeCondition : fragment!.typeCondition;
      const inner = rewrite(walk, body, conditionType(walk, condition?.name.value, parent), path);
      if (inner === BUBBLE) return BUBBLE;
      selections.push({ kind: Kind.INLINE_FRAGMENT, typeCondition: condition, directives: selection.directives, selectionSet: inner });
    }
  }
  return { ...set, selections };
}

/**
 * Applies `@authenticated` and `@requiresScopes` to one operation for one caller. The denied
 * parts are taken out before planning, so no subgraph is asked for them, and come back as null
 * with an error each; everything else is answered as usual.
 */
export function authorizeOperation(options: {
  schema: GraphQLSchema;
  policy: AccessPolicy;
  principal: Principal;
  document: DocumentNode;
  operationName?: string | null;
}): AuthorizationOutcome {
  const { schema, policy, principal, document } = options;
  const unchanged: AuthorizationOutcome = { allowed: true, document, denied: [], nulls: [], dataIsNull: false };
  const operation = getOperationAST(document, options.operationName);
  if (policy.isEmpty || !operation) return unchanged;
  const root = schema.getRootType(operation.operation);
  if (!root) return unchanged;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const walk: Walk = { schema, principal, requirementsOf: createFieldRequirements(schema, policy), fragments, denied: [], nulls: [] };
  if (!anyDenied(walk, operation.selectionSet, root, new Set())) return unchanged;

  const selectionSet = rewrite(walk, operation.selectionSet, root, []);
  if (selectionSet === BUBBLE) return { allowed: false, document, denied: walk.denied, nulls: [], dataIsNull: true };
  const rewritten: DocumentNode = { kind: Kind.DOCUMENT, definitions: [{ ...operation, selectionSet }] };
  return { allowed: false, document: rewritten, denied: walk.denied, nulls: walk.nulls, dataIsNull: false };
}
