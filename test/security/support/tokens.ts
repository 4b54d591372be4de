// Mints JSON Web Tokens for the tests with node:crypto: well-formed ones, and the classic attacks
// (alg none, an HMAC signed with the RSA public key, a forged signature). An identity provider's
// JWKS is served over real HTTP.
import { createHmac, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export const TEST_JWT_SECRET = 'test-jwt-secret-that-is-long-enough-0123456789';
export const TEST_CLAIMS_SECRET = 'test-gateway-claims-secret-long-enough-9876543210';
export const ISSUER = 'https://id.touchpoint.test/';
export const AUDIENCE = 'touchpoint-gateway';

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const now = () => Math.floor(Date.now() / 1000);

export type Claims = Record<string, unknown>;

/** Standard claims valid for an hour, issued by ISSUER for AUDIENCE, overridable. */
export function claims(extra: Claims = {}): Claims {
  return { iss: ISSUER, aud: AUDIENCE, iat: now(), exp: now() + 3600, ...extra };
}

export function hs256(payload: Claims, secret: string = TEST_JWT_SECRET, header: Claims = {}): string {
  const signingInput = `${b64({ alg: 'HS256', typ: 'JWT', ...header })}.${b64(payload)}`;
  return `${signingInput}.${createHmac('sha256', secret).update(signingInput).digest('base64url')}`;
}

export function unsigned(payload: Claims): string {
  return `${b64({ alg: 'none', typ: 'JWT' })}.${b64(payload)}.`;
}

export interface SigningKey {
  kid: string;
  alg: 'RS256' | 'ES256';
  privateKey: KeyObject;
  publicKey: KeyObject;
  jwk: Record<string, unknown>;
}

export function signingKey(alg: 'RS256' | 'ES256', kid: string): SigningKey {
  const { privateKey, publicKey } = alg === 'RS256' ? generateKeyPairSync('rsa', { modulusLength: 2048 }) : generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return { kid, alg, privateKey, publicKey, jwk: { ...publicKey.export({ format: 'jwk' }), kid, alg, use: 'sig' } };
}

export function asymmetric(payload: Claims, key: SigningKey, header: Claims = {}): string {
  const signingInput = `${b64({ alg: key.alg, typ: 'JWT', kid: key.kid, ...header })}.${b64(payload)}`;
  const signature =
    key.alg === 'RS256'
      ? sign('sha256', Buffer.from(signingInput), key.privateKey)
      : sign('sha256', Buffer.from(signingInput), { key: key.privateKey, dsaEncoding: 'ieee-p1363' });
  return `${signingInput}.${signature.toString('base64url')}`;
}

/** The token with its signature replaced by one made with another secret. */
export function forged(payload: Claims): string {
  return hs256(payload, 'someone-else-s-secret-that-is-also-long-enough');
}

/** The tokens of the demo's callers (customer C-000001 etc. exist in the demo data). */
export const tokens = {
  customer: (customerId: string, scopes = '') => hs256(claims({ sub: customerId, role: 'customer', scope: scopes })),
  agent: (scopes = 'customers:search interactions:read credit:read social:read') => hs256(claims({ sub: 'agent-7', role: 'agent', scope: scopes })),
  partner: (partnerId: string, contract: string) => hs256(claims({ sub: `partner-app-${partnerId.toLowerCase()}`, role: 'partner', partner_id: partnerId, contract })),
};

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

export interface JwksServer {
  url: string;
  keys: SigningKey[];
  /** How many times the key set was fetched. */
  fetches(): number;
  close(): Promise<void>;
}

/** An identity provider's JWKS endpoint; `keys` may be changed while it runs (key rotation). */
export async function startJwksServer(keys: SigningKey[]): Promise<JwksServer> {
  let fetches = 0;
  const state = { keys };
  const server: Server = createServer((_req, res) => {
    fetches += 1;
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ keys: state.keys.map((k) => k.jwk) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`,
    get keys() {
      return state.keys;
    },
    set keys(next: SigningKey[]) {
      state.keys = next;
    },
    fetches: () => fetches,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
