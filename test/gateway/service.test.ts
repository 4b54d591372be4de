// startGateway serves over HTTP and stops without cutting a request that is already running.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startGateway } from '../../gateway/service';
import { postGraphQL } from './support/gateway-client';
import { startFixtureWorld, type FixtureWorld } from './support/fixture-subgraphs';

let world: FixtureWorld;
beforeAll(async () => {
  world = await startFixtureWorld();
});
afterAll(async () => {
  await world?.close();
});

it('lets an in-flight query finish on close, then accepts no more connections', async () => {
  // A products subgraph that takes 400 ms to answer.
  const slow = createServer((_req, res) => {
    setTimeout(() => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ data: { topProducts: [{ name: 'Slow keyboard' }] } }));
    }, 400);
  });
  await new Promise<void>((resolve) => slow.listen(0, '127.0.0.1', () => resolve()));
  const slowUrl = `http://127.0.0.1:${(slow.address() as AddressInfo).port}/graphql`;
  const gateway = await startGateway({ supergraphSdl: world.supergraphSdl, subgraphUrls: { products: slowUrl } });
  try {
    const inFlight = postGraphQL(fetch, gateway.endpoint, { query: '{ topProducts { name } }' });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const closed = gateway.close();
    const answer = await inFlight;
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ data: { topProducts: [{ name: 'Slow keyboard' }] } });
    await closed;
    await expect(fetch(`${gateway.url}/healthz`)).rejects.toThrow();
  } finally {
    await gateway.close();
    await new Promise<void>((resolve) => {
      slow.close(() => resolve());
      slow.closeAllConnections();
    });
  }
});
