import type { Principal } from './principal';

/** Who may call one endpoint. */
export interface EndpointAccess {
  /** Refuse callers without a token (401). */
  requireToken: boolean;
  /** The contract served at this endpoint; null for the public endpoint. */
  contract: string | null;
}

export interface AccessRefusal {
  status: 401 | 403;
  code: 'UNAUTHENTICATED' | 'FORBIDDEN';
  message: string;
}

/**
 * Endpoint-level rules: a partner token is served only at its own contract's endpoint (where the
 * contract limits what it can see), and a contract endpoint serves only partner tokens issued for
 * that contract.
 */
export function checkEndpointAccess(principal: Principal, access: EndpointAccess): AccessRefusal | null {
  if (principal.anonymous) {
    return access.requireToken ? { status: 401, code: 'UNAUTHENTICATED', message: 'This endpoint requires a bearer token' } : null;
  }
  if (access.contract === null) {
    if (principal.role === 'partner') {
      const where = principal.contract ? `/partners/${principal.contract}/graphql` : 'its contract endpoint';
      return { status: 403, code: 'FORBIDDEN', message: `A partner token is served at ${where}, not here` };
    }
    return null;
  }
  if (principal.role !== 'partner' || principal.contract !== access.contract) {
    return { status: 403, code: 'FORBIDDEN', message: `This endpoint serves partner tokens issued for the "${access.contract}" contract only` };
  }
  if (!principal.partner) return { status: 403, code: 'FORBIDDEN', message: 'The partner token names no partner' };
  return null;
}
