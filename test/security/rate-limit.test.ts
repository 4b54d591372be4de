// Rate limiting per client at the gateway over real HTTP: a burst over the limit gets 429 with
// Retry-After and reaches no subgraph; each token subject (or IP address) has its own budget; the
// budget refills; with Redis, gateway instances share one budget.
import { createBearerAuthenticator } from '../../gateway/auth/authenticator';
import { createJwtVerifier } from '../../gateway/auth/jwt/jwt-verifier';
import { createMemoryRateLimiter } from '../../gateway/limits/memory-rate-limiter';
import { createRedisRateLimiter } from '../../gateway/limits/redis-rate-limiter';
import type { RateLimiter } from '../../gateway/limits/rate-limiter';
import { startGateway, type GatewayService } from '../../gateway/service';
import { silentLogger } from '../../lib/logger';
import { TEST_REDIS_URL, uniquePrefix } from '../events/test-brokers';
import { startSecuredWorld, type SecuredWorld } from './support/secured-world';
import { bearer, claims, hs256, TEST_JWT_SECRET } from './support/tokens';

let world: SecuredWorld;
const gateways: GatewayService[] = [];
beforeAll(async () => {
  world = await startSecuredWorld();
});
afterAll(async () => {
  await Promise.all(gateways.map((g) => g.close()));
  await world?.close();
});

async function gatewayWith(limiter: RateLimiter): Promise<GatewayService> {
  const service = await startGateway({
    supergraphSdl: world.supergraphSdl,
    webSocket: false,
    auth: { authenticator: createBearerAuthenticator(createJwtVerifier({ secret: TEST_JWT_SECRET, algorithms: ['HS256'] })) },
    rateLimit: { limiter },
  });
  gateways.push(service);
  return service;
}

async function ask(gateway: GatewayService, headers: Record<string, string> = {}) {
  const response = await fetch(gateway.endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body: JSON.stringify({ query: '{ users { name } }' }),
  });
  return { status: response.status, retryAfter: response.headers.get('retry-after'), body: (await response.json()) as { errors?: { extensions?: { code?: string } }[] } };
}

describe('in memory (one gateway instance)', () => {
  it('refuses a burst over the limit with 429 and Retry-After, before anything runs', async () => {
    const gateway = await gatewayWith(createMemoryRateLimiter({ limit: 3, windowMs: 60_000 }));
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await ask(gateway)).status);
    expect(statuses).toEqual([200, 200, 200]);
    const before = world.received.length;
    const refused = await ask(gateway);
    expect(refused.status).toBe(429);
    expect(Number(refused.retryAfter)).toBeGreaterThanOrEqual(1);
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect(world.received.length).toBe(before);
  });

  it('gives every token subject a budget of its own, apart from anonymous callers of the same address', async () => {
    const gateway = await gatewayWith(createMemoryRateLimiter({ limit: 2, windowMs: 60_000 }));
    const alice = bearer(hs256(claims({ sub: 'alice' })));
    const bob = bearer(hs256(claims({ sub: 'bob' })));
    expect([(await ask(gateway, alice)).status, (await ask(gateway, alice)).status, (await ask(gateway, alice)).status]).toEqual([200, 200, 429]);
    expect([(await ask(gateway, bob)).status, (await ask(gateway)).status, (await ask(gateway)).status, (await ask(gateway)).status]).toEqual([200, 200, 200, 429]);
  });

  it('refills the budget over the window (token bucket)', async () => {
    let now = 1_000_000;
    const limiter = createMemoryRateLimiter({ limit: 10, windowMs: 10_000, burst: 2 }, () => now);
    expect([(await limiter.take('k')).allowed, (await limiter.take('k')).allowed]).toEqual([true, true]);
    const refused = await limiter.take('k');
    expect(refused).toEqual({ allowed: false, remaining: 0, retryAfterMs: 1000 });
    now += 1000; // one request per second comes back
    expect((await limiter.take('k')).allowed).toBe(true);
    expect((await limiter.take('k')).allowed).toBe(false);
  });
});

describe('in Redis (shared by every gateway instance)', () => {
  it('lets two gateway instances share one budget per client', async () => {
    const keyPrefix = `${uniquePrefix('ratelimit')}:`;
    const settings = { url: TEST_REDIS_URL, limit: 5, windowMs: 60_000, keyPrefix, log: silentLogger };
    const [one, two] = await Promise.all([gatewayWith(createRedisRateLimiter(settings)), gatewayWith(createRedisRateLimiter(settings))]);
    const carol = bearer(hs256(claims({ sub: 'carol' })));
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      statuses.push((await ask(one, carol)).status);
      statuses.push((await ask(two, carol)).status);
    }
    expect(statuses.filter((s) => s === 200)).toHaveLength(5);
    expect(statuses.slice(5)).toEqual([429, 429, 429]);
    // Another client is not affected by carol's burst.
    expect((await ask(two, bearer(hs256(claims({ sub: 'dave' }))))).status).toBe(200);
  });

  it('lets requests through, and says so in the log, when Redis cannot be reached', async () => {
    const warnings: string[] = [];
    const log = { ...silentLogger, warn: (_o: unknown, message?: string) => void warnings.push(String(message)) } as unknown as typeof silentLogger;
    const limiter = createRedisRateLimiter({ url: 'redis://127.0.0.1:1', limit: 1, windowMs: 60_000, log });
    try {
      expect((await limiter.take('someone')).allowed).toBe(true);
      expect(warnings.some((w) => w.includes('rate limiting'))).toBe(true);
    } finally {
      await limiter.close();
    }
  });
});
