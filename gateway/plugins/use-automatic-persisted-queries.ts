import type { Plugin } from 'graphql-yoga';
import type { ApqStore } from '../persisted/apq-store';
import { documentHash, normalizeDocumentId } from '../persisted/document-hash';
import { resolveParamsPlugin } from '../persisted/resolve-params';

/**
 * Automatic persisted queries (Apollo's `extensions.persistedQuery` protocol): a client sends only
 * the sha256 of its operation; on `PersistedQueryNotFound` it sends hash and text once, the gateway
 * checks that they match and remembers the text, and later requests (GET ones can be cached by
 * CDNs) carry only the hash.
 */
export function useAutomaticPersistedQueries({ graphqlEndpoint, store }: { graphqlEndpoint: string; store: ApqStore }): Plugin {
  return resolveParamsPlugin(graphqlEndpoint, (params) => {
    const persisted = (params.extensions as { persistedQuery?: { version?: unknown; sha256Hash?: unknown } } | undefined)?.persistedQuery;
    if (!persisted) return { params };
    if (persisted.version !== 1) return { refuse: { status: 400, code: 'PERSISTED_QUERY_NOT_SUPPORTED', message: 'Only version 1 of automatic persisted queries is supported' } };
    const hash = normalizeDocumentId(persisted.sha256Hash);
    if (hash === null) return { refuse: { status: 400, code: 'BAD_REQUEST', message: 'persistedQuery.sha256Hash must be a sha256 in hex' } };
    if (typeof params.query === 'string') {
      if (documentHash(params.query) !== hash) return { refuse: { status: 400, code: 'BAD_REQUEST', message: 'provided sha does not match query' } };
      store.set(hash, params.query);
      return { params };
    }
    const query = store.get(hash);
    // Apollo clients look for this message and then send the full text.
    if (query === undefined) return { refuse: { status: 200, code: 'PERSISTED_QUERY_NOT_FOUND', message: 'PersistedQueryNotFound' } };
    return { params: { ...params, query } };
  });
}
