import { buildSchema, findBreakingChanges, findDangerousChanges } from 'graphql';

export interface SchemaComparison {
  /** Changes that break clients written against the released schema. */
  breaking: string[];
  /** Changes that may change what existing clients get (a new enum value, a changed default...). */
  dangerous: string[];
}

const describe = (change: { type: string; description: string }) => `${change.type}: ${change.description}`;

/** Compares a released schema with the current one (graphql-js's rules: removed or changed fields, new required arguments...). */
export function compareSchemas(releasedSdl: string, currentSdl: string): SchemaComparison {
  const released = buildSchema(releasedSdl);
  const current = buildSchema(currentSdl);
  return {
    breaking: findBreakingChanges(released, current).map(describe).sort(),
    dangerous: findDangerousChanges(released, current).map(describe).sort(),
  };
}
