import { getNamedType, isAbstractType, isInterfaceType, isObjectType, type GraphQLCompositeType, type GraphQLSchema } from 'graphql';
import type { Principal } from '../principal';
import type { AccessPolicy, Requirement } from './access-policy';

/**
 * What reading `parent.field` requires: the field's own requirements, those of the type it
 * returns, and, on an interface or union, those of the same field on every possible type (the
 * caller may get any of them).
 */
export function createFieldRequirements(schema: GraphQLSchema, policy: AccessPolicy): (parent: GraphQLCompositeType, field: string) => ReadonlyArray<Requirement> {
  const memo = new Map<string, Requirement[]>();
  const add = (into: Requirement[], coordinate: string) => {
    const found = policy.requirements.get(coordinate);
    if (found) into.push(...found);
  };
  const ownAndReturned = (into: Requirement[], type: GraphQLCompositeType, field: string) => {
    if (!isObjectType(type) && !isInterfaceType(type)) return;
    const definition = type.getFields()[field];
    if (!definition) return;
    add(into, `${type.name}.${field}`);
    add(into, getNamedType(definition.type).name);
  };
  return (parent, field) => {
    const key = `${parent.name}.${field}`;
    let requirements = memo.get(key);
    if (!requirements) {
      requirements = [];
      ownAndReturned(requirements, parent, field);
      if (isAbstractType(parent)) for (const possible of schema.getPossibleTypes(parent)) ownAndReturned(requirements, possible, field);
      memo.set(key, requirements);
    }
    return requirements;
  };
}

export function satisfies(principal: Principal, requirements: ReadonlyArray<Requirement>): boolean {
  for (const requirement of requirements) {
    if (principal.anonymous) return false;
    if (requirement.kind === 'scopes' && !requirement.anyOf.some((set) => set.every((scope) => principal.scopes.has(scope)))) return false;
  }
  return true;
}
