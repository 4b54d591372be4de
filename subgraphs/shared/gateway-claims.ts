// Who is asking, as the gateway vouches for it to the subgraphs: the claims of the caller's
// verified token, in a header signed by the gateway (HMAC-SHA256 with a secret the gateway and the
// subgraphs share). A subgraph configured with the secret refuses any request without a valid
// header, so nobody who reaches it directly can pose as a user.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { SignatureError } from '../../lib/errors';

export const GATEWAY_CLAIMS_HEADER = 'x-touchpoint-claims';

/** The caller's identity as the gateway verified it. */
export interface GatewayClaims {
  /** No token: an anonymous caller of an endpoint that allows them. */
  anonymous: boolean;
  /** The token's subject: a customer id for customers, an agent or partner client id otherwise. */
  sub: string | null;
  /** `customer`, `agent`, `partner` (or another role of your own), null when the token names none. */
  role: string | null;
  scopes: string[];
  /** The partner a partner token belongs to (its orders carry this id). */
  partner: string | null;
  /** The contract endpoint the request came through, null for the public endpoint. */
  contract: string | null;
}

export interface SignOptions {
  /** Seconds since the epoch; defaults to now. */
  now?: number;
  /** When the header stops being accepted (seconds since the epoch): the token's expiry, or now + ttl. */
  expiresAt?: number;
  /** Lifetime when no expiry is given (default 300 s). */
  ttlSeconds?: number;
}

export interface VerifyOptions {
  now?: number;
  /** Tolerated clock difference between the gateway and the subgraph (default 30 s). */
  clockSkewSeconds?: number;
}

/** The claims header is missing, malformed, forged or expired (shown to clients as UNAUTHENTICATED). */
export class GatewayClaimsError extends SignatureError {
  override name = 'GatewayClaimsError';
}

const VERSION = 'v1';
const MIN_SECRET_LENGTH = 32;

function checkSecret(secret: string): Buffer {
  if (secret.length < MIN_SECRET_LENGTH) throw new Error(`the gateway claims secret must be at least ${MIN_SECRET_LENGTH} characters long`);
  return Buffer.from(secret, 'utf8');
}

function mac(key: Buffer, payload: string): Buffer {
  return createHmac('sha256', key).update(`${VERSION}.${payload}`).digest();
}

const nowSeconds = () => Math.floor(Date.now() / 1000);

export interface GatewayClaimsSigner {
  sign(claims: GatewayClaims, options?: SignOptions): string;
}

export interface GatewayClaimsVerifier {
  /** The claims of a valid header; throws GatewayClaimsError otherwise. */
  verify(header: string | null | undefined, options?: VerifyOptions): GatewayClaims;
}

/** The gateway's side: `v1.<base64url JSON payload>.<base64url HMAC>`, the payload carrying iat and exp. */
export function createGatewayClaimsSigner(secret: string): GatewayClaimsSigner {
  const key = checkSecret(secret);
  return {
    sign(claims, { now = nowSeconds(), expiresAt, ttlSeconds = 300 } = {}) {
      const payload = Buffer.from(JSON.stringify({ ...claims, iat: now, exp: expiresAt ?? now + ttlSeconds }), 'utf8').toString('base64url');
      return `${VERSION}.${payload}.${mac(key, payload).toString('base64url')}`;
    },
  };
}

function stringOrNull(value: unknown, name: string): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string') throw new GatewayClaimsError(`the claims field ${name} is not a string`);
  return value;
}

/** The subgraphs' side: checks the MAC (in constant time), then the time window, then the shape. */
export function createGatewayClaimsVerifier(secret: string): GatewayClaimsVerifier {
  const key = checkSecret(secret);
  return {
    verify(header, { now = nowSeconds(), clockSkewSeconds = 30 } = {}) {
      if (!header) throw new GatewayClaimsError('the request carries no gateway claims');
      const parts = header.split('.');
      if (parts.length !== 3 || parts[0] !== VERSION) throw new GatewayClaimsError('the gateway claims are malformed');
      const [, payload, signature] = parts;
      const expected = mac(key, payload);
      const given = Buffer.from(signature, 'base64url');
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new GatewayClaimsError('the gateway claims are not signed by the gateway');
      let body: Record<string, unknown>;
      try {
        body = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
      } catch {
        throw new GatewayClaimsError('the gateway claims are malformed');
      }
      if (typeof body.iat !== 'number' || typeof body.exp !== 'number') throw new GatewayClaimsError('the gateway claims carry no time window');
      if (body.iat > now + clockSkewSeconds) throw new GatewayClaimsError('the gateway claims are issued in the future');
      if (body.exp < now - clockSkewSeconds) throw new GatewayClaimsError('the gateway claims have expired');
      const scopes = Array.isArray(body.scopes) ? body.scopes.filter((s): s is string => typeof s === 'string') : [];
      return {
        anonymous: body.anonymous === true,
        sub: stringOrNull(body.sub, 'sub'),
        role: stringOrNull(body.role, 'role'),
        scopes,
        partner: stringOrNull(body.partner, 'partner'),
        contract: stringOrNull(body.contract, 'contract'),
      };
    },
  };
}

/** The verifier a subgraph service uses when it is given the claims secret; none (trust the network) without one. */
export function claimsVerifierFor(secret: string | undefined): GatewayClaimsVerifier | undefined {
  return secret ? createGatewayClaimsVerifier(secret) : undefined;
}
