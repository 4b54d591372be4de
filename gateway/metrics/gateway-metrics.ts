import type { OperationExecutor } from '../execution/operation-executor';
import { CollectedMetric, Counter, Histogram, MetricsRegistry } from './metrics-registry';

/** What one subgraph call came to, as the executor's fetch observer reports it. */
export interface SubgraphFetchEvent {
  subgraph: string;
  seconds: number;
  /** No GraphQL answer (unreachable, timed out, not GraphQL). */
  failed: boolean;
  /** Errors in the subgraph's GraphQL answer. */
  errors: number;
}

export type OperationOutcome = 'success' | 'partial' | 'error';

/** What the metrics read from an executor when scraped, where it offers it (Touchpoint's engine does). */
interface ExecutorStats {
  planCacheStats?(): { plans: number; hits: number };
  subscriptionStats?(): { clients: number; streams: number };
}

const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** Operation names come from clients: past this many distinct names the rest are counted as "other". */
const MAX_OPERATION_NAMES = 200;

export interface GatewayMetrics {
  readonly registry: MetricsRegistry;
  readonly operations: Counter;
  readonly operationDuration: Histogram;
  readonly subgraphFetches: Counter;
  readonly subgraphErrors: Counter;
  /** Extra counters other features add (override routing, shadow comparison). */
  readonly overrideRouting: Counter;
  readonly shadowComparisons: Counter;
  recordOperation(type: string, name: string | null, outcome: OperationOutcome, seconds: number): void;
  recordSubgraphFetch(event: SubgraphFetchEvent): void;
}

/**
 * The gateway's Prometheus metrics: operations by type, name and outcome, their latency,
 * subgraph fetches and errors by subgraph, plan cache hits and misses, open subscriptions.
 * `executor` is read at scrape time (it may be swapped when the supergraph changes).
 */
export function createGatewayMetrics(executor: () => OperationExecutor): GatewayMetrics {
  const registry = new MetricsRegistry();
  const names = new Set<string>();
  const stats = () => executor() as OperationExecutor & ExecutorStats;
  const operations = registry.register(new Counter('touchpoint_operations_total', 'GraphQL operations by type, name and outcome (success, partial, error).'));
  const operationDuration = registry.register(new Histogram('touchpoint_operation_duration_seconds', 'Time from request to response per GraphQL operation, by type.', LATENCY_BUCKETS));
  const subgraphFetches = registry.register(new Counter('touchpoint_subgraph_fetches_total', 'Requests the gateway sent to each subgraph.'));
  const subgraphErrors = registry.register(new Counter('touchpoint_subgraph_errors_total', 'Subgraph requests that failed (kind="unavailable") or answered GraphQL errors (kind="graphql").'));
  const subgraphDuration = registry.register(new Histogram('touchpoint_subgraph_fetch_duration_seconds', 'Time each subgraph request took, by subgraph.', LATENCY_BUCKETS));
  const overrideRouting = registry.register(new Counter('touchpoint_override_label_decisions_total', 'Progressive @override labels decided per request, by label and whether it was active.'));
  const shadowComparisons = registry.register(new Counter('touchpoint_shadow_comparisons_total', 'Moved fields resolved again from the other side and compared, by field and outcome (match, mismatch, error).'));
  registry.register(new CollectedMetric('touchpoint_plan_cache_hits_total', 'Operations whose query plan came from the cache.', 'counter', () => {
    const s = stats().planCacheStats?.();
    return s ? [{ value: s.hits }] : [];
  }));
  registry.register(new CollectedMetric('touchpoint_plan_cache_misses_total', 'Operations that had to be planned.', 'counter', () => {
    const s = stats().planCacheStats?.();
    return s ? [{ value: s.plans }] : [];
  }));
  registry.register(new CollectedMetric('touchpoint_subscriptions_open', 'Client subscriptions served now.', 'gauge', () => {
    const s = stats().subscriptionStats?.();
    return s ? [{ value: s.clients }] : [];
  }));
  registry.register(new CollectedMetric('touchpoint_subscription_upstreams_open', 'Upstream subgraph subscription streams open now (shared by identical subscriptions).', 'gauge', () => {
    const s = stats().subscriptionStats?.();
    return s ? [{ value: s.streams }] : [];
  }));

  return {
    registry,
    operations,
    operationDuration,
    subgraphFetches,
    subgraphErrors,
    overrideRouting,
    shadowComparisons,
    recordOperation(type, name, outcome, seconds) {
      let label = name ?? '';
      if (label && !names.has(label)) {
        if (names.size < MAX_OPERATION_NAMES) names.add(label);
        else label = 'other';
      }
      operations.inc({ type, name: label, outcome });
      operationDuration.observe({ type }, seconds);
    },
    recordSubgraphFetch({ subgraph, seconds, failed, errors }) {
      subgraphFetches.inc({ subgraph });
      subgraphDuration.observe({ subgraph }, seconds);
      if (failed) subgraphErrors.inc({ subgraph, kind: 'unavailable' });
      else if (errors > 0) subgraphErrors.inc({ subgraph, kind: 'graphql' });
    },
  };
}
