import { Pool } from 'undici';
import { UpstreamUnavailableError } from '../../../lib/errors';
import { dispatchText } from './dispatch-text';
import type { SubgraphFetcher, SubgraphRequest, SubgraphResponse } from './subgraph-fetcher';

const JSON_HEADERS = { 'content-type': 'application/json', accept: 'application/json' };

// Most requests forward the same few headers: reuse the merged object per forwarded-headers object.
const mergedHeaders = new WeakMap<object, Record<string, string>>();

function headersFor(forwarded: Readonly<Record<string, string>>): Record<string, string> {
  let merged = mergedHeaders.get(forwarded);
  if (!merged) {
    merged = { ...forwarded, ...JSON_HEADERS };
    mergedHeaders.set(forwarded, merged);
  }
  return merged;
}

export interface UndiciSubgraphFetcherOptions {
  /** Time allowed for a subgraph to send its response headers, and then its body. */
  timeoutMs?: number;
  /** Keep-alive connections per subgraph origin (undefined: as many as the load needs). */
  connectionsPerOrigin?: number;
  keepAliveTimeoutMs?: number;
}

/**
 * Subgraph calls over undici: one keep-alive pool per origin, so that the sockets, TLS sessions and
 * parsers are reused from one client request to the next.
 */
export function createUndiciSubgraphFetcher(options: UndiciSubgraphFetcherOptions = {}): SubgraphFetcher {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const pools = new Map<string, Pool>();
  const targets = new Map<string, { pool: Pool; path: string }>();

  function targetOf(url: string): { pool: Pool; path: string } {
    let target = targets.get(url);
    if (target) return target;
    const parsed = new URL(url);
    let pool = pools.get(parsed.origin);
    if (!pool) {
      pool = new Pool(parsed.origin, {
        connections: options.connectionsPerOrigin ?? null,
        keepAliveTimeout: options.keepAliveTimeoutMs ?? 30_000,
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
      });
      pools.set(parsed.origin, pool);
    }
    target = { pool, path: `${parsed.pathname}${parsed.search}` };
    targets.set(url, target);
    return target;
  }

  return {
    async fetch(request: SubgraphRequest): Promise<SubgraphResponse> {
      const { pool, path } = targetOf(request.url);
      let statusCode: number;
      let text: string;
      try {
        ({ statusCode, text } = await dispatchText(pool, {
          method: 'POST',
          path,
          headers: headersFor(request.headers),
          body: request.body,
        }));
      } catch (cause) {
        throw new UpstreamUnavailableError(request.subgraph, `subgraph "${request.subgraph}" could not be reached`, { cause });
      }
      return parseGraphQLResponse(request.subgraph, statusCode, text);
    },
    async close(): Promise<void> {
      await Promise.all([...pools.values()].map((pool) => pool.close()));
      pools.clear();
      targets.clear();
    },
  };
}

/** A GraphQL response whatever the status (GraphQL over HTTP allows 4xx/5xx with a body), else an error. */
export function parseGraphQLResponse(subgraph: string, statusCode: number, text: string): SubgraphResponse {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (cause) {
    throw new UpstreamUnavailableError(subgraph, `subgraph "${subgraph}" answered HTTP ${statusCode} without a GraphQL response`, { cause });
  }
  if (parsed === null || typeof parsed !== 'object' || (!('data' in parsed) && !('errors' in parsed))) {
    throw new UpstreamUnavailableError(subgraph, `subgraph "${subgraph}" answered HTTP ${statusCode} without a GraphQL response`);
  }
  return parsed as SubgraphResponse;
}
