import { createTouchpointExecutorFactory } from '../engine/touchpoint-executor-factory';
import type { ExecutorFactory } from './operation-executor';

// @apollo/gateway is loaded only when its executor is chosen: importing it costs about 50 MB of
// resident memory, which a gateway running Touchpoint's engine should not carry.
const createApolloGatewayExecutor: ExecutorFactory = async (config) => (await import('./apollo-gateway-executor')).createApolloGatewayExecutor(config);

/** The executors the gateway can run, by the name GATEWAY_EXECUTOR uses. */
export const executors: Record<string, ExecutorFactory> = {
  /** @apollo/gateway's planner and executor (the reference). */
  apollo: createApolloGatewayExecutor,
  /** The same planner, Touchpoint's own executor (gateway/engine). */
  touchpoint: createTouchpointExecutorFactory,
};

/** Touchpoint's engine: it runs subscriptions too (the reference refuses them); `apollo` stays selectable. */
export const defaultExecutor: ExecutorFactory = createTouchpointExecutorFactory;

export function executorByName(name: string): ExecutorFactory {
  const factory = executors[name];
  if (!factory) throw new Error(`unknown gateway executor "${name}"; known: ${Object.keys(executors).join(', ')}`);
  return factory;
}
