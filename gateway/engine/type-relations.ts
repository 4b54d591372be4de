import { isAbstractType, isCompositeType, isObjectType, isInterfaceType, type GraphQLSchema } from 'graphql';

/** Memoized answers to "does an object of runtime type X match type condition Y" over one schema. */
export interface TypeRelations {
  readonly schema: GraphQLSchema;
  /** `... on condition` applies to an object whose __typename is `typename`. */
  conditionApplies(condition: string, typename: string): boolean;
  /** `typename` names a composite (object, interface, union) type of the schema. */
  isComposite(typename: string): boolean;
}

export function createTypeRelations(schema: GraphQLSchema): TypeRelations {
  const memo = new Map<string, boolean>();
  return {
    schema,
    conditionApplies(condition, typename) {
      if (condition === typename) return true;
      const key = `${condition}\u0000${typename}`;
      let answer = memo.get(key);
      if (answer === undefined) {
        const conditionType = schema.getType(condition);
        const runtimeType = schema.getType(typename);
        answer =
          !!conditionType &&
          !!runtimeType &&
          isAbstractType(conditionType) &&
          (isObjectType(runtimeType) || isInterfaceType(runtimeType)) &&
          schema.isSubType(conditionType, runtimeType);
        memo.set(key, answer);
      }
      return answer;
    },
    isComposite(typename) {
      const type = schema.getType(typename);
      return !!type && isCompositeType(type);
    },
  };
}
