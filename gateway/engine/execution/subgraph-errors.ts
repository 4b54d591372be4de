import { GraphQLError } from 'graphql';
import type { SubgraphErrorPayload } from '../transport/subgraph-fetcher';

/** The code of a subgraph error that carries none of its own. */
export const DOWNSTREAM_SERVICE_ERROR = 'DOWNSTREAM_SERVICE_ERROR';
/** The code of a failed subgraph call: unreachable, timed out, or no GraphQL response. */
export const SUBREQUEST_HTTP_ERROR = 'SUBREQUEST_HTTP_ERROR';
/** The code of a subgraph response the plan cannot use (wrong number of entities, for instance). */
export const SUBREQUEST_MALFORMED_RESPONSE = 'SUBREQUEST_MALFORMED_RESPONSE';

/** A subgraph's error passed on to the client, naming the subgraph, at a path in the client's answer. */
export function subgraphError(payload: SubgraphErrorPayload, serviceName: string, path: ReadonlyArray<string | number> | undefined): GraphQLError {
  const extensions = payload.extensions ?? {};
  return new GraphQLError(payload.message || `Error while fetching subquery from service "${serviceName}"`, {
    path,
    extensions: { ...extensions, code: extensions.code ?? DOWNSTREAM_SERVICE_ERROR, serviceName },
  });
}

/** An error of the gateway's own about a fetch from a subgraph. */
export function fetchFailure(message: string, serviceName: string, code: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code, serviceName } });
}
