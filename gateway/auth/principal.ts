import type { GatewayClaims } from '../../subgraphs/shared/gateway-claims';
import type { JwtClaims } from './jwt/jwt-verifier';
import { TokenError } from './jwt/token-error';

/** Who sent a request, as the gateway established it. */
export type Principal =
  | { anonymous: true }
  | {
      anonymous: false;
      subject: string;
      /** `customer`, `agent`, `partner`, or null when the token names no role. */
      role: string | null;
      scopes: ReadonlySet<string>;
      /** The partner id of a partner token (its orders carry it). */
      partner: string | null;
      /** The contract a partner token is issued for. */
      contract: string | null;
      /** The token's expiry, seconds since the epoch. */
      expiresAt: number;
    };

export const ANONYMOUS: Principal = { anonymous: true };

/** Which claims of a token carry what (OAuth 2 and common identity-provider spellings). */
export interface ClaimNames {
  role: string;
  partner: string;
  contract: string;
}

export const DEFAULT_CLAIM_NAMES: ClaimNames = { role: 'role', partner: 'partner_id', contract: 'contract' };

function optionalString(claims: JwtClaims, name: string): string | null {
  const value = claims[name];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw new TokenError(`the token's ${name} claim is not a string`);
  return value;
}

/** Scopes from `scope` (space separated, RFC 8693) and `scp` (a list or a string). */
function scopesOf(claims: JwtClaims): Set<string> {
  const scopes = new Set<string>();
  const add = (value: unknown) => {
    const list: unknown[] = typeof value === 'string' ? value.split(' ') : Array.isArray(value) ? value : [];
    for (const scope of list) if (typeof scope === 'string' && scope !== '') scopes.add(scope);
  };
  add(claims.scope);
  add(claims.scp);
  return scopes;
}

export function principalFromClaims(claims: JwtClaims, names: ClaimNames = DEFAULT_CLAIM_NAMES): Principal {
  const subject = optionalString(claims, 'sub');
  if (!subject) throw new TokenError('the token names no subject');
  return {
    anonymous: false,
    subject,
    role: optionalString(claims, names.role),
    scopes: scopesOf(claims),
    partner: optionalString(claims, names.partner),
    contract: optionalString(claims, names.contract),
    expiresAt: claims.exp,
  };
}

/** The claims the gateway signs for the subgraphs (see subgraphs/shared/gateway-claims.ts). */
export function gatewayClaimsOf(principal: Principal, contract: string | null): GatewayClaims {
  if (principal.anonymous) return { anonymous: true, sub: null, role: null, scopes: [], partner: null, contract };
  return { anonymous: false, sub: principal.subject, role: principal.role, scopes: [...principal.scopes].sort(), partner: principal.partner, contract };
}
