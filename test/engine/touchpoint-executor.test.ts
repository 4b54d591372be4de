import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse } from 'graphql';
import { silentLogger } from '../../lib/logger';
import { createTouchpointExecutor } from '../../gateway/engine/create-touchpoint-executor';
import { startRig, type ConformanceRig } from './support/conformance-harness';
import { shopSubgraphs } from './corpus/shop';

describe("Touchpoint's executor", () => {
  let rig: ConformanceRig;
  beforeAll(async () => {
    rig = await startRig(shopSubgraphs);
  });
  afterAll(async () => {
    await rig?.stop();
  });

  const received = (name: string) => rig.subgraphs.get(name)!.received;
  const request = (query: string, extra: { variables?: Record<string, unknown>; operationName?: string } = {}) => ({
    document: parse(query),
    variables: extra.variables ?? {},
    operationName: extra.operationName,
    forwardHeaders: {},
    requestId: 'test',
    log: silentLogger,
  });

  test('plans an operation once, whether its document is re-sent or re-parsed, per operation name', async () => {
    const text = `query A { me { name } } query B { users { id } }`;
    const before = rig.touchpoint.planCacheStats().plans;
    const document = parse(text);
    await rig.touchpoint.execute({ ...request(text, { operationName: 'A' }), document });
    await rig.touchpoint.execute({ ...request(text, { operationName: 'A' }), document });
    await rig.touchpoint.execute(request(text, { operationName: 'A' }));
    expect(rig.touchpoint.planCacheStats().plans - before).toBe(1);
    const b = await rig.touchpoint.execute(request(text, { operationName: 'B' }));
    expect(b.data).toEqual({ users: [{ id: 'u1' }, { id: 'u2' }, { id: 'u3' }, { id: 'u4' }] });
    expect(rig.touchpoint.planCacheStats().plans - before).toBe(2);
  });

  test('sends each subgraph only the variables its fetch uses', async () => {
    const marks = { products: received('products').length, reviews: received('reviews').length, inventory: received('inventory').length };
    const result = await rig.touchpoint.execute(
      request(`query($first: Int, $limit: Int) { topProducts(first: $first) { upc inStock } recentReviews(limit: $limit) { id } }`, {
        variables: { first: 2, limit: 1 },
      }),
    );
    expect(result.errors).toBeUndefined();
    expect(received('products').slice(marks.products).map((c) => c.variables)).toEqual([{ first: 2 }]);
    expect(received('reviews').slice(marks.reviews).map((c) => c.variables)).toEqual([{ limit: 1 }]);
    const inventoryCalls = received('inventory').slice(marks.inventory);
    expect(inventoryCalls.map((c) => Object.keys(c.variables))).toEqual([['representations']]);
  });

  test('forwards the request headers to every subgraph it calls', async () => {
    const marks = Object.fromEntries([...rig.subgraphs.keys()].map((name) => [name, received(name).length]));
    await rig.touchpoint.execute({
      ...request(`{ topProducts(first: 1) { name inStock reviews { author { name } } } }`),
      forwardHeaders: { 'x-request-id': 'req-42', authorization: 'Bearer abc' },
    });
    for (const name of ['products', 'inventory', 'reviews', 'accounts']) {
      const calls = received(name).slice(marks[name]);
      expect(calls.length).toBeGreaterThan(0);
      for (const call of calls) expect(call.headers).toMatchObject({ 'x-request-id': 'req-42', authorization: 'Bearer abc' });
    }
  });

  test('sends an entity shared by several parents once per fetch', async () => {
    const mark = received('inventory').length;
    // Seven reviews over five products (p1 three times).
    const result = await rig.touchpoint.execute(request(`{ recentReviews { product { upc inStock } } }`));
    expect(result.errors).toBeUndefined();
    const calls = received('inventory').slice(mark);
    expect(calls).toHaveLength(1);
    expect((calls[0].variables.representations as unknown[]).length).toBe(5);
    const upcs = (result.data!.recentReviews as Array<{ product: { upc: string; inStock: boolean } }>).map((r) => r.product.upc);
    expect(upcs).toEqual(['p1', 'p5', 'p4', 'p1', 'p3', 'p2', 'p1']);
  });

  test('plans progressive @override by the labels active for the request', async () => {
    const query = `{ topProducts(first: 2) { upc popularity } }`;
    const without = await rig.viaTouchpoint({ name: 'without', query });
    const withLabel = await rig.viaTouchpoint({ name: 'with', query }, { overrideLabels: new Set(['reviews-popularity']) });
    expect(without.data).toEqual({ topProducts: [{ upc: 'p1', popularity: 0 }, { upc: 'p2', popularity: 0 }] });
    expect(withLabel.data).toEqual({ topProducts: [{ upc: 'p1', popularity: 9 }, { upc: 'p2', popularity: 2 }] });
  });

  test('answers aliases that are names of Object.prototype as plain fields', async () => {
    const result = await rig.viaTouchpoint({
      name: 'prototype names',
      query: `{ __proto__: product(upc: "p1") { constructor: name toString: inStock __proto__: upc } hasOwnProperty: __typename }`,
    });
    // Compared as JSON text: in an object literal `__proto__:` would set a prototype, not a field.
    expect(JSON.stringify(result.data)).toBe('{"__proto__":{"constructor":"Table","toString":true,"__proto__":"p1"},"hasOwnProperty":"Query"}');
  });

  test('refuses variables of the wrong type with a clear error and calls no subgraph', async () => {
    const mark = received('products').length;
    const result = await rig.touchpoint.execute(request(`query($first: Int) { topProducts(first: $first) { upc } }`, { variables: { first: 'ten' } }));
    expect(result.data).toBeUndefined();
    expect(result.errors?.[0].message).toMatch(/Variable "\$first" got invalid value "ten"; Int cannot represent non-integer value/);
    expect(received('products').length).toBe(mark);
  });

  test('a subgraph answering without a GraphQL response yields an error naming it and partial data', async () => {
    const broken = createServer((_req, res) => {
      res.writeHead(502, { 'content-type': 'text/plain' });
      res.end('Bad gateway');
    });
    await new Promise<void>((resolve) => broken.listen(0, '127.0.0.1', resolve));
    const executor = createTouchpointExecutor({
      supergraphSdl: rig.supergraphSdl,
      subgraphUrls: { inventory: `http://127.0.0.1:${(broken.address() as AddressInfo).port}/graphql` },
    });
    try {
      const result = await executor.execute(request(`{ product(upc: "p1") { name stockWarning } }`));
      expect(result.data).toEqual({ product: { name: 'Table', stockWarning: null } });
      expect(result.errors?.map((e) => ({ message: e.message, extensions: e.extensions }))).toEqual([
        { message: 'Subgraph "inventory" answered HTTP 502 without a GraphQL response', extensions: { code: 'SUBREQUEST_HTTP_ERROR', serviceName: 'inventory' } },
      ]);
    } finally {
      await executor.close();
      broken.closeAllConnections();
      await new Promise<void>((resolve) => broken.close(() => resolve()));
    }
  });
});
