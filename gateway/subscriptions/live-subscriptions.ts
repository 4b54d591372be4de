// The gateway's subscription settings and the subscriptions it serves: the guard plugin every
// endpoint runs, what the WebSocket server needs, and a way to end every stream on shutdown (so
// that an SSE response does not hold the HTTP server's drain until its grace runs out).
import type { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Logger } from '../../lib/logger';
import { GATEWAY_CLAIMS_HEADER } from '../../subgraphs/shared/gateway-claims';
import type { ExecutorSubscriptionConfig } from '../execution/operation-executor';
import { useSubscriptionGuard } from '../plugins/use-subscription-guard';
import type { GatewayContext } from '../context';

/** Subscription settings of the gateway (every one optional). */
export interface GatewaySubscriptionOptions {
  /** How the gateway subscribes to each subgraph (`graphql-ws`, the default, or `sse`), by subgraph name. */
  transports?: Readonly<Record<string, 'graphql-ws' | 'sse'>>;
  /** Subscriptions one WebSocket connection may hold at a time (default 100). */
  maxPerConnection?: number;
  /** Results a client may leave unread before its connection is closed as too slow (default 256). */
  bufferSize?: number;
  /** Interval of WebSocket pings to clients (default 12 s; SSE streams get a comment every 12 s from yoga). */
  keepAliveMs?: number;
  /** When a caller's credentials expire (seconds since the epoch); default: the bearer JWT's `exp`. */
  expiresAt?: (context: GatewayContext) => number | null;
  /**
   * Forwarded headers that vary per request of one caller: not part of the sharing key. Default: the
   * gateway-signed claims (re-signed per request from the caller's token, which is in the key).
   */
  sharingIgnoresHeaders?: ReadonlyArray<string>;
}

export interface LiveSubscriptions {
  readonly options: GatewaySubscriptionOptions;
  /** What the executor factory is given. */
  readonly executorConfig: ExecutorSubscriptionConfig;
  /** The guard every endpoint's yoga runs (bounded buffer per client, credential expiry). */
  plugin(): Plugin;
  /** Checks each WebSocket operation's request before it runs (set by authentication, when configured). */
  authorizeWebSocket?: (request: Request) => Promise<GraphQLError | null | undefined>;
  /** Ends every subscription stream being served (the gateway is stopping). */
  endAll(): void;
}

export function createLiveSubscriptions(options: GatewaySubscriptionOptions, log: Logger): LiveSubscriptions {
  const streams = new Set<AsyncIterator<unknown>>();
  return {
    options,
    executorConfig: { transports: options.transports, sharingIgnoresHeaders: options.sharingIgnoresHeaders ?? [GATEWAY_CLAIMS_HEADER] },
    plugin: () => useSubscriptionGuard({ bufferSize: options.bufferSize, expiresAt: options.expiresAt, log, streams }),
    endAll() {
      for (const stream of [...streams]) void stream.return?.();
      streams.clear();
    },
  };
}
