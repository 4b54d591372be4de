import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isIntrospectionType,
  isNonNullType,
  isObjectType,
  isSpecifiedScalarType,
  isUnionType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInterfaceType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import type { ContractConfig } from './contract-config';
import type { TagIndex } from './schema-tags';

type Composite = GraphQLObjectType | GraphQLInterfaceType;

const isRequired = (argument: { type: unknown; defaultValue?: unknown }) => isNonNullType(argument.type) && argument.defaultValue === undefined;

/**
 * The schema coordinates a contract hides, worked out on the full API schema:
 * 1. by tags: an element carrying an excluded tag (on itself or on its type) goes; with include
 *    tags, an object or interface field stays only when it or its type carries one of them, and
 *    a union only when it carries one;
 * 2. then, until nothing changes, what the hidden elements take with them: a field returning a
 *    hidden type, an optional argument (or the field, for a required one) of a hidden input type,
 *    an input field likewise, a type left with no fields, a union with no members, an enum with
 *    no values, an interface field whose implementation is hidden;
 * 3. types no longer reachable from the root types.
 * The result is valid for `@inaccessible`: nothing visible refers to anything hidden.
 */
export function hiddenByContract(schema: GraphQLSchema, tags: TagIndex, config: ContractConfig): Set<string> {
  const hidden = new Set<string>();
  const exclude = new Set(config.exclude);
  const include = new Set(config.include);
  const tagsOf = (coordinate: string) => tags.get(coordinate) ?? new Set<string>();
  const carries = (coordinate: string, wanted: Set<string>) => [...tagsOf(coordinate)].some((tag) => wanted.has(tag));

  const types = Object.values(schema.getTypeMap()).filter((type) => !isIntrospectionType(type) && !isSpecifiedScalarType(type));
  const composites = types.filter((type): type is Composite => isObjectType(type) || isInterfaceType(type));

  // 1. Tags.
  for (const type of types) {
    if (carries(type.name, exclude)) hidden.add(type.name);
    if (isUnionType(type) && include.size > 0 && !carries(type.name, include)) hidden.add(type.name);
    if (isEnumType(type)) for (const value of type.getValues()) if (carries(`${type.name}.${value.name}`, exclude)) hidden.add(`${type.name}.${value.name}`);
    if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (!carries(`${type.name}.${field.name}`, exclude)) continue;
        hidden.add(isRequired(field) ? type.name : `${type.name}.${field.name}`);
      }
    }
  }
  for (const type of composites) {
    const typeIncluded = carries(type.name, include);
    for (const field of Object.values(type.getFields())) {
      const coordinate = `${type.name}.${field.name}`;
      if (carries(coordinate, exclude) || (include.size > 0 && !typeIncluded && !carries(coordinate, include))) hidden.add(coordinate);
      for (const argument of field.args) {
        if (!carries(`${coordinate}(${argument.name}:)`, exclude)) continue;
        hidden.add(isRequired(argument) ? coordinate : `${coordinate}(${argument.name}:)`);
      }
    }
  }

  // 2. What hidden elements take with them.
  const typeHidden = (type: GraphQLNamedType) => hidden.has(type.name);
  const hide = (coordinate: string) => {
    if (hidden.has(coordinate)) return false;
    hidden.add(coordinate);
    return true;
  };
  const visibleFields = (type: Composite) => Object.values(type.getFields()).filter((f) => !hidden.has(`${type.name}.${f.name}`));
  const argumentHidden = (coordinate: string, argument: GraphQLArgument) => hidden.has(`${coordinate}(${argument.name}:)`);
  let changed = true;
  while (changed) {
    changed = false;
    for (const type of composites) {
      if (typeHidden(type)) continue;
      for (const field of visibleFields(type)) {
        const coordinate = `${type.name}.${field.name}`;
        if (typeHidden(getNamedType(field.type))) {
          changed = hide(coordinate) || changed;
          continue;
        }
        for (const argument of field.args) {
          if (argumentHidden(coordinate, argument) || !typeHidden(getNamedType(argument.type))) continue;
          changed = hide(isRequired(argument) ? coordinate : `${coordinate}(${argument.name}:)`) || changed;
        }
      }
      if (visibleFields(type).length === 0) changed = hide(type.name) || changed;
    }
    // An interface field stays only while every visible implementation keeps it.
    for (const type of composites) {
      if (!isInterfaceType(type) || typeHidden(type)) continue;
      const implementations = schema.getPossibleTypes(type).filter((object) => !typeHidden(object));
      for (const field of visibleFields(type)) {
        if (implementations.some((object) => hidden.has(`${object.name}.${field.name}`))) changed = hide(`${type.name}.${field.name}`) || changed;
      }
      if (visibleFields(type).length === 0) changed = hide(type.name) || changed;
    }
    for (const type of types) {
      if (typeHidden(type)) continue;
      if (isUnionType(type) && type.getTypes().every(typeHidden)) changed = hide(type.name) || changed;
      if (isEnumType(type) && type.getValues().every((v) => hidden.has(`${type.name}.${v.name}`))) changed = hide(type.name) || changed;
      if (isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (hidden.has(`${type.name}.${field.name}`) || !typeHidden(getNamedType(field.type))) continue;
          changed = hide(isRequired(field) ? type.name : `${type.name}.${field.name}`) || changed;
        }
        if (!typeHidden(type) && Object.values(type.getFields()).every((f) => hidden.has(`${type.name}.${f.name}`))) changed = hide(type.name) || changed;
      }
    }
  }

  // 3. Reachability from the root types.
  const reachable = new Set<string>();
  const queue: GraphQLNamedType[] = [];
  const reach = (type: GraphQLNamedType | null | undefined) => {
    if (!type || typeHidden(type) || reachable.has(type.name)) return;
    reachable.add(type.name);
    queue.push(type);
  };
  const reachField = (owner: string, field: GraphQLField<unknown, unknown>) => {
    const coordinate = `${owner}.${field.name}`;
    if (hidden.has(coordinate)) return;
    reach(getNamedType(field.type));
    for (const argument of field.args) if (!argumentHidden(coordinate, argument)) reach(getNamedType(argument.type));
  };
  reach(schema.getQueryType());
  reach(schema.getMutationType());
  reach(schema.getSubscriptionType());
  while (queue.length > 0) {
    const type = queue.pop()!;
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) reachField(type.name, field);
      if (isInterfaceType(type)) for (const object of schema.getPossibleTypes(type)) reach(object);
      for (const parent of type.getInterfaces()) reach(parent);
    } else if (isUnionType(type)) {
      for (const member of type.getTypes()) reach(member);
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) if (!hidden.has(`${type.name}.${field.name}`)) reach(getNamedType(field.type));
    }
  }
  for (const type of types) if (!reachable.has(type.name)) hidden.add(type.name);
  return hidden;
}
