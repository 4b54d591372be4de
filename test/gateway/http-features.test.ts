// What operators and browser clients see around the GraphQL endpoint: health and readiness, CORS,
// introspection switch, GraphiQL served from the gateway itself, and subgraph URL overrides.
import { GraphQLError } from 'graphql';
import pino from 'pino';
import { createGateway, type Gateway, type GatewayOptions } from '../../gateway/create-gateway';
import { executors } from '../../gateway/execution/executors';
import type { ExecutorFactory } from '../../gateway/execution/operation-executor';
import { postGraphQL } from './support/gateway-client';
import { composeSupergraph, startFixtureWorld, type FixtureWorld } from './support/fixture-subgraphs';

let world: FixtureWorld;
const gateways: Gateway[] = [];

async function gatewayWith(options: Partial<GatewayOptions> = {}): Promise<Gateway> {
  const gateway = await createGateway({ supergraphSdl: world.supergraphSdl, ...options });
  gateways.push(gateway);
  return gateway;
}

const fetchFrom = (gateway: Gateway) => (input: string, init?: RequestInit) => Promise.resolve(gateway.yoga.fetch(input, init ?? {}));
const query = (gateway: Gateway, q: string, headers?: Record<string, string>) => postGraphQL(fetchFrom(gateway), 'http://gateway/graphql', { query: q }, headers);

beforeAll(async () => {
  world = await startFixtureWorld();
});
afterAll(async () => {
  await Promise.all(gateways.map((g) => g.close()));
  await world?.close();
});

describe('health', () => {
  it('answers liveness at /healthz and readiness at /readyz once every subgraph answers', async () => {
    const gateway = await gatewayWith();
    const live = await gateway.yoga.fetch('http://gateway/healthz');
    expect(live.status).toBe(200);
    expect(await live.json()).toEqual({ status: 'ok' });
    const ready = await gateway.yoga.fetch('http://gateway/readyz');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', subgraphs: { accounts: 'ok', products: 'ok', reviews: 'ok' } });
  });

  it('caches the readiness probe for a few seconds instead of probing the subgraphs on every check', async () => {
    const gateway = await gatewayWith({ readinessCacheMs: 60_000 });
    await gateway.yoga.fetch('http://gateway/readyz');
    const before = world.requestCount();
    for (let i = 0; i < 5; i++) expect((await gateway.yoga.fetch('http://gateway/readyz')).status).toBe(200);
    expect(world.requestCount()).toBe(before);
  });
});

