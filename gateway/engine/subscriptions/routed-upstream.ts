import type { Logger } from '../../../lib/logger';
import { createGraphqlWsUpstream } from './graphql-ws-upstream';
import { createSseUpstream } from './sse-upstream';
import type { SubscriptionTransport, UpstreamSubscriber } from './upstream-subscriber';

export interface UpstreamTransportOptions {
  log: Logger;
  /** The transport per subgraph name; graphql-ws for any subgraph not named. */
  transports?: Readonly<Record<string, SubscriptionTransport>>;
  retryAttempts?: number;
  retryBaseMs?: number;
  keepAliveMs?: number;
}

/** Subscribes to each subgraph over the transport configured for it (graphql-ws unless told SSE). */
export function createUpstreamSubscriber(options: UpstreamTransportOptions): UpstreamSubscriber {
  const transports = options.transports ?? {};
  const log = options.log;
  const common = { log, retryAttempts: options.retryAttempts, retryBaseMs: options.retryBaseMs };
  let webSocket: UpstreamSubscriber | null = null;
  let sse: UpstreamSubscriber | null = null;
  const forTransport = (transport: SubscriptionTransport): UpstreamSubscriber => {
    if (transport === 'sse') return (sse ??= createSseUpstream(common));
    return (webSocket ??= createGraphqlWsUpstream({ ...common, keepAliveMs: options.keepAliveMs }));
  };
  return {
    subscribe: (request) => forTransport(transports[request.subgraph] ?? 'graphql-ws').subscribe(request),
    async close() {
      await Promise.all([webSocket?.close(), sse?.close()]);
    },
  };
}
