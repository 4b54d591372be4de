import { getVariableValues, GraphQLError, type DocumentNode, type ExecutionResult } from 'graphql';
import { silentLogger, type Logger } from '../../lib/logger';
import type { ExecutionRequest, OperationExecutor, SubgraphUrlOverrides } from '../execution/operation-executor';
import type { ExecutionState } from './execution/execution-state';
import { runPlanNode } from './execution/run-plan-node';
import { LruCache } from './planning/lru-cache';
import { documentHash, planCacheKey, variantKey } from './planning/plan-key';
import { prepareOperation, type PreparedOperation } from './planning/prepared-operation';
import { runIntrospection } from './shaping/introspection';
import { shapeResult } from './shaping/shape-result';
import { createSubscriptionRunner, type EngineSubscriptionOptions } from './subscriptions/subscription-runner';
import type { SubscriptionStats } from './subscriptions/shared-subscriptions';
import { loadSupergraph, type SupergraphModel } from './supergraph-model';
import type { SubgraphFetcher } from './transport/subgraph-fetcher';
import { createUndiciSubgraphFetcher } from './transport/undici-subgraph-fetcher';

export interface TouchpointExecutorOptions {
  supergraphSdl: string;
  /** Subgraph URLs by subgraph name, instead of the supergraph's routing URLs. */
  subgraphUrls?: SubgraphUrlOverrides;
  log?: Logger;
  /** How subgraphs are called; by default undici keep-alive pools (closed with the executor). */
  fetcher?: SubgraphFetcher;
  /** Time a subgraph may take to answer, for the default fetcher. */
  subgraphTimeoutMs?: number;
  /** Prepared operations kept (plans and answer shapes). */
  planCacheSize?: number;
  /** Subscriptions: transport per subgraph, sharing, per-client backlog (see subscriptions/subscription-runner.ts). */
  subscriptions?: EngineSubscriptionOptions;
}

/** A request as the engine takes it: the gateway's request plus what selects a plan variant. */
export interface EngineExecutionRequest extends ExecutionRequest {
  /** Progressive `@override` labels active for this request. */
  overrideLabels?: ReadonlySet<string>;
  /** The operation text as the client sent it, when known: hashed for the plan cache instead of printing the document. */
  source?: string;
}

export interface TouchpointExecutor extends OperationExecutor {
  readonly model: SupergraphModel;
  execute(request: EngineExecutionRequest): Promise<ExecutionResult>;
  /** Opens a subscription: the owning subgraph's events, each completed by the rest of the plan. */
  subscribe(request: EngineExecutionRequest): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult>;
  /** Upstream streams and clients of subscriptions, for tests and metrics. */
  subscriptionStats(): SubscriptionStats;
  /** The prepared (planned, compiled, cached) operation, for runners of subscription and deferred plans. */
  prepare(document: DocumentNode, operationName: string | null | undefined, overrideLabels?: ReadonlySet<string>, source?: string): PreparedOperation;
  /** Counts of the plan cache, for tests and metrics. */
  planCacheStats(): { size: number; plans: number; hits: number };
}

/**
 * Touchpoint's engine: operations are planned by the planner @apollo/gateway uses (over the
 * supergraph) and executed here: fetches over keep-alive pools, entity representations,
 * rewrites, merging, and the answer shaped by the GraphQL spec over the API schema.
 */
