import type { SubgraphResponse } from '../transport/subgraph-fetcher';

/** How the gateway subscribes to a subgraph: graphql-ws over WebSocket (default) or graphql-sse. */
export type SubscriptionTransport = 'graphql-ws' | 'sse';

export const SUBSCRIPTION_TRANSPORTS: ReadonlyArray<SubscriptionTransport> = ['graphql-ws', 'sse'];

/** The primary fetch of a subscription plan, opened as a subscription on its subgraph. */
export interface UpstreamSubscriptionRequest {
  /** The subgraph's name in the supergraph (used in errors and logs). */
  subgraph: string;
  /** The subgraph's GraphQL endpoint (http or https; WebSocket URLs are derived from it). */
  url: string;
  query: string;
  operationName?: string;
  variables: Record<string, unknown>;
  /** Headers forwarded from the client (authorization, ...), without the request id. */
  headers: Readonly<Record<string, string>>;
  /** Sent per operation (graphql-ws: the subscribe message's extensions; SSE: x-request-id). */
  requestId: string;
}

/**
 * The port every upstream subscription goes through. The iterator yields each event as the
 * subgraph sends it (data and errors); it ends when the subgraph completes the subscription, and
 * rejects with `UpstreamUnavailableError` (lib/errors) when the transport fails. A subscription the
 * subgraph refuses (an invalid operation) yields its errors once, then ends. `return()` unsubscribes.
 */
export interface UpstreamSubscriber {
  subscribe(request: UpstreamSubscriptionRequest): AsyncIterableIterator<SubgraphResponse>;
  close(): Promise<void>;
}
