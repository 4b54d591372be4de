import { createHash } from 'node:crypto';

/** The id persisted-operation manifests and APQ use for a document: the sha256 of its text, in hex. */
export function documentHash(document: string): string {
  return createHash('sha256').update(document, 'utf8').digest('hex');
}

/** A client's document id without an algorithm prefix (`sha256:<hex>` and `<hex>` are the same), or null when malformed. */
export function normalizeDocumentId(id: unknown): string | null {
  if (typeof id !== 'string') return null;
  const hex = id.startsWith('sha256:') ? id.slice('sha256:'.length) : id;
  return /^[0-9a-f]{64}$/i.test(hex) ? hex.toLowerCase() : null;
}
