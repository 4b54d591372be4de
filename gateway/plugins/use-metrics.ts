import { getOperationAST, type DocumentNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { GatewayMetrics, OperationOutcome } from '../metrics/gateway-metrics';
import { PROMETHEUS_CONTENT_TYPE } from '../metrics/metrics-registry';

export interface MetricsOptions {
  metrics: GatewayMetrics;
  /** Where Prometheus scrapes; null records without serving (for contract endpoints). */
  path?: string | null;
}

interface OperationRecord {
  startedAt: number;
  graphql: boolean;
  type?: string;
  name?: string | null;
  outcome: OperationOutcome;
}

function outcomeOf(result: unknown): OperationOutcome {
  if (Array.isArray(result)) return result.map(outcomeOf).reduce((worst, o) => (o === 'error' || worst === 'error' ? 'error' : o === 'partial' ? 'partial' : worst), 'success' as OperationOutcome);
  const value = result as { errors?: unknown[]; data?: unknown } | null | undefined;
  if (!value || typeof value !== 'object' || !Array.isArray(value.errors) || value.errors.length === 0) return 'success';
  return value.data ? 'partial' : 'error';
}

/**
 * Serves the metrics at GET /metrics (Prometheus text format) and records every GraphQL request:
 * its type, operation name, outcome (success, partial: data with errors, error) and duration.
 * Requests refused before execution (syntax, validation, limits) count as errors.
 */
export function useMetrics({ metrics, path = '/metrics' }: MetricsOptions): Plugin {
  const records = new WeakMap<Request, OperationRecord>();
  const note = (request: Request | undefined, document: DocumentNode, operationName?: string | null) => {
    const record = request && records.get(request);
    if (!record) return;
    const operation = getOperationAST(document, operationName);
    record.type = operation?.operation ?? record.type;
    record.name = operation?.name?.value ?? record.name;
  };
  return {
    onRequest({ request, url, endResponse, fetchAPI }) {
      if (path && url.pathname === path && (request.method === 'GET' || request.method === 'HEAD')) {
        endResponse(new fetchAPI.Response(metrics.registry.render(), { status: 200, headers: { 'content-type': PROMETHEUS_CONTENT_TYPE, 'cache-control': 'no-store' } }));
        return;
      }
      records.set(request, { startedAt: performance.now(), graphql: false, outcome: 'success' });
    },
    onParams({ request, params }) {
      const record = records.get(request);
      if (!record) return;
      record.graphql = true;
      record.name = params.operationName ?? null;
    },
    onValidate({ params, context }) {
      note((context as { request?: Request }).request, params.documentAST);
    },
    onResultProcess({ request, result }) {
      const record = records.get(request);
      if (!record) return;
      record.graphql = true;
      // A subscription's stream: counted when it opens.
      record.outcome = typeof result === 'object' && result !== null && Symbol.asyncIterator in result ? 'success' : outcomeOf(result);
    },
    onResponse({ request }) {
      const record = records.get(request);
      if (!record?.graphql) return;
      records.delete(request);
      metrics.recordOperation(record.type ?? 'unknown', record.name ?? null, record.outcome, (performance.now() - record.startedAt) / 1000);
    },
  };
}
