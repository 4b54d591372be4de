import { createTouchpointExecutorFactory } from '../engine/touchpoint-executor-factory';
import { createApolloGatewayExecutor } from './apollo-gateway-executor';
import type { ExecutorFactory } from './operation-executor';

/** The executors the gateway can run, by the name GATEWAY_EXECUTOR uses. */
export const executors: Record<string, ExecutorFactory> = {
  /** @apollo/gateway's planner and executor (the reference). */
  apollo: createApolloGatewayExecutor,
  /** The same planner, Touchpoint's own executor (gateway/engine). */
  touchpoint: createTouchpointExecutorFactory,
};

export const defaultExecutor: ExecutorFactory = createApolloGatewayExecutor;

export function executorByName(name: string): ExecutorFactory {
  const factory = executors[name];
  if (!factory) throw new Error(`unknown gateway executor "${name}"; known: ${Object.keys(executors).join(', ')}`);
  return factory;
}
