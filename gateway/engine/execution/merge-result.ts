type Json = Record<string, unknown>;

/**
 * Merges data a subgraph returned into the object already in the answer. Objects merge field by
 * field; lists of the same length merge element by element; anything else replaces.
 */
export function mergeResult(target: Json, source: Json): void {
  for (const key in source) {
    const incoming = source[key];
    if (incoming === undefined || key === '__proto__') continue;
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
    if (key !== '__proto__') copy[key] = copyJson((value as Json)[key]);
  }
  return copy as T;
}
