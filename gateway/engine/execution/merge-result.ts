type Json = Record<string, unknown>;

/**
 * Merges data a subgraph returned into the object already in the answer. Objects merge field by
 * field; lists of the same length merge element by element; anything else replaces.
 */
export function mergeResult(target: Json, source: Json): void {
  for (const key in source) {
    const incoming = source[key];
    if (incoming === undefined) continue;
    if (key === '__proto__') {
      // A response name like any other (an alias), never the prototype.
      mergeOwnProto(target, incoming);
      continue;
    }
    const existing = target[key];
    if (existing !== null && typeof existing === 'object' && incoming !== null && typeof incoming === 'object') {
      if (Array.isArray(incoming)) {
        if (Array.isArray(existing) && existing.length === incoming.length) mergeLists(existing, incoming);
        else target[key] = incoming;
      } else if (!Array.isArray(existing)) {
        mergeResult(existing as Json, incoming as Json);
      } else {
        target[key] = incoming;
      }
    } else {
      target[key] = incoming;
    }
  }
}

function mergeOwnProto(target: Json, incoming: unknown): void {
  const existing = Object.prototype.hasOwnProperty.call(target, '__proto__') ? target.__proto__ : undefined;
  if (isObject(existing) && isObject(incoming)) mergeResult(existing, incoming);
  else Object.defineProperty(target, '__proto__', { value: incoming, enumerable: true, writable: true, configurable: true });
}

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function mergeLists(target: unknown[], source: unknown[]): void {
  for (let i = 0; i < source.length; i++) {
    const existing = target[i];
    const incoming = source[i];
    if (existing !== null && typeof existing === 'object' && !Array.isArray(existing) && incoming !== null && typeof incoming === 'object' && !Array.isArray(incoming)) {
      mergeResult(existing as Json, incoming as Json);
    } else {
      target[i] = incoming;
    }
  }
}

/** A deep copy of JSON data, for entities that must not share what they received. */
export function copyJson<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(copyJson) as T;
  const copy: Json = {};
  for (const key in value as Json) {
    const item = copyJson((value as Json)[key]);
    if (key === '__proto__') Object.defineProperty(copy, key, { value: item, enumerable: true, writable: true, configurable: true });
    else copy[key] = item;
  }
  return copy as T;
}
