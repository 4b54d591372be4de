import { GraphQLBoolean, GraphQLFloat, GraphQLID, GraphQLInt, GraphQLString, isEnumType, type GraphQLLeafType } from 'graphql';

/** Whether a subgraph's value is valid for a leaf type of the API schema. */
export type LeafCheck = (value: unknown) => boolean;

const isString: LeafCheck = (value) => typeof value === 'string';
const isBoolean: LeafCheck = (value) => typeof value === 'boolean';
const isInt: LeafCheck = (value) => Number.isInteger(value);
const isFloat: LeafCheck = (value) => typeof value === 'number' && Number.isFinite(value);
const isId: LeafCheck = (value) => typeof value === 'string' || Number.isInteger(value);

/**
 * The check for a leaf type, or null for custom scalars (whose values pass as the subgraph sent
 * them). Enum values are checked against the API schema, so that a value hidden by
 * `@inaccessible` never reaches a client.
 */
export function leafCheckFor(type: GraphQLLeafType): LeafCheck | null {
  if (type === GraphQLString || type.name === 'String') return isString;
  if (type === GraphQLBoolean || type.name === 'Boolean') return isBoolean;
  if (type === GraphQLInt || type.name === 'Int') return isInt;
  if (type === GraphQLFloat || type.name === 'Float') return isFloat;
  if (type === GraphQLID || type.name === 'ID') return isId;
  if (isEnumType(type)) {
    const values = new Set(type.getValues().map((value) => value.name));
    return (value) => typeof value === 'string' && values.has(value);
  }
  return null;
}
