import type { Server } from 'node:http';
import { silentLogger } from '../lib/logger';
import { listen } from '../subgraphs/shared/listen';
import type { RunningService } from '../subgraphs/shared/running-service';
import { createGateway, type Gateway, type GatewayOptions } from './create-gateway';
import { gatewayWebSocket } from './subscriptions/graphql-ws-server';
import { pollSupergraphUrl, watchSupergraphFile, type SupergraphSource } from './supergraph/supergraph-source';

/** Where the gateway takes new supergraphs from while it runs (each validated, then swapped in atomically). */
export type SupergraphUpdates = { file: string; debounceMs?: number } | { url: string; pollMs?: number; headers?: Record<string, string> };

export interface StartGatewayOptions extends GatewayOptions {
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  /** How long in-flight requests may run on after close() before their connections are cut. */
  shutdownGraceMs?: number;
  /** graphql-ws over WebSocket at the GraphQL path (default true). */
  webSocket?: boolean;
  /** Watch a file or poll a URL for new supergraphs (none by default). */
  supergraphUpdates?: SupergraphUpdates;
}

export interface GatewayService extends RunningService {
  gateway: Gateway;
}

/** Stops accepting connections, lets in-flight requests finish (up to graceMs), then cuts the rest. */
function drain(server: Server, graceMs: number): Promise<void> {
  return new Promise((resolve) => {
    const deadline = setTimeout(() => server.closeAllConnections(), graceMs);
    // A keep-alive connection turns idle when its last response is sent: close it then, not at the deadline.
    const sweep = setInterval(() => server.closeIdleConnections(), 50);
    server.close(() => {
      clearTimeout(deadline);
      clearInterval(sweep);
      resolve();
    });
    server.closeIdleConnections();
  });
}

/** Builds the gateway and serves it over HTTP; `close` drains the server, then releases the executor. */
export async function startGateway({ port = 0, host = '127.0.0.1', shutdownGraceMs = 5000, webSocket = true, supergraphUpdates, ...options }: StartGatewayOptions): Promise<GatewayService> {
  const gateway = await createGateway(options);
  let listening;
  // Subscriptions over graphql-ws, through the same plugins as HTTP; closed before the HTTP server drains.
  let sockets: { close(): Promise<void> } | null = null;
  const attach = (server: Server) => {
    sockets = gatewayWebSocket({
      yoga: gateway.yoga as never,
      path: options.graphqlEndpoint ?? '/graphql',
      log: options.log ?? silentLogger,
      maxSubscriptionsPerConnection: gateway.live.options.maxPerConnection,
      keepAliveMs: gateway.live.options.keepAliveMs,
      authorize: gateway.live.authorizeWebSocket,
    })(server);
    return sockets;
  };
  try {
    listening = await listen(gateway.yoga, port, host, webSocket ? { webSocket: attach } : {});
  } catch (error) {
    await gateway.close();
    throw error;
  }
  const { server, url } = listening;
  const log = options.log ?? silentLogger;
  const update = (sdl: string) => gateway.updateSupergraph(sdl);
  let source: SupergraphSource | null = null;
  if (supergraphUpdates && 'file' in supergraphUpdates) source = watchSupergraphFile(supergraphUpdates.file, update, { debounceMs: supergraphUpdates.debounceMs, log });
  if (supergraphUpdates && 'url' in supergraphUpdates) source = pollSupergraphUrl(supergraphUpdates.url, update, { intervalMs: supergraphUpdates.pollMs, headers: supergraphUpdates.headers, log });
  let closing: Promise<void> | undefined;
  return {
    name: 'gateway',
    url,
    endpoint: `${url}${options.graphqlEndpoint ?? '/graphql'}`,
    gateway,
    close() {
      closing ??= (async () => {
        source?.close();
        await sockets?.close();
        // SSE streams are responses in flight: ended now rather than at the end of the grace.
        gateway.live.endAll();
        await drain(server, shutdownGraceMs);
        await gateway.close();
      })();
      return closing;
    },
  };
}
