import { GraphQLError } from 'graphql';
import type { SelectionShape, ValueShape } from './result-shape';

type Json = Record<string, unknown>;

/** A null in a non-null position: the enclosing nullable position becomes null. */
const BUBBLE: unique symbol = Symbol('null bubbles up');

interface PendingError {
  message: string;
  /** Path keys, innermost first: each enclosing level appends its own on the way out. */
  reversedPath: Array<string | number>;
}

interface ShapeRun {
  /** Report nulls in non-null positions and invalid values (off when subgraph errors explain them). */
  readonly report: boolean;
  readonly pending: PendingError[];
  readonly introspection: Json | null;
}

export interface ShapedResult {
  data: Json | null;
  errors: GraphQLError[];
}

/**
 * Shapes the merged subgraph data into the client's answer by the GraphQL spec: only the
 * requested fields, under their response names and in their order; `__typename` of the runtime
 * type; leaf values checked against the API schema; a null in a non-null position makes the
 * nearest nullable ancestor null.
 *
 * Such nulls are reported as errors only when no subgraph error was reported, because a
 * subgraph or transport error already explains them (as @apollo/gateway does).
 */
export function shapeResult(root: SelectionShape, rootTypeName: string, input: Json, report: boolean, introspection: Json | null = null): ShapedResult {
  const run: ShapeRun = { report, pending: [], introspection };
  const data = shapeObject(run, root, rootTypeName, input);
  const errors = run.pending.map(({ message, reversedPath }) => new GraphQLError(message, { path: reversedPath.reverse(), extensions: { code: 'INVALID_GRAPHQL' } }));
  return { data: data === BUBBLE ? null : data, errors };
}

function shapeObject(run: ShapeRun, selection: SelectionShape, typename: string | undefined, input: Json): Json | typeof BUBBLE | null {
  const fields = selection.fieldsFor(typename);
  if (fields === null) return null;
  const out: Json = {};
  const pending = run.pending;
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i];
    const responseName = field.responseName;
    if (field.kind === 'value') {
      const raw = field.ownOnly && !Object.prototype.hasOwnProperty.call(input, responseName) ? undefined : input[responseName];
      const before = pending.length;
      const value = completeValue(run, field.value, raw, -1);
      if (pending.length !== before) appendKey(pending, before, responseName);
      if (value === BUBBLE) return BUBBLE;
      if (field.ownOnly) setOwn(out, responseName, value);
      else out[responseName] = value;
    } else if (field.kind === 'typename') {
      setOwn(out, responseName, typename ?? selection.parentType.name);
    } else {
      setOwn(out, responseName, run.introspection?.[responseName] ?? null);
    }
  }
  return out;
}

/** Response names such as `__proto__` or `constructor` (aliases) are plain own fields of the answer. */
function setOwn(out: Json, name: string, value: unknown): void {
  if (name === '__proto__') Object.defineProperty(out, name, { value, enumerable: true, writable: true, configurable: true });
  else out[name] = value;
}

function completeValue(run: ShapeRun, shape: ValueShape, raw: unknown, index: number): unknown {
  if (raw === null || raw === undefined) {
    if (!shape.nonNull) return null;
    if (run.report) run.pending.push({ message: `Cannot return null for non-nullable ${describe(shape, index)}.`, reversedPath: [] });
    return BUBBLE;
  }
  switch (shape.kind) {
    case 'leaf':
      if (shape.check === null || shape.check(raw)) return raw;
      return invalid(run, shape, index);
    case 'list': {
      if (!Array.isArray(raw)) return invalid(run, shape, index);
      const out = new Array<unknown>(raw.length);
      const pending = run.pending;
      for (let i = 0; i < raw.length; i++) {
        const before = pending.length;
        const value = completeValue(run, shape.of, raw[i], i);
        if (pending.length !== before) appendKey(pending, before, i);
        if (value === BUBBLE) return shape.nonNull ? BUBBLE : null;
        out[i] = value;
      }
      return out;
    }
    case 'object': {
      if (typeof raw !== 'object' || Array.isArray(raw)) return invalid(run, shape, index);
      const input = raw as Json;
      let typename: string | undefined;
      if (shape.abstract) {
        const received = input.__typename;
        typename = typeof received === 'string' ? received : undefined;
      } else {
        typename = shape.typeName;
      }
      const value = shapeObject(run, shape.selection, typename, input);
      if (value === null) {
        if (run.report) run.pending.push({ message: `Invalid __typename found for object at ${describe(shape, index)}.`, reversedPath: [] });
        return shape.nonNull ? BUBBLE : null;
      }
      if (value === BUBBLE) return shape.nonNull ? BUBBLE : null;
      return value;
    }
  }
}

function invalid(run: ShapeRun, shape: ValueShape, index: number): null | typeof BUBBLE {
  if (run.report) run.pending.push({ message: `Invalid value found for ${describe(shape, index)}.`, reversedPath: [] });
  return shape.nonNull ? BUBBLE : null;
}

function describe(shape: ValueShape, index: number): string {
  return index >= 0 ? `${shape.label} at index ${index}` : shape.label;
}

function appendKey(pending: PendingError[], from: number, key: string | number): void {
  for (let i = from; i < pending.length; i++) pending[i].reversedPath.push(key);
}
