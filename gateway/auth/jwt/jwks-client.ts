import { createPublicKey, type JsonWebKey, type KeyObject } from 'node:crypto';

export interface JwksKey {
  kid: string | undefined;
  /** The JWK's own `alg`, when it pins one. */
  alg: string | undefined;
  key: KeyObject;
}

export interface JwksClientOptions {
  url: string;
  /** How long a fetched key set is used before it is fetched again (default 10 minutes). */
  cacheMs?: number;
  /** A token naming an unknown key id refetches the set, at most this often (default 30 s). */
  refetchCooldownMs?: number;
  timeoutMs?: number;
  fetch?: typeof globalThis.fetch;
  now?: () => number;
}

export interface JwksClient {
  /** The signing keys; `kid` (when the token names one) asks for a fresh set if it is unknown. */
  keys(kid?: string): Promise<JwksKey[]>;
}

function importKeys(body: unknown): JwksKey[] {
  const list = (body as { keys?: unknown } | null)?.keys;
  if (!Array.isArray(list)) throw new Error('the JWKS document has no "keys" list');
  const keys: JwksKey[] = [];
  for (const jwk of list as Array<Record<string, unknown>>) {
    if (typeof jwk !== 'object' || jwk === null) continue;
    if (jwk.use !== undefined && jwk.use !== 'sig') continue;
    // Public keys only: a JWKS entry carrying private parts, or a symmetric key, is ignored.
    if (jwk.kty === 'oct' || 'd' in jwk) continue;
    try {
      keys.push({
        kid: typeof jwk.kid === 'string' ? jwk.kid : undefined,
        alg: typeof jwk.alg === 'string' ? jwk.alg : undefined,
        key: createPublicKey({ key: jwk as JsonWebKey, format: 'jwk' }),
      });
    } catch {
      // A key this runtime cannot import cannot verify anything: skip it.
    }
  }
  return keys;
}

/**
 * Fetches and caches an identity provider's JSON Web Key Set. Callers arriving during a fetch
 * share it; an unknown key id triggers a refetch (key rotation) but never more often than the
 * cooldown, so tokens with made-up key ids cannot make the gateway hammer the provider.
 */
export function createJwksClient({ url, cacheMs = 600_000, refetchCooldownMs = 30_000, timeoutMs = 5000, fetch: fetchFn = globalThis.fetch, now = Date.now }: JwksClientOptions): JwksClient {
  let cached: { at: number; keys: JwksKey[] } | undefined;
  let inFlight: Promise<JwksKey[]> | undefined;
  // Refetches caused by unknown key ids: the first one at once, then at most one per cooldown.
  let lastMissFetchAt = -Infinity;

  const load = (): Promise<JwksKey[]> => {
    inFlight ??= (async () => {
      try {
        const response = await fetchFn(url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(timeoutMs) });
        if (!response.ok) throw new Error(`the JWKS endpoint answered HTTP ${response.status}`);
        const keys = importKeys(await response.json());
        cached = { at: now(), keys };
        return keys;
      } finally {
        inFlight = undefined;
      }
    })();
    return inFlight;
  };

  return {
    async keys(kid) {
      const fresh = cached && now() - cached.at < cacheMs;
      if (!fresh) return load().catch((error: unknown) => {
        // A provider outage keeps the last known keys in use rather than refusing every caller.
        if (cached) return cached.keys;
        throw error;
      });
      if (kid !== undefined && !cached!.keys.some((k) => k.kid === kid) && now() - lastMissFetchAt >= refetchCooldownMs) {
        lastMissFetchAt = now();
        return load().catch(() => cached!.keys);
      }
      return cached!.keys;
    },
  };
}
