// The gateway over a supergraph composed from the test's own subgraphs: federated joins, the
// request id, header forwarding, and every way a bad operation is refused before anything runs.
import { Writable } from 'node:stream';
import pino from 'pino';
import { createGateway, type Gateway } from '../../gateway/create-gateway';
import { postGraphQL } from './support/gateway-client';
import { startFixtureWorld, type FixtureWorld } from './support/fixture-subgraphs';

let world: FixtureWorld;
let gateway: Gateway;
const logLines: Array<Record<string, unknown>> = [];
const rawLog: string[] = [];

const query = (body: Parameters<typeof postGraphQL>[2], headers?: Record<string, string>) =>
  postGraphQL((input, init) => Promise.resolve(gateway.yoga.fetch(input, init ?? {})), 'http://gateway/graphql', body, headers);

beforeAll(async () => {
  world = await startFixtureWorld();
  const sink = new Writable({
    write(chunk, _encoding, done) {
      rawLog.push(String(chunk));
      logLines.push(JSON.parse(String(chunk)) as Record<string, unknown>);
      done();
    },
  });
  gateway = await createGateway({ supergraphSdl: world.supergraphSdl, log: pino({ level: 'info' }, sink) });
});

afterAll(async () => {
  await gateway?.close();
  await world?.close();
});

const TOP_PRODUCTS = /* GraphQL */ `
  query TopProducts($first: Int) {
    topProducts(first: $first) { upc name price reviews { body author { name } } }
  }
`;

describe('federated queries', () => {
  it('joins fields from three subgraphs in one answer', async () => {
    const { status, body } = await query({ query: TOP_PRODUCTS, variables: { first: 2 } });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({
      topProducts: [
        { upc: 'p1', name: 'Keyboard', price: 49.5, reviews: [{ body: 'Great keys', author: { name: 'Ada' } }] },
        {
          upc: 'p2',
          name: 'Mouse',
          price: 19,
          reviews: [
            { body: 'Squeaks', author: { name: 'Grace' } },
            { body: 'Fine', author: { name: 'Ada' } },
          ],
        },
      ],
    });
  });

  it('forwards the caller x-request-id to every subgraph and returns it', async () => {
    const before = { accounts: world.accounts.requests.length, products: world.products.requests.length, reviews: world.reviews.requests.length };
    const { headers, body } = await query({ query: TOP_PRODUCTS }, { 'x-request-id': 'order-desk-42' });
    expect(body.errors).toBeUndefined();
    expect(headers.get('x-request-id')).toBe('order-desk-42');
    for (const name of ['accounts', 'products', 'reviews'] as const) {
      const received = world[name].requests.slice(before[name]);
      expect(received.length).toBeGreaterThan(0);
      expect(received.every((r) => r.requestId === 'order-desk-42')).toBe(true);
    }
  });

  it('makes a request id when the caller sends none (or an unusable one) and uses it everywhere', async () => {
    for (const sent of [undefined, 'has spaces and ; semicolons']) {
      const before = world.products.requests.length;
      const { headers } = await query({ query: '{ topProducts { name } }' }, sent ? { 'x-request-id': sent } : {});
      const id = headers.get('x-request-id');
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      expect(world.products.requests.slice(before).map((r) => r.requestId)).toEqual([id]);
    }
  });

  it('forwards authorization to the subgraphs but not other headers such as cookies', async () => {
    const before = world.accounts.requests.length;
    await query({ query: '{ user(id: "u1") { name } }' }, { authorization: 'Bearer desk-token', cookie: 'session=abc' });
    const [received] = world.accounts.requests.slice(before);
    expect(received.authorization).toBe('Bearer desk-token');
    expect(received.cookie).toBeNull();
  });

  it("passes a subgraph's own error on with its code and the subgraph's name", async () => {
    const { status, body } = await query({ query: '{ failingReviews { body } topProducts { name } }' });
    expect(status).toBe(200);
    expect(body.data).toEqual({ failingReviews: null, topProducts: [{ name: 'Keyboard' }, { name: 'Mouse' }] });
    expect(body.errors).toEqual([
      expect.objectContaining({
        message: expect.stringContaining('reviews'),
        path: ['failingReviews'],
        extensions: expect.objectContaining({ code: 'UPSTREAM_UNAVAILABLE', serviceName: 'reviews' }),
      }),
    ]);
    expect(body.errors?.[0].message).toContain('the review store is down');
  });

  it('never shows a subgraph bug to clients', async () => {
    const { body } = await query({ query: '{ crashingReviews { body } }' });
    expect(body.data).toEqual({ crashingReviews: null });
    expect(body.errors).toHaveLength(1);
    expect(body.errors?.[0].extensions).toMatchObject({ serviceName: 'reviews' });
    expect(body.errors?.[0].message).toContain('reviews');
    expect(JSON.stringify(body)).not.toMatch(/hunter2|mysql:|stack/);
  });

  it('logs one line per operation with the request id, name, duration and error count, never variables or credentials', async () => {
    logLines.length = 0;
    rawLog.length = 0;
    await query({ query: 'query ProductByUpc($upc: ID!) { product(upc: $upc) { name } }', variables: { upc: 'secret-upc-77' } }, {
      authorization: 'Bearer very-secret-token',
      'x-request-id': 'log-check-1',
    });
    const operations = logLines.filter((l) => l.msg === 'graphql operation');
    expect(operations).toHaveLength(1);
    expect(operations[0]).toMatchObject({ requestId: 'log-check-1', operationName: 'ProductByUpc', operationType: 'query', status: 200, errorCount: 0 });
    expect(typeof operations[0].durationMs).toBe('number');
    const everything = rawLog.join('');
    expect(everything).not.toContain('secret-upc-77');
    expect(everything).not.toContain('very-secret-token');
  });
});

