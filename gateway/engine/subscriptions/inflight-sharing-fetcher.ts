// Subscription events often reach many streams at once (the same stock change heard by streams of
// different variables), and their plans then ask the same subgraph for the same entities. Within
// event resolution, a fetch identical to one in flight (same URL, body and headers but the request
// id, so the same credentials) waits for that one instead of calling the subgraph again; the
// subgraph sees the first one's request id. Each caller gets its own copy of the answer: the engine
// merges answers into its results in place.
import { REQUEST_ID_HEADER } from '../../request-ids';
import { copyJson } from '../execution/merge-result';
import type { SubgraphFetcher, SubgraphResponse } from '../transport/subgraph-fetcher';
import { headersKey } from './upstream-failure';

export function inflightSharingFetcher(inner: SubgraphFetcher): SubgraphFetcher & { shared(): number } {
  const inflight = new Map<string, Promise<SubgraphResponse>>();
  const headerKeys = new WeakMap<object, string>();
  let shared = 0;
  return {
    fetch(request) {
      let headers = headerKeys.get(request.headers);
      if (headers === undefined) {
        const { [REQUEST_ID_HEADER]: _requestId, ...credentials } = request.headers;
        headers = headersKey(credentials);
        headerKeys.set(request.headers, headers);
      }
      const key = `${request.url}\u0000${headers}\u0000${request.body}`;
      let pending = inflight.get(key);
      if (pending) {
        shared += 1;
      } else {
        pending = inner.fetch(request);
        inflight.set(key, pending);
        const forget = () => {
          if (inflight.get(key) === pending) inflight.delete(key);
        };
        pending.then(forget, forget);
      }
      return pending.then((response) => copyJson(response));
    },
    close: () => inner.close(),
    shared: () => shared,
  };
}
