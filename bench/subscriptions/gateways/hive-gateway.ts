// Hive Gateway's runtime on node:http with graphql-ws on /graphql, as its CLI serves it, and
// subscriptions to the subgraphs over WebSocket (graphql-ws). Everything else at its defaults.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGatewayRuntime, getGraphQLWSOptions } from '@graphql-hive/gateway';
import { normalizeNodeRequest } from '@whatwg-node/server';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer, type WebSocket } from 'ws';
import { announceReady, onStop, supergraphArg } from './gateway-args';

async function main(): Promise<void> {
  const gateway = createGatewayRuntime({
    supergraph: supergraphArg(),
    logging: (process.env.BENCH_GATEWAY_LOG as 'debug' | undefined) ?? false,
    transportEntries: { '*.http': { options: { subscriptions: { kind: 'ws' } } } },
  });
  const server = createServer(gateway);
  const sockets = new WebSocketServer({ server, path: gateway.graphqlEndpoint });
  const ws = useServer(
    getGraphQLWSOptions<Record<string, unknown>, { request: IncomingMessage; socket: WebSocket }>(gateway, (ctx) => ({
      req: ctx.extra.request,
      socket: ctx.extra.socket,
      request: normalizeNodeRequest(ctx.extra.request, gateway.fetchAPI),
    })),
    sockets,
  );
  // The runtime loads the supergraph on its first request; a WebSocket operation before that finds no schema.
  await gateway.fetch('http://localhost/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  onStop(async () => {
    await ws.dispose();
    server.close();
    await gateway.dispose();
  });
  announceReady(`http://127.0.0.1:${(server.address() as AddressInfo).port}${gateway.graphqlEndpoint}`);
}

void main();
