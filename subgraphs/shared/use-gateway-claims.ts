import type { Plugin } from 'graphql-yoga';
import { GATEWAY_CLAIMS_HEADER, GatewayClaimsError, type GatewayClaimsVerifier } from './gateway-claims';

/**
 * Refuses, with 401 and before anything is parsed, every GraphQL request over HTTP (queries, SSE)
 * that does not carry valid gateway-signed claims. Other routes (health, signed webhooks) are
 * left to their own checks; WebSocket operations are checked when their context is built.
 */
export function useGatewayClaims(verifier: GatewayClaimsVerifier, graphqlEndpoint = '/graphql'): Plugin {
  return {
    onRequest({ request, url, endResponse, fetchAPI }) {
      if (request.method === 'OPTIONS') return;
      if (url.pathname !== graphqlEndpoint && !url.pathname.startsWith(`${graphqlEndpoint}/`)) return;
      try {
        verifier.verify(request.headers.get(GATEWAY_CLAIMS_HEADER));
      } catch (error) {
        if (!(error instanceof GatewayClaimsError)) throw error;
        endResponse(
          new fetchAPI.Response(JSON.stringify({ errors: [{ message: `Refused: ${error.message}`, extensions: { code: 'UNAUTHENTICATED' } }] }), {
            status: 401,
            headers: { 'content-type': 'application/json; charset=utf-8' },
          }),
        );
      }
    },
  };
}
