import type { SubgraphFetcher } from '../engine/transport/subgraph-fetcher';
import type { SubgraphFetchEvent } from './gateway-metrics';

export type SubgraphFetchObserver = (event: SubgraphFetchEvent) => void;

/** Reports every subgraph call (time taken, failed or not, GraphQL errors) to an observer; changes nothing. */
export function observedFetcher(inner: SubgraphFetcher, observe: SubgraphFetchObserver): SubgraphFetcher {
  return {
    async fetch(request) {
      const started = performance.now();
      try {
        const response = await inner.fetch(request);
        observe({ subgraph: request.subgraph, seconds: (performance.now() - started) / 1000, failed: false, errors: response.errors?.length ?? 0 });
        return response;
      } catch (error) {
        observe({ subgraph: request.subgraph, seconds: (performance.now() - started) / 1000, failed: true, errors: 0 });
        throw error;
      }
    },
    close: () => inner.close(),
  };
}
