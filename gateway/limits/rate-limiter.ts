/** What a rate limiter says about one request. */
export interface RateDecision {
  allowed: boolean;
  /** Requests the client may still send right now. */
  remaining: number;
  /** When refused: how long until the next request would be allowed. */
  retryAfterMs: number;
}

/**
 * A token bucket per client: `limit` requests per `windowMs` on average, bursts up to `burst`
 * (default `limit`). Every gateway instance sharing a limiter's store shares the budget.
 */
export interface RateLimiter {
  take(clientKey: string): Promise<RateDecision>;
  close(): Promise<void>;
}

export interface RateLimitSettings {
  /** Requests per window per client. */
  limit: number;
  windowMs: number;
  /** Largest burst (bucket size); default `limit`. */
  burst?: number;
}

export function checkRateLimitSettings({ limit, windowMs, burst }: RateLimitSettings): void {
  if (!Number.isInteger(limit) || limit < 1) throw new Error('the rate limit must be a whole number of requests, at least 1');
  if (!Number.isFinite(windowMs) || windowMs < 1) throw new Error('the rate limit window must be at least 1 ms');
  if (burst !== undefined && (!Number.isInteger(burst) || burst < 1)) throw new Error('the rate limit burst must be a whole number, at least 1');
}