export function createTouchpointExecutor(options: TouchpointExecutorOptions): TouchpointExecutor {
  const model = loadSupergraph(options.supergraphSdl, options.subgraphUrls);
  const fetcher = options.fetcher ?? createUndiciSubgraphFetcher({ timeoutMs: options.subgraphTimeoutMs });
  const ownsFetcher = !options.fetcher;
  const baseLog = options.log ?? silentLogger;
  const cache = new LruCache<string, PreparedOperation>(options.planCacheSize ?? 1000);
  const byDocument = new WeakMap<DocumentNode, Map<string, PreparedOperation>>();
  let plans = 0;
  let hits = 0;
  const subscriptions = createSubscriptionRunner(fetcher, baseLog, options.subscriptions);

  function prepare(
    document: DocumentNode,
    operationName: string | null | undefined,
    overrideLabels?: ReadonlySet<string>,
    source?: string,
  ): PreparedOperation {
    const variant = variantKey({ operationName, overrideLabels });
    let variants = byDocument.get(document);
    const known = variants?.get(variant);
    if (known) {
      hits += 1;
      return known;
    }
    const key = planCacheKey({ documentHash: documentHash(document, source), operationName, overrideLabels });
    let prepared = cache.get(key);
    if (prepared) {
      hits += 1;
    } else {
      prepared = prepareOperation(model, document, operationName, overrideLabels);
      plans += 1;
      cache.set(key, prepared);
    }
    if (!variants) {
      variants = new Map();
      byDocument.set(document, variants);
    }
    variants.set(variant, prepared);
    return prepared;
  }

  async function execute(request: EngineExecutionRequest): Promise<ExecutionResult> {
    let prepared: PreparedOperation;
    try {
      prepared = prepare(request.document, request.operationName, request.overrideLabels, request.source);
    } catch (error) {
      if (error instanceof GraphQLError) return { errors: [error] };
      (request.log ?? baseLog).error({ err: error }, 'query planning failed');
      return { errors: [new GraphQLError('Query planning failed', { extensions: { code: 'QUERY_PLANNING_FAILED' } })] };
    }
    const coerced = getVariableValues(model.schema, prepared.definition.variableDefinitions ?? [], request.variables ?? {}, { maxErrors: 50 });
    if (coerced.errors) return { errors: coerced.errors };
    if (prepared.plan.subscription) {
      return { errors: [new GraphQLError('Subscriptions are served over WebSocket or SSE, not by a single execution.', { extensions: { code: 'SUBSCRIPTION_NOT_EXECUTABLE' } })] };
    }
    const state: ExecutionState = {
      fetcher,
      headers: request.forwardHeaders ?? {},
      variables: request.variables ?? {},
      coercedVariables: coerced.coerced,
      errors: [],
      isolateEntities: prepared.plan.usesContext,
      log: request.log ?? baseLog,
    };
    const root: Record<string, unknown> = {};
    try {
      if (prepared.plan.node) await runPlanNode(state, prepared.plan.node, { root, path: [] });
    } catch (error) {
      state.log.error({ err: error }, 'query plan execution failed');
      return { errors: [new GraphQLError('Query plan execution failed', { extensions: { code: 'QUERY_EXECUTION_FAILED' } })] };
    }
    const introspection = prepared.introspection ? runIntrospection(model.schema, prepared.introspection, request.variables ?? {}) : null;
    const shaped = shapeResult(prepared.shapeFor(coerced.coerced), prepared.rootTypeName, root, state.errors.length === 0, introspection);
    if (state.errors.length === 0 && shaped.errors.length === 0) return { data: shaped.data };
    return { data: shaped.data, errors: [...state.errors, ...shaped.errors] };
  }

  async function subscribe(request: EngineExecutionRequest): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> {
    let prepared: PreparedOperation;
    try {
      prepared = prepare(request.document, request.operationName, request.overrideLabels, request.source);
    } catch (error) {
      if (error instanceof GraphQLError) return { errors: [error] };
      (request.log ?? baseLog).error({ err: error }, 'query planning failed');
      return { errors: [new GraphQLError('Query planning failed', { extensions: { code: 'QUERY_PLANNING_FAILED' } })] };
    }
    const coerced = getVariableValues(model.schema, prepared.definition.variableDefinitions ?? [], request.variables ?? {}, { maxErrors: 50 });
    if (coerced.errors) return { errors: coerced.errors };
    return subscriptions.subscribe(prepared, request, coerced.coerced);
  }

  return {
    model,
    schema: model.schema,
    execute,
    subscribe,
    subscriptionStats: () => subscriptions.stats(),
    prepare,
    planCacheStats: () => ({ size: cache.size, plans, hits }),
    async close() {
      cache.clear();
      await subscriptions.close();
      if (ownsFetcher) await fetcher.close();
    },
  };
}
