/** Documents registered by clients through automatic persisted queries, the most recently used kept. */
export interface ApqStore {
  get(hash: string): string | undefined;
  set(hash: string, document: string): void;
}

/** An in-memory LRU (a Map keeps insertion order: a hit moves the entry to the end). */
// Longer documents still run when sent in full; they are just not remembered (1000 x 20 KB at most).
export function createApqStore({ maxEntries = 1000, maxDocumentLength = 20_000 } = {}): ApqStore {
  const entries = new Map<string, string>();
  return {
    get(hash) {
      const document = entries.get(hash);
      if (document !== undefined) {
        entries.delete(hash);
        entries.set(hash, document);
      }
      return document;
    },
    set(hash, document) {
      if (document.length > maxDocumentLength) return;
      entries.delete(hash);
      entries.set(hash, document);
      if (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
    },
  };
}
