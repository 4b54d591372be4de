import { isInterfaceType, isObjectType, isSubtype, isUnionType, type Schema } from '@apollo/federation-internals';

/** Memoized answers to "does an object of runtime type X match type condition Y" over one schema. */
export interface TypeRelations {
  /** `... on condition` applies to an object whose __typename is `typename`. */
  conditionApplies(condition: string, typename: string): boolean;
}

/** Over the planner's own schema model, so that no second copy of the supergraph is built. */
export function createTypeRelations(schema: Schema): TypeRelations {
  const memo = new Map<string, boolean>();
  return {
    conditionApplies(condition, typename) {
      if (condition === typename) return true;
      const key = `${condition}\u0000${typename}`;
      let answer = memo.get(key);
      if (answer === undefined) {
        const conditionType = schema.type(condition);
        const runtimeType = schema.type(typename);
        answer =
          !!conditionType &&
          !!runtimeType &&
          (isInterfaceType(conditionType) || isUnionType(conditionType)) &&
          (isObjectType(runtimeType) || isInterfaceType(runtimeType)) &&
          isSubtype(conditionType, runtimeType);
        memo.set(key, answer);
      }
      return answer;
    },
  };
}
