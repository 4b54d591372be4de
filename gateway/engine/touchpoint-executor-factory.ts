import type { Logger } from '../../lib/logger';
import { createTouchpointExecutor, type TouchpointExecutor } from './create-touchpoint-executor';
import type { SubscriptionTransport } from './subscriptions/upstream-subscriber';

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
}

/** Touchpoint's engine as an executor factory for the gateway server (registered as `touchpoint`). */
export async function createTouchpointExecutorFactory(config: TouchpointExecutorConfig): Promise<TouchpointExecutor> {
  const executor = createTouchpointExecutor({
    supergraphSdl: config.supergraphSdl,
    subgraphUrls: Object.fromEntries(config.subgraphs.map((s) => [s.name, s.url])),
    log: config.log.child({ executor: 'touchpoint' }),
    subgraphTimeoutMs: config.subgraphTimeoutMs,
    subscriptions: config.subscriptions,
  });
  return executor;
}
