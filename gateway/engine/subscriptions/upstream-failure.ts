import { UpstreamUnavailableError } from '../../../lib/errors';
import type { SubgraphErrorPayload, SubgraphResponse } from '../transport/subgraph-fetcher';
import type { PushQueue } from './push-queue';

/** What a transport reported when it gave up: a close event, an error, or anything else. */
export function describeTransportFailure(reason: unknown): string {
  if (reason instanceof Error) return reason.message || reason.name;
  if (typeof reason === 'object' && reason !== null) {
    const { code, reason: text } = reason as { code?: unknown; reason?: unknown };
    if (typeof code === 'number') return `the connection closed (${code}${typeof text === 'string' && text ? `: ${text}` : ''})`;
  }
  return String(reason);
}

export function upstreamFailure(subgraph: string, reason: unknown): UpstreamUnavailableError {
  return new UpstreamUnavailableError(subgraph, `the subscription to subgraph "${subgraph}" failed: ${describeTransportFailure(reason)}`, { cause: reason });
}

/** Errors a subgraph sent to refuse an operation (graphql-ws `error` message, graphql-sse), when they are that. */
export function refusalErrors(reason: unknown): SubgraphErrorPayload[] | null {
  if (!Array.isArray(reason) || reason.length === 0) return null;
  if (!reason.every((e) => typeof e === 'object' && e !== null && typeof (e as { message?: unknown }).message === 'string')) return null;
  return reason as SubgraphErrorPayload[];
}

/** A stable key of a set of headers (names are lower case already). */
export function headersKey(headers: Readonly<Record<string, string>>): string {
  return JSON.stringify(Object.keys(headers).sort().map((name) => [name, headers[name]]));
}

/**
 * The sink both client libraries (graphql-ws, graphql-sse) call: results go into the queue; a
 * refusal (the subgraph's GraphQL errors) is passed on and ends the stream; any other failure ends
 * it as the subgraph being unavailable.
 */
export function queueSink(queue: PushQueue<SubgraphResponse>, subgraph: string) {
  return {
    next: (result: unknown) => queue.push(result as SubgraphResponse),
    error: (reason: unknown) => {
      const refused = refusalErrors(reason);
      if (refused) {
        queue.push({ errors: refused });
        queue.end();
      } else {
        queue.end(upstreamFailure(subgraph, reason));
      }
    },
    complete: () => queue.end(),
  };
}
