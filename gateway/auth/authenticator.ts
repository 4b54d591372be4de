import { ANONYMOUS, DEFAULT_CLAIM_NAMES, principalFromClaims, type ClaimNames, type Principal } from './principal';
import type { JwtVerifier } from './jwt/jwt-verifier';
import { TokenError } from './jwt/token-error';

export interface Authenticator {
  /** The caller of a request: anonymous without an authorization header; throws TokenError for a bad one. */
  authenticate(request: Request): Promise<Principal>;
}

/** Bearer tokens (RFC 6750) in the authorization header, verified by a JwtVerifier. */
export function createBearerAuthenticator(verifier: JwtVerifier, claimNames: ClaimNames = DEFAULT_CLAIM_NAMES): Authenticator {
  return {
    async authenticate(request) {
      const header = request.headers.get('authorization');
      if (header === null || header.trim() === '') return ANONYMOUS;
      const match = /^Bearer +([A-Za-z0-9._~+/-]+=*) *$/i.exec(header);
      if (!match) throw new TokenError('the authorization header must be "Bearer <token>"', 'invalid_request');
      return principalFromClaims(await verifier.verify(match[1]), claimNames);
    },
  };
}
