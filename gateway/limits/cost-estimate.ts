import {
  getNamedType,
  getOperationAST,
  isCompositeType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLOutputType,
  type GraphQLSchema,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';

export interface CostSettings {
  /** Assumed length of a list whose size no argument gives (default 10). */
  defaultListSize?: number;
  /** Arguments that give a list's size (default first, last, limit, pageSize). */
  sizeArguments?: ReadonlyArray<string>;
  /** Added per root field of a mutation (default 10). */
  mutationCost?: number;
}

function listDepth(type: GraphQLOutputType): number {
  let depth = 0;
  let current: GraphQLOutputType = type;
  while (isNonNullType(current) || isListType(current)) {
    if (isListType(current)) depth += 1;
    current = current.ofType;
  }
  return depth;
}

function valueOf(node: ValueNode, variables: Readonly<Record<string, unknown>>): unknown {
  if (node.kind === Kind.VARIABLE) return variables[node.name.value];
  if (node.kind === Kind.INT) return Number(node.value);
  if (node.kind === Kind.LIST) return node.values;
  return undefined;
}

/**
 * The size of a list field: a size argument (first, last...) as given or defaulted in the schema,
 * else the length of a list argument (`ids: [...]`: one result per id), else the default.
 */
/** The value of a size argument (first, last...) as given or defaulted in the schema, if the field has one. */
function sizeArgument(field: FieldNode, definition: GraphQLField<unknown, unknown>, variables: Readonly<Record<string, unknown>>, settings: Required<CostSettings>): number | undefined {
  for (const argument of definition.args) {
    if (!settings.sizeArguments.includes(argument.name)) continue;
    const given = field.arguments?.find((a) => a.name.value === argument.name);
    const value = given ? valueOf(given.value, variables) : argument.defaultValue;
    if (typeof value === 'number' && Number.isFinite(value)) return Math.max(0, value);
  }
  return undefined;
}

/**
 * The size of a list field: its size argument, else the length of a list argument (`ids: [...]`:
 * one result per id), else the size given to the page object it sits in (`products(first: 50) {
 * nodes }`), else the default.
 */
function listSize(field: FieldNode, definition: GraphQLField<unknown, unknown>, variables: Readonly<Record<string, unknown>>, settings: Required<CostSettings>, pageSize: number | undefined): number {
  const own = sizeArgument(field, definition, variables, settings);
  if (own !== undefined) return own;
  let byList: number | undefined;
  for (const argument of definition.args) {
    const given = field.arguments?.find((a) => a.name.value === argument.name);
    const value = given ? valueOf(given.value, variables) : argument.defaultValue;
    if (Array.isArray(value)) byList = Math.max(byList ?? 0, value.length);
  }
  return byList ?? pageSize ?? settings.defaultListSize;
}

/**
 * Estimates what an operation costs before it runs: each object (or interface, union) a field
 * returns costs 1, leaves cost nothing, and a list multiplies what it holds by its expected size;
 * nested lists multiply; the size argument of a page object (`products(first: 50) { nodes }`)
 * sizes the lists directly in it. A spread fragment costs what its fields cost, wherever it is spread.
 */
export function estimateCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Readonly<Record<string, unknown>> = {},
  options: CostSettings = {},
): number {
  const settings: Required<CostSettings> = {
    defaultListSize: options.defaultListSize ?? 10,
    sizeArguments: options.sizeArguments ?? ['first', 'last', 'limit', 'pageSize'],
    mutationCost: options.mutationCost ?? 10,
  };
  const operation = getOperationAST(document, operationName);
  if (!operation) return 0;
  const root = schema.getRootType(operation.operation);
  if (!root) return 0;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const fragmentCosts = new Map<string, number>();

  // `pageSize`: the size argument of the enclosing page object, for the lists directly in it.
  const costOf = (set: SelectionSetNode, parent: GraphQLCompositeType, pageSize?: number): number => {
    let total = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value.startsWith('__') || (!isObjectType(parent) && !isInterfaceType(parent))) continue;
        const definition = parent.getFields()[selection.name.value];
        if (!definition) continue;
        const named = getNamedType(definition.type);
        const depth = listDepth(definition.type);
        const innerPageSize = depth === 0 ? sizeArgument(selection, definition, variables, settings) : undefined;
        const inner = (isCompositeType(named) ? 1 : 0) + (selection.selectionSet && isCompositeType(named) ? costOf(selection.selectionSet, named, innerPageSize) : 0);
        const multiplier = depth === 0 ? 1 : listSize(selection, definition, variables, settings, pageSize) * settings.defaultListSize ** (depth - 1);
        total += multiplier * inner;
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        if (condition && isCompositeType(condition)) total += costOf(selection.selectionSet, condition, pageSize);
      } else {
        const name = selection.name.value;
        const key = `${name}|${pageSize ?? ''}`;
        let known = fragmentCosts.get(key);
        if (known === undefined) {
          fragmentCosts.set(key, 0); // a cycle (reported by validation) costs nothing more
          const fragment = fragments.get(name);
          const condition = fragment ? schema.getType(fragment.typeCondition.name.value) : undefined;
          known = fragment && condition && isCompositeType(condition) ? costOf(fragment.selectionSet, condition, pageSize) : 0;
          fragmentCosts.set(key, known);
        }
        total += known;
      }
    }
    return total;
  };

  let cost = costOf(operation.selectionSet, root);
  if (operation.operation === 'mutation') cost += settings.mutationCost * operation.selectionSet.selections.length;
  return cost;
}
