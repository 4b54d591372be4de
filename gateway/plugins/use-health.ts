import type { Plugin } from 'graphql-yoga';
import type { ReadinessReport } from '../health/readiness';

export interface HealthOptions {
  /** The readiness of everything the gateway needs; only called once the supergraph is loaded. */
  readiness: () => Promise<ReadinessReport>;
  livenessPath?: string;
  readinessPath?: string;
}

// A fresh object per response: whatwg-node's Response writes content-length into the one it is given.
const jsonHeaders = () => ({ 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });

/**
 * `/healthz` answers 200 while the process serves requests (liveness); `/readyz` answers 200 once
 * the supergraph is loaded and every subgraph answers a probe, 503 naming the failing ones.
 */
export function useHealth({ readiness, livenessPath = '/healthz', readinessPath = '/readyz' }: HealthOptions): Plugin {
  return {
    onRequest({ request, url, endResponse, fetchAPI }) {
      if (request.method !== 'GET' && request.method !== 'HEAD') return;
      if (url.pathname === livenessPath) {
        endResponse(new fetchAPI.Response(JSON.stringify({ status: 'ok' }), { status: 200, headers: jsonHeaders() }));
        return;
      }
      if (url.pathname !== readinessPath) return;
      return readiness().then((report) => {
        const body = report.ready
          ? { status: 'ready', subgraphs: report.subgraphs }
          : { status: 'unavailable', failing: report.failing, subgraphs: report.subgraphs };
        endResponse(new fetchAPI.Response(JSON.stringify(body), { status: report.ready ? 200 : 503, headers: jsonHeaders() }));
      });
    },
  };
}
