import { constants, createHmac, timingSafeEqual, verify, type KeyObject } from 'node:crypto';

/** The JWS algorithms the gateway can verify, with the key type each one needs. */
export const HMAC_ALGORITHMS = ['HS256', 'HS384', 'HS512'] as const;
export const ASYMMETRIC_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'] as const;
export type HmacAlgorithm = (typeof HMAC_ALGORITHMS)[number];
export type AsymmetricAlgorithm = (typeof ASYMMETRIC_ALGORITHMS)[number];
export type JwsAlgorithm = HmacAlgorithm | AsymmetricAlgorithm;

export const isHmacAlgorithm = (alg: string): alg is HmacAlgorithm => (HMAC_ALGORITHMS as readonly string[]).includes(alg);
export const isAsymmetricAlgorithm = (alg: string): alg is AsymmetricAlgorithm => (ASYMMETRIC_ALGORITHMS as readonly string[]).includes(alg);

function digestOf(alg: string): string | null {
  if (alg === 'EdDSA') return null;
  return `sha${alg.slice(2)}`;
}

/** Does this public key (from a JWKS) fit the algorithm? RS/PS need RSA, ES256 a P-256 curve, ... */
export function keyFitsAlgorithm(key: KeyObject, alg: AsymmetricAlgorithm): boolean {
  const type = key.asymmetricKeyType;
  if (alg.startsWith('RS') || alg.startsWith('PS')) return type === 'rsa' || (alg.startsWith('PS') && type === 'rsa-pss');
  if (alg === 'EdDSA') return type === 'ed25519' || type === 'ed448';
  const curve = key.asymmetricKeyDetails?.namedCurve;
  const wanted = { ES256: 'prime256v1', ES384: 'secp384r1', ES512: 'secp521r1' }[alg as 'ES256' | 'ES384' | 'ES512'];
  return type === 'ec' && curve === wanted;
}

export function verifyHmac(alg: HmacAlgorithm, secret: Buffer, signingInput: string, signature: Buffer): boolean {
  const expected = createHmac(digestOf(alg)!, secret).update(signingInput).digest();
  return expected.length === signature.length && timingSafeEqual(expected, signature);
}

export function verifyAsymmetric(alg: AsymmetricAlgorithm, key: KeyObject, signingInput: string, signature: Buffer): boolean {
  const data = Buffer.from(signingInput, 'utf8');
  const digest = digestOf(alg);
  try {
    if (alg.startsWith('RS')) return verify(digest, data, { key, padding: constants.RSA_PKCS1_PADDING }, signature);
    if (alg.startsWith('PS')) return verify(digest, data, { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_DIGEST }, signature);
    // JWS carries ECDSA signatures as r||s (IEEE P1363), not DER.
    if (alg.startsWith('ES')) return verify(digest, data, { key, dsaEncoding: 'ieee-p1363' }, signature);
    return verify(null, data, key, signature);
  } catch {
    return false;
  }
}
