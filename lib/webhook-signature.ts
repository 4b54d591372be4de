// Signed webhooks: the sender signs "<timestamp>.<nonce>.<raw body>" with HMAC-SHA256 and a shared
// secret; the receiver checks the signature in constant time, the timestamp's freshness and that
// the nonce was never seen. Shared by every webhook the hub receives (social mentions, carriers).
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { SignatureError } from './errors';

export const SIGNATURE_HEADERS = {
  timestamp: 'x-touchpoint-timestamp',
  nonce: 'x-touchpoint-nonce',
  signature: 'x-touchpoint-signature',
} as const;

/** How far a timestamp may be from the receiver's clock, either way. */
export const DEFAULT_TOLERANCE_SECONDS = 300;

/** The structural part of the hub's NoncePort that verification needs. */
export interface NonceRegistry {
  /** False when the nonce was seen before. Must be atomic across processes. */
  remember(source: string, nonce: string, seenAt: Date): Promise<boolean>;
}

export type RawBody = string | Uint8Array;

const NONCE_PATTERN = /^[A-Za-z0-9._:-]{8,128}$/;

function hmacHex(secret: string, timestamp: string, nonce: string, rawBody: RawBody): string {
  return createHmac('sha256', secret).update(`${timestamp}.${nonce}.`).update(rawBody).digest('hex');
}

/** The header value for a body: "sha256=<hex>". */
export function computeSignature(secret: string, timestamp: string, nonce: string, rawBody: RawBody): string {
  return `sha256=${hmacHex(secret, timestamp, nonce, rawBody)}`;
}

/** Headers that sign a body, for senders (demo feeders, tests, partner SDKs). */
export function signatureHeaders(secret: string, rawBody: RawBody, options: { now?: Date; nonce?: string } = {}): Record<string, string> {
  const timestamp = String(Math.floor((options.now ?? new Date()).getTime() / 1000));
  const nonce = options.nonce ?? randomUUID();
  return {
    [SIGNATURE_HEADERS.timestamp]: timestamp,
    [SIGNATURE_HEADERS.nonce]: nonce,
    [SIGNATURE_HEADERS.signature]: computeSignature(secret, timestamp, nonce, rawBody),
  };
}

function signaturesMatch(expectedHex: string, header: string): boolean {
  const match = /^sha256=([0-9a-fA-F]{64})$/.exec(header.trim());
  const expected = Buffer.from(expectedHex, 'hex');
  // A malformed header is still compared (against itself) so that timing tells nothing.
  const given = match ? Buffer.from(match[1]!.toLowerCase(), 'hex') : Buffer.alloc(expected.length);
  return timingSafeEqual(expected, given) && match !== null;
}

export interface VerifyOptions {
  secret: string;
  /** Which webhook this is ("social", "carrier"): nonces are remembered per source. */
  source: string;
  nonces: NonceRegistry;
  now?: () => Date;
  toleranceSeconds?: number;
}

/**
 * Throws SignatureError unless the request is signed with the secret, fresh, and not a replay.
 * The nonce is remembered only once the signature is valid, so forged requests cannot burn nonces.
 */
export async function verifySignedRequest(headers: { get(name: string): string | null }, rawBody: RawBody, options: VerifyOptions): Promise<void> {
  const timestamp = headers.get(SIGNATURE_HEADERS.timestamp);
  const nonce = headers.get(SIGNATURE_HEADERS.nonce);
  const signature = headers.get(SIGNATURE_HEADERS.signature);
  if (!timestamp || !nonce || !signature) throw new SignatureError('the request is not signed');
  if (!/^\d{1,12}$/.test(timestamp)) throw new SignatureError('the signature timestamp is malformed');
  if (!NONCE_PATTERN.test(nonce)) throw new SignatureError('the signature nonce is malformed');

  const now = (options.now ?? (() => new Date()))();
  const tolerance = options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  if (Math.abs(now.getTime() / 1000 - Number(timestamp)) > tolerance) throw new SignatureError('the signature timestamp is too old or in the future');

  if (!signaturesMatch(hmacHex(options.secret, timestamp, nonce, rawBody), signature)) throw new SignatureError('the signature does not match');

  if (!(await options.nonces.remember(options.source, nonce, now))) throw new SignatureError('the request was already received (replayed nonce)');
}
