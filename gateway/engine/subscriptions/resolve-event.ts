import { GraphQLError, type ExecutionResult } from 'graphql';
import type { Logger } from '../../../lib/logger';
import type { ExecutionState } from '../execution/execution-state';
import { runPlanNode } from '../execution/run-plan-node';
import { subgraphError } from '../execution/subgraph-errors';
import type { PreparedOperation } from '../planning/prepared-operation';
import { shapeResult } from '../shaping/shape-result';
import type { SubgraphFetcher, SubgraphResponse } from '../transport/subgraph-fetcher';

/** What every event of one (shared) subscription is resolved with. */
export interface EventContext {
  prepared: PreparedOperation;
  fetcher: SubgraphFetcher;
  headers: Readonly<Record<string, string>>;
  variables: Readonly<Record<string, unknown>>;
  coercedVariables: Readonly<Record<string, unknown>>;
  log: Logger;
}

/**
 * One event of the owning subgraph made into the client's result: the event's data is the
 * starting result of the rest of the plan (entity fetches to the other subgraphs, through the
 * same engine code as queries), then the whole is shaped over the API schema. Never throws.
 */
export async function resolveEvent(context: EventContext, event: SubgraphResponse): Promise<ExecutionResult> {
  const { prepared } = context;
  const subscription = prepared.plan.subscription!;
  const primary = subscription.primary;
  const errors: GraphQLError[] = [];
  for (const error of event.errors ?? []) errors.push(subgraphError(error, primary.serviceName, error.path));
  const data = event.data;
  if (!data || typeof data !== 'object') return { data: null, errors };
  primary.outputRewrites?.(data);
  const root: Record<string, unknown> = data;
  if (subscription.rest) {
    const state: ExecutionState = {
      fetcher: context.fetcher,
      headers: context.headers,
      variables: context.variables,
      coercedVariables: context.coercedVariables,
      errors,
      isolateEntities: prepared.plan.usesContext,
      log: context.log,
    };
    try {
      await runPlanNode(state, subscription.rest, { root, path: [] });
    } catch (error) {
      context.log.error({ err: error }, 'subscription event: plan execution failed');
      return { data: null, errors: [...errors, new GraphQLError('Query plan execution failed', { extensions: { code: 'QUERY_EXECUTION_FAILED' } })] };
    }
  }
  const shaped = shapeResult(prepared.shapeFor(context.coercedVariables), prepared.rootTypeName, root, errors.length === 0);
  if (errors.length === 0 && shaped.errors.length === 0) return { data: shaped.data };
  return { data: shaped.data, errors: [...errors, ...shaped.errors] };
}
