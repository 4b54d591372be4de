import { createHash } from 'node:crypto';
import { print, type DocumentNode } from 'graphql';

/** What a prepared plan depends on besides the supergraph. */
export interface PlanKey {
  /** sha256 of the operation text (see documentHash). */
  documentHash: string;
  operationName: string | null | undefined;
  /** Progressive `@override` labels active for this request. */
  overrideLabels?: ReadonlySet<string>;
  /** The contract (filtered schema variant) the request is served under. */
  contract?: string;
}

const hashes = new WeakMap<DocumentNode, string>();

/**
 * The document's hash, computed once per parsed document object (servers cache parsed
 * documents): of the operation text when the server passes it on, else of the printed document.
 */
export function documentHash(document: DocumentNode, source?: string): string {
  let hash = hashes.get(document);
  if (hash === undefined) {
    hash = createHash('sha256').update(source ?? print(document)).digest('hex');
    hashes.set(document, hash);
  }
  return hash;
}

export function planCacheKey(key: PlanKey): string {
  return `${key.documentHash}\u0000${key.operationName ?? ''}\u0000${labelsKey(key.overrideLabels)}\u0000${key.contract ?? ''}`;
}

/** The plan key without the document: for looking up plans of a document already hashed. */
export function variantKey(key: Omit<PlanKey, 'documentHash'>): string {
  return `${key.operationName ?? ''}\u0000${labelsKey(key.overrideLabels)}\u0000${key.contract ?? ''}`;
}

function labelsKey(labels: ReadonlySet<string> | undefined): string {
  if (!labels || labels.size === 0) return '';
  return [...labels].sort().join(',');
}
