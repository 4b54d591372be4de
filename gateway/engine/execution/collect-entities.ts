type Json = Record<string, unknown>;

/**
 * The objects at `path` below `value`, in document order. Lists are walked wherever they are met
 * (`@` marks them in plan paths, nested lists included); nulls are skipped.
 */
export function collectEntities(value: unknown, path: ReadonlyArray<string | number>): Json[] {
  const out: Json[] = [];
  walk(value, path, 0, out);
  return out;
}

function walk(value: unknown, path: ReadonlyArray<string | number>, index: number, out: Json[]): void {
  if (value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) walk(value[i], path, index, out);
    return;
  }
  if (index === path.length) {
    out.push(value as Json);
    return;
  }
  const element = path[index];
  walk(element === '@' ? value : (value as Json)[element], path, index + 1, out);
}

/** The same objects as `collectEntities`, with the concrete response path of each (for error paths). */
export function collectEntityPaths(value: unknown, path: ReadonlyArray<string | number>): Array<Array<string | number>> {
  const out: Array<Array<string | number>> = [];
  walkPaths(value, path, 0, [], out);
  return out;
}

function walkPaths(value: unknown, path: ReadonlyArray<string | number>, index: number, at: Array<string | number>, out: Array<Array<string | number>>): void {
  if (value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      at.push(i);
      walkPaths(value[i], path, index, at, out);
      at.pop();
    }
    return;
  }
  if (index === path.length) {
    out.push(at.slice());
    return;
  }
  const element = path[index];
  if (element === '@') {
    walkPaths(value, path, index + 1, at, out);
  } else {
    at.push(element);
    walkPaths((value as Json)[element], path, index + 1, at, out);
    at.pop();
  }
}

/** The same objects as `collectEntities`, each with its ancestor objects (root first), for `@fromContext`. */
export function collectEntitiesWithAncestors(value: unknown, path: ReadonlyArray<string | number>): Array<{ entity: Json; ancestors: Json[] }> {
  const out: Array<{ entity: Json; ancestors: Json[] }> = [];
  walkAncestors(value, path, 0, [], out);
  return out;
}

function walkAncestors(value: unknown, path: ReadonlyArray<string | number>, index: number, ancestors: Json[], out: Array<{ entity: Json; ancestors: Json[] }>): void {
  if (value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) walkAncestors(value[i], path, index, ancestors, out);
    return;
  }
  if (index === path.length) {
    out.push({ entity: value as Json, ancestors: ancestors.slice() });
    return;
  }
  const element = path[index];
  if (element === '@') {
    walkAncestors(value, path, index + 1, ancestors, out);
  } else {
    ancestors.push(value as Json);
    walkAncestors((value as Json)[element], path, index + 1, ancestors, out);
    ancestors.pop();
  }
}
