// A subgraph that is down, hangs or answers garbage costs only its own fields: the gateway
// answers the rest, names the failing subgraph, says so in /readyz, and keeps serving.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startGateway, type GatewayService } from '../../gateway/service';
import { postGraphQL } from './support/gateway-client';
import { startFixtureSubgraph, startFixtureWorld, type FixtureWorld } from './support/fixture-subgraphs';

const post = (service: GatewayService, body: Parameters<typeof postGraphQL>[2]) => postGraphQL(fetch, service.endpoint, body);

async function startRawServer(handler: Parameters<typeof createServer>[1]): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  return {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

describe('one subgraph stopped', () => {
  let world: FixtureWorld;
  let gateway: GatewayService;

  beforeAll(async () => {
    world = await startFixtureWorld();
    gateway = await startGateway({ supergraphSdl: world.supergraphSdl, readinessCacheMs: 0 });
  });
  afterAll(async () => {
    await gateway?.close();
    await world?.close();
  });

  it('answers the other fields, names the stopped subgraph, keeps serving, and recovers when it returns', async () => {
    const ready = await fetch(`${gateway.url}/readyz`);
    expect(ready.status).toBe(200);

    const port = Number(new URL(world.accounts.url).port);
    await world.accounts.close();

    const { status, body } = await post(gateway, { query: '{ topProducts { name reviews { body author { name } } } user(id: "u1") { name } }' });
    expect(status).toBe(200);
    expect(body.data).toEqual({
      topProducts: [
        { name: 'Keyboard', reviews: [{ body: 'Great keys', author: null }] },
        { name: 'Mouse', reviews: [{ body: 'Squeaks', author: null }, { body: 'Fine', author: null }] },
      ],
      user: null,
    });
    expect(body.errors?.length).toBeGreaterThan(0);
    for (const error of body.errors ?? []) {
      expect(error.message).toBe('Subgraph "accounts" is unavailable (connection refused)');
      expect(error.extensions).toEqual({ code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'accounts' });
    }

    const notReady = await fetch(`${gateway.url}/readyz`);
    expect(notReady.status).toBe(503);
    expect(await notReady.json()).toMatchObject({ status: 'unavailable', failing: ['accounts'], subgraphs: { accounts: 'connection refused', products: 'ok', reviews: 'ok' } });
    expect((await fetch(`${gateway.url}/healthz`)).status).toBe(200);

    // Still serving: a query that needs only the live subgraphs is whole.
    const other = await post(gateway, { query: '{ reviews { body product { name } } }' });
    expect(other.body.errors).toBeUndefined();
    expect(other.body.data?.reviews).toHaveLength(3);

    // The subgraph comes back at its address: the very next query is whole again.
    const revived = await startFixtureSubgraph('accounts', port);
    world.accounts = revived;
    const again = await post(gateway, { query: '{ user(id: "u1") { name } }' });
    expect(again.body).toEqual({ data: { user: { name: 'Ada' } } });
    expect((await fetch(`${gateway.url}/readyz`)).status).toBe(200);
  });
});

describe('subgraphs that fail in other ways', () => {
  let world: FixtureWorld;
  const servers: Array<{ close(): Promise<void> }> = [];

  beforeAll(async () => {
    world = await startFixtureWorld();
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.close()));
    await world?.close();
  });

  it('gives up on a subgraph that hangs after the timeout, answering the rest', async () => {
    const hanging = await startRawServer(() => undefined); // accepts, never answers
    servers.push(hanging);
    const gateway = await startGateway({ supergraphSdl: world.supergraphSdl, subgraphUrls: { accounts: hanging.url }, subgraphTimeoutMs: 300 });
    try {
      const started = Date.now();
      const { body } = await post(gateway, { query: '{ user(id: "u1") { name } topProducts { name } }' });
      expect(Date.now() - started).toBeLessThan(5000);
      expect(body.data).toEqual({ user: null, topProducts: [{ name: 'Keyboard' }, { name: 'Mouse' }] });
      expect(body.errors).toEqual([expect.objectContaining({ message: 'Subgraph "accounts" is unavailable (timed out)', extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'accounts' } })]);
    } finally {
      await gateway.close();
    }
  });

  it('reports a subgraph answering HTTP 500 with an HTML page as a downstream error, without its body', async () => {
    const broken = await startRawServer((_req, res) => {
      res.writeHead(500, { 'content-type': 'text/html' });
      res.end('<h1>Internal error at /srv/app/db.js:12</h1>');
    });
    servers.push(broken);
    const gateway = await startGateway({ supergraphSdl: world.supergraphSdl, subgraphUrls: { products: broken.url } });
    try {
      const { status, body } = await post(gateway, { query: '{ product(upc: "p1") { name } reviews { body } }' });
      expect(status).toBe(200);
      expect(body.data).toEqual({ product: null, reviews: [{ body: 'Great keys' }, { body: 'Squeaks' }, { body: 'Fine' }] });
      expect(body.errors).toEqual([expect.objectContaining({ message: 'Subgraph "products" failed (answered HTTP 500)', extensions: { code: 'DOWNSTREAM_SERVICE_ERROR', serviceName: 'products' } })]);
      expect(JSON.stringify(body)).not.toContain('/srv/app');
    } finally {
      await gateway.close();
    }
  });

  it('reports a subgraph behind a proxy answering 503 as unavailable', async () => {
    const proxy = await startRawServer((_req, res) => {
      res.writeHead(503, { 'content-type': 'text/plain' });
      res.end('upstream connect error');
    });
    servers.push(proxy);
    const gateway = await startGateway({ supergraphSdl: world.supergraphSdl, subgraphUrls: { reviews: proxy.url }, readinessCacheMs: 0 });
    try {
      const { body } = await post(gateway, { query: '{ reviews { body } user(id: "u2") { name } }' });
      expect(body.data).toEqual({ reviews: null, user: { name: 'Grace' } });
      expect(body.errors?.[0]).toMatchObject({ message: 'Subgraph "reviews" is unavailable (answered HTTP 503)', extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'reviews' } });
      const ready = await fetch(`${gateway.url}/readyz`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toMatchObject({ failing: ['reviews'], subgraphs: { reviews: 'answered HTTP 503' } });
    } finally {
      await gateway.close();
    }
  });
});
