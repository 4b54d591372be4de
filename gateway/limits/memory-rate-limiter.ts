import { checkRateLimitSettings, type RateDecision, type RateLimiter, type RateLimitSettings } from './rate-limiter';

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * Token buckets in this process's memory (one gateway instance). Buckets that have filled up again
 * are dropped now and then, so that memory follows the clients active within a window.
 */
export function createMemoryRateLimiter(settings: RateLimitSettings, now: () => number = Date.now): RateLimiter {
  checkRateLimitSettings(settings);
  const capacity = settings.burst ?? settings.limit;
  const perMs = settings.limit / settings.windowMs;
  const buckets = new Map<string, Bucket>();
  let calls = 0;

  const refill = (bucket: Bucket, at: number) => Math.min(capacity, bucket.tokens + (at - bucket.at) * perMs);
  const sweep = (at: number) => {
    for (const [key, bucket] of buckets) if (refill(bucket, at) >= capacity) buckets.delete(key);
  };

  return {
    async take(clientKey): Promise<RateDecision> {
      const at = now();
      if (++calls % 1000 === 0) sweep(at);
      const bucket = buckets.get(clientKey) ?? { tokens: capacity, at };
      const tokens = refill(bucket, at);
      if (tokens >= 1) {
        buckets.set(clientKey, { tokens: tokens - 1, at });
        return { allowed: true, remaining: Math.floor(tokens - 1), retryAfterMs: 0 };
      }
      buckets.set(clientKey, { tokens, at });
      return { allowed: false, remaining: 0, retryAfterMs: Math.ceil((1 - tokens) / perMs) };
    },
    async close() {
      buckets.clear();
    },
  };
}
