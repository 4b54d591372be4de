import type { Plugin } from 'graphql-yoga';
import type { Principal } from '../auth/principal';
import { refusalResponse } from '../auth/refusal-response';
import { clientKeyOf } from '../limits/client-key';
import type { RateLimiter } from '../limits/rate-limiter';

export interface RateLimitOptions {
  limiter: RateLimiter;
  graphqlEndpoint: string;
  /** Principals established by useAuthentication (which must come first), to count by token subject. */
  principals?: WeakMap<Request, Principal>;
  /** Count by the first x-forwarded-for address (only behind a proxy that sets it). */
  trustProxy?: boolean;
  /** Separates the budgets of endpoints sharing a limiter (e.g. `public`, `partner:marketplace`). */
  scope: string;
}

/**
 * Refuses a client's requests beyond its budget with 429 and Retry-After, before the operation is
 * parsed. Counted per token subject, or per IP address for anonymous callers.
 */
export function useRateLimit({ limiter, graphqlEndpoint, principals, trustProxy = false, scope }: RateLimitOptions): Plugin {
  return {
    onRequest({ request, url, endResponse, fetchAPI, serverContext }) {
      if (url.pathname !== graphqlEndpoint || request.method === 'OPTIONS') return;
      const key = `${scope}:${clientKeyOf(request, serverContext, principals?.get(request), trustProxy)}`;
      return limiter.take(key).then((decision) => {
        if (decision.allowed) return;
        const seconds = Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
        endResponse(refusalResponse(fetchAPI, 429, 'RATE_LIMITED', `Too many requests: try again in ${seconds} s`, { 'retry-after': String(seconds) }));
      });
    },
  };
}
