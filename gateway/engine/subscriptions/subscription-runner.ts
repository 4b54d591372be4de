import { GraphQLError, type ExecutionResult } from 'graphql';
import type { Logger } from '../../../lib/logger';
import { REQUEST_ID_HEADER } from '../../request-ids';
import type { ExecutionRequest } from '../../execution/operation-executor';
import { documentHash } from '../planning/plan-key';
import type { PreparedOperation } from '../planning/prepared-operation';
import type { SubgraphFetcher } from '../transport/subgraph-fetcher';
import { inflightSharingFetcher } from './inflight-sharing-fetcher';
import { createUpstreamSubscriber } from './routed-upstream';
import { SharedSubscriptions, type SubscriptionStats } from './shared-subscriptions';
import { sharingKey } from './subscription-key';
import type { SubscriptionTransport, UpstreamSubscriber } from './upstream-subscriber';

/** Subscription settings of the engine (all optional). */
export interface EngineSubscriptionOptions {
  /** How the gateway subscribes to each subgraph, by subgraph name; graphql-ws when not named. */
  transports?: Readonly<Record<string, SubscriptionTransport>>;
  /** Replaces the WebSocket/SSE transports (tests, custom transports); closed with the executor. */
  upstream?: UpstreamSubscriber;
  /** Results a client may leave waiting before its stream ends with SUBSCRIBER_TOO_SLOW (default 1000). */
  maxClientBacklog?: number;
  /** Events of one stream resolved at the same time, delivered in order (default 16). */
  resolveConcurrency?: number;
  /** Forwarded headers that vary per request of one caller (per-request signatures): not part of the sharing key. */
  sharingIgnoresHeaders?: ReadonlyArray<string>;
  /** Reconnections to a subgraph tried before a subscription fails (default 3). */
  upstreamRetryAttempts?: number;
  /** Wait before the first reconnection, doubled for each next one (default 250 ms). */
  upstreamRetryBaseMs?: number;
}

export interface SubscriptionRunner {
  subscribe(
    prepared: PreparedOperation,
    request: ExecutionRequest & { overrideLabels?: ReadonlySet<string> },
    coercedVariables: Readonly<Record<string, unknown>>,
  ): AsyncIterableIterator<ExecutionResult> | ExecutionResult;
  stats(): SubscriptionStats;
  close(): Promise<void>;
}

/**
 * Runs subscription plans: the primary fetch is opened as a subscription on the owning subgraph
 * (shared by identical subscriptions), and each of its events is completed by the rest of the plan.
 */
export function createSubscriptionRunner(fetcher: SubgraphFetcher, log: Logger, options: EngineSubscriptionOptions = {}): SubscriptionRunner {
  const upstream =
    options.upstream ??
    createUpstreamSubscriber({ log, transports: options.transports, retryAttempts: options.upstreamRetryAttempts, retryBaseMs: options.upstreamRetryBaseMs });
  const shared = new SharedSubscriptions({ upstream, log, maxClientBacklog: options.maxClientBacklog, resolveConcurrency: options.resolveConcurrency });
  const ignoredHeaders = new Set((options.sharingIgnoresHeaders ?? []).map((name) => name.toLowerCase()));
  // Streams of different variables hearing the same event ask the same entities: asked once.
  const eventFetcher = inflightSharingFetcher(fetcher);

  return {
    subscribe(prepared, request, coercedVariables) {
      const subscription = prepared.plan.subscription;
      if (!subscription) {
        return { errors: [new GraphQLError('Only subscription operations can be subscribed to.', { extensions: { code: 'OPERATION_NOT_SUPPORTED' } })] };
      }
      const headers = request.forwardHeaders ?? {};
      const variables = request.variables ?? {};
      const primary = subscription.primary;
      const upstreamHeaders: Record<string, string> = {};
      for (const [name, value] of Object.entries(headers)) if (name !== REQUEST_ID_HEADER) upstreamHeaders[name] = value;
      const upstreamVariables: Record<string, unknown> = {};
      for (const name of primary.variableUsages) if (Object.prototype.hasOwnProperty.call(variables, name)) upstreamVariables[name] = variables[name];
      return shared.open({
        key: sharingKey({
          documentHash: documentHash(request.document, request.source),
          operationName: request.operationName,
          variables,
          headers,
          overrideLabels: request.overrideLabels,
          ignoredHeaders,
        }),
        upstream: {
          subgraph: primary.serviceName,
          url: primary.url,
          query: primary.source.operation,
          operationName: primary.operationName,
          variables: upstreamVariables,
          headers: upstreamHeaders,
          requestId: request.requestId,
        },
        events: { prepared, fetcher: eventFetcher, headers, variables, coercedVariables, log: request.log ?? log },
      });
    },
    stats: () => ({ ...shared.stats(), eventFetchesShared: eventFetcher.shared() }),
    async close() {
      await shared.close();
      await upstream.close();
    },
  };
}
