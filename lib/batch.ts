// Batch-first ports return results aligned with the requested keys. These helpers do the alignment
// once, so every adapter returns exactly what DataLoader expects.

/** One item (or null) per key, in key order. */
export function alignOne<K, T>(keys: readonly K[], rows: readonly T[], keyOf: (row: T) => K): (T | null)[] {
  const byKey = new Map<K, T>();
  for (const row of rows) byKey.set(keyOf(row), row);
  return keys.map((k) => byKey.get(k) ?? null);
}

/** All items for each key (an empty list for a miss), in key order; rows keep their order within a key. */
export function alignMany<K, T>(keys: readonly K[], rows: readonly T[], keyOf: (row: T) => K): T[][] {
  const byKey = new Map<K, T[]>();
  for (const row of rows) {
    const k = keyOf(row);
    const list = byKey.get(k);
    if (list) list.push(row);
    else byKey.set(k, [row]);
  }
  return keys.map((k) => byKey.get(k) ?? []);
}

/** The keys without repeats, in first-seen order (a batch may name the same key twice). */
export function uniqueKeys<K>(keys: readonly K[]): K[] {
  return [...new Set(keys)];
}

/** The keys split into consecutive slices of at most `size` (for upstream batch limits). */
export function chunks<K>(keys: readonly K[], size: number): K[][] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`chunk size must be a positive integer, got ${size}`);
  const out: K[][] = [];
  for (let i = 0; i < keys.length; i += size) out.push(keys.slice(i, i + size));
  return out;
}
