import { GraphQLError } from 'graphql';

/** The error codes the gateway gives a subgraph that failed to answer. */
export type SubgraphFailureCode = 'SUBGRAPH_UNAVAILABLE' | 'DOWNSTREAM_SERVICE_ERROR';

export interface SubgraphFailure {
  code: SubgraphFailureCode;
  /** Short, safe for clients: no URLs, addresses or stack traces. */
  reason: string;
}

/** A subgraph answered with a non-2xx HTTP status; the body is kept to pass GraphQL errors on. */
export class SubgraphHttpError extends GraphQLError {
  constructor(readonly status: number, readonly body: unknown) {
    super(`HTTP ${status}`);
  }
}

const NETWORK_REASONS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  EPIPE: 'connection closed',
  UND_ERR_SOCKET: 'connection closed',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host not found',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ETIMEDOUT: 'connection timed out',
  UND_ERR_CONNECT_TIMEOUT: 'connection timed out',
  UND_ERR_HEADERS_TIMEOUT: 'timed out',
  UND_ERR_BODY_TIMEOUT: 'timed out',
};

function errorCode(error: unknown): string | undefined {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Classifies why a subgraph request failed, in words a client may read. */
export function describeSubgraphFailure(error: unknown): SubgraphFailure {
  if (error instanceof SubgraphHttpError) {
    const unavailable = error.status === 502 || error.status === 503 || error.status === 504;
    return { code: unavailable ? 'SUBGRAPH_UNAVAILABLE' : 'DOWNSTREAM_SERVICE_ERROR', reason: `answered HTTP ${error.status}` };
  }
  const name = (error as { name?: unknown } | null)?.name;
  if (name === 'TimeoutError') return { code: 'SUBGRAPH_UNAVAILABLE', reason: 'timed out' };
  if (name === 'AbortError') return { code: 'SUBGRAPH_UNAVAILABLE', reason: 'request aborted' };
  const code = errorCode(error);
  if (code && NETWORK_REASONS[code]) return { code: 'SUBGRAPH_UNAVAILABLE', reason: NETWORK_REASONS[code] };
  if (error instanceof SyntaxError || (error instanceof Error && error.message.startsWith('Expected JSON response body'))) {
    return { code: 'DOWNSTREAM_SERVICE_ERROR', reason: 'answered with a body that is not a GraphQL response' };
  }
  return { code: 'SUBGRAPH_UNAVAILABLE', reason: 'request failed' };
}
