import type { Plugin } from 'graphql-yoga';
import { documentHash, normalizeDocumentId } from '../persisted/document-hash';
import type { PersistedDocuments } from '../persisted/persisted-documents';
import { resolveParamsPlugin } from '../persisted/resolve-params';

export interface TrustedDocumentsOptions {
  graphqlEndpoint: string;
  documents: PersistedDocuments;
  /** Refuse every operation that is not in the allow-list (trusted operations only). Default true. */
  only?: boolean;
}

/**
 * Persisted (trusted) operations: a client sends `documentId` (the sha256 of an operation in the
 * allow-list, as GraphQL Code Generator's client preset does) or Apollo's
 * `extensions.persistedQuery.sha256Hash`, and the gateway runs the stored document. With `only`,
 * a document sent in full runs only if it is in the allow-list too; anything else is refused.
 */
export function useTrustedDocuments({ graphqlEndpoint, documents, only = true }: TrustedDocumentsOptions): Plugin {
  return resolveParamsPlugin(graphqlEndpoint, (params) => {
    const { documentId, ...rest } = params;
    const extensions = params.extensions as { persistedQuery?: { sha256Hash?: unknown } } | undefined;
    const requested = documentId ?? extensions?.persistedQuery?.sha256Hash;
    if (requested !== undefined && requested !== null) {
      const hash = normalizeDocumentId(requested);
      const document = hash === null ? undefined : documents.get(hash);
      if (document === undefined) {
        return { refuse: { status: 400, code: 'PERSISTED_QUERY_NOT_IN_LIST', message: 'Unknown persisted operation: this endpoint runs only the operations of its allow-list' } };
      }
      return { params: { ...rest, query: document } };
    }
    if (only && (typeof params.query !== 'string' || documents.get(documentHash(params.query)) === undefined)) {
      return {
        refuse: {
          status: 400,
          code: 'PERSISTED_QUERY_REQUIRED',
          message: 'This endpoint runs only persisted operations: send the documentId (sha256) of an operation in its allow-list',
        },
      };
    }
    return { params: rest };
  });
}
