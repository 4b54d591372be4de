import type { SubgraphEndpoint } from '../execution/operation-executor';
import { describeSubgraphFailure, SubgraphHttpError } from '../execution/subgraph-failure';

export interface ReadinessReport {
  ready: boolean;
  /** `ok`, or why the subgraph did not answer the probe (no URLs: this report is public). */
  subgraphs: Record<string, string>;
  failing: string[];
}

export interface ReadinessOptions {
  subgraphs: ReadonlyArray<SubgraphEndpoint>;
  /** How long a probe result is reused, so that frequent readiness checks do not load the subgraphs. */
  cacheMs?: number;
  timeoutMs?: number;
  fetch?: typeof globalThis.fetch;
  now?: () => number;
  /** Headers each probe carries (the gateway-signed claims of an anonymous caller, when subgraphs check them). */
  headers?: () => Record<string, string>;
}

// The same cheap operation @apollo/gateway uses for its own health checks.
const PROBE = JSON.stringify({ query: 'query __ApolloServiceHealthCheck__ { __typename }' });

async function probe(endpoint: SubgraphEndpoint, fetchFn: typeof globalThis.fetch, timeoutMs: number, headers: Record<string, string>): Promise<string> {
  try {
    const response = await fetchFn(endpoint.url, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json', accept: 'application/json' },
      body: PROBE,
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!response.ok) throw new SubgraphHttpError(response.status, undefined);
    const body = (await response.json()) as { data?: { __typename?: unknown } };
    if (typeof body.data?.__typename !== 'string') return 'answered without data';
    return 'ok';
  } catch (error) {
    return describeSubgraphFailure(error).reason;
  }
}

/**
 * Probes every subgraph with `{ __typename }` in parallel. Results are cached for `cacheMs`, and
 * callers arriving while a probe runs share it.
 */
export function createReadinessCheck(options: ReadinessOptions): () => Promise<ReadinessReport> {
  const { subgraphs, cacheMs = 3000, timeoutMs = 2000, fetch: fetchFn = globalThis.fetch, now = Date.now, headers = () => ({}) } = options;
  let last: { at: number; report: Promise<ReadinessReport> } | undefined;

  const run = async (): Promise<ReadinessReport> => {
    const probeHeaders = headers();
    const outcomes = await Promise.all(subgraphs.map((s) => probe(s, fetchFn, timeoutMs, probeHeaders)));
    const report: ReadinessReport = { ready: true, subgraphs: {}, failing: [] };
    subgraphs.forEach((s, i) => {
      report.subgraphs[s.name] = outcomes[i];
      if (outcomes[i] !== 'ok') report.failing.push(s.name);
    });
    report.ready = report.failing.length === 0;
    return report;
  };

  return () => {
    const at = now();
    if (!last || at - last.at >= cacheMs) last = { at, report: run() };
    return last.report;
  };
}
