// Upstream subscriptions over graphql-ws (the graphql-transport-ws protocol) with the `ws` package.
// One WebSocket per subgraph and set of forwarded credentials, shared by every subscription that
// carries them; it opens with the first subscription and closes after the last one.
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import type { Logger } from '../../../lib/logger';
import type { SubgraphResponse } from '../transport/subgraph-fetcher';
import { PushQueue } from './push-queue';
import { headersKey, queueSink } from './upstream-failure';
import type { UpstreamSubscriber, UpstreamSubscriptionRequest } from './upstream-subscriber';

export interface GraphqlWsUpstreamOptions {
  log: Logger;
  /** Reconnections tried (re-subscribing each operation) before a subscription fails (default 3). */
  retryAttempts?: number;
  /** Wait before the first retry; doubled for each next one, up to 2 s (default 250 ms). */
  retryBaseMs?: number;
  /** Interval of graphql-ws pings to the subgraph (default 12 s; 0 for none). */
  keepAliveMs?: number;
  /** How long the subgraph may take to acknowledge a connection (default 5 s). */
  connectTimeoutMs?: number;
}

interface PooledClient {
  client: Client;
  users: number;
}

export function webSocketUrl(httpUrl: string): string {
  return httpUrl.replace(/^http(s?):/i, 'ws$1:');
}

export function createGraphqlWsUpstream(options: GraphqlWsUpstreamOptions): UpstreamSubscriber {
  const { log, retryAttempts = 3, retryBaseMs = 250, keepAliveMs = 12_000, connectTimeoutMs = 5_000 } = options;
  const pool = new Map<string, PooledClient>();
  let closed = false;

  function clientFor(request: UpstreamSubscriptionRequest): { key: string; pooled: PooledClient } {
    const key = `${request.url}\u0000${headersKey(request.headers)}`;
    let pooled = pool.get(key);
    if (!pooled) {
      const headers = { ...request.headers };
      // The credentials go both ways a subgraph may read them: the upgrade request's headers and
      // the connection-init payload (what a subgraph behind a browser-facing proxy sees).
      class WebSocketWithHeaders extends WebSocket {
        constructor(address: string, protocols?: string | string[]) {
          super(address, protocols, { headers, handshakeTimeout: connectTimeoutMs });
        }
      }
      const subgraphLog = log.child({ subgraph: request.subgraph });
      const client = createClient({
        url: webSocketUrl(request.url),
        webSocketImpl: WebSocketWithHeaders,
        connectionParams: { headers },
        lazy: true,
        lazyCloseTimeout: 0,
        keepAlive: keepAliveMs,
        connectionAckWaitTimeout: connectTimeoutMs,
        retryAttempts,
        retryWait: (retries) => new Promise((resolve) => setTimeout(resolve, Math.min(2_000, retryBaseMs * 2 ** retries))),
        shouldRetry: () => !closed,
        on: {
          closed: (event) => subgraphLog.debug({ code: (event as { code?: number }).code }, 'upstream WebSocket closed'),
          error: (err) => subgraphLog.debug({ err }, 'upstream WebSocket error'),
        },
      });
      pooled = { client, users: 0 };
      pool.set(key, pooled);
    }
    return { key, pooled };
  }

  function release(key: string, pooled: PooledClient): void {
    pooled.users -= 1;
    if (pooled.users > 0 || pool.get(key) !== pooled) return;
    pool.delete(key);
    void pooled.client.dispose();
  }

  return {
    subscribe(request) {
      if (closed) throw new Error('the upstream subscriber is closed');
      const { key, pooled } = clientFor(request);
      pooled.users += 1;
      let unsubscribe: (() => void) | null = null;
      const queue = new PushQueue<SubgraphResponse>({
        onRelease: () => {
          unsubscribe?.();
          release(key, pooled);
        },
      });
      unsubscribe = pooled.client.subscribe<Record<string, unknown>>(
        {
          query: request.query,
          ...(request.operationName ? { operationName: request.operationName } : {}),
          variables: request.variables,
          extensions: { requestId: request.requestId },
        },
        queueSink(queue, request.subgraph),
      );
      return queue;
    },
    async close() {
      closed = true;
      const clients = [...pool.values()];
      pool.clear();
      await Promise.all(clients.map((pooled) => pooled.client.dispose()));
    },
  };
}