describe('CORS', () => {
  let gateway: Gateway;
  beforeAll(async () => {
    gateway = await gatewayWith({ cors: ['https://shop.example.com', 'https://desk.example.com'] });
  });

  it('lets an allowed origin call the gateway and read the request id', async () => {
    const { headers, body } = await query(gateway, '{ topProducts { name } }', { origin: 'https://desk.example.com' });
    expect(body.errors).toBeUndefined();
    expect(headers.get('access-control-allow-origin')).toBe('https://desk.example.com');
    expect(headers.get('access-control-expose-headers')).toContain('x-request-id');
  });

  it('answers the preflight of an allowed origin', async () => {
    const response = await gateway.yoga.fetch('http://gateway/graphql', {
      method: 'OPTIONS',
      headers: { origin: 'https://shop.example.com', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, authorization' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('https://shop.example.com');
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
    expect(response.headers.get('access-control-allow-headers')).toContain('authorization');
  });

  it('gives any other origin no CORS headers, so browsers refuse it', async () => {
    const { headers } = await query(gateway, '{ topProducts { name } }', { origin: 'https://evil.example.net' });
    expect(headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await gateway.yoga.fetch('http://gateway/graphql', {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example.net', 'access-control-request-method': 'POST' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('allows no cross-origin access by default', async () => {
    const closed = await gatewayWith();
    const { headers } = await query(closed, '{ topProducts { name } }', { origin: 'https://shop.example.com' });
    expect(headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('introspection', () => {
  it('is refused when turned off, while __typename still works', async () => {
    const gateway = await gatewayWith({ introspection: false });
    const refused = await query(gateway, '{ __schema { types { name } } }');
    expect(refused.status).toBe(400);
    expect(refused.body.errors?.[0].message).toMatch(/introspection has been disabled/);
    const byType = await query(gateway, '{ __type(name: "Product") { name } }');
    expect(byType.status).toBe(400);
    const typename = await query(gateway, '{ __typename topProducts { __typename name } }');
    expect(typename.body.errors).toBeUndefined();
  });

  it('works by default and shows the API schema without federation internals', async () => {
    const gateway = await gatewayWith();
    const { body } = await query(gateway, '{ __schema { queryType { fields { name } } types { name } } }');
    const schema = (body.data as { __schema: { queryType: { fields: { name: string }[] }; types: { name: string }[] } }).__schema;
    expect(schema.queryType.fields.map((f) => f.name).sort()).toEqual(['crashingReviews', 'failingReviews', 'product', 'reviews', 'topProducts', 'user', 'users']);
    expect(schema.types.map((t) => t.name)).not.toContain('join__Graph');
    expect(schema.types.map((t) => t.name)).not.toContain('_Entity');
  });
});

describe('GraphiQL', () => {
  it('serves its page at /graphql to browsers, with every asset from the gateway itself', async () => {
    const gateway = await gatewayWith();
    const page = await gateway.yoga.fetch('http://gateway/graphql', { headers: { accept: 'text/html,application/xhtml+xml' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await page.text();
    expect(html).not.toMatch(/https?:\/\//);
    const assets = [...html.matchAll(/(?:src|href)="(\/graphiql\/assets\/[^"]+)"/g)].map((m) => m[1]);
    expect(assets).toEqual(
      expect.arrayContaining([
        '/graphiql/assets/graphiql@3.9.0/graphiql.min.js',
        '/graphiql/assets/graphiql@3.9.0/graphiql.min.css',
        expect.stringMatching(/^\/graphiql\/assets\/react@18\.[\d.]+\/react\.production\.min\.js$/),
        expect.stringMatching(/^\/graphiql\/assets\/react-dom@18\.[\d.]+\/react-dom\.production\.min\.js$/),
      ]),
    );
    for (const asset of assets) {
      const response = await gateway.yoga.fetch(`http://gateway${asset}`);
      expect(response.status).toBe(200);
      expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(100);
      if (asset.includes('@')) expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    }
    expect((await gateway.yoga.fetch('http://gateway/graphiql/assets/../../package.json')).status).toBe(404);
  });

  it('is not served when turned off; the endpoint still answers GraphQL', async () => {
    const gateway = await gatewayWith({ graphiql: false });
    const page = await gateway.yoga.fetch('http://gateway/graphql', { headers: { accept: 'text/html' } });
    expect(page.headers.get('content-type') ?? '').not.toContain('text/html');
    expect((await gateway.yoga.fetch('http://gateway/graphiql/assets/graphiql@3.9.0/graphiql.min.js')).status).toBe(404);
    const { body } = await query(gateway, '{ topProducts { name } }');
    expect(body.errors).toBeUndefined();
  });
});

describe('subgraph URLs', () => {
  it('reaches a subgraph at its override instead of the routing URL in the supergraph', async () => {
    // A supergraph whose routing URLs lead nowhere, as one composed for another environment would.
    const elsewhere = composeSupergraph(
      [world.accounts, world.products, world.reviews].map((s) => ({ name: s.name, url: `http://${s.name}.internal.invalid:4000/graphql`, typeDefs: s.typeDefs })),
    );
    const gateway = await gatewayWith({
      supergraphSdl: elsewhere,
      subgraphUrls: { accounts: world.accounts.endpoint, PRODUCTS: world.products.endpoint, reviews: world.reviews.endpoint },
    });
    expect(gateway.subgraphs).toEqual([
      { name: 'accounts', url: world.accounts.endpoint },
      { name: 'products', url: world.products.endpoint },
      { name: 'reviews', url: world.reviews.endpoint },
    ]);
    const before = world.products.requests.length;
    const { body } = await query(gateway, '{ topProducts { name reviews { author { name } } } }');
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({ topProducts: [{ name: 'Keyboard', reviews: [{ author: { name: 'Ada' } }] }, { name: 'Mouse', reviews: [{ author: { name: 'Grace' } }, { author: { name: 'Ada' } }] }] });
    expect(world.products.requests.length).toBe(before + 1);
  });

  it('refuses to start with an override naming no subgraph', async () => {
    await expect(createGateway({ supergraphSdl: world.supergraphSdl, subgraphUrls: { acounts: 'http://127.0.0.1:1/graphql' } })).rejects.toThrow(
      'URL override for unknown subgraph "acounts"; the supergraph has "accounts", "products", "reviews"',
    );
  });
});

describe('executors', () => {
  it.each(Object.keys(executors))('serves the same federated answer with the %s executor', async (name) => {
    const gateway = await gatewayWith({ executor: executors[name] });
    const { body } = await query(gateway, '{ reviews { body author { name } product { name price } } }');
    expect(body).toEqual({
      data: {
        reviews: [
          { body: 'Great keys', author: { name: 'Ada' }, product: { name: 'Keyboard', price: 49.5 } },
          { body: 'Squeaks', author: { name: 'Grace' }, product: { name: 'Mouse', price: 19 } },
          { body: 'Fine', author: { name: 'Ada' }, product: { name: 'Mouse', price: 19 } },
        ],
      },
    });
  });

  it('masks what an executor did not mean clients to see, and logs it with the request id', async () => {
    const logged: string[] = [];
    const log = pino({ level: 'error' }, { write: (line: string) => logged.push(line) });
    const failing: ExecutorFactory = async (config) => {
      const real = await executors.apollo(config);
      return {
        schema: real.schema,
        close: () => real.close(),
        execute: async (request) => {
          if (request.operationName === 'Throws') throw new Error('pool exhausted at /srv/touchpoint/db.ts:42');
          return { data: { user: null }, errors: [new GraphQLError('wrapped', { path: ['user'], originalError: new Error('secret token abc') })] };
        },
      };
    };
    const gateway = await gatewayWith({ executor: failing, log });
    const thrown = await query(gateway, 'query Throws { topProducts { name } }', { 'x-request-id': 'mask-1' });
    expect(thrown.body).toEqual({ errors: [{ message: 'Unexpected error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
    const wrapped = await query(gateway, 'query Wraps { user(id: "u1") { name } }', { 'x-request-id': 'mask-2' });
    expect(wrapped.body).toEqual({ data: { user: null }, errors: [{ message: 'Unexpected error.', path: ['user'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
    const entries = logged.map((line) => JSON.parse(line) as { requestId?: string; err?: { message?: string } });
    expect(entries).toEqual([
      expect.objectContaining({ requestId: 'mask-1', err: expect.objectContaining({ message: 'pool exhausted at /srv/touchpoint/db.ts:42' }) }),
      expect.objectContaining({ requestId: 'mask-2', err: expect.objectContaining({ message: 'secret token abc' }) }),
    ]);
  });

  it('refuses subscriptions with a clear error when the executor cannot run them', async () => {
    const subgraphs = [world.accounts, world.products, world.reviews].map((s) => ({ name: s.name, url: s.endpoint, typeDefs: s.typeDefs }));
    const withSubscription = composeSupergraph([
      ...subgraphs,
      { name: 'live', url: world.accounts.endpoint, typeDefs: 'type Query { ping: String } type Subscription { ticks: Int! }' },
    ]);
    const gateway = await gatewayWith({ supergraphSdl: withSubscription, executor: executors.apollo });
    const { body } = await query(gateway, 'subscription { ticks }');
    expect(body.errors).toEqual([expect.objectContaining({ message: 'Subscriptions are not supported by this gateway executor', extensions: { code: 'OPERATION_NOT_SUPPORTED' } })]);
  });
});
