import { createApolloGatewayExecutor } from './apollo-gateway-executor';
import type { ExecutorFactory } from './operation-executor';

/**
 * The executors the gateway can run, by the name GATEWAY_EXECUTOR uses. Touchpoint's own engine
 * (gateway/engine) registers here as `touchpoint` once it exists.
 */
export const executors: Record<string, ExecutorFactory> = {
  apollo: createApolloGatewayExecutor,
};

export const defaultExecutor: ExecutorFactory = createApolloGatewayExecutor;

export function executorByName(name: string): ExecutorFactory {
  const factory = executors[name];
  if (!factory) throw new Error(`unknown gateway executor "${name}"; known: ${Object.keys(executors).join(', ')}`);
  return factory;
}
