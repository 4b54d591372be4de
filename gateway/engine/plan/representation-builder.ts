import type { QueryPlanSelectionNode } from '@apollo/query-planner';
import type { TypeRelations } from '../type-relations';

type Json = Record<string, unknown>;

/** Builds the entity representation a fetch sends (`requires`), or null when the entity cannot be sent. */
export type RepresentationBuilder = (entity: Json) => Json | null;

interface CompiledSelection {
  fields: ReadonlyArray<{ name: string; sub: CompiledSelection | null }>;
  fragments: ReadonlyArray<{ typeCondition: string | undefined; sub: CompiledSelection }>;
}

/**
 * Compiles a fetch's `requires` selection once per plan. An entity whose required fields are
 * missing, or that no type condition matches, yields no representation (it gets nothing from
 * this fetch), as @apollo/gateway does.
 */
export function compileRepresentationBuilder(requires: ReadonlyArray<QueryPlanSelectionNode>, types: TypeRelations): RepresentationBuilder {
  const root = compile(requires);
  return (entity) => {
    const representation = select(root, entity, types);
    return representation !== null && typeof representation.__typename === 'string' ? representation : null;
  };
}

function compile(selections: ReadonlyArray<QueryPlanSelectionNode>): CompiledSelection {
  const fields: Array<{ name: string; sub: CompiledSelection | null }> = [];
  const fragments: Array<{ typeCondition: string | undefined; sub: CompiledSelection }> = [];
  for (const selection of selections) {
    if (selection.kind === 'Field') {
      fields.push({ name: selection.alias ?? selection.name, sub: selection.selections ? compile(selection.selections) : null });
    } else {
      fragments.push({ typeCondition: selection.typeCondition, sub: compile(selection.selections) });
    }
  }
  return { fields, fragments };
}

function select(selection: CompiledSelection, source: Json, types: TypeRelations): Json | null {
  const result: Json = {};
  for (const { name, sub } of selection.fields) {
    const value = source[name];
    if (value === undefined || !Object.prototype.hasOwnProperty.call(source, name)) return null;
    result[name] = sub === null ? value : selectValue(sub, value, types);
  }
  for (const { typeCondition, sub } of selection.fragments) {
    const typename = source.__typename;
    if (typeCondition !== undefined && (typeof typename !== 'string' || !types.conditionApplies(typeCondition, typename))) continue;
    const part = select(sub, source, types);
    if (part !== null) mergeInto(result, part);
  }
  return result;
}

function selectValue(sub: CompiledSelection, value: unknown, types: TypeRelations): unknown {
  if (value === null || typeof value !== 'object') return value === undefined ? null : value;
  if (Array.isArray(value)) return value.map((element) => selectValue(sub, element, types));
  return select(sub, value as Json, types);
}

function mergeInto(target: Json, source: Json): void {
  for (const key of Object.keys(source)) {
    const existing = target[key];
    const incoming = source[key];
    if (isPlainObject(existing) && isPlainObject(incoming)) mergeInto(existing, incoming);
    else target[key] = incoming;
  }
}

function isPlainObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
