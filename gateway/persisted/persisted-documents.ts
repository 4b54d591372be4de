import { readFileSync } from 'node:fs';
import { documentHash } from './document-hash';

/** An allow-list of operations by the sha256 of their text. */
export interface PersistedDocuments {
  get(hash: string): string | undefined;
  readonly size: number;
}

/**
 * Reads one manifest. Two formats are understood: the map of hash to document that GraphQL Code
 * Generator's client preset writes (`persistedDocuments: true`), and Apollo's persisted query
 * manifest (`{ format: "apollo-persisted-query-manifest", operations: [{ id, body }] }`).
 */
function entriesOf(json: unknown, path: string): Array<[string, string]> {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new Error(`${path}: a persisted operations manifest is a JSON object`);
  const object = json as Record<string, unknown>;
  if (object.format === 'apollo-persisted-query-manifest') {
    if (!Array.isArray(object.operations)) throw new Error(`${path}: the manifest has no "operations" list`);
    return (object.operations as Array<{ id?: unknown; body?: unknown }>).map((operation, i) => {
      if (typeof operation?.id !== 'string' || typeof operation.body !== 'string') throw new Error(`${path}: operation ${i} needs a string id and body`);
      return [operation.id, operation.body];
    });
  }
  return Object.entries(object).map(([hash, document]) => {
    if (typeof document !== 'string') throw new Error(`${path}: the document of ${hash} is not a string`);
    return [hash, document];
  });
}

/**
 * Loads manifests into one allow-list. Every document is stored under the sha256 of its text:
 * an entry whose hash does not match its document is refused (a corrupt or tampered manifest).
 */
export function loadPersistedDocuments(paths: ReadonlyArray<string>): PersistedDocuments {
  const documents = new Map<string, string>();
  for (const path of paths) {
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
      throw new Error(`${path}: cannot read the persisted operations manifest (${(error as Error).message})`);
    }
    for (const [id, document] of entriesOf(json, path)) {
      const hash = documentHash(document);
      const given = id.startsWith('sha256:') ? id.slice('sha256:'.length) : id;
      if (given.toLowerCase() !== hash) throw new Error(`${path}: the id ${id} is not the sha256 of its document (expected ${hash})`);
      documents.set(hash, document);
    }
  }
  return persistedDocumentsOf(documents);
}

export function persistedDocumentsOf(documents: ReadonlyMap<string, string>): PersistedDocuments {
  return { get: (hash) => documents.get(hash), size: documents.size };
}
