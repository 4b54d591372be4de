// Touchpoint's gateway server as it ships (gateway/service.ts: yoga plugins, graphql-ws at /graphql,
// Touchpoint's engine), with its default subscription settings except a per-connection limit high
// enough for the benchmark's multiplexed client sockets.
import { silentLogger } from '../../../lib/logger';
import { startGateway } from '../../../gateway/service';
import { announceReady, onStop, supergraphArg } from './gateway-args';

async function main(): Promise<void> {
  const service = await startGateway({
    supergraphSdl: supergraphArg(),
    log: silentLogger,
    graphiql: false,
    port: 0,
    subscriptions: { maxPerConnection: 1000 },
  });
  onStop(() => service.close());
  announceReady(service.endpoint);
}

void main();
