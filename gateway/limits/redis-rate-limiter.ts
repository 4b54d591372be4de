import { Redis } from 'ioredis';
import type { Logger } from '../../lib/logger';
import { checkRateLimitSettings, type RateDecision, type RateLimiter, type RateLimitSettings } from './rate-limiter';

// One token bucket per key, updated atomically in Redis with Redis's own clock, so that every
// gateway instance shares the same budget whatever their clocks say. Returns allowed, remaining, retry-after (ms).
const TAKE_TOKEN = `
local capacity = tonumber(ARGV[1])
local per_ms = tonumber(ARGV[2])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(state[1])
local at = tonumber(state[2])
if tokens == nil or at == nil then
  tokens = capacity
  at = now
end
tokens = math.min(capacity, tokens + math.max(0, now - at) * per_ms)
local allowed = 0
local retry = 0
if tokens >= 1 then
  tokens = tokens - 1
  allowed = 1
else
  retry = math.ceil((1 - tokens) / per_ms)
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil(capacity / per_ms) + 1000)
return { allowed, math.floor(tokens), retry }
`;

type TakeTokenRedis = Redis & { touchpointTakeToken(key: string, capacity: string, perMs: string): Promise<[number, number, number]> };

export interface RedisRateLimiterOptions extends RateLimitSettings {
  /** `redis://[:password@]host:port[/db]` */
  url: string;
  /** Prefix of the bucket keys (default `touchpoint:ratelimit:`); instances sharing a limit share it. */
  keyPrefix?: string;
  log: Logger;
  /** When Redis cannot be reached: allow the request (default) or refuse it. */
  failOpen?: boolean;
}

/** Token buckets in Redis, shared by every gateway instance using the same Redis and prefix. */
export function createRedisRateLimiter(options: RedisRateLimiterOptions): RateLimiter {
  checkRateLimitSettings(options);
  const { keyPrefix = 'touchpoint:ratelimit:', log, failOpen = true } = options;
  const capacity = String(options.burst ?? options.limit);
  const perMs = String(options.limit / options.windowMs);
  const redis = new Redis(options.url, { lazyConnect: false, maxRetriesPerRequest: 1, enableOfflineQueue: true }) as TakeTokenRedis;
  redis.defineCommand('touchpointTakeToken', { numberOfKeys: 1, lua: TAKE_TOKEN });
  let lastWarning = 0;
  redis.on('error', (err: unknown) => {
    if (Date.now() - lastWarning < 10_000) return;
    lastWarning = Date.now();
    log.warn({ err }, 'rate limiting: Redis is unreachable');
  });

  return {
    async take(clientKey): Promise<RateDecision> {
      try {
        const [allowed, remaining, retryAfterMs] = await redis.touchpointTakeToken(`${keyPrefix}${clientKey}`, capacity, perMs);
        return { allowed: allowed === 1, remaining, retryAfterMs };
      } catch (err) {
        log.warn({ err }, `rate limiting: Redis failed, request ${failOpen ? 'allowed' : 'refused'}`);
        return failOpen ? { allowed: true, remaining: 0, retryAfterMs: 0 } : { allowed: false, remaining: 0, retryAfterMs: 1000 };
      }
    },
    async close() {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