describe('operations refused before anything runs', () => {
  it('answers a malformed query with a syntax error and HTTP 400', async () => {
    const before = world.requestCount();
    const { status, body } = await query({ query: '{ topProducts { name }' });
    expect(status).toBe(400);
    expect(body.data).toBeUndefined();
    expect(body.errors).toEqual([expect.objectContaining({ message: expect.stringMatching(/^Syntax Error/), extensions: expect.objectContaining({ code: 'GRAPHQL_PARSE_FAILED' }) })]);
    expect(world.requestCount()).toBe(before);
  });

  it('answers an unknown field with a validation error and HTTP 400', async () => {
    const before = world.requestCount();
    const { status, body } = await query({ query: '{ topProducts { name colour } }' });
    expect(status).toBe(400);
    expect(body.errors?.[0].message).toBe('Cannot query field "colour" on type "Product".');
    expect(world.requestCount()).toBe(before);
  });

  it('answers variables of the wrong type with a clear error and HTTP 400', async () => {
    const before = world.requestCount();
    const wrongInt = await query({ query: TOP_PRODUCTS, variables: { first: 'three' } });
    expect(wrongInt.status).toBe(400);
    expect(wrongInt.body.errors).toEqual([
      expect.objectContaining({ message: 'Variable "$first" got invalid value "three"; Int cannot represent non-integer value: "three"', extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) }),
    ]);
    const missing = await query({ query: 'query ($upc: ID!) { product(upc: $upc) { name } }', variables: {} });
    expect(missing.status).toBe(400);
    expect(missing.body.errors?.[0].message).toBe('Variable "$upc" of required type "ID!" was not provided.');
    const wrongShape = await query({ query: 'query ($upc: ID!) { product(upc: $upc) { name } }', variables: { upc: { id: 'p1' } } });
    expect(wrongShape.status).toBe(400);
    expect(wrongShape.body.errors?.[0].message).toMatch(/^Variable "\$upc" got invalid value/);
    expect(world.requestCount()).toBe(before);
  });

  it('refuses an operation nested deeper than the limit (15 by default), fragments included', async () => {
    const nest = (levels: number): string => (levels === 0 ? 'name' : `reviews { product { ${nest(levels - 1)} } }`);
    // topProducts (1) + 2 per level + name (1): 7 levels = 16 fields deep.
    const before = world.requestCount();
    const tooDeep = await query({ query: `query Deep { topProducts { ${nest(7)} } }` });
    expect(tooDeep.status).toBe(400);
    expect(tooDeep.body.errors).toEqual([
      expect.objectContaining({
        message: 'Operation "Deep" is nested 16 levels deep; the gateway allows at most 15',
        extensions: expect.objectContaining({ code: 'DEPTH_LIMIT_EXCEEDED' }),
      }),
    ]);
    const viaFragments = await query({
      query: `query { topProducts { ...A } } fragment A on Product { reviews { product { ...B } } } fragment B on Product { ${nest(6)} }`,
    });
    expect(viaFragments.status).toBe(400);
    expect(viaFragments.body.errors?.[0].message).toContain('nested 16 levels deep');
    expect(world.requestCount()).toBe(before);

    const atLimit = await query({ query: `{ topProducts { ${nest(6)} price } }` }); // 14 deep: runs
    expect(atLimit.status).toBe(200);
    expect(atLimit.body.errors).toBeUndefined();
  });

  it('refuses a document with more tokens than the limit', async () => {
    const before = world.requestCount();
    const aliases = Array.from({ length: 2000 }, (_, i) => `a${i}: __typename`).join(' ');
    const { status, body } = await query({ query: `{ ${aliases} }` });
    expect(status).toBe(400);
    expect(body.errors?.[0].message).toBe('Syntax Error: the document has more than 5000 tokens, the most the gateway parses.');
    expect(world.requestCount()).toBe(before);
  });
});
