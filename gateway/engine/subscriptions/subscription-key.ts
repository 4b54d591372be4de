import { createHash } from 'node:crypto';
import { REQUEST_ID_HEADER } from '../../request-ids';

export interface SharingInputs {
  /** Hash of the operation text (planning/plan-key.ts `documentHash`). */
  documentHash: string;
  operationName: string | null | undefined;
  variables: Readonly<Record<string, unknown>>;
  /** Every header forwarded to the subgraphs: the credentials above all. */
  headers: Readonly<Record<string, string>>;
  overrideLabels?: ReadonlySet<string>;
  /** Headers that differ between requests of the same caller (ids, per-request signatures): left out. */
  ignoredHeaders: ReadonlySet<string>;
}

/** JSON with object keys sorted, so that `{a,b}` and `{b,a}` give the same key. */
export function stableJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  const record = value as Record<string, unknown>;
  const members = Object.keys(record)
    .filter((key) => record[key] !== undefined)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${stableJson(record[key])}`);
  return `{${members.join(',')}}`;
}

/**
 * Which subscriptions may share one upstream stream and one resolution per event: the same
 * operation, variables, override labels and forwarded headers (so the same credentials: no client
 * ever receives data resolved for another's token). A sha256, so that no credential is kept as a key.
 */
export function sharingKey(inputs: SharingInputs): string {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(inputs.headers)) {
    if (name !== REQUEST_ID_HEADER && !inputs.ignoredHeaders.has(name)) headers[name] = value;
  }
  const labels = inputs.overrideLabels ? [...inputs.overrideLabels].sort() : [];
  return createHash('sha256')
    .update(stableJson([inputs.documentHash, inputs.operationName ?? null, inputs.variables, headers, labels]))
    .digest('hex');
}
