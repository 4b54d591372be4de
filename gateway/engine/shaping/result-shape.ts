import {
  getNamedType,
  isAbstractType,
  isCompositeType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isInterfaceType,
  Kind,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import { leafCheckFor, type LeafCheck } from './leaf-checks';

/** How a value of the answer is shaped, from the API schema type of its position. */
export type ValueShape =
  | { readonly kind: 'leaf'; readonly nonNull: boolean; readonly check: LeafCheck | null; readonly label: string }
  | { readonly kind: 'list'; readonly nonNull: boolean; readonly of: ValueShape; readonly label: string }
  | {
      readonly kind: 'object';
      readonly nonNull: boolean;
      readonly abstract: boolean;
      readonly typeName: string;
      readonly selection: SelectionShape;
      readonly label: string;
    };

export type FieldShape =
  | { readonly kind: 'value'; readonly responseName: string; readonly ownOnly: boolean; readonly value: ValueShape }
  | { readonly kind: 'typename'; readonly responseName: string }
  | { readonly kind: 'introspection'; readonly responseName: string };

export interface ShapeContext {
  readonly schema: GraphQLSchema;
  readonly fragments: ReadonlyMap<string, FragmentDefinitionNode>;
  /** Values of the variables that @skip/@include use, for this compilation. */
  readonly conditions: Readonly<Record<string, unknown>>;
}

const INTROSPECTION_ROOT_FIELDS = new Set(['__schema', '__type']);

/**
 * The fields a selection yields for each runtime type, in answer order (the GraphQL spec's
 * CollectFields), computed on first use per type and kept.
 */
export class SelectionShape {
  private readonly byType = new Map<string, ReadonlyArray<FieldShape> | null>();

  constructor(
    private readonly context: ShapeContext,
    readonly parentType: GraphQLCompositeType,
    private readonly selectionSets: ReadonlyArray<SelectionSetNode>,
  ) {}

  /** The fields for an object of runtime type `typename` (the parent type when unknown), or null if it is not a composite type. */
  fieldsFor(typename: string | undefined): ReadonlyArray<FieldShape> | null {
    const key = typename ?? this.parentType.name;
    let fields = this.byType.get(key);
    if (fields === undefined) {
      const type = typename === undefined ? this.parentType : this.context.schema.getType(typename);
      fields = type && isCompositeType(type) ? this.collect(type) : null;
      this.byType.set(key, fields);
    }
    return fields;
  }

  private collect(runtimeType: GraphQLCompositeType): FieldShape[] {
    const groups = new Map<string, FieldNode[]>();
    const visitedFragments = new Set<string>();
    const visit = (selectionSet: SelectionSetNode): void => {
      for (const selection of selectionSet.selections) {
        if (!this.included(selection.directives)) continue;
        switch (selection.kind) {
          case Kind.FIELD: {
            const responseName = selection.alias?.value ?? selection.name.value;
            const group = groups.get(responseName);
            if (group) group.push(selection);
            else groups.set(responseName, [selection]);
            break;
          }
          case Kind.INLINE_FRAGMENT:
            if (!selection.typeCondition || this.applies(selection.typeCondition.name.value, runtimeType)) visit(selection.selectionSet);
            break;
          case Kind.FRAGMENT_SPREAD: {
            const name = selection.name.value;
            const fragment = this.context.fragments.get(name);
            if (!fragment || visitedFragments.has(name)) break;
            visitedFragments.add(name);
            if (this.applies(fragment.typeCondition.name.value, runtimeType)) visit(fragment.selectionSet);
            break;
          }
        }
      }
    };
    for (const selectionSet of this.selectionSets) visit(selectionSet);
    const fields: FieldShape[] = [];
    for (const [responseName, nodes] of groups) {
      const fieldName = nodes[0].name.value;
      if (fieldName === '__typename') {
        fields.push({ kind: 'typename', responseName });
      } else if (INTROSPECTION_ROOT_FIELDS.has(fieldName)) {
        fields.push({ kind: 'introspection', responseName });
      } else if (isObjectType(runtimeType) || isInterfaceType(runtimeType)) {
        const definition = runtimeType.getFields()[fieldName];
        if (!definition) continue;
        fields.push({
          kind: 'value',
          responseName,
          ownOnly: responseName in Object.prototype,
          value: this.valueShape(definition.type, nodes, `field ${runtimeType.name}.${fieldName}`),
        });
      }
    }
    return fields;
  }

  private valueShape(type: GraphQLOutputType, nodes: ReadonlyArray<FieldNode>, label: string, nonNull = false): ValueShape {
    if (isNonNullType(type)) return this.valueShape(type.ofType, nodes, label, true);
    if (isListType(type)) {
      return { kind: 'list', nonNull, label, of: this.valueShape(type.ofType, nodes, `array element of type ${getNamedType(type)}`) };
    }
    if (isLeafType(type)) return { kind: 'leaf', nonNull, label, check: leafCheckFor(type) };
    const selectionSets = nodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));
    return {
      kind: 'object',
      nonNull,
      label,
      abstract: isAbstractType(type),
      typeName: type.name,
      selection: new SelectionShape(this.context, type, selectionSets),
    };
  }

  private applies(condition: string, runtimeType: GraphQLCompositeType): boolean {
    if (condition === runtimeType.name) return true;
    const conditionType = this.context.schema.getType(condition);
    return (
      !!conditionType &&
      isAbstractType(conditionType) &&
      (isObjectType(runtimeType) || isInterfaceType(runtimeType)) &&
      this.context.schema.isSubType(conditionType, runtimeType)
    );
  }

  private included(directives: FieldNode['directives']): boolean {
    if (!directives || directives.length === 0) return true;
    for (const directive of directives) {
      const name = directive.name.value;
      if (name !== 'skip' && name !== 'include') continue;
      const argument = directive.arguments?.find((a) => a.name.value === 'if');
      const value = argument ? this.conditionValue(argument.value) : false;
      if (name === 'skip' && value) return false;
      if (name === 'include' && !value) return false;
    }
    return true;
  }

  private conditionValue(value: ValueNode): boolean {
    if (value.kind === Kind.BOOLEAN) return value.value;
    if (value.kind === Kind.VARIABLE) return this.context.conditions[value.name.value] === true;
    return false;
  }
}
