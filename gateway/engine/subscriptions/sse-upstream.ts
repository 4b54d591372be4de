// Upstream subscriptions over SSE (the graphql-sse protocol, distinct connections mode: one
// streaming HTTP request per subscription, to the subgraph's GraphQL endpoint), for subgraphs
// that do not serve WebSocket or sit behind proxies that do not pass it.
import { createClient } from 'graphql-sse';
import type { Logger } from '../../../lib/logger';
import type { SubgraphResponse } from '../transport/subgraph-fetcher';
import { PushQueue } from './push-queue';
import { queueSink } from './upstream-failure';
import type { UpstreamSubscriber } from './upstream-subscriber';

export interface SseUpstreamOptions {
  log: Logger;
  /** Reconnections tried before a subscription fails (default 3). */
  retryAttempts?: number;
  /** Wait before the first retry; doubled for each next one, up to 2 s (default 250 ms). */
  retryBaseMs?: number;
}

export function createSseUpstream(options: SseUpstreamOptions): UpstreamSubscriber {
  const { retryAttempts = 3, retryBaseMs = 250 } = options;
  const open = new Set<() => void>();
  let closed = false;
  return {
    subscribe(request) {
      if (closed) throw new Error('the upstream subscriber is closed');
      const client = createClient({
        url: request.url,
        singleConnection: false,
        headers: { ...request.headers, 'x-request-id': request.requestId },
        retryAttempts,
        retry: (retries) => new Promise((resolve) => setTimeout(resolve, Math.min(2_000, retryBaseMs * 2 ** retries))),
      });
      let unsubscribe: (() => void) | null = null;
      const dispose = () => {
        open.delete(dispose);
        unsubscribe?.();
        client.dispose();
      };
      open.add(dispose);
      const queue = new PushQueue<SubgraphResponse>({ onRelease: dispose });
      unsubscribe = client.subscribe(
        { query: request.query, ...(request.operationName ? { operationName: request.operationName } : {}), variables: request.variables },
        queueSink(queue, request.subgraph),
      );
      return queue;
    },
    async close() {
      closed = true;
      for (const dispose of [...open]) dispose();
    },
  };
}
