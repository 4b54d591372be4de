import type { QueryPlanSelectionNode } from '@apollo/query-planner';
import type { TypeRelations } from '../type-relations';
import type { DataRewriter } from './data-rewrites';
import { compileRepresentationBuilder } from './representation-builder';

type Json = Record<string, unknown>;

/**
 * The representations one fetch sends: each distinct representation once, however many
 * entities share it (the same product under many reviews, for instance).
 */
export interface RepresentationBatch {
  /** JSON text of each distinct representation, in slot order. */
  readonly json: string[];
  /** The slot of the entity's representation, or -1 when the entity is not sent (a required field is missing, or no type condition matches). */
  add(entity: Json): number;
}

export type RepresentationBatchFactory = () => RepresentationBatch;

/**
 * Compiles a fetch's `requires`. The common case, flat lists of fields under type conditions
 * (keys, and `@requires` of scalar fields) with no input rewrite, finds duplicates by the field
 * values themselves and encodes JSON only once per distinct representation; anything else builds
 * each representation and compares their JSON text.
 */
export function compileRepresentations(
  requires: ReadonlyArray<QueryPlanSelectionNode>,
  types: TypeRelations,
  inputRewrites: DataRewriter | null,
): RepresentationBatchFactory {
  const flat = inputRewrites === null ? flatFragments(requires) : null;
  if (flat === null) {
    const build = compileRepresentationBuilder(requires, types);
    return () => new EncodedBatch(build, inputRewrites);
  }
  const layouts = new Map<string, FieldLayout | null>();
  const layoutFor = (typename: string): FieldLayout | null => {
    let layout = layouts.get(typename);
    if (layout === undefined) {
      const names: string[] = [];
      for (const fragment of flat) {
        if (fragment.typeCondition !== undefined && !types.conditionApplies(fragment.typeCondition, typename)) continue;
        for (const name of fragment.fields) if (!names.includes(name)) names.push(name);
      }
      // __typename is part of the path to the slot already: the other fields are the key.
      layout = names.includes('__typename')
        ? {
            keys: names.filter((name) => name !== '__typename'),
            prefix: `{"__typename":${JSON.stringify(typename)}`,
            keyPrefixes: names.filter((name) => name !== '__typename').map((name) => `,${JSON.stringify(name)}:`),
          }
        : null;
      layouts.set(typename, layout);
    }
    return layout;
  };
  return () => new FlatBatch(layoutFor);
}

interface FieldLayout {
  keys: string[];
  /** `{"__typename":"T"` */
  prefix: string;
  /** `,"field":` per key field. */
  keyPrefixes: string[];
}

/** Slots found through one map level per key field value (primitive values compare by value). */
class FlatBatch implements RepresentationBatch {
  readonly json: string[] = [];
  private readonly byTypename = new Map<string, Map<unknown, unknown>>();
  private readonly values: unknown[] = [];

  constructor(private readonly layoutFor: (typename: string) => FieldLayout | null) {}

  add(entity: Json): number {
    const typename = entity.__typename;
    if (typeof typename !== 'string') return -1;
    const layout = this.layoutFor(typename);
    if (layout === null) return -1;
    const keys = layout.keys;
    const values = this.values;
    for (let i = 0; i < keys.length; i++) {
      const value = entity[keys[i]];
      if (value === undefined) return -1;
      values[i] = value;
    }
    let level = this.byTypename.get(typename);
    if (level === undefined) {
      level = new Map();
      this.byTypename.set(typename, level);
    }
    if (keys.length === 0) return this.slotAt(level, null, layout);
    for (let i = 0; i < keys.length - 1; i++) {
      let next = level.get(values[i]) as Map<unknown, unknown> | undefined;
      if (next === undefined) {
        next = new Map();
        level.set(values[i], next);
      }
      level = next;
    }
    return this.slotAt(level, values[keys.length - 1], layout);
  }

  private slotAt(level: Map<unknown, unknown>, key: unknown, layout: FieldLayout): number {
    const known = level.get(key) as number | undefined;
    if (known !== undefined) return known;
    let json = layout.prefix;
    for (let i = 0; i < layout.keys.length; i++) json += layout.keyPrefixes[i] + JSON.stringify(this.values[i]);
    const slot = this.json.length;
    this.json.push(`${json}}`);
    level.set(key, slot);
    return slot;
  }
}

/** Representations built as objects (nested requirements, input rewrites), compared by JSON text. */
class EncodedBatch implements RepresentationBatch {
  readonly json: string[] = [];
  private readonly slots = new Map<string, number>();

  constructor(
    private readonly build: (entity: Json) => Json | null,
    private readonly inputRewrites: DataRewriter | null,
  ) {}

  add(entity: Json): number {
    const representation = this.build(entity);
    if (representation === null) return -1;
    this.inputRewrites?.(representation);
    const json = JSON.stringify(representation);
    let slot = this.slots.get(json);
    if (slot === undefined) {
      slot = this.json.length;
      this.json.push(json);
      this.slots.set(json, slot);
    }
    return slot;
  }
}

/** The requirements as `... on T { leaf fields }` fragments, or null when they are not that simple. */
function flatFragments(requires: ReadonlyArray<QueryPlanSelectionNode>): Array<{ typeCondition: string | undefined; fields: string[] }> | null {
  const fragments: Array<{ typeCondition: string | undefined; fields: string[] }> = [];
  for (const selection of requires) {
    if (selection.kind !== 'InlineFragment') return null;
    const fields: string[] = [];
    for (const inner of selection.selections) {
      if (inner.kind !== 'Field' || inner.selections || inner.alias || inner.name === '__proto__') return null;
      fields.push(inner.name);
    }
    fragments.push({ typeCondition: selection.typeCondition, fields });
  }
  return fragments;
}
