import { buildSchema, findBreakingChanges, findDangerousChanges, specifiedScalarTypes } from 'graphql';

export interface SchemaComparison {
  /** Changes that break clients written against the released schema. */
  breaking: string[];
  /** Changes that may change what existing clients get (a new enum value, a changed default...). */
  dangerous: string[];
}

const describe = (change: { type: string; description: string }) => `${change.type}: ${change.description}`;

// graphql-js reports a standard scalar nothing uses any more as removed; the fields that used it are reported already.
const STANDARD_SCALARS = new Set(specifiedScalarTypes.map((t) => t.name));
const noise = (change: { type: string; description: string }) => change.type === 'TYPE_REMOVED' && STANDARD_SCALARS.has(change.description.match(/^Standard scalar (\w+) /)?.[1] ?? '');

/** Compares a released schema with the current one (graphql-js's rules: removed or changed fields, new required arguments...). */
export function compareSchemas(releasedSdl: string, currentSdl: string): SchemaComparison {
  const released = buildSchema(releasedSdl);
  const current = buildSchema(currentSdl);
  return {
    breaking: findBreakingChanges(released, current).filter((c) => !noise(c)).map(describe).sort(),
    dangerous: findDangerousChanges(released, current).map(describe).sort(),
  };
}
