import type { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';

// Errors that mean the operation was refused before anything ran.
const REQUEST_ERROR_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'DEPTH_LIMIT_EXCEEDED']);

function isRequestError(error: GraphQLError): boolean {
  const extensions = error.extensions as { code?: unknown; http?: { status?: unknown } } | undefined;
  return extensions?.http?.status === 400 || REQUEST_ERROR_CODES.has(String(extensions?.code));
}

/**
 * An operation refused before execution (syntax, validation, variable types, limits) answers HTTP
 * 400 whatever the Accept header, as Apollo Server does, so that a client sees at the HTTP level
 * that nothing ran. Yoga would answer 200 to `application/json` clients.
 */
export function useRequestErrorStatus(): Plugin {
  return {
    onResultProcess({ result, setResult }) {
      if (Array.isArray(result) || Symbol.asyncIterator in result) return;
      if (result.data != null || !result.errors?.length || !result.errors.every(isRequestError)) return;
      setResult({ ...result, extensions: { ...result.extensions, http: { ...result.extensions?.http, status: 400 } } });
    },
  };
}
