import { GraphQLError } from 'graphql';
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError, SignatureError, UpstreamUnavailableError } from '../../lib/errors';
import { SubscriberTooSlowError } from './subscription-errors';

/** The closed set of error codes a subgraph shows its clients. */
export type ErrorCode = 'BAD_USER_INPUT' | 'NOT_FOUND' | 'CONFLICT' | 'UPSTREAM_UNAVAILABLE' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'SUBSCRIBER_TOO_SLOW' | 'INTERNAL_SERVER_ERROR';

/**
 * Maps an error raised while resolving to what the client may see. Adapter errors become coded
 * GraphQL errors with their own message; anything unexpected is masked (its cause is logged).
 */
export function toClientError(error: unknown, system: string): { error: GraphQLError; unexpected: boolean } {
  const original = error instanceof GraphQLError && error.originalError ? error.originalError : error;
  const base = error instanceof GraphQLError ? error : null;
  const make = (message: string, code: ErrorCode, extra: Record<string, unknown> = {}) =>
    new GraphQLError(message, {
      nodes: base?.nodes,
      source: base?.source,
      positions: base?.positions,
      path: base?.path,
      extensions: { ...extra, code },
    });

  if (original instanceof UpstreamUnavailableError) return { error: make(original.message, 'UPSTREAM_UNAVAILABLE', { system: original.system }), unexpected: false };
  if (original instanceof InvalidInputError) return { error: make(original.message, 'BAD_USER_INPUT', original.field ? { field: original.field } : {}), unexpected: false };
  if (original instanceof NotFoundError) return { error: make(original.message, 'NOT_FOUND'), unexpected: false };
  if (original instanceof ConflictError) return { error: make(original.message, 'CONFLICT'), unexpected: false };
  if (original instanceof SignatureError) return { error: make(original.message, 'UNAUTHENTICATED'), unexpected: false };
  if (original instanceof ForbiddenError) return { error: make(original.message, 'FORBIDDEN'), unexpected: false };
  if (original instanceof SubscriberTooSlowError) return { error: make(original.message, 'SUBSCRIBER_TOO_SLOW'), unexpected: false };
  // GraphQL's own errors (validation, variable coercion) carry no original error, or wrap another
  // GraphQLError (a scalar rejecting a variable's value), and are safe to show.
  if (base && (!base.originalError || base.originalError instanceof GraphQLError)) return { error: base, unexpected: false };
  return { error: make(`Unexpected error in the ${system} subgraph`, 'INTERNAL_SERVER_ERROR'), unexpected: true };
}
