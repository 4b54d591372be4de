// Authentication of WebSocket operations. HTTP requests are authenticated before yoga parses them
// (an `onRequest` hook); a graphql-ws operation never passes there, so the WebSocket server asks
// this before running one: the same authenticator, the same endpoint rules, the principal kept for
// the request the plugins then see.
import { GraphQLError } from 'graphql';
import type { Logger } from '../../lib/logger';

export interface ConnectionAuthentication<P> {
  /** The caller of a request; throws an error named `TokenError` (safe message) for a bad token. */
  authenticate(request: Request): Promise<P>;
  /** Null when the endpoint serves this principal, else why not. */
  check(principal: P): { code: string; message: string } | null;
  /** Keeps the principal for the plugins that read it while building the request's context. */
  remember(request: Request, principal: P): void;
  log: Logger;
}

export function webSocketAuthorizer<P>(auth: ConnectionAuthentication<P>): (request: Request) => Promise<GraphQLError | null> {
  return async (request) => {
    let principal: P;
    try {
      principal = await auth.authenticate(request);
    } catch (error) {
      if (error instanceof Error && error.name === 'TokenError') return new GraphQLError(error.message, { extensions: { code: 'UNAUTHENTICATED' } });
      auth.log.error({ err: error }, 'authentication failed unexpectedly');
      return new GraphQLError('Unexpected error.', { extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    }
    const refusal = auth.check(principal);
    if (refusal) return new GraphQLError(refusal.message, { extensions: { code: refusal.code } });
    auth.remember(request, principal);
    return null;
  };
}
