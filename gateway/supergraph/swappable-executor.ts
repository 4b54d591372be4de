import { GraphQLError, type ExecutionResult, type GraphQLSchema } from 'graphql';
import type { ExecutionRequest, OperationExecutor } from '../execution/operation-executor';

/** An executor in service: requests running on it, and whether a newer one has replaced it. */
interface Generation {
  executor: OperationExecutor;
  inFlight: number;
  retired: boolean;
  closed?: Promise<void>;
}

/** Stats the metrics read from the executor in service, when it has them. */
interface ExecutorStats {
  planCacheStats?(): { size: number; plans: number; hits: number };
  subscriptionStats?(): SubscriptionCounts;
}

type SubscriptionCounts = { streams: number; clients: number; upstreamOpened: number; eventsResolved: number };

export interface SwappableExecutor extends OperationExecutor {
  /** Puts `next` in service at once; the one it replaces is closed when its last request or subscription ends. */
  swap(next: OperationExecutor): void;
  /** The executor serving new requests. */
  current(): OperationExecutor;
  planCacheStats(): { size: number; plans: number; hits: number };
  /** The serving executor's subscription counts (Touchpoint's engine), all zero for others. */
  subscriptionStats(): SubscriptionCounts;
}

function isAsyncIterable(value: unknown): value is AsyncIterable<ExecutionResult> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}

/** A stream that calls `done` once, when it ends or the client leaves. */
function onEnd(stream: AsyncIterable<ExecutionResult>, done: () => void): AsyncIterableIterator<ExecutionResult> {
  const iterator = stream[Symbol.asyncIterator]();
  let ended = false;
  const end = () => {
    if (!ended) {
      ended = true;
      done();
    }
  };
  return {
    async next() {
      try {
        const step = await iterator.next();
        if (step.done) end();
        return step;
      } catch (error) {
        end();
        throw error;
      }
    },
    async return(value?: unknown) {
      end();
      return iterator.return ? iterator.return(value) : { done: true, value: undefined };
    },
    async throw(error?: unknown) {
      end();
      if (iterator.throw) return iterator.throw(error);
      throw error;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

/**
 * One executor at a time serves new operations; a swap is atomic (the next operation runs on the
 * new one), while operations and subscriptions already running finish on the executor they
 * started on, which is closed once the last of them ends.
 */
export function createSwappableExecutor(initial: OperationExecutor): SwappableExecutor {
  let active: Generation = { executor: initial, inFlight: 0, retired: false };
  const retired = new Set<Generation>();
  let shut = false;

  const release = (generation: Generation) => {
    generation.inFlight -= 1;
    if (generation.retired && generation.inFlight === 0) closeGeneration(generation);
  };
  const closeGeneration = (generation: Generation) => {
    generation.closed ??= generation.executor.close().finally(() => retired.delete(generation));
    return generation.closed;
  };
  const acquire = () => {
    const generation = active;
    generation.inFlight += 1;
    return generation;
  };
  const stats = () => active.executor as OperationExecutor & ExecutorStats;

  return {
    get schema(): GraphQLSchema {
      return active.executor.schema;
    },
    current: () => active.executor,
    swap(next) {
      // An update that finished loading after the gateway closed: nothing will serve it.
      if (shut) {
        void next.close();
        return;
      }
      const previous = active;
      active = { executor: next, inFlight: 0, retired: false };
      previous.retired = true;
      retired.add(previous);
      if (previous.inFlight === 0) void closeGeneration(previous);
    },
    async execute(request: ExecutionRequest) {
      const generation = acquire();
      try {
        return await generation.executor.execute(request);
      } finally {
        release(generation);
      }
    },
    async subscribe(request: ExecutionRequest) {
      const generation = acquire();
      const executor = generation.executor;
      if (!executor.subscribe) {
        release(generation);
        return { errors: [new GraphQLError('Subscriptions are not supported by this gateway executor', { extensions: { code: 'OPERATION_NOT_SUPPORTED' } })] };
      }
      try {
        const result = await executor.subscribe(request);
        if (isAsyncIterable(result)) return onEnd(result, () => release(generation));
        release(generation);
        return result;
      } catch (error) {
        release(generation);
        throw error;
      }
    },
    planCacheStats: () => stats().planCacheStats?.() ?? { size: 0, plans: 0, hits: 0 },
    subscriptionStats: () => stats().subscriptionStats?.() ?? { streams: 0, clients: 0, upstreamOpened: 0, eventsResolved: 0 },
    async close() {
      shut = true;
      await Promise.all([active.executor.close(), ...[...retired].map((g) => closeGeneration(g))]);
    },
  };
}
