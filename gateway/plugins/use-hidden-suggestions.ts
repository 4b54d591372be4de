import { GraphQLError, type ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';

// graphql-js appends suggestions to validation and coercion messages ("Did you mean "email"?").
const SUGGESTION = / ?Did you mean [\s\S]*\?$/;

function withoutSuggestion(error: GraphQLError): GraphQLError {
  if (!SUGGESTION.test(error.message)) return error;
  return new GraphQLError(error.message.replace(SUGGESTION, ''), {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    originalError: error.originalError,
    extensions: error.extensions,
  });
}

/**
 * Drops "Did you mean ...?" from error messages: suggestions are computed from the whole schema
 * and would name fields a caller cannot see (hidden by a contract, or not meant for them).
 */
export function useHiddenSuggestions(): Plugin {
  return {
    onResultProcess({ result, setResult }) {
      if (Array.isArray(result) || Symbol.asyncIterator in result) return;
      const single = result as ExecutionResult;
      if (!single.errors?.some((e) => SUGGESTION.test(e.message))) return;
      setResult({ ...single, errors: single.errors.map(withoutSuggestion) });
    },
  };
}
