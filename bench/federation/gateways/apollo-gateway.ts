import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { ApolloGateway } from '@apollo/gateway';
import { announceReady, gatewayArgs, onStop } from './gateway-args';

// Plain @apollo/gateway served by @apollo/server, as their documentation shows.
async function main(): Promise<void> {
  const { supergraphSdl, port } = gatewayArgs();
  const gateway = new ApolloGateway({ supergraphSdl });
  const server = new ApolloServer({ gateway });
  const { url } = await startStandaloneServer(server, { listen: { port, host: '127.0.0.1' } });
  onStop(() => server.stop());
  announceReady(url);
}

void main();
