import type { Plugin } from 'graphql-yoga';
import type { Logger } from '../../lib/logger';
import { GATEWAY_CLAIMS_HEADER, type GatewayClaimsSigner } from '../../subgraphs/shared/gateway-claims';
import type { Authenticator } from '../auth/authenticator';
import { checkEndpointAccess, type EndpointAccess } from '../auth/endpoint-access';
import { TokenError } from '../auth/jwt/token-error';
import { gatewayClaimsOf, type Principal } from '../auth/principal';
import { refusalResponse } from '../auth/refusal-response';
import type { GatewayContext } from '../context';

export interface AuthenticationOptions {
  authenticator: Authenticator;
  access: EndpointAccess;
  /** The GraphQL path of this endpoint; other paths (health, GraphiQL assets) are not authenticated. */
  graphqlEndpoint: string;
  /** Where the principal of each request is kept, for later plugins (rate limits). */
  principals: WeakMap<Request, Principal>;
  /** Signs the claims forwarded to the subgraphs; without it none are sent. */
  claimsSigner?: GatewayClaimsSigner;
  /** Lifetime of the claims of anonymous callers (default 300 s). */
  claimsTtlSeconds?: number;
  /** Longest lifetime of a token holder's claims, which never outlive the token (default 24 h: a subscription's claims serve it as long as its token). */
  claimsMaxLifetimeSeconds?: number;
  log: Logger;
}

const REALM = 'touchpoint';

/**
 * Verifies the caller's bearer token before anything else is done with the request: a bad
 * token is 401 (even where anonymous callers are welcome), a missing one is 401 where the
 * endpoint requires one, a token of the wrong kind for the endpoint is 403. The principal goes
 * into the context, and the claims the subgraphs get are signed here.
 */
export function useAuthentication(options: AuthenticationOptions): Plugin {
  const { authenticator, access, graphqlEndpoint, principals, claimsSigner, claimsTtlSeconds = 300, claimsMaxLifetimeSeconds = 86_400, log } = options;
  return {
    onRequest({ request, url, endResponse, fetchAPI }) {
      if (url.pathname !== graphqlEndpoint || request.method === 'OPTIONS') return;
      return authenticator.authenticate(request).then(
        (principal) => {
          const refusal = checkEndpointAccess(principal, access);
          if (!refusal) {
            principals.set(request, principal);
            return;
          }
          const challenge: Record<string, string> = refusal.status === 401 ? { 'www-authenticate': `Bearer realm="${REALM}"` } : {};
          endResponse(refusalResponse(fetchAPI, refusal.status, refusal.code, refusal.message, challenge));
        },
        (error: unknown) => {
          if (!(error instanceof TokenError)) {
            log.error({ err: error }, 'authentication failed unexpectedly');
            endResponse(refusalResponse(fetchAPI, 500, 'INTERNAL_SERVER_ERROR', 'Unexpected error.'));
            return;
          }
          // The reason is safe to show: it never quotes the token or a key.
          const challenge = `Bearer realm="${REALM}", error="${error.code}", error_description="${error.message.replace(/"/g, "'")}"`;
          endResponse(refusalResponse(fetchAPI, error.code === 'invalid_request' ? 400 : 401, 'UNAUTHENTICATED', error.message, { 'www-authenticate': challenge }));
        },
      );
    },
    onContextBuilding({ context, extendContext }) {
      // Every GraphQL request passed onRequest above; one that did not is treated as anonymous and checked again.
      const principal: Principal = principals.get(context.request) ?? { anonymous: true };
      if (checkEndpointAccess(principal, access)) throw new Error('a request reached execution without passing authentication');
      const subgraphHeaders: Record<string, string> = {};
      if (claimsSigner) {
        const claims = gatewayClaimsOf(principal, access.contract);
        const now = Math.floor(Date.now() / 1000);
        const expiresAt = principal.anonymous ? now + claimsTtlSeconds : Math.min(principal.expiresAt, now + claimsMaxLifetimeSeconds);
        subgraphHeaders[GATEWAY_CLAIMS_HEADER] = claimsSigner.sign(claims, { now, expiresAt });
      }
      const extension: Pick<GatewayContext, 'principal' | 'subgraphHeaders'> = { principal, subgraphHeaders };
      extendContext(extension as never);
    },
  };
}
