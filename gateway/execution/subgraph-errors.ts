import { GraphQLError } from 'graphql';

/** Extensions a subgraph error may carry that clients must not see (internals, URLs, HTTP hints). */
const HIDDEN_EXTENSIONS = new Set(['exception', 'stacktrace', 'response', 'http', 'unexpected']);

/** Codes that describe the client's request rather than a failure; their messages stay as they are. */
const CLIENT_CODES = new Set(['BAD_USER_INPUT', 'NOT_FOUND', 'CONFLICT', 'UNAUTHENTICATED', 'FORBIDDEN', 'GRAPHQL_VALIDATION_FAILED']);

function namesSubgraph(message: string, serviceName: string): boolean {
  return message.toLowerCase().includes(serviceName.toLowerCase());
}

/**
 * Turns an error that came from a subgraph (it carries `extensions.serviceName`) into an error a
 * client may see: safe extensions only, a code always (`DOWNSTREAM_SERVICE_ERROR` when the
 * subgraph gave none), and, for failures, a message that names the subgraph. Errors that did not
 * come from a subgraph are returned untouched.
 */
export function toClientSubgraphError(error: GraphQLError): GraphQLError {
  const serviceName = error.extensions?.serviceName;
  if (typeof serviceName !== 'string') return error;
  const extensions: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(error.extensions)) {
    if (!HIDDEN_EXTENSIONS.has(key)) extensions[key] = value;
  }
  const code = typeof extensions.code === 'string' ? extensions.code : 'DOWNSTREAM_SERVICE_ERROR';
  extensions.code = code;
  const message =
    CLIENT_CODES.has(code) || namesSubgraph(error.message, serviceName) ? error.message : `Subgraph "${serviceName}": ${error.message}`;
  return new GraphQLError(message, { path: error.path, extensions });
}
