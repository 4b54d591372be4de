// The gateway's promise about a subgraph that fails to answer, whichever executor runs: an error
// naming the subgraph with SUBGRAPH_UNAVAILABLE or DOWNSTREAM_SERVICE_ERROR and a short reason
// ("connection refused", "timed out", "answered HTTP 503"), the rest of the answer still given. The
// Touchpoint engine itself reports such failures as @apollo/gateway's executor does
// (SUBREQUEST_HTTP_ERROR); this fetcher, put between the engine and its transport by the gateway's
// executor factory, turns a failed call into the subgraph response the gateway promises.
import { UpstreamUnavailableError } from '../../lib/errors';
import type { Logger } from '../../lib/logger';
import type { SubgraphFetcher, SubgraphResponse } from '../engine/transport/subgraph-fetcher';
import { describeSubgraphFailure, SubgraphHttpError } from './subgraph-failure';

/** The transport reports a non-GraphQL answer by its status in the message (see parseGraphQLResponse). */
const ANSWERED_STATUS = /answered HTTP (\d{3})/;

function classify(error: unknown) {
  if (error instanceof UpstreamUnavailableError) {
    const status = ANSWERED_STATUS.exec(error.message);
    if (status) return describeSubgraphFailure(new SubgraphHttpError(Number(status[1]), null));
  }
  return describeSubgraphFailure(error);
}

export function failureReportingFetcher(inner: SubgraphFetcher, log: Logger): SubgraphFetcher {
  return {
    async fetch(request): Promise<SubgraphResponse> {
      try {
        return await inner.fetch(request);
      } catch (error) {
        const failure = classify(error);
        log.warn({ subgraph: request.subgraph, err: error, reason: failure.reason }, 'subgraph request failed');
        const what = failure.code === 'SUBGRAPH_UNAVAILABLE' ? 'is unavailable' : 'failed';
        return { errors: [{ message: `Subgraph "${request.subgraph}" ${what} (${failure.reason})`, extensions: { code: failure.code } }] };
      }
    },
    close: () => inner.close(),
  };
}
