import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGatewayRuntime } from '@graphql-hive/gateway';
import { announceReady, gatewayArgs, onStop } from './gateway-args';

// Hive Gateway in one process (its runtime served by node:http: no CLI, so no forks). Its HTTP
// transport shares in-flight identical subgraph requests between client requests by default;
// that is turned off, as the benchmark's rules ask of every gateway.
async function main(): Promise<void> {
  const { supergraphSdl, port } = gatewayArgs();
  const gateway = createGatewayRuntime({
    supergraph: supergraphSdl,
    logging: false,
    transportEntries: { '*.http': { options: { deduplicateInflightRequests: false } } },
  });
  const server = createServer(gateway);
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  onStop(async () => {
    server.close();
    await gateway.dispose();
  });
  announceReady(`http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`);
}

void main();
