import {
  isAsymmetricAlgorithm,
  isHmacAlgorithm,
  keyFitsAlgorithm,
  verifyAsymmetric,
  verifyHmac,
  type JwsAlgorithm,
} from './jws-algorithms';
import { createJwksClient, type JwksClient } from './jwks-client';
import { TokenError } from './token-error';

/** The verified payload of a token. */
export type JwtClaims = Record<string, unknown> & { exp: number };

export interface JwtVerifierOptions {
  /** Shared secret for HS256/384/512 tokens. */
  secret?: string;
  /** JWKS URL of the identity provider for RS/PS/ES/EdDSA tokens (or an already-made client). */
  jwks?: string | JwksClient;
  /** The algorithms accepted, pinned: a token naming any other (or `none`) is refused. */
  algorithms: ReadonlyArray<string>;
  /** Accepted `iss` values; unset accepts any issuer. */
  issuer?: string | ReadonlyArray<string>;
  /** The token's `aud` must contain one of these; unset accepts any audience. */
  audience?: string | ReadonlyArray<string>;
  /** Tolerated clock difference for exp, nbf and iat (default 30 s). */
  clockSkewSeconds?: number;
  /** Tokens longer than this are refused unread (default 8 KiB). */
  maxTokenLength?: number;
  now?: () => number;
}

export interface JwtVerifier {
  verify(token: string): Promise<JwtClaims>;
}

const MIN_HMAC_SECRET_LENGTH = 32;

function decodeJson(part: string, what: string): Record<string, unknown> {
  if (!/^[A-Za-z0-9_-]*$/.test(part)) throw new TokenError(`the token's ${what} is not base64url`);
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  } catch {
    throw new TokenError(`the token's ${what} is not JSON`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new TokenError(`the token's ${what} is not a JSON object`);
  return value as Record<string, unknown>;
}

const asList = (value: string | ReadonlyArray<string> | undefined): string[] | undefined => (value === undefined ? undefined : typeof value === 'string' ? [value] : [...value]);

/** Checks the configuration once, so that a mistake fails at start-up instead of on every request. */
function checkOptions(options: JwtVerifierOptions): JwsAlgorithm[] {
  if (!options.secret && !options.jwks) throw new Error('JWT verification needs a secret (HS*) or a JWKS URL (RS*, PS*, ES*, EdDSA)');
  if (options.algorithms.length === 0) throw new Error('JWT verification needs at least one accepted algorithm');
  for (const alg of options.algorithms) {
    if (isHmacAlgorithm(alg)) {
      if (!options.secret) throw new Error(`algorithm ${alg} needs a shared secret (AUTH_JWT_SECRET)`);
    } else if (isAsymmetricAlgorithm(alg)) {
      if (!options.jwks) throw new Error(`algorithm ${alg} needs a JWKS URL (AUTH_JWKS_URL)`);
    } else {
      throw new Error(`unsupported JWT algorithm ${JSON.stringify(alg)}`);
    }
  }
  if (options.secret && Buffer.byteLength(options.secret) < MIN_HMAC_SECRET_LENGTH) {
    throw new Error(`the JWT secret must be at least ${MIN_HMAC_SECRET_LENGTH} bytes long`);
  }
  return options.algorithms as JwsAlgorithm[];
}

/**
 * Verifies compact JWS tokens (JWT): the algorithm must be one of the pinned ones and match the
 * kind of key (HMAC only with the shared secret, asymmetric only with a key from the JWKS that
 * fits it, so an RS256 public key can never be used as an HMAC secret), then the signature, then
 * expiry (required), not-before, issued-at, issuer and audience, with the allowed clock skew.
 */
export function createJwtVerifier(options: JwtVerifierOptions): JwtVerifier {
  const algorithms = new Set(checkOptions(options));
  const secret = options.secret ? Buffer.from(options.secret, 'utf8') : undefined;
  const jwks = typeof options.jwks === 'string' ? createJwksClient({ url: options.jwks }) : options.jwks;
  const issuers = asList(options.issuer);
  const audiences = asList(options.audience);
  const skew = options.clockSkewSeconds ?? 30;
  const maxLength = options.maxTokenLength ?? 8192;
  const now = options.now ?? Date.now;

  async function checkSignature(alg: JwsAlgorithm, header: Record<string, unknown>, signingInput: string, signature: Buffer): Promise<void> {
    if (isHmacAlgorithm(alg)) {
      if (!verifyHmac(alg, secret!, signingInput, signature)) throw new TokenError('the token signature is invalid');
      return;
    }
    if (!isAsymmetricAlgorithm(alg)) throw new TokenError('the token algorithm is not accepted');
    const kid = typeof header.kid === 'string' ? header.kid : undefined;
    let keys;
    try {
      keys = await jwks!.keys(kid);
    } catch {
      throw new TokenError('the signing keys cannot be fetched from the identity provider');
    }
    const candidates = keys.filter((k) => (kid === undefined || k.kid === kid) && (k.alg === undefined || k.alg === alg) && keyFitsAlgorithm(k.key, alg));
    if (candidates.length === 0) throw new TokenError('no signing key fits the token');
    if (!candidates.some((k) => verifyAsymmetric(alg, k.key, signingInput, signature))) throw new TokenError('the token signature is invalid');
  }

  function checkClaims(claims: Record<string, unknown>): JwtClaims {
    const seconds = now() / 1000;
    if (typeof claims.exp !== 'number' || !Number.isFinite(claims.exp)) throw new TokenError('the token has no expiry');
    if (seconds > claims.exp + skew) throw new TokenError('the token has expired');
    if (claims.nbf !== undefined && (typeof claims.nbf !== 'number' || seconds < claims.nbf - skew)) throw new TokenError('the token is not valid yet');
    if (claims.iat !== undefined && (typeof claims.iat !== 'number' || claims.iat > seconds + skew)) throw new TokenError('the token is issued in the future');
    if (issuers && (typeof claims.iss !== 'string' || !issuers.includes(claims.iss))) throw new TokenError('the token is from another issuer');
    if (audiences) {
      const aud = typeof claims.aud === 'string' ? [claims.aud] : Array.isArray(claims.aud) ? claims.aud : [];
      if (!aud.some((a) => typeof a === 'string' && audiences.includes(a))) throw new TokenError('the token is meant for another audience');
    }
    return claims as JwtClaims;
  }

  return {
    async verify(token) {
      if (token.length > maxLength) throw new TokenError('the token is too long');
      const parts = token.split('.');
      if (parts.length !== 3) throw new TokenError('the token is not a signed JWT');
      const [headerPart, payloadPart, signaturePart] = parts;
      const header = decodeJson(headerPart, 'header');
      const alg = header.alg;
      // `none`, an algorithm of the other key kind or any algorithm not pinned: refused before any key is used.
      if (typeof alg !== 'string' || !algorithms.has(alg as JwsAlgorithm)) throw new TokenError('the token algorithm is not accepted');
      if (header.crit !== undefined) throw new TokenError('the token has critical header parameters the gateway does not understand');
      if (!/^[A-Za-z0-9_-]+$/.test(signaturePart)) throw new TokenError('the token signature is not base64url');
      const claims = decodeJson(payloadPart, 'payload');
      await checkSignature(alg as JwsAlgorithm, header, `${headerPart}.${payloadPart}`, Buffer.from(signaturePart, 'base64url'));
      return checkClaims(claims);
    },
  };
}
