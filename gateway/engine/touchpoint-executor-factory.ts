import type { Logger } from '../../lib/logger';
import { failureReportingFetcher } from '../execution/failure-reporting-fetcher';
import { resolveSubscriptionTransports } from '../subscriptions/subscription-transports';
import { createTouchpointExecutor, type TouchpointExecutor } from './create-touchpoint-executor';
import type { SubscriptionTransport } from './subscriptions/upstream-subscriber';
import { createUndiciSubgraphFetcher } from './transport/undici-subgraph-fetcher';
import { observedFetcher, type SubgraphFetchObserver } from '../metrics/observed-fetcher';

/** What the gateway server hands an executor factory (gateway/execution's `ExecutorConfig`). */
export interface TouchpointExecutorConfig {
  supergraphSdl: string;
  subgraphs: ReadonlyArray<{ name: string; url: string }>;
  log: Logger;
  subgraphTimeoutMs: number;
  subscriptions?: {
    transports?: Readonly<Record<string, SubscriptionTransport>>;
    sharingIgnoresHeaders?: ReadonlyArray<string>;
  };
  onSubgraphFetch?: SubgraphFetchObserver;
}

/**
 * Touchpoint's engine as an executor factory for the gateway server (registered as `touchpoint`).
 * A subgraph call that fails is reported the way the gateway promises for every executor
 * (SUBGRAPH_UNAVAILABLE or DOWNSTREAM_SERVICE_ERROR with a reason), see failure-reporting-fetcher.ts.
 */
export async function createTouchpointExecutorFactory(config: TouchpointExecutorConfig): Promise<TouchpointExecutor> {
  const log = config.log.child({ executor: 'touchpoint' });
  const transport = createUndiciSubgraphFetcher({ timeoutMs: config.subgraphTimeoutMs });
  const executor = createTouchpointExecutor({
    supergraphSdl: config.supergraphSdl,
    subgraphUrls: Object.fromEntries(config.subgraphs.map((s) => [s.name, s.url])),
    log,
    fetcher: failureReportingFetcher(config.onSubgraphFetch ? observedFetcher(transport, config.onSubgraphFetch) : transport, log),
    subscriptions: { ...config.subscriptions, transports: resolveSubscriptionTransports(config.subgraphs, config.subscriptions?.transports) },
  });
  return {
    ...executor,
    async close() {
      await executor.close();
      await transport.close();
    },
  };
}
