// Limits on one operation at the gateway (aliases, root fields, estimated cost with the request's
// variables, depth) and errors that name nothing the caller cannot see. Refused operations reach no subgraph.
import { createGateway, type Gateway } from '../../gateway/create-gateway';
import { describeSecurity, securitySettingsFromEnv } from '../../gateway/auth/security-settings';
import { estimateCost } from '../../gateway/limits/cost-estimate';
import { parse } from 'graphql';
import { startSecuredWorld, type SecuredWorld } from './support/secured-world';

let world: SecuredWorld;
let gateway: Gateway;
beforeAll(async () => {
  world = await startSecuredWorld();
  gateway = await createGateway({ supergraphSdl: world.supergraphSdl, maxDepth: 6, limits: { maxAliases: 3, maxRootFields: 3, costBudget: 50 } });
});
afterAll(async () => {
  await gateway?.close();
  await world?.close();
});

async function run(query: string, variables?: Record<string, unknown>) {
  const before = world.received.length;
  const response = await gateway.yoga.fetch('http://gateway/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] };
  return { status: response.status, body, subgraphRequests: world.received.length - before };
}

describe('limits per operation', () => {
  it('refuses more aliases than allowed, counting each spread of a fragment', async () => {
    expect((await run('{ a: users { name } b: users { name } c: users { name } }')).body.errors).toBeUndefined();
    // Two aliases in a fragment spread twice: four.
    const refused = await run('query One { users { ...Names friend { ...Names } } } fragment Names on User { a: name b: name }');
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([expect.objectContaining({ message: 'Operation "One" uses 4 aliases; the gateway allows at most 3', extensions: { code: 'ALIAS_LIMIT_EXCEEDED' } })]);
    expect(refused.subgraphRequests).toBe(0);
  });

  it('refuses more root fields than allowed', async () => {
    const refused = await run('{ users { id } me { id } staff { name } posts { id } }');
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([expect.objectContaining({ message: 'The operation selects 4 root fields; the gateway allows at most 3', extensions: { code: 'ROOT_FIELD_LIMIT_EXCEEDED' } })]);
    expect(refused.subgraphRequests).toBe(0);
  });

  it('estimates the cost with the variables of the request: lists multiply by first', async () => {
    const query = 'query Posts($posts: Int!, $comments: Int!) { posts(first: $posts) { title comments(first: $comments) { text } } }';
    const cheap = await run(query, { posts: 5, comments: 5 }); // 5 x (1 + 5) = 30
    expect(cheap.body.errors).toBeUndefined();
    const dear = await run(query, { posts: 10, comments: 10 }); // 10 x (1 + 10) = 110
    expect(dear.status).toBe(400);
    expect(dear.body.errors).toEqual([
      {
        message: "The operation's estimated cost is 110; the gateway allows at most 50. Ask for fewer items (first:) or fewer nested lists.",
        extensions: { code: 'COST_LIMIT_EXCEEDED', cost: 110, budget: 50 },
      },
    ]);
    expect(dear.subgraphRequests).toBe(0);
  });

  it('refuses an operation nested deeper than allowed', async () => {
    const refused = await run('{ users { friend { friend { friend { friend { friend { name } } } } } } }');
    expect(refused.status).toBe(400);
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('DEPTH_LIMIT_EXCEEDED');
    expect(refused.subgraphRequests).toBe(0);
  });

  it('sizes lists by first:, by the length of a list argument, by a page object, or by the default', () => {
    const schema = gateway.executor.schema;
    expect(estimateCost(schema, parse('{ posts { comments { text } } }'), null)).toBe(10 * (1 + 5)); // schema defaults first: 10 and 5
    expect(estimateCost(schema, parse('{ staff { name } }'), null, {}, { defaultListSize: 7 })).toBe(7);
    expect(estimateCost(schema, parse('{ users { posts { title } } }'), null)).toBe(10 * (1 + 10));
  });
});

describe('errors name nothing the caller cannot see', () => {
  it('drops "Did you mean" suggestions from validation and variable errors', async () => {
    const field = await run('{ users { nam } }');
    expect(field.body.errors?.map((e) => e.message)).toEqual(['Cannot query field "nam" on type "User".']);
    const argument = await run('{ user(idd: "u1") { name } }');
    expect(argument.body.errors?.map((e) => e.message)).toContain('Unknown argument "idd" on field "Query.user".');
    for (const error of [...(field.body.errors ?? []), ...(argument.body.errors ?? [])]) expect(error.message).not.toContain('Did you mean');
  });
});

describe('security settings from the environment', () => {
  const defaults = { contractsDir: '/repo/schema/contracts', contracts: 'all' as const };

  it('has safe defaults: no token needed where none is configured, a cost budget, no rate limit, APQ on', () => {
    const settings = securitySettingsFromEnv({}, defaults);
    expect(settings).toMatchObject({ auth: null, contracts: 'all', rateLimit: null, automaticPersistedQueries: true, limits: { costBudget: 100_000 } });
  });

  it('reads authentication, contracts, persisted operations and the rate limit, and never describes a secret', () => {
    const settings = securitySettingsFromEnv(
      {
        AUTH_JWT_SECRET: 's3cret-s3cret-s3cret-s3cret-s3cret',
        AUTH_ISSUER: 'https://id.example/',
        AUTH_AUDIENCE: 'touchpoint, touchpoint-partners',
        AUTH_REQUIRED: 'true',
        GATEWAY_CLAIMS_SECRET: 'another-s3cret-another-s3cret-12345',
        CONTRACTS: 'marketplace',
        PERSISTED_OPERATIONS_MARKETPLACE: 'a.json, b.json',
        RATE_LIMIT_MAX: '120',
        RATE_LIMIT_REDIS_URL: 'redis://cache:6379',
        COST_BUDGET: '0',
      },
      defaults,
    );
    expect(settings).toMatchObject({
      auth: { algorithms: ['HS256'], issuer: ['https://id.example/'], audience: ['touchpoint', 'touchpoint-partners'], requireToken: true },
      contracts: ['marketplace'],
      persistedOperations: { MARKETPLACE: ['a.json', 'b.json'] },
      rateLimit: { limit: 120, windowMs: 60_000, redisUrl: 'redis://cache:6379', trustProxy: false },
      limits: { costBudget: 0 },
    });
    const described = JSON.stringify(describeSecurity(settings));
    expect(described).not.toContain('s3cret');
    expect(described).not.toContain('redis://');
  });

  it('refuses settings it cannot honour', () => {
    expect(() => securitySettingsFromEnv({ AUTH_REQUIRED: 'true' }, defaults)).toThrow('AUTH_REQUIRED needs AUTH_JWT_SECRET or AUTH_JWKS_URL');
    expect(() => securitySettingsFromEnv({ RATE_LIMIT_MAX: 'lots' }, defaults)).toThrow('RATE_LIMIT_MAX must be a whole number');
  });
});
